"""The pipeline: registered components (graph_builder.components) run in order over one Document.

Each component declares the layers it reads and adds; `Pipeline` checks the order when it is made. The
extractor modules are imported here, explicitly, so that their components are registered; a new extractor (a
model-backed one, say) registers under a new name and is listed in the pipeline without touching the others.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from graph_builder.components import REGISTRY, Component, check_order, component
from graph_builder.document import Document, RawDocument
from graph_builder.extract import (
    allegations,
    attacks,
    attributed,
    bases,
    bodies,
    condemned,
    consolidate,
    entities,
    listed_sites,
    places,
    short_names,
    statements,
    surnames,
    vessels,
)
from graph_builder.pubdate import infer_publication_date
from graph_builder.readers import InputError, read_inputs
from graph_builder.resources import Resources, default_resources
from graph_builder.text.normalize import normalize
from graph_builder.text.sentences import split_sentences
from graph_builder.text.tokens import tokenize

# imported for their components
EXTRACTORS = (allegations, attacks, attributed, bases, bodies, condemned, consolidate, entities, listed_sites, places,
              short_names,
              statements, surnames, vessels)
METADATA = (infer_publication_date,)


@component("normalize", requires=("text",), assigns=("norm",))
def _normalize(doc: Document, res: Resources) -> None:
    """Normalised text and its offset map back to the original."""
    result = normalize(doc.raw.text)
    doc.norm, doc.offsets = result.text, list(result.offsets)


@component("sentences", requires=("norm",), assigns=("sentences",))
def _sentences(doc: Document, res: Resources) -> None:
    """Sentence spans, headlines marked."""
    doc.sentences = split_sentences(doc.norm, doc.offsets)


@component("tokens", requires=("norm",), assigns=("tokens",))
def _tokens(doc: Document, res: Resources) -> None:
    """Word tokens with their proclitics peeled."""
    doc.tokens = tokenize(doc.norm)


DEFAULT_PIPELINE: tuple[str, ...] = (
    "normalize", "sentences", "tokens",
    "gazetteer", "titled-persons", "kunya-persons", "named-speakers", "self-named-groups", "proxy-groups",
    "quoted-groups", "speaking-bodies", "warned-parties", "named-bases", "named-vessels", "listed-sites",
    "named-places",
    "coreference", "surname-speakers", "facility-anaphors", "group-anaphors", "short-body-names",
    "attacks", "statements", "attributed-claims", "allegations", "condemned-perpetrators", "consolidate", "pubdate",
)


@dataclass
class Pipeline:
    names: tuple[str, ...] = DEFAULT_PIPELINE
    resources: Resources = field(default_factory=default_resources)
    components: list[Component] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.components = check_order(self.names)

    def process(self, raw: RawDocument) -> Document:
        doc = Document(raw)
        for comp in self.components:
            comp.fn(doc, self.resources)
        return doc

    def run(self, inputs: Iterable[str]) -> Iterator[Document | InputError]:
        """Process every readable input; unreadable ones come out as `InputError`s, in order."""
        for item in read_inputs(inputs):
            yield item if isinstance(item, InputError) else self.process(item)


__all__ = ["DEFAULT_PIPELINE", "EXTRACTORS", "METADATA", "REGISTRY", "Pipeline"]
