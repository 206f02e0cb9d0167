"""Train the attack-clause classifier on the Arabic event GSR sentences and write its JSON weights.

usage: python -m graph_builder.models.train_attack_clause [--gsr PATH] [--out PATH] [--compare]

scikit-learn is a dev dependency: it fits the logistic regression and runs the cross-validation here, while
`attack_clause` scores the written weights in pure Python. Sentences of one source article are kept in one
fold (grouped CV), so near-duplicate wording cannot leak from training into the held-out fold. The threshold
is chosen on the pooled out-of-fold probabilities, because the hidden half of the set is what gets scored.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold

from graph_builder import lexicon
from graph_builder.models.attack_clause import DEFAULT_PATH, AttackClauseModel, FeatureSpec, featurize, stems_of
from graph_builder.text.normalize import normalize_name

DEFAULT_GSR = Path("../shared/eval/outside/gsr_assault_dev.jsonl")  # relative to the repo root
SEED = 0
FOLDS = 5
VARIANTS = {
    "stems": FeatureSpec(stems=True),
    "stems+bigrams": FeatureSpec(stems=True, bigrams=True),
    "stems+char3-4": FeatureSpec(stems=True, char_ngrams=(3, 4)),
    "stems+bigrams+char3-4": FeatureSpec(stems=True, bigrams=True, char_ngrams=(3, 4)),
}
C_GRID = (0.03, 0.1, 0.3)
THRESHOLDS = tuple(round(0.025 * i, 3) for i in range(1, 40))
TARGET_RECALL, MAX_FALSE_ALARM = 0.80, 0.10


@dataclass(frozen=True)
class Data:
    texts: list[str]
    labels: list[str]  # yes / easy no / difficult no (ambiguous dropped)
    groups: list[str]  # source article, for grouped folds

    @property
    def y(self) -> np.ndarray:
        return np.array([lab == "yes" for lab in self.labels], dtype=int)


def read_gsr(path: Path) -> tuple[Data, int]:
    """The labelled sentences without 'ambiguous' (annotators split: neither a clean positive nor negative)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    kept = [r for r in rows if r["label"] in ("yes", "easy no", "difficult no")]
    return Data([r["text"] for r in kept], [r["label"] for r in kept],
                [r["id"].rsplit("-", 1)[0] for r in kept]), len(rows) - len(kept)


def rates(prob: np.ndarray, labels: Sequence[str], threshold: float) -> dict[str, float]:
    """Recall on 'yes', false-alarm rate on 'easy no' and precision of yes against easy no (the GSR scorer's view)."""
    lab = np.array(labels)
    hit = prob >= threshold
    yes, easy = lab == "yes", lab == "easy no"
    tp, fp = int((hit & yes).sum()), int((hit & easy).sum())
    return {"threshold": threshold, "recall_yes": tp / max(1, int(yes.sum())),
            "false_alarm_easy_no": fp / max(1, int(easy.sum())),
            "precision": tp / (tp + fp) if tp + fp else 0.0,
            "fires_difficult_no": float(hit[lab == "difficult no"].mean())}


def average_precision(prob: np.ndarray, labels: Sequence[str]) -> float:
    """Ranking quality of yes over easy no, threshold-free: the figure variants are compared on."""
    lab = np.array(labels)
    keep = (lab == "yes") | (lab == "easy no")
    p, y = prob[keep], (lab[keep] == "yes")
    order = np.argsort(-p, kind="stable")
    y = y[order]
    hits = np.cumsum(y)
    return float((hits[y] / (np.flatnonzero(y) + 1)).mean())


def featurize_all(texts: Sequence[str], spec: FeatureSpec) -> list[list[str]]:
    """Features once per sentence (tokenizing is the costly part), reused by every fold and every C."""
    return [sorted(featurize(t, spec)) for t in texts]


def vectorizer() -> CountVectorizer:
    # min_df=2: a feature seen in one training sentence cannot generalise and only bloats the shipped file
    return CountVectorizer(analyzer=list, binary=True, min_df=2)


def fit(feats: Sequence[list[str]], y: np.ndarray, c: float,
        weight: np.ndarray | None = None) -> tuple[CountVectorizer, LogisticRegression]:
    vec = vectorizer()
    x = vec.fit_transform(feats)
    clf = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", random_state=SEED, max_iter=1000)
    clf.fit(x, y, sample_weight=weight)
    return vec, clf


def sample_weights(labels: Sequence[str], difficult_weight: float) -> np.ndarray:
    return np.array([difficult_weight if lab == "difficult no" else 1.0 for lab in labels])


def oof_probabilities(data: Data, feats: Sequence[list[str]], c: float, difficult_weight: float) -> np.ndarray:
    """Out-of-fold probability for every sentence from a grouped, stratified 5-fold split with a fixed seed."""
    y = data.y
    weight = sample_weights(data.labels, difficult_weight)
    prob = np.zeros(len(y))
    folds = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    for train, test in folds.split(data.texts, y, data.groups):
        vec, clf = fit([feats[i] for i in train], y[train], c, weight[train])
        prob[test] = clf.predict_proba(vec.transform([feats[i] for i in test]))[:, 1]
    return prob


