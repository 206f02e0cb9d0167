"""Learned sentence/clause classifier: does this text report a specific act of political violence that took place?

The trigger lexicon both misses attacks (unlisted wordings) and fires on non-attacks (figurative or generic uses),
so a small logistic regression over the project's own stems gives a second, graded opinion. The weights ship as
JSON and are scored here in pure Python (dict lookups, a sum and a sigmoid), so run time needs neither
scikit-learn nor numpy; `train_attack_clause` writes the file. Features must be computed identically at training
and inference, which is why the featuriser lives here and the trainer imports it.
"""
from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from graph_builder.document import Token
from graph_builder.text.normalize import normalize
from graph_builder.text.tokens import tokenize

DEFAULT_PATH = Path(__file__).with_name("attack_clause.json")
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class FeatureSpec:
    """Which feature families to emit; stored in the model file so inference matches training."""

    stems: bool = True
    bigrams: bool = False
    char_ngrams: tuple[int, ...] = ()  # n-gram sizes over "<stem>" (boundaries marked), e.g. (3, 4)

    def to_json(self) -> dict[str, object]:
        return {"stems": self.stems, "bigrams": self.bigrams, "char_ngrams": list(self.char_ngrams)}

    @classmethod
    def from_json(cls, d: dict[str, object]) -> FeatureSpec:
        grams = d.get("char_ngrams", [])
        return cls(bool(d.get("stems", True)), bool(d.get("bigrams", False)),
                   tuple(int(n) for n in grams) if isinstance(grams, list) else ())


def stems_of(text_or_tokens: str | Sequence[Token]) -> list[str]:
    """Clitic-free stems, every number as "#" (a count of dead matters, its value does not).

    Raw text goes through the project's normaliser and tokenizer; tokens are used as given.
    """
    tokens = tokenize(normalize(text_or_tokens).text) if isinstance(text_or_tokens, str) else text_or_tokens
    return ["#" if t.stem.isdigit() else t.stem for t in tokens]


def featurize(text_or_tokens: str | Sequence[Token], spec: FeatureSpec) -> set[str]:
    """Binary features (a set, so repeated words do not outweigh the rest of the sentence)."""
    stems = stems_of(text_or_tokens)
    feats: set[str] = set()
    if spec.stems:
        feats.update("s:" + s for s in stems)
    if spec.bigrams:
        feats.update(f"b:{a}_{b}" for a, b in pairwise(stems))
    for n in spec.char_ngrams:
        for s in set(stems):
            if s == "#":
                continue
            padded = f"<{s}>"
            feats.update(f"c{n}:{padded[i:i + n]}" for i in range(len(padded) - n + 1))
    return feats


@dataclass(frozen=True)
class AttackClauseModel:
    """Logistic-regression weights with the decision threshold chosen by cross-validation."""

    weights: dict[str, float]
    bias: float
    threshold: float
    spec: FeatureSpec
    version: str
    metadata: dict[str, object]

    def logit(self, text_or_tokens: str | Sequence[Token]) -> float:
        w = self.weights
        return self.bias + sum(w.get(f, 0.0) for f in featurize(text_or_tokens, self.spec))

    def score(self, text_or_tokens: str | Sequence[Token]) -> float:
        """Probability (0-1) that the text reports a specific assault that took place."""
        z = self.logit(text_or_tokens)
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))

    def decide(self, text_or_tokens: str | Sequence[Token]) -> bool:
        """True when the probability reaches the stored threshold."""
        return self.score(text_or_tokens) >= self.threshold

    def explain(self, text_or_tokens: str | Sequence[Token], top: int = 8) -> list[tuple[str, float]]:
        """The features that moved the score most, for error analysis."""
        hits = [(f, self.weights[f]) for f in featurize(text_or_tokens, self.spec) if f in self.weights]
        return sorted(hits, key=lambda fw: -abs(fw[1]))[:top]

    def to_json(self) -> dict[str, object]:
        return {"schema": SCHEMA_VERSION, "version": self.version, "bias": self.bias, "threshold": self.threshold,
                "features": self.spec.to_json(), "metadata": self.metadata,
                "weights": dict(sorted(self.weights.items()))}


def model_from_json(d: dict[str, object]) -> AttackClauseModel:
    """Build a model from the parsed JSON file, refusing a schema this code does not know."""
    if d.get("schema") != SCHEMA_VERSION:
        raise ValueError(f"attack-clause model schema {d.get('schema')!r}, expected {SCHEMA_VERSION}")
    weights = d["weights"]
    features = d["features"]
    metadata = d.get("metadata", {})
    if not isinstance(weights, dict) or not isinstance(features, dict) or not isinstance(metadata, dict):
        raise ValueError("attack-clause model: weights, features and metadata must be objects")
    return AttackClauseModel({str(k): float(v) for k, v in weights.items()}, float(d["bias"]),  # type: ignore[arg-type]
                             float(d["threshold"]), FeatureSpec.from_json(features),  # type: ignore[arg-type]
                             str(d["version"]), metadata)


def load_model(path: str | Path | None = None) -> AttackClauseModel:
    """Read the shipped model (or `path`); not cached here, so the caller decides how long to keep it."""
    with open(path or DEFAULT_PATH, encoding="utf-8") as f:
        return model_from_json(json.load(f))
