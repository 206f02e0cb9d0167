"""Property-based: over a thousand generated texts (Arabic, mixed, garbage, huge lines) the builder never
crashes and its output always passes the contract checks."""
from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph_builder.document import RawDocument
from graph_builder.rdf import document_graph
from tests.graph_builder.contract import contract_violations
from tests.graph_builder.helpers import pipeline

# Pieces of news wording: names, triggers, numbers, dates, punctuation, quotes and marks that stress the
# normaliser (diacritics, tatweel, bidi and zero-width characters, Persian letters).
PIECES = [
    "إيران", "لإيران", "واشنطن", "السفارة الأميركية في بغداد", "قاعدة عين الأسد", "كتائب حزب الله", "الحشد الشعبي",
    "وزير الخارجية الإيراني", "محمد جواد ظريف", "مايك بومبيو", "المتحدث باسم البنتاغون", "أبو علي العسكري",
    "جماعة تطلق على نفسها اسم", "قاصم الجبارين", "هجوم", "هجوما صاروخيا", "صواريخ كاتيوشا", "طائرة مسيّرة",
    "عبوة ناسفة", "غارة جوية أميركية", "اقتحام", "استهدف", "تعرضت", "لهجوم", "ودان", "متهماً", "نفى", "تنفي",
    "تبنت", "أعلنت مسؤوليتها", "لم تعلن", "هدد", "توعدت", "بالانتقام من", "ستدفع ثمنا", "وراء الهجوم", "قال",
    "إن", "أن", "بلاده", "3", "٣١", "ثلاثة", "صاروخين", "الأحد", "أمس", "اليوم", "17 أكتوبر/ تشرين الأول 2023",
    "السادس من ديسمبر", "مارس 2021", "،", ".", "؟", ":", "\"", "«", "»", "(", ")", "\n", "\n\n", " ", "ـــ",
    "\u064e\u0651", "\u200f", "\u200b", "ک", "ی", "https://t.co/x", "@user", "<img src=x onerror=alert(1)>",
]

domain_text = st.lists(st.sampled_from(PIECES), max_size=80).map(" ".join)
arabic_garbage = st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=400)
mixed = st.text(max_size=300)
huge_line = st.builds(lambda piece, n: (piece + " ") * n, st.sampled_from(PIECES), st.integers(500, 3000))
texts = st.one_of(domain_text, domain_text, arabic_garbage, mixed, huge_line)
published = st.one_of(st.none(), st.dates(min_value=date(2003, 1, 1), max_value=date(2030, 12, 31)))


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=texts, published=published)
def test_builder_never_crashes_and_output_meets_the_contract(text: str, published: date | None) -> None:
    doc = pipeline().process(RawDocument("generated", text, published=published))
    assert contract_violations(document_graph(doc), text) == []
