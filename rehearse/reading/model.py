"""Stage 6 of reading: a linear model that scores each move kind from a message's features.

The weights are trained offline (``python -m rehearse.reading.train``, scikit-learn) and ship
as ``data/kind_model.json``; scoring here is plain Python: the sum of the weights of the
features present (counted as often as they occur), plus a bias, turned into probabilities.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from rehearse.errors import RehearseError
from rehearse.moves import MOVE_KINDS, MoveKind
from rehearse.reading.features import char_features
from rehearse.reading.itemroles import RoleModel

MODEL_FILE = "kind_model.json"


class ModelError(RehearseError):
    """The shipped reading model is missing or damaged."""


class KindModel:
    """Weights for each move kind over string features, with plain-Python scoring."""

    def __init__(self, data: dict[str, Any]) -> None:
        kinds = tuple(data["kinds"])
        if set(kinds) != set(MOVE_KINDS):
            raise ModelError("the reading model does not cover the eight move kinds")
        self.kinds: tuple[MoveKind, ...] = kinds
        scale = float(data.get("scale", 1))
        self.bias = [b / scale for b in data["bias"]]
        self.weights: dict[str, tuple[float, ...]] = {
            name: tuple(w / scale for w in row) for name, row in data["weights"].items()
        }
        self.info: dict[str, Any] = data.get("info", {})
        self.roles = RoleModel(data["roles"], scale) if "roles" in data else None
        self.vocabulary = frozenset(data.get("vocabulary", ()))
        """Words common in the labelled corpora: never taken for a misspelling."""
        self._zero = (0.0,) * len(kinds)
        self._word_memo: dict[str, tuple[float, ...]] = {}

    def scores(self, words: Sequence[str], other: Iterable[str]) -> list[float]:
        """Return the raw score of each kind for a message's masked words and other features."""
        weights = self.weights
        rows = [weights[name] for name in other if name in weights]
        zero = self._zero
        rows.extend(row for row in map(self._word_vector, words) if row is not zero)
        return [sum(column) for column in zip(self.bias, *rows, strict=True)]

    def _word_vector(self, word: str) -> tuple[float, ...]:
        """Return the summed weights of a word's character n-grams (remembered per word)."""
        found = self._word_memo.get(word)
        if found is None:
            rows = [self.weights[f] for f in char_features(word) if f in self.weights]
            found = tuple(map(sum, zip(*rows, strict=True))) if rows else self._zero
            if len(self._word_memo) < 100_000:
                self._word_memo[word] = found
        return found

    def contributions(self, features: Iterable[str], kind: MoveKind) -> list[tuple[float, str]]:
        """Return (weight for ``kind`` minus the mean over kinds, feature) for the features present."""
        k = self.kinds.index(kind)
        out = []
        for name in set(features):
            row = self.weights.get(name)
            if row is not None:
                out.append((row[k] - sum(row) / len(row), name))
        return sorted(out, reverse=True)


def probabilities(scores: Sequence[float]) -> list[float]:
    """Return the softmax of the scores."""
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


@lru_cache(maxsize=1)
def shipped_model() -> KindModel | None:
    """Return the model shipped in the package, or None when none has been trained yet."""
    try:
        text = resources.files("rehearse.reading").joinpath("data", MODEL_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        return KindModel(json.loads(text))
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"the shipped reading model is damaged ({exc}); reinstall rehearse") from exc
