"""Load the lexicon data files of the language folder (graph_builder/lang/ar: TSV and YAML) once per process."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from graph_builder.lang import AR
from graph_builder.text.normalize import normalize_name


def _read(name: str) -> str:
    return resources.files("graph_builder").joinpath("lang", "ar", name).read_text(encoding="utf-8")


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in _read(name).splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.rstrip("\n").split("\t"))
    return rows


@dataclass(frozen=True)
class AttackTrigger:
    phrase: str
    kind: str
    weight: float


@dataclass(frozen=True)
class StatementTrigger:
    kind: str
    role: str  # verb | participle | noun | behind
    requires: tuple[str, ...]  # one of these must occur in the sentence; empty = no condition


@lru_cache(maxsize=1)
def attack_triggers() -> tuple[AttackTrigger, ...]:
    return tuple(AttackTrigger(p, k, float(w)) for p, k, w in _rows("attack_triggers.tsv"))


@lru_cache(maxsize=1)
def statement_triggers() -> dict[str, tuple[StatementTrigger, ...]]:
    """Normalised surface form -> the triggers it can be."""
    out: dict[str, list[StatementTrigger]] = {}
    for kind, role, requires, forms in _rows("statement_triggers.tsv"):
        needs = () if requires == "-" else tuple(normalize_name(r) for r in requires.split("|"))
        trig = StatementTrigger(kind, role, needs)
        for form in forms.split(","):
            out.setdefault(normalize_name(form), []).append(trig)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def cues() -> dict[str, tuple[str, ...]]:
    data = yaml.safe_load(_read("cues.yaml"))
    return {k: tuple(normalize_name(v) for v in values) for k, values in data.items()}


@lru_cache(maxsize=1)
def nationalities() -> tuple[tuple[str, str], ...]:
    """(adjective form, state key) pairs, with the duals of each feminine adjective ("طائرتين إسرائيليتين":
    the taa marbuta of إسرائيلية opens to ت before the dual ending); empty when the lexicon is absent."""
    try:
        rows = [(form, key) for form, key, *_ in _rows("nationalities.tsv")]
    except FileNotFoundError:
        return ()
    feminine, open_taa = AR.words("feminine_suffix"), AR.words("dual_feminine_endings")
    masculine = {normalize_name(form) for form, _ in rows}
    duals = [(form[:-1] + ending, key) for form, key in rows
             if normalize_name(form)[-1:] in feminine and normalize_name(form)[:-1] in masculine
             for ending in open_taa]  # only adjectives: the feminine of a listed masculine
    return tuple(rows + duals)


@lru_cache(maxsize=1)
def titles() -> tuple[tuple[str, str, str], ...]:
    """(title phrase, entity class, role) for discovering officials: "وزير الخارجية" -> Person. Each title
    also has its feminine form ("الناشطة", "المتحدثة باسم", "وزيرة الخارجية")."""
    rows = [(p, c, r) for p, c, r, *_ in _rows("titles.tsv")]
    return tuple(rows + [(_feminine(p), c, r) for p, c, r in rows if _feminine(p) != p])


def _feminine(phrase: str) -> str:
    head, _, rest = normalize_name(phrase).partition(" ")
    if head[-1:] in AR.words("no_feminine_endings") or head in AR.words("no_feminine_titles"):
        return phrase
    suffix = next(iter(AR.words("feminine_suffix")))
    return f"{head}{suffix} {rest}".strip()


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    return {normalize_name(w): int(v) for w, v, *_ in _rows("numbers.tsv")}


@lru_cache(maxsize=1)
def projectiles() -> dict[str, str]:
    """Normalised projectile noun -> "sg" | "du" | "pl"."""
    return {normalize_name(w): n for w, n, *_ in _rows("projectiles.tsv")}


@lru_cache(maxsize=1)
def months() -> dict[str, int]:
    return {normalize_name(w): int(v) for w, v, *_ in _rows("months.tsv")}


@lru_cache(maxsize=1)
def weekdays() -> dict[str, int]:
    return {normalize_name(w): int(v) for w, v, *_ in _rows("weekdays.tsv")}


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Normalised given names that may open a personal name discovered after a title."""
    return frozenset(normalize_name(w) for w in _read("given_names.txt").splitlines() if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def trigger_lemmas() -> dict[str, str]:
    """Normalised verb lemma -> statement kind, for the morphological fallback."""
    return {normalize_name(lemma): kind for lemma, kind, *_ in _rows("trigger_lemmas.tsv")}


@dataclass(frozen=True)
class EventLemma:
    """An event trigger lemma (lang/ar/event_lemmas.yaml): its attack kind, weight, argument frame and forms."""

    lemma: str
    kind: str
    weight: float
    frame: dict[str, str]
    verb_forms: frozenset[str]  # inflected verb forms that take the frame's subject and object
    other_forms: frozenset[str]  # verbal nouns and phrases


def inflect(lemma: str) -> frozenset[str]:
    """Unvocalised past and present forms of a regular verb lemma (past 3rd person masculine singular), with
    its object pronouns; a multi-word lemma ("اطلق النار") inflects its first word. Present stems drop the
    initial alef of derived forms (استهدف -> يستهدف, اغتال -> يغتال, اطلق -> يطلق)."""
    head, _, rest = lemma.partition(" ")
    alef = next(iter(AR.words("derived_alef")))
    stem = head[1:] if head.startswith(alef) and len(head) >= 4 else head
    present = [affix.split("|") for affix in AR.words("present_affixes")]
    forms = {head + s for s in AR.words("past_suffixes")} | {p + stem + s for p, s in present}
    return frozenset(f"{f} {rest}".strip() for f in forms)


@lru_cache(maxsize=1)
def event_lemmas() -> tuple[EventLemma, ...]:
    data = yaml.safe_load(_read("event_lemmas.yaml")) or {}
    out = []
    for lemma, body in data.items():
        lemma = normalize_name(lemma)
        verbs = frozenset() if body.get("forms_only") else inflect(lemma)
        if body.get("skip_bare") or body.get("homograph"):
            verbs = verbs - {lemma}
        others = {normalize_name(f) for f in (*body.get("nouns", ()), *body.get("phrases", ()))}
        if body.get("homograph") and not body.get("skip_bare") and not body.get("forms_only"):
            others.add(lemma)  # the bare form still signals the event, as a noun
        out.append(EventLemma(lemma, body["kind"], float(body["weight"]), dict(body.get("frame", {})),
                              verbs, frozenset(others)))
    return tuple(out)


@lru_cache(maxsize=1)
def frame_forms(slot: str, role: str) -> frozenset[str]:
    """Every verb form whose `slot` (subject, object) fills `role` (perpetrator, target)."""
    return frozenset(f for lemma in event_lemmas() if lemma.frame.get(slot) == role for f in lemma.verb_forms)
