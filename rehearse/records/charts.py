"""Charts for the HTML pages (progress, class report): static SVG drawn by pygal, inlined.

No script runs and nothing is fetched when a page is viewed: pygal's script tags are removed and
its own script reference is never added.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any

SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)


def _pygal() -> Any:
    """Import pygal, then drop its import hook (for map plugins we never use; it warns on imports)."""
    import pygal

    sys.meta_path[:] = [finder for finder in sys.meta_path if type(finder).__name__ != "PluginImportFixer"]
    return pygal


def svg_chart(
    kind: str,
    title: str,
    series: Sequence[tuple[str, Sequence[int]]],
    *,
    x_labels: Sequence[str] = (),
    width: int = 640,
    height: int = 240,
) -> str:
    """Return a static SVG chart (``kind``: 'line' or 'box') of scores from 0 to 100."""
    pygal = _pygal()
    chart_class = {"line": pygal.Line, "box": pygal.Box}[kind]
    chart = chart_class(
        width=width,
        height=height,
        range=(0, 100),
        show_legend=len(series) > 1,
        legend_at_bottom=True,
        disable_xml_declaration=True,
        js=[],
        no_prefix=True,
    )
    chart.title = title
    if x_labels:
        chart.x_labels = list(x_labels)
    for name, values in series:
        chart.add(name, list(values))
    return SCRIPT.sub("", chart.render(is_unicode=True))
