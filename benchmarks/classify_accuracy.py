"""Classifier accuracy: kind accuracy, a confusion table and item F1, per labelled corpus.

usage: python benchmarks/classify_accuracy.py [--persona dprk] [--misses tuning|heldout|shared] [CORPUS...]

Without CORPUS it scores the persona's shared examples, tuning set and held-out set
(tests/corpus/<persona>_tuning.yaml and <persona>_heldout.yaml). The held-out set was written
independently of the classifier and is never used for tuning: read its figures, never its misses.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

from rehearse import load_persona
from rehearse.reading.reader import Reader
from rehearse.engine.moves import MOVE_KINDS

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "reference" / "moves-examples.yaml"


def corpora(persona: str) -> dict[str, Path]:
    found = {"shared": SHARED} if persona == "dprk" else {}
    corpus = ROOT / "tests" / "corpus"
    for path in sorted(corpus.glob(f"{persona}_tuning*.yaml")):
        found[path.stem.removeprefix(f"{persona}_")] = path
    found["heldout"] = corpus / f"{persona}_heldout.yaml"
    return {name: path for name, path in found.items() if path.is_file()}


def score(classifier: Reader, rows: list[dict], show_misses: bool) -> dict:
    ok = tp = fp = fn = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for row in rows:
        move = classifier.classify(row["text"])
        confusion[(row["kind"], move.kind)] += 1
        ok += move.kind == row["kind"]
        gold = {("g", i) for i in row.get("gives", [])} | {("a", i) for i in row.get("asks", [])}
        got = {("g", i) for i in move.gives} | {("a", i) for i in move.asks}
        tp += len(gold & got)
        fp += len(got - gold)
        fn += len(gold - got)
        if show_misses and (move.kind != row["kind"] or gold != got):
            print(f"MISS {row['text']!r}")
            print(f"   want {row['kind']} g={sorted(row.get('gives', []))} a={sorted(row.get('asks', []))}")
            print(f"   got  {move.kind} g={sorted(move.gives)} a={sorted(move.asks)}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"n": len(rows), "accuracy": ok / len(rows), "f1": f1, "confusion": confusion}


def print_confusion(confusion: Counter[tuple[str, str]]) -> None:
    kinds = [k for k in MOVE_KINDS if any(k in pair for pair in confusion)]
    short = {k: k[:6] for k in kinds}
    print("      gold \\ read " + " ".join(f"{short[k]:>6}" for k in kinds))
    for gold in kinds:
        cells = " ".join(f"{confusion.get((gold, got), 0) or '.':>6}" for got in kinds)
        print(f"  {gold:>15} {cells}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persona", default="dprk")
    parser.add_argument(
        "--misses", metavar="SET", help="print the misses of one set (never the held-out one)"
    )
    parser.add_argument("--rules-only", action="store_true", help="read with the rules alone, no model")
    parser.add_argument("corpus", nargs="*", type=Path)
    args = parser.parse_args()
    classifier = Reader(load_persona(args.persona), use_model=not args.rules_only)
    sets = {p.stem: p for p in args.corpus} if args.corpus else corpora(args.persona)
    if args.misses:
        if args.misses == "heldout":
            parser.error("the held-out set is for measuring only; its misses are not shown")
        sets = {args.misses: corpora(args.persona)[args.misses]}
    for name, path in sets.items():
        rows = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        result = score(classifier, rows, show_misses=args.misses == name)
        print(f"\n{name} ({path.name}): {result['n']} utterances")
        print(f"  kind accuracy {result['accuracy']:.3f}   item F1 {result['f1']:.3f}")
        print_confusion(result["confusion"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
