"""Reader accuracy: kind accuracy, a confusion table and item F1, per labelled corpus and persona.

usage: python benchmarks/classify_accuracy.py [--persona ID|all]  (dprk usa rok china harbor japan russia rok_ally)
           [--misses NAME] [--rules-only] [--speed] [CORPUS...]

Without CORPUS it scores the persona's shared examples, tuning sets and held-out set
(tests/corpus/<persona>_tuning*.yaml and <persona>_heldout.yaml). Held-out sets were written
independently of the reader and are never trained or tuned on: read their figures, never their
misses. It also reports how often a reciprocal utterance is read as a demand or a threat (the
worst error: the trainee does the right thing and is punished for it). ``--speed`` times a new
message's reading (median, one thread, the message memo off).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

from rehearse import load_persona
from rehearse.errors import RehearseError
from rehearse.moves import MOVE_KINDS
from rehearse.reading.reader import Reader

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "tests" / "corpus" / "dprk_examples.yaml"  # the move contract's labelled examples
PERSONAS = ("dprk", "usa", "rok", "china", "harbor", "japan", "russia", "rok_ally")


def corpora(persona: str) -> dict[str, Path]:
    found = {"examples": EXAMPLES} if persona == "dprk" else {}
    corpus = ROOT / "tests" / "corpus"
    for path in sorted(corpus.glob(f"{persona}_tuning*.yaml")):
        found[path.stem.removeprefix(f"{persona}_")] = path
    found["heldout"] = corpus / f"{persona}_heldout.yaml"
    return {name: path for name, path in found.items() if path.is_file()}


def score(reader: Reader, rows: list[dict], show_misses: bool) -> dict:
    ok = tp = fp = fn = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for row in rows:
        move = reader.classify(row["text"])
        confusion[(row["kind"], move.kind)] += 1
        ok += move.kind == row["kind"]
        gold = {("g", i) for i in row.get("gives") or []} | {("a", i) for i in row.get("asks") or []}
        got = {("g", i) for i in move.gives} | {("a", i) for i in move.asks}
        tp += len(gold & got)
        fp += len(got - gold)
        fn += len(gold - got)
        if show_misses and (move.kind != row["kind"] or gold != got):
            print(f"MISS {row['text']!r}")
            print(
                f"   want {row['kind']} g={sorted(row.get('gives') or [])} a={sorted(row.get('asks') or [])}"
            )
            print(f"   got  {move.kind} g={sorted(move.gives)} a={sorted(move.asks)}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"n": len(rows), "accuracy": ok / len(rows), "f1": f1, "confusion": confusion}


def print_confusion(confusion: Counter[tuple[str, str]]) -> None:
    kinds = [k for k in MOVE_KINDS if any(k in pair for pair in confusion)]
    print("      gold \\ read " + " ".join(f"{k[:6]:>6}" for k in kinds))
    for gold in kinds:
        cells = " ".join(f"{confusion.get((gold, got), 0) or '.':>6}" for got in kinds)
        print(f"  {gold:>15} {cells}")


def punished(confusion: Counter[tuple[str, str]]) -> tuple[int, int]:
    """Return (reciprocal read as demand or threat, reciprocal utterances)."""
    total = sum(n for (gold, _), n in confusion.items() if gold == "reciprocal")
    bad = confusion[("reciprocal", "demand")] + confusion[("reciprocal", "threat")]
    return bad, total


def speed(reader: Reader, rows: list[dict]) -> float:
    """Return the median time to read one new message, in microseconds (message and sentence memos off)."""
    reader.memo = reader.sentence_memo = False
    times = []
    for row in rows * 3:
        start = time.perf_counter()
        reader.read(row["text"])
        times.append(time.perf_counter() - start)
    reader.memo = reader.sentence_memo = True
    return statistics.median(times) * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persona", default="dprk", help="a persona id, or 'all'")
    parser.add_argument("--misses", metavar="SET", help="print the misses of one set (never a held-out one)")
    parser.add_argument("--rules-only", action="store_true", help="read with the rules alone, no model")
    parser.add_argument("--speed", action="store_true", help="time a new message's reading")
    parser.add_argument("--heldout-only", action="store_true", help="score only the held-out sets")
    parser.add_argument("corpus", nargs="*", type=Path)
    args = parser.parse_args()
    if args.misses and "heldout" in args.misses:
        parser.error("a held-out set is for measuring only; its misses are not shown")
    summary = []
    for persona in PERSONAS if args.persona == "all" else (args.persona,):
        try:
            playbook = load_persona(persona)
        except RehearseError as exc:
            print(f"\n{persona}: skipped ({exc})")
            continue
        reader = Reader(playbook, use_model=not args.rules_only)
        key = playbook.id  # corpora are named by persona id, whether it was given as an id or a path
        sets = {p.stem: p for p in args.corpus} if args.corpus else corpora(key)
        if args.heldout_only:
            sets = {k: v for k, v in sets.items() if k == "heldout"}
        if args.misses:
            known = corpora(key)
            name = args.misses.removeprefix(f"{key}_")
            if name not in known:
                parser.error(f"no corpus '{args.misses}' for {key}; choose one of {', '.join(known)}")
            sets = {name: known[name]}
        bad = total = 0
        for name, path in sets.items():
            rows = yaml.load(
                path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            )
            result = score(reader, rows, show_misses=bool(args.misses))
            print(f"\n{persona} {name} ({path.name}): {result['n']} utterances")
            print(f"  kind accuracy {result['accuracy']:.3f}   item F1 {result['f1']:.3f}")
            print_confusion(result["confusion"])
            b, t = punished(result["confusion"])
            bad, total = bad + b, total + t
            if name == "heldout":
                summary.append((persona, result["accuracy"], result["f1"], result["n"]))
                if args.speed:
                    print(f"  reading a new message: median {speed(reader, rows):.0f} µs (memo off)")
        if total:
            print(f"\n{persona}: reciprocal read as demand or threat: {bad}/{total} ({bad / total:.1%})")
    if len(summary) > 1:
        print("\nheld-out sets (never trained or tuned on):")
        for persona, acc, f1, n in summary:
            print(f"  {persona:8} kind accuracy {acc:.3f}   item F1 {f1:.3f}   ({n} utterances)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
