"""Speakers of statements (extract/speakers.py): pronoun subjects of plural verbs, anonymous officials."""
from __future__ import annotations

import pytest

from graph_builder.document import StatementKind
from graph_builder.rdf import document_graph
from ontology.vocab import CKG, resource_iri
from tests.graph_builder.helpers import process, statements_of


def _facts(text: str) -> set[tuple[str, str, str | None]]:
    return {(s.kind.value, s.speaker.key if s.speaker else "", s.accused.key if s.accused else None)
            for s in process(text).statements}


def test_plural_verb_takes_the_subject_of_the_earlier_plural_verb() -> None:
    text = "وقال المصدر إن مسؤولين أمريكيين أبلغوا قيادة العمليات المشتركة بقلقهم، واتهموا كتائب حزب الله بالهجوم."
    assert ("Accusation", "us_officials", "kataib_hezbollah") in _facts(text)


def test_unnamed_officials_of_a_ministry_speak_for_it() -> None:
    text = "واتهم مسؤولون بوزارة الدفاع الأمريكية كتائب حزب الله بتنفيذ الهجوم الصاروخي على قاعدة عين الأسد."
    assert ("Accusation", "us_dod", "kataib_hezbollah") in _facts(text)


def test_an_unnamed_source_with_no_body_speaks_for_no_one() -> None:
    text = "ونفى مصدر أمني وجود أي صلة لكتائب حزب الله بالهجوم على قاعدة عين الأسد."
    assert not [s for s in process(text).statements if s.kind is StatementKind.DENIAL]


def test_named_collective_officials_are_a_speaker() -> None:
    text = "واتهم مسؤولون أمريكيون إيران بالوقوف وراء الهجوم على السفارة الأمريكية في بغداد."
    assert ("Accusation", "us_officials", "iran") in _facts(text)


def test_generic_officials_are_written_only_when_they_act() -> None:
    quiet = document_graph(process("وقال مسؤولون عراقيون إن الطقس حار."))
    acting = document_graph(process("واتهم مسؤولون عراقيون داعش بتنفيذ الهجوم على قاعدة عين الأسد."))
    node = resource_iri("entity", "iraqi_officials")
    assert (node, None, None) not in quiet and (None, CKG.speaker, node) in acting


def test_an_office_without_its_holder_speaks_as_the_holder_named_elsewhere() -> None:
    text = ("وقال الرئيس الأمريكي دونالد ترامب إن الوضع خطير.\n"
            "وحمّل الرئيس الأمريكي إيران مسؤولية الهجوم على السفارة الأمريكية في بغداد.")
    assert ("Accusation", "donald_trump", "iran") in _facts(text)


def test_an_office_with_no_holder_in_the_article_speaks_for_its_state() -> None:
    assert ("Accusation", "iraq", "armed_factions") in _facts(
        "حمّل رئيس الوزراء العراقي الفصائل المسلحة مسؤولية الهجوم على قاعدة فيكتوري.")


def test_an_office_before_the_verb_in_a_headline_speaks() -> None:
    assert ("Condemnation", "iraq", None) in _facts("رئيس الوزراء العراقي يدين الهجوم على السفارة الأمريكية")
    text = ("وزير الخارجية الإيراني ينفي تورط بلاده في الهجوم\n"
            "ونفى وزير الخارجية الإيراني محمد جواد ظريف أي دور لبلاده في الهجوم على السفارة الأمريكية.")
    assert {speaker for kind, speaker, _ in _facts(text) if kind == "Denial"} == {"mohammad_javad_zarif"}


def test_an_unnamed_leader_of_a_quoted_body_speaks_for_it() -> None:
    doc = process("وقال قيادي في «عصائب أهل الحق» لوكالة محلية: «لا صلة لنا بإطلاق الصواريخ على المنطقة الخضراء».")
    assert [(s.kind.value, s.speaker.key) for s in doc.statements] == [("Denial", "asaib_ahl_al_haq")]


def test_sources_close_to_a_body_do_not_speak_for_it() -> None:
    doc = process("كشفت مصادر مقربة من عصائب أهل الحق أن الهجوم نفذته كتائب حزب الله.")
    assert not any(s.speaker.key == "asaib_ahl_al_haq" for s in doc.statements)


