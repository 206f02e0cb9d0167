"""Run the real pipeline on a short text written for a test."""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from graph_builder.document import Document, RawDocument, Statement, StatementKind
from graph_builder.pipeline import Pipeline


@lru_cache(maxsize=1)
def pipeline() -> Pipeline:
    return Pipeline()


def process(text: str, published: date | None = None) -> Document:
    return pipeline().process(RawDocument("t", text, published=published))


def keys(doc: Document, *, adjectives: bool = False) -> set[str]:
    return {m.entity.key for m in doc.mentions if adjectives or not m.by_adjective}


def statements_of(doc: Document, kind: StatementKind) -> list[Statement]:
    """The document's statements of one kind, in order: most statement tests look at one kind at a time."""
    return [s for s in doc.statements if s.kind is kind]
