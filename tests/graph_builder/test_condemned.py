"""A condemnation is aimed at the attacker its own clause names (extract/condemned.py). Sentences written for the
tests."""
from __future__ import annotations

from graph_builder.document import StatementKind
from tests.graph_builder.helpers import process, statements_of


def _condemned(text: str) -> list[str | None]:
    return [s.accused.key if s.accused else None for s in statements_of(process(text), StatementKind.CONDEMNATION)]


def test_the_attacker_in_a_relative_clause_on_the_condemned_attack() -> None:
    assert _condemned("دان مجلس الأمن التفجير الانتحاري الذي نفذه تنظيم داعش في سوق بمدينة الصدر.") == ["isis"]


def test_the_attacker_as_possessor_of_the_condemned_attack() -> None:
    assert _condemned("أدانت وزارة الخارجية العراقية قصف الجيش التركي لقرى في قضاء زاخو.") == ["turkish_army"]


def test_an_attacker_named_in_another_clause_is_not_condemned() -> None:
    text = "ندد الاتحاد الأوروبي بالهجوم على السفينة في البحر الأحمر، فيما أعلن الحوثيون مسؤوليتهم عنه."
    assert _condemned(text) == [None]


def test_the_speakers_own_side_is_never_the_condemned_attacker() -> None:
    assert _condemned("وأدانت وزارة الدفاع التركية الهجوم الذي نفذه الجيش التركي على قرية في دهوك.") == [None]


def test_the_agent_of_a_relative_verb_when_no_attack_is_built() -> None:
    """"دانت فرنسا وألمانيا الهجمات التي يشنها الحوثيون": attacks in general, but their agent is named."""
    assert _condemned("دانت فرنسا وألمانيا الهجمات التي يشنها الحوثيون على السفن التجارية.") == ["houthis", "houthis"]
