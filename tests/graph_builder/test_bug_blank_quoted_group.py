"""Bug (found by the property test): a claim verb before quotes holding only blanks made a group with no name.

`تبنت " \\n "` produced the entity `x-` with an empty Arabic label, which broke the graph contract.
"""
from __future__ import annotations

from graph_builder.rdf import document_graph
from tests.graph_builder.contract import contract_violations
from tests.graph_builder.helpers import process


def test_blank_quotes_after_a_claim_verb_name_no_group() -> None:
    for text in ('تبنت " \n "', 'وأعلنت جماعة "   " مسؤوليتها', 'تبنت "..." الهجوم',
                 'جماعة تطلق على نفسها اسم " .. "'):
        doc = process(text)
        assert not [m for m in doc.mentions if m.via in {"quoted-group", "self-named"}]
        assert contract_violations(document_graph(doc), text) == []
