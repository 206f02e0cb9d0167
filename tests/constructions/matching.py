"""Compare what the pipeline extracts from one construction case with the facts the case expects.

The rules are the ones written in the suite's format: an `attacks` or `statements` list means exactly that
many facts, each expected fact matched to a distinct extracted one on every field it gives (`null` = absent);
entity names match after normalisation when either contains the other, against the entity's labels and the
words that named it in the text; a speaker also matches the body or state a spokesman speaks for.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import permutations
from pathlib import Path
from typing import Any

from graph_builder.document import Attack, Document, Entity, RawDocument, Statement
from graph_builder.pipeline import Pipeline
from graph_builder.resources import Resources
from graph_builder.text.normalize import normalize_name

HERE = Path(__file__).parent
_STATUS = {"carried_out": "CarriedOut", "foiled": "Foiled", "planned": "Planned"}


@dataclass(frozen=True)
class Case:
    file: str
    line: int
    capability: str
    text: str
    expect: dict[str, Any]
    xfail: str | None

    @property
    def id(self) -> str:
        return f"{self.capability}-{self.line}"


def load_cases(folder: Path = HERE) -> list[Case]:
    cases = []
    for path in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                row = json.loads(line)
                cases.append(Case(path.name, n, row["capability"], row["text"], row["expect"],
                                  row.get("xfail")))
    return cases


def _names(doc: Document, entity: Entity) -> list[str]:
    names = [entity.label_ar, entity.label_en or "", *entity.alt_labels]
    names += [doc.norm[m.norm_start:m.norm_end] for m in doc.mentions if m.entity.key == entity.key]
    return [n for n in (normalize_name(x) for x in names) if n]


def _strip(name: str) -> str:
    return name[1:] if name[:1] in {"و", "ب", "ل"} and len(name) > 3 else name


def names_match(doc: Document, expected: str, entity: Entity | None) -> bool:
    if entity is None:
        return False
    want = _strip(normalize_name(expected))
    return any(want in have or _strip(have) in want for have in _names(doc, entity))


def _entity_ok(doc: Document, res: Resources, expected: Any, entity: Entity | None, speaker: bool = False) -> bool:
    if expected is None:
        return entity is None
    if names_match(doc, expected, entity):
        return True
    if speaker and entity is not None:  # a spokesman for X: X is accepted, and the reverse
        bodies = [res.entities.get(entity.official_of or ""), res.state_of(entity)]
        return any(names_match(doc, expected, b) for b in bodies if b is not None)
    return False


def _attack_ok(doc: Document, res: Resources, want: dict[str, Any], got: Attack) -> bool:
    for field, value in want.items():
        if field == "kind":
            if value != "Attack" and got.kind.value != value:
                return False
        elif field == "status":
            if got.status.value != _STATUS.get(value, value):
                return False
        elif field in {"target", "perpetrator", "location"}:
            if not _entity_ok(doc, res, value, getattr(got, field)):
                return False
        elif field in {"count", "killed", "injured"} and getattr(got, field) != value:
            return False
    return True


def _statement_ok(doc: Document, res: Resources, want: dict[str, Any], got: Statement,
                  attacks: dict[int, Attack]) -> bool:
    if want.get("type") not in (None, got.kind.value):
        return False
    if "speaker" in want and not _entity_ok(doc, res, want["speaker"], got.speaker, speaker=True):
        return False
    if "accused" in want and not _entity_ok(doc, res, want["accused"], got.accused):
        return False
    if "about" in want:
        about = want["about"]
        if about is None:
            return got.about is None
        return got.about is not None and attacks.get(about) is got.about
    return True


def _assignments(n_want: int, n_got: int) -> Iterator[tuple[int, ...]]:
    if n_want == n_got:
        yield from permutations(range(n_got), n_want)


@dataclass
class Outcome:
    passed: bool
    why: str
    statements: tuple[int, int, int] = (0, 0, 0)  # statements right on type, speaker and accused; made; expected


def statement_counts(doc: Document, res: Resources, want: list[dict[str, Any]] | None) -> tuple[int, int, int]:
    """(right, made, expected) statements on type, speaker and accused alone, whatever the attacks: the
    statement layer's own figure, as a per-construction statement F1 counts it."""
    if want is None:
        return (0, 0, 0)
    free = list(doc.statements)
    right = 0
    for w in want:
        hit = next((s for s in free if _statement_ok(doc, res, {k: v for k, v in w.items() if k != "about"}, s,
                                                     {})), None)
        if hit is not None:
            free.remove(hit)
            right += 1
    return (right, len(doc.statements), len(want))


def check(case: Case, pipeline: Pipeline) -> Outcome:
    """Run the pipeline on the case's text and compare."""
    doc = pipeline.process(RawDocument(f"case-{case.id}", case.text))
    res = pipeline.resources
    counts = statement_counts(doc, res, case.expect.get("statements"))
    want_attacks = case.expect.get("attacks")
    matched: dict[int, Attack] = {}
    if want_attacks is not None:
        for order in _assignments(len(want_attacks), len(doc.attacks)):
            if all(_attack_ok(doc, res, w, doc.attacks[i]) for w, i in zip(want_attacks, order, strict=True)):
                matched = {k: doc.attacks[i] for k, i in enumerate(order)}
                break
        else:
            return Outcome(False, f"attacks: expected {want_attacks}, got {describe_attacks(doc)}", counts)
    want_statements = case.expect.get("statements")
    if want_statements is not None:
        if want_attacks is None:  # statements may still point at attacks: match them loosely, in order
            matched = dict(enumerate(doc.attacks))
        for order in _assignments(len(want_statements), len(doc.statements)):
            if all(_statement_ok(doc, res, w, doc.statements[i], matched)
                   for w, i in zip(want_statements, order, strict=True)):
                break
        else:
            return Outcome(False, f"statements: expected {want_statements}, got {describe_statements(doc)}",
                           counts)
    return Outcome(True, "", counts)


def _label(e: Entity | None) -> str | None:
    return e.label_ar if e is not None else None


def describe_attacks(doc: Document) -> list[dict[str, Any]]:
    return [{"kind": a.kind.value, "target": _label(a.target), "perpetrator": _label(a.perpetrator),
             "location": _label(a.location), "count": a.count, "killed": a.killed, "injured": a.injured,
             "status": a.status.value} for a in doc.attacks]


def describe_statements(doc: Document) -> list[dict[str, Any]]:
    index = {id(a): i for i, a in enumerate(doc.attacks)}
    return [{"type": s.kind.value, "speaker": _label(s.speaker), "accused": _label(s.accused),
             "about": index.get(id(s.about)) if s.about is not None else None} for s in doc.statements]
