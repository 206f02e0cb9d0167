"""The one object that flows through the pipeline, and the typed records each stage adds to it.

Like a spaCy `Doc`: readers create it, every component reads it and fills one layer. Offsets are always
character offsets into `Document.text` (the original, un-normalised text) so evidence can be quoted exactly.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from graph_builder.mention_index import MentionList


@dataclass(frozen=True)
class RawDocument:
    """A document as read from disk, before any processing."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None


@dataclass(frozen=True)
class Sentence:
    """A sentence span; `start`/`end` index the original text, `norm_start`/`norm_end` the normalised one."""

    index: int
    start: int
    end: int
    norm_start: int
    norm_end: int
    is_headline: bool = False


@dataclass(frozen=True)
class Token:
    """A word of the normalised text with its clitic-free stem (e.g. `لإيران` -> prefix `ل`, stem `ايران`)."""

    norm_start: int
    norm_end: int
    surface: str
    prefix: str
    stem: str


class EntityKind(StrEnum):
    STATE = "State"
    ARMED_GROUP = "ArmedGroup"
    ORGANIZATION = "Organization"
    MEDIA = "MediaOutlet"
    PERSON = "Person"
    PLACE = "Place"
    FACILITY = "Facility"
    BASE = "MilitaryBase"
    EMBASSY = "Embassy"

    @property
    def is_actor(self) -> bool:
        return self in {EntityKind.STATE, EntityKind.ARMED_GROUP, EntityKind.ORGANIZATION, EntityKind.PERSON}

    @property
    def is_facility(self) -> bool:
        return self in {EntityKind.FACILITY, EntityKind.BASE, EntityKind.EMBASSY}


@dataclass
class Entity:
    """A reference entity or one discovered in text; `key` is stable across documents."""

    key: str
    kind: EntityKind
    label_ar: str
    label_en: str | None = None
    alt_labels: tuple[str, ...] = ()
    official_of: str | None = None
    part_of: tuple[str, ...] = ()  # keys of the bodies or places it is ckg:partOf in the reference data
    member_of: tuple[str, ...] = ()  # keys of the groups it is ckg:memberOf in the reference data
    role: str | None = None
    also_organization: bool = False
    discovered: bool = False
    within: tuple[str, ...] = ()  # keys of what contains it (ckg:locatedIn / partOf / memberOf, transitive)
    generic: bool = False  # a catch-all ("armed factions"): written only when an event or statement uses it


@dataclass
class Mention:
    """An entity named in the text; `start`/`end` in normalised offsets, `via` says which rule found it."""

    norm_start: int
    norm_end: int
    entity: Entity
    sentence: int
    via: str = "gazetteer"
    by_adjective: bool = False
    lead: int | None = None  # where a title heading the name starts ("الصحفي X"): the phrase the roles read


class AttackKind(StrEnum):
    ATTACK = "Attack"
    ROCKET = "RocketAttack"
    DRONE = "DroneAttack"
    BOMBING = "BombingAttack"
    AIRSTRIKE = "Airstrike"
    STORMING = "StormingAttack"
    ARMED_ASSAULT = "ArmedAssault"
    ABDUCTION = "Abduction"
    SHELLING = "Shelling"


class Status(StrEnum):
    CARRIED_OUT = "CarriedOut"
    FOILED = "Foiled"
    PLANNED = "Planned"


class StatementKind(StrEnum):
    ACCUSATION = "Accusation"
    DENIAL = "Denial"
    CLAIM = "ClaimOfResponsibility"
    CONDEMNATION = "Condemnation"
    THREAT = "Threat"


@dataclass(frozen=True)
class Trace:
    """Why a fact exists: the rule that made it ("component/rule") and the words it matched."""

    rule: str
    words: str = ""
    sentence: int = -1


