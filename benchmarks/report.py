"""How long `rehearse report` takes on a large class, and how much memory it holds.

    python benchmarks/report.py [--sessions 10000] [--memory]

Builds a class of saved dialogues of 10 turns each (20 trainees, the shipped personas, real turns
played by the engine once and then copied with each trainee's name and a varied ending), then runs
the report over them and prints the time; with --memory, the peak memory of reading a tenth of
the class and all of it (flat: only running totals are kept).
Target: under 10 s for 10,000 sessions.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
import tracemalloc
from functools import cache
from pathlib import Path

from rehearse import Negotiation, load_persona
from rehearse.records.dialogue_file import turn_record
from rehearse.records.report import build_report, report_files, report_html, report_markdown

SCRIPT = [
    "Good morning.",
    "What would you want for your first step?",
    "If you halt ICBM tests, we will scale down the joint exercises.",
    "Agreed.",
    "Freeze enrichment now.",
    "If you freeze enrichment under monitoring, we will open liaison offices and ease sanctions.",
    "Agreed.",
    "How would you sequence the next phase?",
    "Let us take a short break.",
    "We accept the roadmap as it stands.",
]


def session_lines(persona_id: str) -> list[str]:
    """Return the JSON lines of one 10-turn session (header first)."""
    persona = load_persona(persona_id)
    neg = Negotiation(persona, seed=0)
    lines = [json.dumps({"format": "rehearse-dialogue", "version": 1, "persona": persona_id, "seed": 0})]
    for text in SCRIPT:
        if neg.outcome != "ongoing":
            break
        lines.append(json.dumps(turn_record(persona, neg.say(text))))
    return lines


def build_class(root: Path, sessions: int) -> None:
    """Write ``sessions`` dialogues under ``root``, one folder a trainee."""
    templates = {p: session_lines(p) for p in ("dprk", "usa", "rok", "china", "harbor")}
    personas = list(templates)
    for number in range(sessions):
        trainee = root / f"trainee-{number % 20:02d}"
        trainee.mkdir(parents=True, exist_ok=True)
        persona = personas[number % len(personas)]
        lines = templates[persona]
        cut = len(lines) - (number % 3)  # some end earlier: varied outcomes and scores
        (trainee / f"{persona}-{number:05d}.jsonl").write_text(
            "\n".join(lines[:cut]) + "\n", encoding="utf-8"
        )


def main() -> None:
    """Build the class, run the report, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10_000)
    parser.add_argument("--memory", action="store_true", help="also measure peak memory (slow)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        start = time.perf_counter()
        build_class(root, args.sessions)
        print(f"built {args.sessions} sessions in {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        files = report_files(root)
        result = build_report(root, cache(load_persona), files)
        html_page, markdown = report_html(result), report_markdown(result)
        seconds = time.perf_counter() - start
        print(
            f"report: {result.files} files, {len(result.skipped)} skipped, in {seconds:.1f} s "
            f"({result.files / seconds:,.0f} files/s); html {len(html_page) // 1024} KiB, "
            f"markdown {len(markdown) // 1024} KiB"
        )
        if args.memory:  # slow: tracemalloc follows every allocation
            for count in (len(files) // 10, len(files)):
                tracemalloc.start()
                build_report(root, cache(load_persona), files[:count])
                _, peak = tracemalloc.get_traced_memory()
                tracemalloc.stop()
                print(f"peak memory reading {count} files: {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