def test_unnamed_officials_of_a_state_speak_as_a_collective_of_that_state() -> None:
    doc = process("واتهم مسؤولون إسرائيليون حزب الله بإطلاق الصاروخ الذي سقط على بلدة مجدل شمس.")
    assert [(s.speaker.key, s.accused.key) for s in doc.statements] == [("israeli_officials", "hezbollah")]


def test_unnamed_collectives_speak_but_are_never_struck() -> None:
    doc = process("اتهم ناشطون مليشيا إيران باغتيال الناشط المدني في كربلاء أمس.")
    (charge,) = statements_of(doc, StatementKind.ACCUSATION)
    assert charge.speaker.key == "activists" and charge.accused.key == "iran_backed_militias"
    doc = process("ولقي عشرة من النشطاء حتفهم في أعمال قتل استهدفتهم في أنحاء العراق.")
    assert all(a.target is None or a.target.key != "activists" for a in doc.attacks)


def test_security_officials_revealing_the_attackers_accuse_them() -> None:
    doc = process("كشف مسؤولون أمنيون أن كتائب حزب الله نفذت الهجوم على قاعدة عين الأسد.")
    (charge,) = statements_of(doc, StatementKind.ACCUSATION)
    assert charge.speaker.key == "security_officials" and charge.accused.key == "kataib_hezbollah"


def test_the_statement_as_subject_speaks_for_its_issuer() -> None:
    doc = process('وقال الحرس الثوري في بيان، إنه استهدف مواقع إسرائيلية في أربيل بصواريخ دقيقة.\n'
                  'وأضاف البيان أن "أي تكرار لاعتداءات إسرائيل سيقابل برد قاس".')
    (threat,) = statements_of(doc, StatementKind.THREAT)
    assert threat.speaker.key == "irgc" and threat.accused.key == "israel"


def test_a_statement_with_no_issuer_before_it_has_no_speaker() -> None:
    doc = process('وأضاف البيان أن "أي تكرار لاعتداءات إسرائيل سيقابل برد قاس".')
    assert not doc.statements


def test_a_family_name_after_a_speech_verb_is_the_person_named_before() -> None:
    doc = process("وقال المتحدث العسكري باسم الحوثيين يحيى سريع إن قواتهم استهدفت سفينة في البحر الأحمر.\n"
                  "وأكد سريع أن قواتنا لن تتردد في استهداف السفن الإسرائيلية.")
    assert any(m.entity.key == "yahya_saree" and m.via == "surname" for m in doc.mentions)
    doc = process("وقال المتحدث العسكري باسم الحوثيين يحيى سريع إن قواتهم ستواجه أي اعتداء برد سريع.")
    assert not any(m.via == "surname" for m in doc.mentions)


def test_a_groups_act_told_again_of_its_spokesman_is_one_act() -> None:
    doc = process("قصفت الطائرات الأمريكية مواقع للحوثيين في صنعاء. وتوعدت جماعة الحوثيين بالرد على الغارات.\n"
                  "وقال المتحدث العسكري باسم الحوثيين يحيى سريع إن قواتنا لن تتردد في الرد على العدوان الأمريكي.")
    assert len(statements_of(doc, StatementKind.THREAT)) == 1


def test_the_subject_of_a_verb_of_expressing_speaks_the_noun_it_governs() -> None:
    doc = process("أعرب وزير الخارجية الأمريكي أنتوني بلينكن، في اتصال مع الرئيس العراقي برهم صالح، عن استنكاره "
                  "للهجوم الذي استهدف قاعدة عين الأسد.")
    (cond,) = statements_of(doc, StatementKind.CONDEMNATION)
    assert cond.speaker.key == "antony_blinken"


def test_an_official_named_after_his_body_is_the_speaker() -> None:
    text = "وقال المسؤول السياسي لحركة الجهاد الإسلامي أحمد المدلل إن الحركة لا علاقة لها بالهجوم على الحاجز."
    facts = _facts(text)
    assert any(kind == "Denial" and speaker.startswith("x-") for kind, speaker, _ in facts), facts