@dataclass(frozen=True)
class Evidence:
    """A quoted sentence: original-text offsets (end exclusive) and the text itself."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class EventDate:
    value: date
    precision: str  # "day" | "month"


@dataclass
class Attack:
    kind: AttackKind
    sentence: int
    evidence: list[Evidence]
    target: Entity | None = None
    perpetrator: Entity | None = None
    location: Entity | None = None
    weapon: str | None = None
    count: int | None = None
    killed: int | None = None
    injured: int | None = None
    status: Status = Status.CARRIED_OUT
    date: EventDate | None = None
    confidence: float = 0.5
    sentences: list[int] = field(default_factory=list)
    traces: list[Trace] = field(default_factory=list)
    anchor: str | None = None  # the explicit time expression ("17 نوفمبر"), resolvable or not
    weekday: int | None = None  # the weekday the report names ("أمس الثلاثاء"): two different ones, two attacks
    listed: tuple[int, int] | None = None  # (list, rank) of an attack one report lists among others: never merged
    #: (sentence, segment) of an attack told in a sentence that also recalls another one: never merged with the
    #: attacks of the sentence's other segments ("استهدفت ... بعد أسبوع من هجوم مماثل على ...")
    episode: tuple[int, int] | None = None
    #: a drone attack told as a strike ("ضربة/غارة بطائرة مسيرة", or "ضربة جوية" then "نفذت بطائرة مسيرة"): also an
    #: air strike, which the ontology defines as a strike from the air by aircraft or drones
    air_strike: bool = False


@dataclass
class Statement:
    kind: StatementKind
    sentence: int
    evidence: list[Evidence]
    speaker: Entity | None
    accused: Entity | None = None
    about: Attack | None = None
    date: EventDate | None = None
    confidence: float = 0.5
    traces: list[Trace] = field(default_factory=list)
    denies: str | None = None  # a denial of a report or rumour: what is denied (ckg:denies); never of involvement


@dataclass
class Document:
    """The pipeline's working object; components fill the lists below in order."""

    raw: RawDocument
    norm: str = ""
    offsets: list[int] = field(default_factory=list)  # normalised index -> original index (len = len(norm)+1)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=MentionList)  # indexed by offset (mention_index.py)
    attacks: list[Attack] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    _starts: list[int] | None = field(default=None, repr=False)
    _token_starts: list[int] | None = field(default=None, repr=False)
    _mention_index: dict[int, list[Mention]] | None = field(default=None, repr=False)
    _mention_count: int = field(default=-1, repr=False)
    _memo: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def id(self) -> str:
        return self.raw.id

    @property
    def text(self) -> str:
        return self.raw.text

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """A value over the normalised text computed once and shared by the components that read it
        (the attack-word and title hits several extractors need)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def original_span(self, norm_start: int, norm_end: int) -> tuple[int, int]:
        """Map a normalised span back to the original text."""
        return self.offsets[norm_start], self.offsets[norm_end]

    def sentence_evidence(self, index: int) -> Evidence:
        s = self.sentences[index]
        return Evidence(s.start, s.end, self.text[s.start : s.end])

    def sentence_norm(self, index: int) -> str:
        s = self.sentences[index]
        return self.norm[s.norm_start : s.norm_end]

    def sentence_at(self, norm_pos: int) -> int:
        """Index of the sentence containing (or preceding) a normalised offset."""
        starts = [s.norm_start for s in self.sentences] if self._starts is None else self._starts
        self._starts = starts
        return max(0, bisect.bisect_right(starts, norm_pos) - 1)

    def token_index_at(self, norm_pos: int) -> int:
        """Index of the first token starting at or after a normalised offset (offsets computed once)."""
        if self._token_starts is None or len(self._token_starts) != len(self.tokens):
            self._token_starts = [t.norm_start for t in self.tokens]
        return bisect.bisect_left(self._token_starts, norm_pos)

    def tokens_in(self, index: int) -> list[Token]:
        """The tokens of one sentence."""
        s = self.sentences[index]
        return self.tokens[self.token_index_at(s.norm_start):self.token_index_at(s.norm_end)]

    def _indexed_mentions(self) -> MentionList:
        if not isinstance(self.mentions, MentionList):  # a caller assigned a plain list
            self.mentions = MentionList(self.mentions)
        return self.mentions

    def mentions_starting(self, lo: int, hi: int) -> list[Mention]:
        """Mentions starting in [lo, hi), by start then in the order added: a bisection, not a scan."""
        return self._indexed_mentions().starting(lo, hi)

    def mentions_overlapping(self, start: int, end: int) -> Iterator[Mention]:
        """Mentions sharing a character with [start, end), from the offset index."""
        return self._indexed_mentions().overlapping(start, end)

    def mentions_in(self, index: int) -> list[Mention]:
        """The mentions of one sentence, in text order (indexed once the mention layer stops changing)."""
        if self._mention_index is None or self._mention_count != len(self.mentions):
            grouped: dict[int, list[Mention]] = {}
            for m in sorted(self.mentions, key=lambda m: m.norm_start):
                grouped.setdefault(m.sentence, []).append(m)
            self._mention_index, self._mention_count = grouped, len(self.mentions)
        return self._mention_index.get(index, [])
