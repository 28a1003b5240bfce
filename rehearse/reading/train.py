"""Train the reading models: ``python -m rehearse.reading.train`` (needs the ``train`` extra).

Reads every labelled tuning corpus (``tests/corpus/<persona>_tuning*.yaml``; held-out sets are
never read) with its persona's playbook and fits two logistic regressions (scikit-learn):
the item-role model (is each found item really offered or asked?) and the kind model (which of
the eight kinds?). The kind model learns from item roles predicted out of fold, as it will see
them on new text. The weights go to ``rehearse/reading/data/kind_model.json``; the same corpora
and settings give the same file. ``--cv`` reports accuracy with each persona held out in turn.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from rehearse.content.loader import load_playbook
from rehearse.moves import MOVE_KINDS
from rehearse.reading.decide import DROP_COST, UNNAMED_COST, decide
from rehearse.reading.features import features
from rehearse.reading.itemroles import FLIP_MARGIN, RoleModel, occurrence_features
from rehearse.reading.model import KindModel, probabilities
from rehearse.reading.reader import Reader
from rehearse.reading.text import clean, tokens
from rehearse.reading.typos import within_one_edit

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
PERSONAS = ROOT / "personas"
OUT = Path(__file__).resolve().parent / "data" / "kind_model.json"
C_KIND = 0.5
C_ROLES = 1.0
SCALE = 10_000
MIN_WEIGHT = 0.002
FOLDS = 5


@dataclass
class Row:
    """One labelled utterance and where it came from."""

    text: str
    kind: str
    gives: frozenset[str]
    asks: frozenset[str]
    corpus: str
    persona: str


def playbook_path(persona: str) -> Path:
    """Return a corpus's playbook: a shipped persona, or a training-only one in tests/corpus/playbooks."""
    shipped = PERSONAS / f"{persona}.yaml"
    return shipped if shipped.is_file() else CORPUS / "playbooks" / f"{persona}.yaml"


def corpora(root: Path = CORPUS) -> list[Path]:
    """Return the tuning corpora (never a held-out set), sorted."""
    return sorted(p for p in root.glob("*_tuning*.yaml") if "heldout" not in p.name)


def load_rows(paths: list[Path]) -> list[Row]:
    """Return every labelled utterance of these corpora."""
    out = []
    for path in paths:
        persona = path.name.split("_tuning")[0]
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        for r in yaml.load(path.read_text(encoding="utf-8"), Loader=loader):
            gives, asks = frozenset(r.get("gives") or ()), frozenset(r.get("asks") or ())
            out.append(Row(str(r["text"]), r["kind"], gives, asks, path.stem, persona))
    return out


def vocabulary(rows: list[Row]) -> list[str]:
    """Return the words common in the corpora, sorted.

    Common: 3 times or more, in 2 corpora or more, and not one edit from a word five times as
    frequent (a common misspelling is still a misspelling).
    """
    counts: Counter[str] = Counter()
    where: dict[str, set[str]] = {}
    for row in rows:
        for word in tokens(clean(row.text)):
            if word.isalpha():
                counts[word] += 1
                where.setdefault(word, set()).add(row.corpus)
    common = {w for w, n in counts.items() if n >= 3 and len(where[w]) >= 2}
    by_start: dict[tuple[str, int], list[str]] = {}
    for word in counts:
        by_start.setdefault((word[0], len(word)), []).append(word)

    def misspelt(word: str) -> bool:
        """Return whether a much more frequent word is one edit away (the spelling meant)."""
        return any(
            counts[other] >= 5 * counts[word] and within_one_edit(word, other)
            for size in (len(word) - 1, len(word), len(word) + 1)
            for other in by_start.get((word[0], size), ())
            if other != word
        )

    return sorted(w for w in common if not misspelt(w))


class Readers(dict[str, Reader]):
    """One rules-only reader per persona, built on first use, knowing the corpora's words."""

    def __init__(self, known: list[str]) -> None:
        super().__init__()
        self.known = known

    def __missing__(self, persona: str) -> Reader:
        playbook = load_playbook(playbook_path(persona))
        reader = self[persona] = Reader(playbook, use_model=False, known=self.known)
        return reader


def role_samples(rows: list[Row], readers: Readers) -> list[tuple[Counter[str], int]]:
    """Return (features, 1 if really offered/asked) for every item the lexicon finds in these rows."""
    out = []
    for row in rows:
        reader = readers[row.persona]
        items = reader.playbook.items
        for s in reader.analyse(row.text).sentences:
            for match in s.matches:
                gold = row.gives if items[match.key].side == "user" else row.asks
                out.append((Counter(occurrence_features(s, match, items)), int(match.key in gold)))
    return out


def kind_samples(rows: list[Row], readers: Readers, roles: RoleModel | None) -> list[dict[str, Any]]:
    """Return the kind features of these rows, with the item sets the role model leaves."""
    out = []
    for row in rows:
        reader = readers[row.persona]
        a = reader.analyse(row.text, roles)
        gives = frozenset().union(*(s.gives for s in a.sentences)) if a.sentences else frozenset()
        asks = frozenset().union(*(s.asks for s in a.sentences)) if a.sentences else frozenset()
        out.append(
            {
                "features": Counter(
                    features(a.words, a.sentences, a.rule, reader.finder.lexicon.speller.known)
                ),
                "kind": row.kind,
                "gives": gives,
                "asks": asks,
            }
        )
    return out


