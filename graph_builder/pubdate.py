"""A document's publication date inferred from its own text when the metadata gives none.

News articles without a `published` field still often state a full date ("17 أكتوبر/تشرين الأول 2023"). The
article cannot predate the latest full date it mentions, so that date is recorded as its publication date.
It is only a lower bound (an article may recall an older attack), so it runs last in the pipeline and never
resolves "اليوم" or a weekday: event dates come from what the text states. The guess is marked: the document
gets `ckg:publicationDateInferred true` beside its `dcterms:issued`, so an analyst (or a query) can tell it
from a date the outlet gave.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from graph_builder.components import component
from graph_builder.document import Document
from graph_builder.resources import Resources

#: Document memo key set when the publication date was inferred here.
INFERRED = "publication-date-inferred"


def latest_full_date(text: str) -> date | None:
    """The latest explicit day-month-year date in (normalised) `text`, or None."""
    from graph_builder.extract.dates import _explicit  # the date grammar the extractor uses

    found = [d.value for d in _explicit(text, None)]
    return max(found) if found else None


@component("pubdate", requires=("norm",), assigns=("metadata",))
def infer_publication_date(doc: Document, res: Resources) -> None:
    """Pipeline component (the last one): set the missing publication date from the text, marked inferred."""
    if doc.raw.published is not None:
        return
    inferred = latest_full_date(doc.norm)
    if inferred is not None:
        doc.raw = replace(doc.raw, published=inferred)
        doc.memo(INFERRED, lambda: True)


def was_inferred(doc: Document) -> bool:
    """Whether `infer_publication_date` supplied the document's publication date."""
    return bool(doc.memo(INFERRED, lambda: False))
