"""Forgiving name lookup: the spellings an analyst types find the entity, or the closest labels are suggested.

Arabic is written many ways (أ/إ/آ/ا, ة/ه, ى/ي, Persian ک/ی on Iranian sites, with or without the article ال,
with or without diacritics), and English names have aliases (Tehran for Iran, Washington for the US,
Kataib Hizballah). Exact labels are tried first (index look-ups); only then are the store's labels and the
reference entities' aliases (`ontology/data/entities.ttl`) compared after `fold`, and when nothing matches the
closest folded labels are offered as "did you mean". The same folding is used by the explorer's search.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from functools import cache

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from queries.store import Store

_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ئ": "ي", "ک": "ك",
                       "ة": "ه", "ؤ": "و", "ء": "", "ـ": "", "'": "", "’": "", "‘": "", "`": ""})
_MARKS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
_PUNCT = re.compile(r"[^\w\s]")
#: Every label and alias of every resource in the store (a scan, so only after exact look-ups failed).
ALL_LABELS = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?e ?l WHERE { { ?e rdfs:label ?l } UNION { ?e skos:altLabel ?l } FILTER(isIRI(?e)) }
"""


class NameNotFound(LookupError):
    """Nothing is called that; `suggestions` holds the closest labels."""

    def __init__(self, text: str, suggestions: list[str], what: str = "entity") -> None:
        hint = f"; did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else \
            "; give an IRI or another label (`conflictkg query --list` shows the parameters)"
        super().__init__(f"no {what} is called {text!r}{hint}")
        self.suggestions = suggestions


def fold(text: str) -> str:
    """A spelling-insensitive key: no diacritics or tatweel, one alef/ya/ha, no article ال, no case or
    punctuation ("Kata'ib Hizballah" = "kataib hizballah", "الحشد الشعبي" = "حشد شعبي")."""
    text = unicodedata.normalize("NFKC", text)
    text = _MARKS.sub("", text).translate(_FOLD).casefold()
    words = _PUNCT.sub(" ", text).split()
    words = [w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@cache
def reference_aliases() -> tuple[tuple[URIRef, str], ...]:
    """(entity, label) for every label and alias in the reference entities, English aliases included."""
    from ontology.loader import entities_graph

    graph = entities_graph()
    return tuple((s, str(o)) for p in (RDFS.label, SKOS.altLabel) for s, o in graph.subject_objects(p)
                 if isinstance(s, URIRef) and isinstance(o, Literal))


def label_index(store: Store) -> dict[str, dict[URIRef, str]]:
    """folded label -> {entity: a display label}, from the store plus the reference aliases of its entities."""
    index: dict[str, dict[URIRef, str]] = {}
    display: dict[URIRef, str] = {}
    for entity, label in store.query(ALL_LABELS).rows:
        if isinstance(entity, URIRef) and isinstance(label, Literal):
            index.setdefault(fold(str(label)), {})[entity] = str(label)
            if label.language == "en" or entity not in display:
                display[entity] = str(label)
    for entity, alias in reference_aliases():
        if entity in display:  # an alias only helps for entities this graph holds
            index.setdefault(fold(alias), {}).setdefault(entity, display[entity])
    return index


def find(store: Store, text: str, what: str = "entity") -> list[URIRef]:
    """Entities whose folded label or alias equals the folded `text`; `NameNotFound` with suggestions if none."""
    index = label_index(store)
    key = fold(text)
    hits = index.get(key)
    if hits:
        return sorted(hits)
    raise NameNotFound(text, suggest(index, key), what)


def suggest(index: dict[str, dict[URIRef, str]], key: str, n: int = 3) -> list[str]:
    """Display labels of the closest folded labels (difflib ratio ≥ 0.6), best first, one per entity."""
    seen: set[URIRef] = set()
    out: list[str] = []
    for close in difflib.get_close_matches(key, list(index), n=n * 3, cutoff=0.6):
        for entity, label in sorted(index[close].items()):
            if entity not in seen and len(out) < n:
                seen.add(entity)
                out.append(label)
    return out
