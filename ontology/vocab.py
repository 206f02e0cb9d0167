"""The ConflictKG vocabulary as an rdflib DefinedNamespace.

Every IRI the code uses comes from here, so a typo is an AttributeError at import time instead of a
silently wrong triple. `tests/ontology/test_vocab.py` checks that this list and `data/conflictkg.ttl`
declare exactly the same terms.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from urllib.parse import quote

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/conflictkg/ontology"
RESOURCE_BASE = "https://w3id.org/conflictkg/resource/"

#: Namespace of minted data resources (documents, entities, events, evidence, named graphs).
RES = Namespace(RESOURCE_BASE)


class CKG(DefinedNamespace):
    """Terms of https://w3id.org/conflictkg/ontology# (contract terms first, then extensions)."""

    _NS = Namespace(ONTOLOGY_IRI + "#")
    _fail = True

    # -- contract classes
    Actor: URIRef
    State: URIRef
    ArmedGroup: URIRef
    Organization: URIRef
    MediaOutlet: URIRef
    Person: URIRef
    Place: URIRef
    Facility: URIRef
    MilitaryBase: URIRef
    Embassy: URIRef
    Event: URIRef
    Attack: URIRef
    RocketAttack: URIRef
    DroneAttack: URIRef
    BombingAttack: URIRef
    Airstrike: URIRef
    StormingAttack: URIRef
    ArmedAssault: URIRef
    Abduction: URIRef
    Shelling: URIRef
    Statement: URIRef
    Accusation: URIRef
    Denial: URIRef
    ClaimOfResponsibility: URIRef
    Condemnation: URIRef
    Threat: URIRef
    Document: URIRef
    AttackStatus: URIRef
    # -- contract individuals
    CarriedOut: URIRef
    Foiled: URIRef
    Planned: URIRef
    # -- contract properties
    mentionedIn: URIRef
    reportedIn: URIRef
    target: URIRef
    perpetrator: URIRef
    date: URIRef
    projectileCount: URIRef
    status: URIRef
    speaker: URIRef
    accused: URIRef
    about: URIRef
    # -- contract derived relations
    accuses: URIRef
    accusedOf: URIRef
    claimsResponsibilityFor: URIRef
    deniesInvolvementIn: URIRef
    condemns: URIRef
    threatens: URIRef
    # -- extensions: evidence and provenance
    Evidence: URIRef
    evidence: URIRef
    evidenceText: URIRef
    startOffset: URIRef
    endOffset: URIRef
    inDocument: URIRef
    confidence: URIRef
    documentText: URIRef
    rule: URIRef
    denies: URIRef
    # -- extensions: event details
    location: URIRef
    weapon: URIRef
    killed: URIRef
    injured: URIRef
    datePrecision: URIRef
    timelineKey: URIRef
    publicationDateInferred: URIRef
    # -- extensions: entities
    officialOf: URIRef
    role: URIRef
    memberOf: URIRef
    affiliatedWith: URIRef
    locatedIn: URIRef
    partOf: URIRef
    # -- extensions: statements
    negated: URIRef
    # -- helpers for the derived relations' property chains (see data/conflictkg.ttl)
    madeStatement: URIRef
    accusedIn: URIRef
    asAccusation: URIRef
    asDenial: URIRef
    asClaimOfResponsibility: URIRef
    asCondemnation: URIRef
    asThreat: URIRef


_SLUG = re.compile(r"[^0-9A-Za-z_\-]+")


def resource_iri(kind: str, local: str) -> URIRef:
    """Mint a stable data IRI such as `…/resource/doc/000_8cdd…` or `…/resource/entity/iran`.

    Local names that are not plain ASCII (Arabic names of discovered entities) become a short hash, so IRIs
    stay readable in Turtle and equal for equal input.
    """
    if not local or _SLUG.search(local):
        digest = hashlib.sha1(local.encode("utf-8")).hexdigest()[:16]
        local = "h" + digest
    return URIRef(RESOURCE_BASE + kind + "/" + quote(local))


#: Event classes in timeline order, attacks before statements: the index is the rank in ckg:timelineKey and in the
#: `VALUES (?type ?rank)` table of queries/catalog/timeline.rq (a test keeps the two equal).
TIMELINE_CLASSES: tuple[URIRef, ...] = (
    CKG.Attack, CKG.RocketAttack, CKG.DroneAttack, CKG.BombingAttack, CKG.Airstrike, CKG.StormingAttack,
    CKG.Accusation, CKG.Denial, CKG.ClaimOfResponsibility, CKG.Condemnation, CKG.Threat,
    CKG.ArmedAssault, CKG.Abduction, CKG.Shelling,
)


def timeline_keys(day: dt.date) -> list[int]:
    """The ckg:timelineKey of every class on `day`, in timeline order: YYYYMMDD × 100 + rank."""
    base = (day.year * 10000 + day.month * 100 + day.day) * 100
    return [base + rank for rank in range(len(TIMELINE_CLASSES))]


def timeline_key(day: dt.date, event_class: URIRef) -> int:
    """ckg:timelineKey of an event of `event_class` dated `day` (ValueError for a class the timeline omits)."""
    return timeline_keys(day)[TIMELINE_CLASSES.index(event_class)]
