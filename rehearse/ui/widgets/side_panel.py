"""The side panel: the delegation, meters with their history, stage, table, roadmap, last reading."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from rehearse.content.templates import and_list
from rehearse.engine.drill_runner import ObjectiveResult
from rehearse.engine.turns import describe_trade, roadmap_lines
from rehearse.records.view import SessionView
from rehearse.ui.widgets.meter_chart import MeterChart

BAR_WIDTH = 14


def meter_line(name: str, value: int, change: int) -> Text:
    """Return 'Trust  ████░░░░ 40 (+5)' as text."""
    filled = round(value / 100 * BAR_WIDTH)
    text = Text(f"{name.capitalize():<8}", style="bold")
    text.append("█" * filled, style="green" if name == "trust" else "red")
    text.append("░" * (BAR_WIDTH - filled), style="dim")
    text.append(f" {value:>3}")
    if change:
        text.append(f" ({change:+d})", style="bold")
    return text


class SidePanel(VerticalScroll):
    """Everything about the session at a glance; hidden on small screens with a key."""

    can_focus = False

    def compose(self) -> ComposeResult:
        """Lay out the sections."""
        yield Static(id="objectives", classes="section")
        yield Static(id="delegation", classes="section")
        yield Static(id="meter-trust", classes="meter")
        yield MeterChart(rows=1, axis=False, id="spark-trust", classes="spark")
        yield Static(id="meter-tension", classes="meter")
        yield MeterChart(rows=1, axis=False, id="spark-tension", classes="spark")
        yield Static(id="reading", classes="section")  # the last reading first: the roadmap can grow
        yield Static(id="stage", classes="section")
        yield Static(id="on-table", classes="section")
        yield Static(id="roadmap", classes="section")

    def show(self, view: SessionView) -> None:
        """Refresh every section from a view of the session."""
        persona = view.persona
        self.query_one("#delegation", Static).update(
            Text.assemble((persona.name, "bold"), "\n", persona.leader, "\n", ("Mood: ", "dim"), view.mood)
        )
        for name in ("trust", "tension"):
            series = view.meters.get(name, [0])
            change = series[-1] - series[-2] if len(series) > 1 else 0
            self.query_one(f"#meter-{name}", Static).update(meter_line(name, series[-1], change))
            self.query_one(f"#spark-{name}", MeterChart).set_values(list(series))
        self.query_one("#stage", Static).update(
            Text.assemble(("Stage ", "bold"), view.state, "\n", (view.description, "dim"))
        )
        table = view.table
        self.query_one("#on-table", Static).update(
            Text.assemble(("On the table\n", "bold"), describe_trade(persona, table) if table else "nothing")
        )
        roadmap = Text("Roadmap\n", style="bold")
        if not view.ledger:
            roadmap.append("nothing agreed yet", style="not bold")
        for line in roadmap_lines(persona, view.ledger):
            roadmap.append(f"• {line}\n", style="not bold")
        self.query_one("#roadmap", Static).update(roadmap)
        self.query_one("#reading", Static).update(self._reading(view))

    def show_objectives(self, results: list[ObjectiveResult], turns_left: int | None) -> None:
        """Show a drill's objectives as a checklist, with the turns left when there is a limit."""
        text = Text("Objectives\n", style="bold")
        for result in results:
            mark = "☑" if result.met else "☐"
            text.append(f"{mark} {result.name}: {result.why}\n", style="not bold")
        if turns_left is not None:
            text.append(f"turns left: {max(turns_left, 0)}", style="bold")
        widget = self.query_one("#objectives", Static)
        widget.update(text)
        widget.display = True

    @staticmethod
    def _reading(view: SessionView) -> Text:
        text = Text("Your last message read as\n", style="bold")
        last = view.last
        if last is None:
            text.append("(nothing said yet)", style="not bold")
            return text
        sure = "" if last.confidence >= 0.6 else f" (unsure, {last.confidence:.0%})"
        text.append(f"{last.kind}{sure}\n", style="not bold")
        text.append(f"offers: {and_list(view.label(i) for i in last.gives)}\n", style="not bold")
        text.append(f"asks: {and_list(view.label(i) for i in last.asks)}\n", style="not bold")
        for found in last.evidence:
            text.append(f"· {found}\n", style="dim not bold")
        for reason in last.reasons:
            text.append(f"→ {reason}\n", style="italic not bold")
        return text