def choose_threshold(prob: np.ndarray, labels: Sequence[str]) -> dict[str, float]:
    """The middle of the thresholds meeting both targets, leaving a margin on each for the unseen half of the set.

    Failing both, the best recall within the false-alarm cap.
    """
    table = [rates(prob, labels, t) for t in THRESHOLDS]
    both = [r for r in table if r["recall_yes"] >= TARGET_RECALL and r["false_alarm_easy_no"] <= MAX_FALSE_ALARM]
    if both:
        return both[(len(both) - 1) // 2]
    capped = [r for r in table if r["false_alarm_easy_no"] <= MAX_FALSE_ALARM] or table
    return max(capped, key=lambda r: (r["recall_yes"], r["threshold"]))


def lexicon_baseline(texts: Sequence[str]) -> np.ndarray:
    """1.0 when any single-word trigger of attack_triggers.tsv is a stem or surface of the sentence, else 0.0."""
    words = {normalize_name(t.phrase) for t in lexicon.attack_triggers()}
    single = {w for w in words if " " not in w}
    multi = [w for w in words if " " in w]
    out = []
    for text in texts:
        stems = set(stems_of(text))
        norm = " ".join(stems)
        out.append(float(bool(stems & single) or any(m in norm for m in multi)))
    return np.array(out)


def compare(data: Data, difficult_weight: float) -> dict[str, dict[str, float]]:
    """Average precision and targets-view rates for each feature family and C; printed and returned."""
    results: dict[str, dict[str, float]] = {}
    base = lexicon_baseline(data.texts)
    r = rates(base, data.labels, 0.5)
    print(f"{'lexicon baseline':28s} AP    -   recall {r['recall_yes']:.3f} FA {r['false_alarm_easy_no']:.3f} "
          f"precision {r['precision']:.3f}")
    for name, spec in VARIANTS.items():
        feats = featurize_all(data.texts, spec)
        for c in C_GRID:
            prob = oof_probabilities(data, feats, c, difficult_weight)
            ap = average_precision(prob, data.labels)
            best = choose_threshold(prob, data.labels)
            results[f"{name} C={c}"] = {"ap": ap, **best}
            print(f"{name:22s} C={c:<4} AP {ap:.3f} recall {best['recall_yes']:.3f} FA "
                  f"{best['false_alarm_easy_no']:.3f} precision {best['precision']:.3f} @ {best['threshold']:.3f}",
                  flush=True)
    return results


def to_model(vec: CountVectorizer, clf: LogisticRegression, spec: FeatureSpec, threshold: float,
             metadata: dict[str, object]) -> AttackClauseModel:
    """Weights rounded to 4 decimals and near-zero ones dropped (the file shrinks, scores barely move).

    The version is a digest of the weights, so retraining on the same data gives the same file.
    """
    names = vec.get_feature_names_out()
    coef = clf.coef_[0]
    weights = {str(f): round(float(w), 4) for f, w in zip(names, coef, strict=True) if abs(w) >= 5e-4}
    bias = round(float(clf.intercept_[0]), 4)
    digest = hashlib.sha256(json.dumps([bias, sorted(weights.items())], ensure_ascii=False).encode()).hexdigest()
    return AttackClauseModel(weights, bias, threshold, spec, f"attack-clause-{digest[:12]}", metadata)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gsr", type=Path, default=DEFAULT_GSR, help="gsr_assault_dev.jsonl")
    ap.add_argument("--out", type=Path, default=DEFAULT_PATH, help="model JSON to write")
    ap.add_argument("--features", choices=sorted(VARIANTS), default="stems")
    ap.add_argument("--C", type=float, default=0.1, dest="c")
    ap.add_argument("--difficult-weight", type=float, default=0.5, help="sample weight of 'difficult no' negatives")
    ap.add_argument("--compare", action="store_true", help="cross-validate every feature family and C first")
    a = ap.parse_args(argv)
    data, dropped = read_gsr(a.gsr)
    counts = {lab: data.labels.count(lab) for lab in ("yes", "easy no", "difficult no")}
    print(f"{len(data.texts)} sentences {counts}, {dropped} ambiguous dropped, {len(set(data.groups))} articles")
    if a.compare:
        compare(data, a.difficult_weight)
    spec = VARIANTS[a.features]
    feats = featurize_all(data.texts, spec)
    prob = oof_probabilities(data, feats, a.c, a.difficult_weight)
    chosen = choose_threshold(prob, data.labels)
    curve = [rates(prob, data.labels, t) for t in THRESHOLDS]
    print(f"\n{a.features} C={a.c}: 5-fold grouped CV, AP {average_precision(prob, data.labels):.3f}")
    print("threshold  recall(yes)  false-alarm(easy no)  precision  fires(difficult no)")
    for r in curve:
        mark = "  <- chosen" if r["threshold"] == chosen["threshold"] else ""
        print(f"  {r['threshold']:.3f}     {r['recall_yes']:.3f}        {r['false_alarm_easy_no']:.3f}"
              f"              {r['precision']:.3f}      {r['fires_difficult_no']:.3f}{mark}")
    vec, clf = fit(feats, data.y, a.c, sample_weights(data.labels, a.difficult_weight))
    meta: dict[str, object] = {
        "trained_on": "openeventdata arabic_event_gsr, assault dev split (MIT); yes vs easy no + difficult no",
        "sentences": counts, "ambiguous_dropped": dropped, "features": a.features, "C": a.c,
        "difficult_no_weight": a.difficult_weight, "class_weight": "balanced", "min_df": 2, "seed": SEED,
        "cv": {"folds": FOLDS, "grouped_by": "source article", "average_precision_yes_vs_easy_no":
               round(average_precision(prob, data.labels), 4),
               "at_threshold": {k: round(v, 4) for k, v in chosen.items()},
               "curve": [{k: round(v, 4) for k, v in r.items()} for r in curve]},
    }
    model = to_model(vec, clf, spec, chosen["threshold"], meta)
    a.out.write_text(json.dumps(model.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {a.out}: {len(model.weights)} weights, {a.out.stat().st_size / 1024:.0f} KB, "
          f"threshold {model.threshold}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
