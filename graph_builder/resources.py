"""Everything the extractors look up, built once per process: entities, gazetteers, trigger automata.

Building the automata takes a fraction of a second; matching is what must be fast, so components receive a
`Resources` instead of loading data themselves.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import Graph

from graph_builder import lexicon
from graph_builder.document import Entity, EntityKind
from graph_builder.gazetteer import Gazetteer, Pattern
from graph_builder.lang import AR
from graph_builder.reference import load_reference_entities
from graph_builder.text.normalize import normalize_name


@dataclass
class Resources:
    entities: dict[str, Entity]
    names: Gazetteer  # entity names and nationality adjectives
    hidden: Gazetteer  # short forms usable only after the full name appeared in the document
    attack_words: Gazetteer
    titles: Gazetteer
    title_info: dict[str, tuple[str, str]]  # title key -> (class, role)
    self_named: Gazetteer
    cues: dict[str, frozenset[str]]
    # label -> key of the state a nationality adjective in it names: state_of runs for many parties of every
    # document, and matching a label each time also pushed the document's view out of the gazetteer's cache
    _named_states: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)
    _forces: dict[str, Entity | None] = field(default_factory=dict, repr=False, compare=False)

    def forces_of(self, state: Entity) -> Entity | None:
        """The armed forces of a state in the reference data ("القوات الأمريكية" for the United States): the
        body that is the state's official and whose name opens with a word for forces (cue `forces_heads`)."""
        if state.key not in self._forces:
            heads = self.cues["forces_heads"]
            self._forces[state.key] = next(
                (e for e in self.entities.values() if e.official_of == state.key and
                 normalize_name(e.label_ar).split()[:1] and normalize_name(e.label_ar).split()[0] in heads), None)
        return self._forces[state.key]

    def state_of_capital(self, place: Entity) -> Entity | None:
        """The state a capital stands for ("ودانت بغداد", "إن بيروت ستدفع الثمن"), from the cue `capital_of`."""
        capitals = dict(pair.split() for pair in self.cues["capital_of"])
        return self.entities.get(capitals.get(place.key, ""))

    def state_of(self, entity: Entity, _depth: int = 0) -> Entity | None:
        """The state an entity belongs to: itself for a state, through ckg:officialOf, or from a nationality
        adjective in its name ("وزارة الخارجية الإيرانية" -> Iran)."""
        if entity.kind is EntityKind.STATE:
            return entity
        parent = self.entities.get(entity.official_of or "")
        if parent is not None and _depth < 4:
            found = self.state_of(parent, _depth + 1)
            if found is not None:
                return found
        if entity.label_ar not in self._named_states:
            self._named_states[entity.label_ar] = next(
                (hit.pattern.key for hit in self.names.find(normalize_name(entity.label_ar))
                 if hit.pattern.adjective and hit.pattern.key in self.entities), None)
        key = self._named_states[entity.label_ar]
        return self.entities[key] if key is not None else None

    @classmethod
    def from_graph(cls, graph: Graph) -> Resources:
        entities, hidden = load_reference_entities(graph)
        for key in lexicon.cues()["generic_collectives"]:
            if key in entities:
                entities[key].generic = True
        article = next(iter(AR.words("article")))
        names = Gazetteer().add_all(
            [(v, Pattern(e.key)) for e in entities.values() for n in (e.label_ar, e.label_en or "", *e.alt_labels)
             if n for v in _located_variants(n) + _indefinite_variants(e, n)]
            + [(form, Pattern(key, adjective=True)) for form, key in lexicon.nationalities() if key in entities]
            + [(article + normalize_name(form), Pattern(key, adjective=True))
               for form, key in lexicon.nationalities() if key in entities and not form.startswith(article)]
        )
        hidden_g = Gazetteer().add_all(
            [(n, Pattern(key, hidden=True)) for key, forms in hidden.items() for n in forms]
        )
        attack = Gazetteer().add_all(
            [(t.phrase, Pattern(t.kind + "|" + str(t.weight))) for t in lexicon.attack_triggers()]
            + [(form, Pattern(e.kind + "|" + str(e.weight))) for e in lexicon.event_lemmas()
               for form in sorted(e.verb_forms | e.other_forms)]
        )
        title_rows = lexicon.titles()
        titles = Gazetteer().add_all([(p, Pattern(str(i))) for i, (p, _, _) in enumerate(title_rows)])
        cue_sets = {k: frozenset(v) for k, v in lexicon.cues().items()}
        self_named = Gazetteer().add_all([(p, Pattern("self")) for p in cue_sets["self_named"]])
        return cls(
            entities=entities,
            names=names,
            hidden=hidden_g,
            attack_words=attack,
            titles=titles,
            title_info={str(i): (c, r) for i, (_, c, r) in enumerate(title_rows)},
            self_named=self_named,
            cues=cue_sets,
        )




def _located_variants(name: str) -> list[str]:
    """"السفارة الأميركية في بغداد" is also written "... في العاصمة بغداد", "القنصلية ... في مدينة بنغازي"."""
    m = AR.pattern("located_in").search(name)
    if m is None:
        return [name]
    return [name] + [f"{name[:m.end()]}{noun} {name[m.end():]}" for noun in sorted(AR.words("place_nouns"))]


_BODIES = frozenset({EntityKind.ORGANIZATION, EntityKind.ARMED_GROUP})


def _indefinite_variants(entity: Entity, name: str) -> list[str]:
    """A body named by a definite noun phrase is also named indefinitely: "العسكريين الأميركيين" ->
    "عسكريين أميركيين", "الفصائل المسلحة" -> "فصائل مسلحة" (forces and groups only; names of places and
    people keep their article)."""
    words, article = normalize_name(name).split(), next(iter(AR.words("article")))
    if entity.kind not in _BODIES or len(words) < 2 or not all(w.startswith(article) and len(w) > 4 for w in words):
        return []
    return [" ".join(w[len(article):] for w in words)]


@lru_cache(maxsize=1)
def default_resources() -> Resources:
    """Resources over the packaged reference entities."""
    from ontology.loader import entities_graph

    return Resources.from_graph(entities_graph())
