"""Denials without a plain denial of involvement: reports and rumours denied, idioms of having no part.
Sentences written for the tests."""
from __future__ import annotations

from graph_builder.document import StatementKind
from tests.graph_builder.helpers import process, statements_of


def test_a_denied_report_is_about_no_attack_and_accuses_no_one() -> None:
    """"نفت X الأخبار عن مقتل ... في الغارة": the news is denied, not anyone's part in the strike."""
    doc = process("نفت وزارة الدفاع العراقية الأخبار المتداولة عن مقتل ضباط في الغارة على معسكر في كركوك.")
    denials = statements_of(doc, StatementKind.DENIAL)
    assert denials and all(s.about is None and s.accused is None and s.denies for s in denials)