def _fit(x_rows: list[Counter[str]], y: list[int], c: float) -> tuple[Any, list[str]]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(x_rows)
    model = LogisticRegression(C=c, max_iter=3000, tol=1e-5)
    model.fit(x, y)
    return model, [str(n) for n in vectorizer.get_feature_names_out()]


def fit_roles(
    samples: list[tuple[Counter[str], int]], c: float = C_ROLES, margin: float = FLIP_MARGIN
) -> dict[str, Any]:
    """Fit the item-role model and return its data."""
    model, names = _fit([f for f, _ in samples], [y for _, y in samples], c)
    weights = {
        n: round(float(w) * SCALE) for n, w in zip(names, model.coef_[0], strict=True) if abs(w) >= MIN_WEIGHT
    }
    return {
        "bias": round(float(model.intercept_[0]) * SCALE),
        "margin": margin,
        "weights": dict(sorted(weights.items())),
    }


def fit_kinds(samples: list[dict[str, Any]], c: float = C_KIND) -> dict[str, Any]:
    """Fit the kind model and return its data (without the role model)."""
    model, names = _fit([s["features"] for s in samples], [MOVE_KINDS.index(s["kind"]) for s in samples], c)
    weights: dict[str, list[int]] = {}
    for j, name in enumerate(names):
        column = model.coef_[:, j]
        if max(abs(column)) >= MIN_WEIGHT:
            weights[name] = [round(float(w) * SCALE) for w in column]
    return {
        "format": "rehearse-kind-model",
        "version": 1,
        "kinds": [MOVE_KINDS[k] for k in model.classes_],
        "scale": SCALE,
        "bias": [round(float(b) * SCALE) for b in model.intercept_],
        "weights": dict(sorted(weights.items())),
    }


def train(
    rows: list[Row],
    readers: Readers,
    c_kind: float = C_KIND,
    c_roles: float = C_ROLES,
    margin: float = FLIP_MARGIN,
) -> dict[str, Any]:
    """Train both models on these rows; the kind model sees out-of-fold item roles."""
    roles_data = fit_roles(role_samples(rows, readers), c_roles, margin)
    names = sorted({r.corpus for r in rows})
    samples: list[dict[str, Any]] = []
    for k in range(FOLDS):
        held = set(names[k::FOLDS])
        inner = fit_roles(role_samples([r for r in rows if r.corpus not in held], readers), c_roles, margin)
        samples += kind_samples([r for r in rows if r.corpus in held], readers, RoleModel(inner, SCALE))
    data = fit_kinds(samples, c_kind)
    data["roles"] = roles_data
    data["vocabulary"] = readers.known
    data["info"] = {"utterances": len(rows), "c_kind": c_kind, "c_roles": c_roles, "corpora": names}
    return data


def evaluate(
    data: dict[str, Any],
    rows: list[Row],
    readers: Readers,
    drop_cost: float = DROP_COST,
    unnamed_cost: float = UNNAMED_COST,
) -> float:
    """Return the kind accuracy of a model's data on these rows."""
    model = KindModel(data)
    right = 0
    for s in kind_samples(rows, readers, model.roles):
        scores = list(model.bias)
        for name, count in s["features"].items():
            row = model.weights.get(name)
            if row:
                for k, w in enumerate(row):
                    scores[k] += w * count
        move, _ = decide(probabilities(scores), model.kinds, s["gives"], s["asks"], drop_cost, unnamed_cost)
        right += move.kind == s["kind"]
    return right / len(rows)


def main(argv: list[str] | None = None) -> int:
    """Train the models (or cross-validate them) from the command line."""
    parser = argparse.ArgumentParser(description="Train the reading models on every tuning corpus.")
    parser.add_argument("--cv", action="store_true", help="hold out each persona's corpora in turn")
    parser.add_argument("--c-kind", type=float, default=C_KIND)
    parser.add_argument("--c-roles", type=float, default=C_ROLES)
    parser.add_argument("--drop-cost", type=float, default=DROP_COST)
    parser.add_argument("--flip-margin", type=float, default=FLIP_MARGIN)
    parser.add_argument("--char-sizes", type=int, nargs="*", help="character n-gram sizes (experiments only)")
    parser.add_argument("--unnamed-cost", type=float, nargs="*", default=[UNNAMED_COST])
    parser.add_argument("-o", "--output", type=Path, default=OUT)
    parser.add_argument(
        "--exclude", nargs="*", default=[], help="corpus names to leave out (not yet measured)"
    )
    args = parser.parse_args(argv)
    if args.char_sizes is not None:
        import rehearse.reading.features as feature_module

        feature_module.CHAR_SIZES = tuple(args.char_sizes)
        feature_module.char_features.cache_clear()
    paths = [p for p in corpora() if p.stem not in args.exclude]
    rows = load_rows(paths)
    readers = Readers(vocabulary(rows))
    print(f"{len(rows)} utterances from {len(paths)} corpora", file=sys.stderr)
    if args.cv:
        for persona in sorted({r.persona for r in rows}):
            train_rows = [r for r in rows if r.persona != persona]
            test_rows = [r for r in rows if r.persona == persona]
            data = train(train_rows, readers, args.c_kind, args.c_roles, args.flip_margin)
            for cost in args.unnamed_cost:
                acc = evaluate(data, test_rows, readers, args.drop_cost, cost)
                print(
                    f"held out {persona} (unnamed cost {cost}): kind accuracy {acc:.3f} on {len(test_rows)}"
                )
        return 0
    data = train(rows, readers, args.c_kind, args.c_roles, args.flip_margin)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(
        f"wrote {args.output} ({len(data['weights'])} kind weights, {len(data['roles']['weights'])} role weights)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
