"""Engine speed: turns per second over a long mixed script, persona load time, and the cost of a
bare transitions trigger plus a sandboxed jinja2 render measured in the same run (the floor any
engine built on them pays), so the engine's overhead reads as a ratio.

usage: python benchmarks/engine.py [--turns 20000] [--persona dprk]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from transitions import Machine

from rehearse import Negotiation
from rehearse.content.loader import load_playbook
from rehearse.content.registry import resolve_persona

SCRIPT = [
    "Good morning.",
    "If you halt ICBM tests, we will scale down the joint exercises.",
    "Agreed.",
    "What does denuclearization mean to your side?",
    "we might be in a position to look at easing some sanctions if there is movement on yongbyon",
    "That is not acceptable to us.",
    "As a goodwill gesture we will send food aid this winter.",
    "Agreed.",
    "Freeze enrichment now.",
    "How would you sequence the steps?",
    "If you limit your intermediate-range missiles, we will begin a peace treaty process.",
    "Another missile test and we will respond militarily.",
    "You must give up all your nuclear weapons first.",
    "We accept the roadmap.",
]


def bench_engine(persona_path: str, turns: int, fresh_text: bool) -> tuple[float, int]:
    """Play the script over and over; with ``fresh_text`` every message is new to the classifier."""
    persona = load_playbook(resolve_persona(persona_path))
    messages = [
        f"{SCRIPT[i % len(SCRIPT)]} (note {i})" if fresh_text else SCRIPT[i % len(SCRIPT)]
        for i in range(turns)
    ]
    neg = Negotiation(persona, seed=0)
    sessions = 1
    start = time.perf_counter()
    for message in messages:
        if neg.outcome != "ongoing":
            neg = Negotiation(persona, seed=sessions)
            sessions += 1
        neg.say(message)
    return turns / (time.perf_counter() - start), sessions


def bench_floor(turns: int) -> float:
    class Model:
        pass

    machine = Machine(model=None, states=["a", "b"], initial="a", auto_transitions=False, send_event=False)
    machine.add_transition("go", "a", "b", conditions=[lambda ctx: ctx["x"] > 0])
    machine.add_transition("go", "b", "a", conditions=[lambda ctx: ctx["x"] > 0])
    model = Model()
    machine.add_model(model)
    env = SandboxedEnvironment(undefined=StrictUndefined)
    template = env.from_string('"{{ a|join(", ") }} for {{ b }}," {{ leader }} says.')
    context = {"a": ["x", "y"], "b": "z", "leader": "the leader"}
    start = time.perf_counter()
    for _ in range(turns):
        model.trigger("go", {"x": 1})
        template.render(context)
    return turns / (time.perf_counter() - start)


def bench_load(persona: str, runs: int = 15) -> float:
    path = resolve_persona(persona)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        load_playbook(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def bench_cold_load(persona: str) -> float:
    """Load once with an empty cache folder, as on the first run after installing or editing."""
    path = resolve_persona(persona)
    with tempfile.TemporaryDirectory() as cache:
        os.environ["REHEARSE_CACHE_DIR"] = cache
        try:
            start = time.perf_counter()
            load_playbook(path)
            return (time.perf_counter() - start) * 1000
        finally:
            del os.environ["REHEARSE_CACHE_DIR"]


def main() -> None:
    parser = argparse.ArgumentParser(description="rehearse engine benchmark")
    parser.add_argument("--turns", type=int, default=20_000)
    parser.add_argument("--persona", default="dprk")
    args = parser.parse_args()
    cold_ms = bench_cold_load(args.persona)
    load_ms = bench_load(args.persona)
    fresh, sessions = bench_engine(args.persona, args.turns, fresh_text=True)
    repeated, _ = bench_engine(args.persona, args.turns, fresh_text=False)
    floor = bench_floor(args.turns)
    print(
        f"persona load ({args.persona}): {load_ms:.1f} ms median, {cold_ms:.1f} ms on first sight "
        "of its content (full template checks) (target <= 50 ms)"
    )
    print(f"engine, every message new: {fresh:,.0f} turns/s over {args.turns:,} turns in {sessions} sessions")
    print(f"engine, repeated script (classifier memo hits): {repeated:,.0f} turns/s (target >= 10,000)")
    print(f"floor (bare transitions trigger + sandboxed render): {floor:,.0f} per s")
    print(
        f"an engine turn costs {floor / fresh:.1f}x the floor (new messages), {floor / repeated:.1f}x (repeated)"
    )


if __name__ == "__main__":
    main()