def test_an_unnamed_official_of_a_body_after_lam_speaks_for_it() -> None:
    text = "ونفى مسؤول أمني لكتائب حزب الله أي علاقة للكتائب بالهجوم على قاعدة عين الأسد."
    assert ("Denial", "kataib_hezbollah", "kataib_hezbollah") in _facts(text)


def test_a_body_speaking_in_its_named_officials_words_speaks_through_him() -> None:
    text = "قال عضو المكتب السياسي لحركة حماس باسم نعيم إن الحركة تدين الهجوم على المصلين في الخليل."
    facts = _facts(text)
    assert any(kind == "Condemnation" and speaker.startswith("x-") for kind, speaker, _ in facts), facts


def test_a_body_in_the_words_of_another_bodys_official_still_speaks() -> None:
    text = "قال المتحدث باسم وزارة الخارجية الأمريكية ماثيو ميلر إن إيران تدين الهجوم على السفارة في بيروت."
    assert ("Condemnation", "iran", None) in _facts(text)


def test_the_spokesman_of_an_anaphoric_faction_speaks_for_it_beside_coordinated_speakers() -> None:
    doc = process("قتل أربعة من مقاتلي حركة النجباء في هجوم بطائرة مسيرة على مقر الفصيل. واتهم المتحدث باسم الفصيل "
                  "واثنين من قادة الفصائل العراقية الولايات المتحدة بتنفيذ الهجوم.")
    speakers = {s.speaker.key for s in doc.statements}
    assert "harakat_al_nujaba" in speakers and "faction_leaders" in speakers


@pytest.mark.parametrize("text", [
    "وكانت جماعات مسلحة أخرى -بينها فصائل منضوية في الحشد الشعبي- قد هددت بالرد على الغارات الأمريكية.",
    "ومن بين هذه الفصائل جماعات مسلحة، التي هددت بالرد على الغارات الأمريكية.",
])
def test_an_aside_between_the_subject_and_its_verb(text: str) -> None:
    """A parenthetical between dashes, or the comma before a relative pronoun, does not end the clause; a party
    inside the aside is not the subject."""
    assert [(s.kind.value, s.speaker.key) for s in process(text).statements] == [("Threat", "armed_factions")]


def test_declaring_war_on_a_party_threatens_it_and_claims_nothing() -> None:
    doc = process("وأعلنت حركة النجباء الحرب على القوات الأمريكية، مؤكدة أن استهداف طائراتهم سيكون أول الرد.")
    assert [(s.kind.value, s.accused.key if s.accused else None) for s in doc.statements] == \
        [("Threat", "us_military")]


def test_the_object_of_a_headline_verb_is_never_its_speaker() -> None:
    """"فصيل عراقي يتوعد القوات الأمريكية": the subject stands before the verb, unnamed; the forces are threatened."""
    doc = process("فصيل عراقي يتوعد القوات الأمريكية بالرد وواشنطن تحذر من عواقب التصعيد\nوقال مسؤول إن التحقيق مستمر.")
    assert [(s.kind.value, s.speaker.key) for s in doc.statements] == [("Threat", "usa")]


@pytest.mark.parametrize(("text", "fact"), [
    ("حزب العمال الكردستاني: لا ناقة لنا ولا جمل في تفجير السيارة المفخخة بمدينة دهوك", ("Denial", "pkk", "pkk")),
    ("البنتاغون: كتائب حزب الله تقف وراء الهجوم بالمسيرة على قاعدة التنف",
     ("Accusation", "us_dod", "kataib_hezbollah")),
])
def test_a_party_and_a_colon_opening_a_headline_quote_it(text: str, fact: tuple[str, str, str]) -> None:
    assert [(s.kind.value, s.speaker.key, s.accused.key) for s in process(text).statements] == [fact]


def test_a_place_and_a_colon_is_a_dateline() -> None:
    """"بغداد: ..." heads a dateline; the words after it are nobody's."""
    assert process("بغداد: لا علاقة لنا بالتفجير الذي استهدف السوق").statements == []
