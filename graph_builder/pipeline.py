"""The pipeline: a registry of named components run in order over one Document.

A component is a function `(doc, resources) -> None` that adds one layer. New extractors (a model-backed one,
say) register under a new name and are listed in the pipeline without touching the others.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from graph_builder.document import Document, RawDocument
from graph_builder.extract.allegations import extract_allegations
from graph_builder.extract.attacks import extract_attacks
from graph_builder.extract.bases import discover_named_bases
from graph_builder.extract.consolidate import consolidate_statements
from graph_builder.extract.entities import (
    discover_kunya_persons,
    discover_named_speakers,
    discover_proxy_groups,
    discover_quoted_groups,
    discover_self_named_groups,
    discover_titled_persons,
    find_mentions,
    resolve_facility_anaphors,
    resolve_short_forms,
)
from graph_builder.extract.statements import extract_statements
from graph_builder.pubdate import infer_publication_date
from graph_builder.readers import InputError, read_inputs
from graph_builder.resources import Resources, default_resources
from graph_builder.text.normalize import normalize
from graph_builder.text.sentences import split_sentences
from graph_builder.text.tokens import tokenize

Component = Callable[[Document, Resources], None]
COMPONENTS: dict[str, Component] = {}


def register(name: str) -> Callable[[Component], Component]:
    """Register a component under `name` (decorator)."""

    def deco(fn: Component) -> Component:
        if name in COMPONENTS:
            raise ValueError(f"component {name!r} is already registered")
        COMPONENTS[name] = fn
        return fn

    return deco


@register("normalize")
def _normalize(doc: Document, res: Resources) -> None:
    result = normalize(doc.raw.text)
    doc.norm, doc.offsets = result.text, list(result.offsets)


@register("sentences")
def _sentences(doc: Document, res: Resources) -> None:
    doc.sentences = split_sentences(doc.norm, doc.offsets)


@register("tokens")
def _tokens(doc: Document, res: Resources) -> None:
    doc.tokens = tokenize(doc.norm)


register("pubdate")(infer_publication_date)
register("gazetteer")(find_mentions)
register("titled-persons")(discover_titled_persons)
register("kunya-persons")(discover_kunya_persons)
register("named-speakers")(discover_named_speakers)
register("proxy-groups")(discover_proxy_groups)
register("self-named-groups")(discover_self_named_groups)
register("quoted-groups")(discover_quoted_groups)
register("named-bases")(discover_named_bases)
register("coreference")(resolve_short_forms)
register("facility-anaphors")(resolve_facility_anaphors)
register("attacks")(extract_attacks)
register("statements")(extract_statements)
register("allegations")(extract_allegations)
register("consolidate")(consolidate_statements)

DEFAULT_PIPELINE: tuple[str, ...] = (
    "normalize", "sentences", "tokens",
    "gazetteer", "titled-persons", "kunya-persons", "named-speakers", "self-named-groups", "proxy-groups",
    "quoted-groups", "named-bases",
    "coreference", "facility-anaphors",
    "attacks", "statements", "allegations", "consolidate", "pubdate",
)


@dataclass
class Pipeline:
    names: tuple[str, ...] = DEFAULT_PIPELINE
    resources: Resources = field(default_factory=default_resources)

    def __post_init__(self) -> None:
        unknown = [n for n in self.names if n not in COMPONENTS]
        if unknown:
            raise ValueError(f"unknown pipeline components: {', '.join(unknown)}")

    def process(self, raw: RawDocument) -> Document:
        doc = Document(raw)
        for name in self.names:
            COMPONENTS[name](doc, self.resources)
        return doc

    def run(self, inputs: Iterable[str]) -> Iterator[Document | InputError]:
        """Process every readable input; unreadable ones come out as `InputError`s, in order."""
        for item in read_inputs(inputs):
            yield item if isinstance(item, InputError) else self.process(item)
