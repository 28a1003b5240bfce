"""First paint: `rehearse play dprk` and `rehearse play six-party` against a minimal Textual app (RichLog + Input + Static),
both started in a real terminal (tmux) in the same run, timed until their first screen shows.

usage: python benchmarks/startup.py [--runs 5]     (needs tmux; target: rehearse <= 1.5x minimal)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

MINIMAL = """
from textual.app import App
from textual.widgets import Input, RichLog, Static

class Minimal(App):
    def compose(self):
        yield Static("minimal ready")
        yield RichLog()
        yield Input()

Minimal().run()
"""


def first_paint(command: str, marker: str, env: dict[str, str]) -> float:
    name = f"bench-{uuid.uuid4().hex[:8]}"
    start = time.perf_counter()
    subprocess.run(
        ["tmux", "-L", name, "new-session", "-d", "-s", name, "-x", "100", "-y", "30", command],
        check=True,
        env=env,
    )
    try:
        while True:
            shown = subprocess.run(
                ["tmux", "-L", name, "capture-pane", "-t", name, "-p"], capture_output=True, text=True
            ).stdout
            if marker in shown:
                return time.perf_counter() - start
            if time.perf_counter() - start > 20:
                raise RuntimeError(f"{marker!r} did not appear")
            time.sleep(0.005)
    finally:
        subprocess.run(
            ["tmux", "-L", name, "kill-server"], check=False
        )  # its own server: no race with others


def main() -> None:
    parser = argparse.ArgumentParser(description="first-paint benchmark")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "REHEARSE_DATA_DIR": data}
        script = Path(data) / "minimal.py"
        script.write_text(MINIMAL)
        rehearse = Path(sys.executable).with_name("rehearse")
        commands = {
            "minimal Textual app": (f"{sys.executable} {script}", "minimal ready"),
            "rehearse play dprk": (f"{rehearse} play dprk --no-save", "Press Enter to begin"),
            "rehearse play six-party": (f"{rehearse} play six-party --no-save", "Press Enter to begin"),
        }
        first_paint(*commands["rehearse play dprk"], env)  # warm the validated-content marker and OS caches
        results: dict[str, list[float]] = {label: [] for label in commands}
        for _ in range(args.runs):
            for label, (command, marker) in commands.items():
                results[label].append(first_paint(command, marker, env))
    medians = {label: statistics.median(times) * 1000 for label, times in results.items()}
    for label, ms in medians.items():
        print(f"{label}: first paint {ms:.0f} ms (median of {args.runs})")
    for label in ("rehearse play dprk", "rehearse play six-party"):
        ratio = medians[label] / medians["minimal Textual app"]
        print(f"{label}: ratio {ratio:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
