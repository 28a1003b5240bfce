"""The debrief of a table: the score as parts, where each party ended, the table's turning points."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from rehearse.content.templates import count_of
from rehearse.engine.drill_runner import ObjectiveResult
from rehearse.engine.table_debrief import TableDebrief

BANNERS = {
    "agreement": "JOINT STATEMENT ADOPTED",
    "derailed": "THE TABLE BROKE UP",
    "ongoing": "TABLE IN PROGRESS",
}


class TableDebriefScreen(Screen[None]):
    """What happened at the table and why (F2, also mid-session)."""

    CSS_PATH = "debrief.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("f2", "app.pop_screen", "Back", show=False),
        Binding("ctrl+n", "app.new_session", "New session"),
        Binding("ctrl+q", "app.quit", "Quit"),
    ]

    def __init__(
        self, report: TableDebrief, title: str, objectives: list[ObjectiveResult] | None = None
    ) -> None:
        super().__init__()
        self.report = report
        self.title_text = title
        self.objectives = objectives

    def compose(self) -> ComposeResult:
        """Lay out the banner, the score, the objectives, the parties and the turning points."""
        r = self.report
        with VerticalScroll(id="debrief"):
            yield Static(Text(f"{BANNERS[r.outcome]}  ·  {self.title_text}"), id="outcome", classes=r.outcome)
            score = Text.assemble(
                ("Score ", "bold"), f"{r.score}/100  ", (f"after {count_of(r.turns, 'turn')}", "dim")
            )
            for what, points, most in r.parts:
                score.append(f"\n  {points:>2}/{most}  ", style="bold")
                score.append(what)
            yield Static(score, classes="block", id="score")
            if self.objectives is not None:
                drill = Text("Drill objectives", style="bold")
                for o in self.objectives:
                    drill.append(f"\n  {'☑' if o.met else '☐'} {o.name.replace('_', ' ')}: {o.why}")
                yield Static(drill, classes="block", id="objectives")
            parties = Text("Where each party ended", style="bold")
            parties.append("  trust and tension from the start, steps agreed of those needed", style="dim")
            for end in r.parties:
                parties.append(f"\n  @{end.party:<8}", style="bold")
                parties.append(f" {end.stage:<10}")
                parties.append(
                    f" trust {end.start.get('trust', 0):>3}→{end.end.get('trust', 0):<3}", style="green"
                )
                tension = f" tension {end.start.get('tension', 0):>3}→{end.end.get('tension', 0):<3}"
                parties.append(tension, style="red")
                parties.append(
                    f" {end.agreed}/{end.minimum}", style="green" if end.agreed >= end.minimum else ""
                )
            yield Static(parties, classes="block", id="parties")
            turning = Text("Turning points", style="bold")
            turning.append(f"  {r.reactions} reactions drawn in all", style="dim")
            for point in r.points:
                turning.append(f"\n  turn {point.turn}  ", style="bold")
                turning.append(point.what)
            if r.more:
                turning.append(f"\n  … and {r.more} smaller turning points", style="dim")
            if not r.points:
                turning.append("\n  none yet: no walk-out, no big swing, nothing agreed")
            yield Static(turning, classes="block", id="points")
        yield Footer()
