"""Drill throughput: 1,000 generated drills of 10 turns each, run with -j 1 and -j 2, as drills per
second, and the share of the time not spent in the engine (loading, checking, grading).

usage: python benchmarks/drills.py [--drills 1000]        (target: >= 500 drills/s in one process)
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import yaml

from rehearse import Negotiation, load_persona
from rehearse.content.drills import load_drill
from rehearse.engine.drill_batch import run_files

MESSAGES = [
    "Good morning.",
    "If you halt ICBM tests, we will scale down the joint exercises.",
    "What does denuclearization mean to your side?",
    "That is not acceptable to us.",
    "How would you sequence the steps?",
    "As a goodwill gesture we will not impose new sanctions during these talks.",
    "we might be in a position to look at easing some sanctions if there is movement on yongbyon",
    "What would you want for a moratorium on nuclear tests?",
    "If you stop nuclear tests, we will suspend the exercises and end the hostile policy.",
    "Thank you. Let us continue after lunch.",
]


def generate(folder: Path, count: int) -> list[Path]:
    """Write ``count`` drills of 10 turns with expectations taken from a real run."""
    persona = load_persona("dprk")
    rng = random.Random(0)
    paths = []
    for index in range(count):
        script = [rng.choice(MESSAGES) for _ in range(10)]
        neg = Negotiation(persona, seed=index)
        turns = []
        for text in script:
            turn = neg.say(text)
            turns.append(
                {
                    "say": text,
                    "expect": {
                        "kind": turn.move.kind,
                        "state": turn.state,
                        "trust": f">= {turn.meters['trust']}",
                    },
                }
            )
        drill = {
            "drill": f"gen-{index}",
            "persona": "dprk",
            "seed": index,
            "turns": turns,
            "objectives": {"outcome": neg.outcome},
        }
        path = folder / f"gen-{index:04d}.yaml"
        path.write_text(yaml.safe_dump(drill, sort_keys=False))
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description="drill throughput")
    parser.add_argument("--drills", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        files = generate(Path(folder), args.drills)
        rates = {}
        for jobs in (1, 2):
            start = time.perf_counter()
            batch = run_files(files, jobs)
            elapsed = time.perf_counter() - start
            assert not batch.failed and not batch.problems, (batch.failed[:1], batch.problems[:1])
            rates[jobs] = len(files) / elapsed
        drills = [load_drill(p) for p in files[:200]]
        start = time.perf_counter()
        for drill in drills:
            neg = Negotiation(drill.persona, seed=drill.seed)
            for step in drill.turns:
                if neg.outcome != "ongoing":
                    break
                neg.say(step.say)
        engine_only = (time.perf_counter() - start) / len(drills)
    per_drill = 1 / rates[1]
    print(f"-j 1: {rates[1]:,.0f} drills/s ({args.drills} drills of 10 turns)  (target >= 500)")
    print(f"-j 2: {rates[2]:,.0f} drills/s")
    print(
        f"time outside the engine (loading, checking, grading): {1 - engine_only / per_drill:.0%} of each drill"
    )


if __name__ == "__main__":
    main()
