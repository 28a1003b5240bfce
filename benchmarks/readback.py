"""The cost of the TUI's read-back line and of the preview made on Enter.

usage: python benchmarks/readback.py [--runs 50] [--length 2000] [--persona dprk]

Read-back: ``read_back`` on a draft of --length characters, --runs times, each draft one keystroke
different from the one before (as while typing), with the reader's message memo off so every run
reads; its sentence memo stays on, as in the TUI: a keystroke re-reads only the sentence it changed.
The line must cost under 16 ms (one frame at 60 Hz) to be cheap enough for the main thread; the
TUI reads it in a worker thread anyway, debounced, so a keystroke never waits for it.

Preview: ``preview`` (what Enter calls before sending) on a session ten turns in, on a new
one-line message each run and on a new --length message each run, memo off (in the TUI the
read-back has usually read the draft already, so the preview finds it in the memo).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable

from rehearse import Negotiation, load_persona
from rehearse.engine.preview import preview, read_back
from rehearse.reading.reader import reader_for

BUDGET_MS = 16.0

SCRIPT = [
    "Good morning.",
    "If you halt ICBM tests, we will scale down the joint exercises.",
    "Agreed.",
    "What does denuclearization mean to your side?",
    "we might be in a position to look at easing some sanctions if there is movement on yongbyon",
    "That is not acceptable to us.",
    "As a goodwill gesture we will send food aid this winter.",
    "How would you sequence the steps?",
    "If you limit your intermediate-range missiles, we will begin a peace treaty process.",
    "Freeze enrichment now.",
]


def draft_of(length: int) -> str:
    """Return a draft of ``length`` characters made of ordinary sentences."""
    text = ""
    i = 0
    while len(text) < length:
        text += SCRIPT[i % len(SCRIPT)] + " "
        i += 1
    return text[:length]


def timed(call: Callable[..., object], *args: object) -> float:
    start = time.perf_counter()
    call(*args)
    return (time.perf_counter() - start) * 1000


def bench_read_back(neg: Negotiation, length: int, runs: int) -> list[float]:
    """Time ``read_back`` on drafts of ``length`` that grow by one keystroke each run."""
    base = draft_of(length - 1)
    read_back(neg, base)  # warm the per-word caches once, as the first keystrokes would
    letters = "abcdefghijklmnopqrstuvwxyz"
    return [timed(read_back, neg, base[: length - 1 - i % 2] + letters[i % 26]) for i in range(runs)]


def bench_preview(neg: Negotiation, runs: int, length: int) -> tuple[list[float], list[float]]:
    """Time ``preview`` on a session ten turns in, on a one-line and a long message (no change made)."""
    for text in SCRIPT:
        neg.say(text)
    assert len(neg.turns) == 10 and neg.outcome == "ongoing", (len(neg.turns), neg.outcome)
    message = "If you halt nuclear tests, we will offer liaison offices"
    short = [timed(preview, neg, f"{message} ({i}).") for i in range(runs)]
    base = draft_of(length - 1)
    long = [timed(preview, neg, base + "abcdefghijklmnopqrstuvwxyz"[i % 26]) for i in range(runs)]
    assert len(neg.turns) == 10
    return short, long


def main() -> None:
    parser = argparse.ArgumentParser(description="read-back and preview cost")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--length", type=int, default=2000)
    parser.add_argument("--persona", default="dprk")
    args = parser.parse_args()
    persona = load_persona(args.persona)
    neg = Negotiation(persona, seed=0)
    reader = reader_for(persona)  # the reader the negotiation uses
    reader.memo = False  # every run reads: the memo would turn repeats into lookups
    gc.freeze()  # as the TUI does once the session is loaded
    try:
        lines = bench_read_back(neg, args.length, args.runs)
        short = [timed(read_back, neg, SCRIPT[1][: 20 + i % 40]) for i in range(args.runs)]
        previews, long_previews = bench_preview(neg, args.runs, args.length)
    finally:
        reader.memo = True
    median = statistics.median(lines)
    print(
        f"read-back, {args.length:,}-character draft: {median:.1f} ms median, {max(lines):.1f} ms max "
        f"over {args.runs} runs (budget {BUDGET_MS:.0f} ms a keystroke: "
        f"{'within' if median < BUDGET_MS else 'OVER'} at the median, "
        f"{'within' if max(lines) < BUDGET_MS else 'over'} at the max; the TUI reads in a thread)"
    )
    print(
        f"preview (on Enter) on a session 10 turns in: {statistics.median(previews):.1f} ms median, "
        f"{max(previews):.1f} ms max over {args.runs} runs; with a {args.length:,}-character message "
        f"read afresh: {statistics.median(long_previews):.1f} ms median, {max(long_previews):.1f} ms max"
    )
    print(f"read-back, a one-line draft: {statistics.median(short):.2f} ms median, {max(short):.2f} ms max")


if __name__ == "__main__":
    main()
