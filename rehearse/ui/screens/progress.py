"""`rehearse progress`: scores over time per persona (charts), drills passed and failed, what next."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual_plotext import PlotextPlot

from rehearse.records.progress import PersonaProgress, Progress


class ScoreChart(PlotextPlot):
    """One persona's score by session, on a 0 to 100 scale (drawn by plotext)."""

    def __init__(self, persona: PersonaProgress) -> None:
        super().__init__(classes="score-chart")
        self.persona = persona

    def on_mount(self) -> None:
        """Plot the scores."""
        plt = self.plt
        sessions: list[float] = [float(n) for n in range(1, len(self.persona.scores) + 1)]
        plt.plot(sessions, self.persona.scores, marker="hd")
        plt.ylim(0, 100)
        plt.yticks([0.0, 25.0, 50.0, 75.0, 100.0])
        step = max(1, len(sessions) // 10)
        plt.xticks(sessions[::step])
        plt.xlabel("session")
        plt.ylabel("score")


class ProgressScreen(Screen[None]):
    """The trainee's history: a chart and a summary per persona, the drills, and what to do next."""

    CSS_PATH = "progress.tcss"
    BINDINGS = [Binding("escape,q", "app.quit", "Quit")]

    def __init__(self, progress: Progress, source: str) -> None:
        super().__init__()
        self.progress = progress
        self.source = source

    def compose(self) -> ComposeResult:
        """Lay out the personas, the drills and the suggestions."""
        p = self.progress
        with VerticalScroll(id="progress"):
            yield Static(Text(f"rehearse · your progress ({self.source})", style="bold"), id="progress-title")
            if not p.personas:
                yield Static(
                    "No finished sessions yet: play one (rehearse play dprk), and each session that ends "
                    "and each live drill adds a line here.",
                    classes="block",
                    markup=False,
                )
            for persona in p.personas:
                yield Static(
                    Text.assemble((persona.persona, "bold"), "  ", persona.line()), classes="heading"
                )
                yield ScoreChart(persona)
            drills = Text("Drills played live\n", style="bold")
            for d in p.drills:
                mark = "passed" if d.last_passed else "FAILED"
                drills.append(
                    f"  {mark:<7} {d.drill} ({d.persona}): {d.passed} of {d.plays} passed, "
                    f"last {d.last_date[:10]}\n",
                    style="not bold",
                )
            if not p.drills:
                drills.append("  none yet: rehearse play --drill FILE, or pick one in the persona list\n")
            yield Static(drills, classes="block", id="progress-drills")
            suggestions = Text("Next\n", style="bold")
            for drill, why in p.next:
                suggestions.append(f"  {drill}", style="bold")
                suggestions.append(f": {why}\n", style="not bold")
            yield Static(suggestions, classes="block", id="progress-next")
            if p.skipped:
                yield Static(f"({p.skipped} unreadable history lines skipped)", classes="block", markup=False)
        yield Footer()
