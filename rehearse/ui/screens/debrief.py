"""The debrief screen.

Outcome, score and its rule, move counts, meters over the turns, turning points, the roadmap
reached and the openings missed.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from rehearse.engine.drill_runner import ObjectiveResult
from rehearse.engine.lessons import point_lines
from rehearse.engine.scoring import Debrief
from rehearse.ui.widgets.meter_chart import MeterChart


class DebriefScreen(Screen[None]):
    """What happened and why, for one session."""

    CSS_PATH = "debrief.tcss"
    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("ctrl+n", "app.new_session", "New session"),
        Binding("ctrl+q", "app.quit", "Quit"),
    ]

    def __init__(
        self,
        report: Debrief,
        title: str,
        objectives: list[ObjectiveResult] | None = None,
        hints_used: int = 0,
    ) -> None:
        super().__init__()
        self.report = report
        self.title_text = title
        self.objectives = objectives
        self.hints_used = hints_used

    def compose(self) -> ComposeResult:
        """Lay out the report."""
        r = self.report
        with VerticalScroll(id="debrief"):
            banner = {
                "agreement": "AGREEMENT REACHED",
                "derailed": "THE TALKS DERAILED",
                "ongoing": "SESSION IN PROGRESS",
            }
            yield Static(Text(f"{banner[r.outcome]}  ·  {self.title_text}"), id="outcome", classes=r.outcome)
            score = Text.assemble(("Score ", "bold"), f"{r.score}/100")
            for what, part, most in r.score_parts:
                score.append(f"\n  {part:>2}/{most}  ", style="bold")
                score.append(what)
            yield Static(score, classes="block", id="score")
            if self.objectives is not None:
                graded = Text("Drill objectives\n", style="bold")
                for o in self.objectives:
                    graded.append(f"{'MET' if o.met else 'NOT MET'}  {o.name}: {o.why}\n", style="not bold")
                yield Static(graded, classes="block", id="drill-objectives")
            counts = "  ".join(f"{kind} {n}" for kind, n in r.counts.items() if n)
            hinted = f"  ·  {self.hints_used} from hints (F6)" if self.hints_used else ""
            yield Static(Text.assemble(("Moves  ", "bold"), counts or "none", hinted), classes="block")
            for name, series in r.meters.items():
                with Horizontal(classes="plot"):
                    label = Text(f"{name.capitalize()} {series[0]}→{series[-1]}", style="bold")
                    label.append("\n\n\nturn", style="dim not bold")
                    yield Static(label, classes="plot-label")
                    yield MeterChart(list(series), rows=3, axis=True, classes=f"plot-line {name}")
            points = Text("Turning points\n", style="bold")
            for p in r.turning_points:
                points.append(f"turn {p.turn} · {p.label}\n", style="bold")
                for head, text in point_lines(p):
                    style = "not bold" if head not in ("Instead", "It would have made") else "bold green"
                    points.append(f"  {head}: ", style="dim not bold")
                    points.append(f"{text}\n", style=style)
            if not r.turning_points:
                points.append("none yet", style="not bold")
            yield Static(points, classes="block", id="turning-points")
            roadmap = Text("Roadmap reached\n", style="bold")
            roadmap.append("\n".join(f"• {line}" for line in r.roadmap) or "nothing agreed", style="not bold")
            yield Static(roadmap, classes="block")
            missed = Text(
                "Missed openings (early steps the delegation wanted and you never offered)\n", style="bold"
            )
            missed.append(", ".join(r.missed) or "none", style="not bold")
            yield Static(missed, classes="block")
        yield Footer()

    def action_back(self) -> None:
        """Return to the session (or stay, if it has ended)."""
        self.app.pop_screen()
