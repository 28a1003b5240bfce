"""How large a dialogue, drill and playbook each command handles, with time and peak memory.

usage: python benchmarks/limits.py [--turns 40000] [--drill-turns 2000] [--items 2000]

Builds, in a temporary folder: a saved dialogue of --turns turns (a real session's turns,
repeated with rewinds between them), a drill of --drill-turns scripted turns, and a playbook with
--items extra items (each with phrases); then runs each command on them in a fresh process and
reports its wall time and peak memory (the child's maximum resident set size).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "dialogues" / "samples" / "recovery.jsonl"


WRAPPER = (
    "import atexit, resource, sys\n"
    "atexit.register(lambda: sys.stderr.write(f'\\nPEAK {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n'))\n"
    "sys.argv = ['rehearse', *sys.argv[1:]]\n"
    "from rehearse.cli import main\n"
    "main()\n"
)
"""Runs the command line in a fresh process and reports that process's own peak memory."""


def run(*args: str) -> tuple[float, float, int]:
    """Run ``rehearse ARGS`` in a fresh process; return seconds, its peak MiB and the exit code."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", WRAPPER, *args], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    peaks = [line.split()[1] for line in done.stderr.splitlines() if line.startswith("PEAK ")]
    return seconds, int(peaks[-1]) / 1024 if peaks else float("nan"), done.returncode


def big_dialogue(folder: Path, turns: int) -> Path:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    header, records = lines[0], [json.loads(line) for line in lines[1:]]
    out = [header]
    count = 0
    while count < turns:
        for record in records[:6]:  # the first six turns of a session, then a rewind to the start
            out.append(json.dumps(record, ensure_ascii=False))
            count += 1
        out.append(json.dumps({"event": "rewind", "to_turn": 0}))
    path = folder / "big.jsonl"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path


def big_drill(folder: Path, turns: int) -> Path:
    script = [
        "Good morning.",
        "What does denuclearization mean to your side?",
        "How would you sequence the steps?",
    ]
    steps = [{"say": script[i % len(script)]} for i in range(turns)]
    path = folder / "big-drill.yaml"
    path.write_text(yaml.safe_dump({"drill": "big", "persona": "dprk", "turns": steps}), encoding="utf-8")
    return path


def big_playbook(folder: Path, items: int) -> Path:
    data = yaml.safe_load((ROOT / "personas" / "dprk.yaml").read_text(encoding="utf-8"))
    for n in range(items):
        data["items"][f"extra_{n}"] = {
            "label": f"extra measure {n}",
            "side": "user" if n % 2 else "persona",
            "value": 5,
            "phase": 1 + n % 4,
            "phrases": [f"extra measure {n}", f"measure number {n}"],
        }
    path = folder / "big-playbook.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=40_000)
    parser.add_argument("--drill-turns", type=int, default=2_000)
    parser.add_argument("--items", type=int, default=2_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        dialogue = big_dialogue(folder, args.turns)
        drill = big_drill(folder, args.drill_turns)
        playbook = big_playbook(folder, args.items)
        size = {p: p.stat().st_size / 1024 / 1024 for p in (dialogue, drill, playbook)}
        cases = [
            (
                f"dialogue, {args.turns:,} turns ({size[dialogue]:.1f} MiB)",
                ["replay", "--check", str(dialogue)],
            ),
            ("", ["export", str(dialogue), "--format", "md", "-o", str(folder / "big.md")]),
            ("", ["export", str(dialogue), "--format", "corpus", "-o", str(folder / "big-corpus.yaml")]),
            ("", ["graph", "dprk", "--dialogue", str(dialogue)]),
            (f"drill, {args.drill_turns:,} turns ({size[drill]:.2f} MiB)", ["validate", str(drill)]),
            ("", ["drill", str(drill)]),
            (f"playbook, {args.items:,} extra items ({size[playbook]:.1f} MiB)", ["validate", str(playbook)]),
        ]
        for title, command in cases:
            if title:
                print(title)
            seconds, peak, code = run(*command)
            shown = " ".join(a for a in command if not a.startswith("/"))
            print(f"  rehearse {shown:<34} {seconds:6.2f} s, peak {peak:5.0f} MiB, exit {code}")


if __name__ == "__main__":
    main()
