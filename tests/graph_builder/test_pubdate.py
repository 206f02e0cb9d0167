"""A missing publication date is inferred from the latest full date in the text, and marked as inferred."""
from __future__ import annotations

from datetime import date

from rdflib import Literal
from rdflib.namespace import DCTERMS

from graph_builder.document import RawDocument
from graph_builder.pipeline import Pipeline
from graph_builder.rdf import doc_iri, document_graph
from ontology.vocab import CKG

TEXT = ("قالت السفارة في بيان صدر في 3 يناير 2020 إن صواريخ كاتيوشا استهدفت قاعدة عين الأسد مساء الأحد، "
        "بعد هجوم مماثل في 28 ديسمبر 2019.")


def _graph(raw: RawDocument):
    return document_graph(Pipeline().process(raw))


def test_latest_full_date_becomes_the_inferred_publication_date() -> None:
    g = _graph(RawDocument("p1", TEXT))
    node = doc_iri("p1")
    assert g.value(node, DCTERMS.issued) == Literal(date(2020, 1, 3))
    assert g.value(node, CKG.publicationDateInferred) == Literal(True)
    dates = {d.toPython() for d in g.objects(None, CKG.date)}
    assert dates and all(d <= date(2020, 1, 3) for d in dates)


def test_metadata_date_wins_and_is_not_marked() -> None:
    g = _graph(RawDocument("p2", TEXT, published=date(2020, 1, 5)))
    assert g.value(doc_iri("p2"), DCTERMS.issued) == Literal(date(2020, 1, 5))
    assert g.value(doc_iri("p2"), CKG.publicationDateInferred) is None


def test_no_full_date_no_guess() -> None:
    g = _graph(RawDocument("p3", "استهدفت صواريخ قاعدة عين الأسد في 3 يناير."))
    assert g.value(doc_iri("p3"), DCTERMS.issued) is None
    assert g.value(doc_iri("p3"), CKG.publicationDateInferred) is None


def test_an_inferred_date_does_not_date_today_or_weekdays() -> None:
    """It is a lower bound (the article may recall an older attack): "اليوم" stays undated."""
    doc = Pipeline().process(RawDocument("p4", "سقط صاروخ على قاعدة بلد الجوية اليوم.\n"
                                               "وكانت قاعدة بلد الجوية قد تعرضت لقصف في 3 مارس 2021."))
    assert doc.raw.published == date(2021, 3, 3)
    today = next(a for a in doc.attacks if a.sentences == [0])
    assert today.date is None
