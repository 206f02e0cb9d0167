"""Speakers long news sentences name away from the trigger: the main clause after a fronted verbal noun, the
subject the sentence before opened with, the issuer of a statement that goes on speaking, the subject of a relative
verb after a verbal noun, an office's holder named right after it, an anonymous official of a body's bureau, a
minister named by his portfolio; never the addressee of an aside. Sentences written for the tests."""
from __future__ import annotations

from graph_builder.document import Statement, StatementKind
from tests.graph_builder.helpers import process, statements_of


def _speakers(statements: list[Statement]) -> list[str]:
    return [s.speaker.key for s in statements]


def _via(statement: Statement) -> list[str]:
    return [t.rule for t in statement.traces if t.rule.startswith("statements/speaker.")]


def test_a_fronted_verbal_noun_is_the_act_of_the_main_clauses_subject() -> None:
    doc = process("وفي إدانة للهجوم الذي استهدف موكباً للزائرين على طريق كربلاء، قالت وزارة الداخلية العراقية "
                  "إن القوات الأمنية ستبقى في الطريق.")
    condemnations = statements_of(doc, StatementKind.CONDEMNATION)
    assert _speakers(condemnations) == ["iraq_moi"]
    assert _via(condemnations[0]) == ["statements/speaker.fronted-phrase"]


def test_a_noun_that_does_not_head_the_fronted_phrase_speaks_for_no_one() -> None:
    doc = process("وفي ظل تهديدات متكررة، أعلنت السفارة الأمريكية في بغداد تعليق عملها.")
    assert statements_of(doc, StatementKind.THREAT) == []


def test_a_joined_verb_opening_a_sentence_without_a_subject_keeps_the_previous_subject() -> None:
    doc = process("وصل وزير الخارجية العراقي فؤاد حسين إلى أنقرة في زيارة رسمية. وأدان في تغريدة على منصة إكس "
                  "القصف التركي على مصيف برخ في محافظة دهوك.")
    condemnations = statements_of(doc, StatementKind.CONDEMNATION)
    assert _speakers(condemnations) == ["fuad_hussein"]
    assert _via(condemnations[0]) == ["statements/speaker.previous-subject"]


def test_a_verb_with_its_own_subject_does_not_take_the_previous_one() -> None:
    doc = process("وصل وزير الخارجية العراقي فؤاد حسين إلى أنقرة. وأدان مسرور بارزاني القصف التركي على زاخو.")
    assert _speakers(statements_of(doc, StatementKind.CONDEMNATION)) == ["masrour_barzani"]


def test_the_statement_a_party_issued_goes_on_speaking_for_it() -> None:
    doc = process("أصدرت كتائب سيد الشهداء بياناً نعت فيه أحد قادتها الذي قُتل بغارة أمريكية قرب البوكمال. "
                  "وأضاف البيان أن «العدو الأمريكي سيدفع ثمن جريمته».")
    threats = statements_of(doc, StatementKind.THREAT)
    assert [(s.speaker.key, s.accused.key if s.accused else None) for s in threats] == \
        [("kataib_sayyid_al_shuhada", "usa")]
    assert "statements/speaker.statement-issuer" in _via(threats[0])
    assert any(t.rule == "statements/accused.hostile-epithet" for t in threats[0].traces)


def test_a_verbal_noun_takes_the_subject_of_the_relative_verb_after_it() -> None:
    doc = process("وجاء الهجوم على قاعدة فكتوريا بعد ساعات من اتهامات وجهتها فصائل عراقية لواشنطن بقصف مقراتها.")
    charges = statements_of(doc, StatementKind.ACCUSATION)
    assert [(s.speaker.key, s.accused.key if s.accused else None) for s in charges] == [("armed_factions", "usa")]
    assert _via(charges[0]) == ["statements/speaker.relative-verb"]


def test_the_holder_named_right_after_an_office_speaks() -> None:
    doc = process("وأعرب الأمين العام للأمم المتحدة أنطونيو غوتيريش عن إدانته الشديدة لاستهداف مخيم للنازحين في "
                  "محافظة دهوك.")
    assert _speakers(statements_of(doc, StatementKind.CONDEMNATION)) == ["antonio_guterres"]


def test_the_addressee_of_an_aside_is_not_the_speaker() -> None:
    doc = process("اعتبرت الحكومة العراقية، في رسالة إلى الأمين العام للأمم المتحدة أنطونيو غوتيريش، أن القصف "
                  "التركي على زاخو «انتهاك سافر» للسيادة العراقية.")
    speakers = _speakers(doc.statements)
    assert speakers and "antonio_guterres" not in speakers and "un_secretary_general" not in speakers


def test_an_anonymous_official_of_a_bureau_speaks_for_the_body() -> None:
    doc = process("وقال مسؤول في المكتب السياسي لحركة حماس، فضّل عدم ذكر اسمه، إن الحركة «غير معنية» بالهجوم "
                  "على الدورية الإسرائيلية قرب الخليل.")
    assert [(s.speaker.key, s.accused.key) for s in statements_of(doc, StatementKind.DENIAL)] == [("hamas", "hamas")]


def test_a_minister_named_by_his_portfolio_is_a_named_speaker() -> None:
    doc = process("وزار وزير الصحة العراقي صالح الحسناوي الجرحى في مستشفى الكاظمية، معتبراً أن استهداف المدنيين "
                  "«جريمة نكراء».")
    condemnations = statements_of(doc, StatementKind.CONDEMNATION)
    assert [s.speaker.label_ar for s in condemnations] == ["صالح الحسناوي"]


def test_a_verb_with_an_object_pronoun_after_its_subject_in_a_joined_clause() -> None:
    doc = process("سارعت عصائب أهل الحق إلى نفي أي صلة لها بالهجوم على معسكر التاجي، غير أن وزارة الدفاع العراقية "
                  "اتهمتها صراحةً بالوقوف وراءه.")
    assert [(s.speaker.key, s.accused.key) for s in statements_of(doc, StatementKind.ACCUSATION)] == \
        [("iraq_mod", "asaib_ahl_al_haq")]


def test_the_head_noun_of_the_speakers_body_speaks_through_him() -> None:
    doc = process("قال المتحدث باسم وزارة الخارجية الإيرانية ناصر كنعاني إن الوزارة تدين الهجوم على القنصلية "
                  "الإيرانية في دمشق.")
    condemnations = statements_of(doc, StatementKind.CONDEMNATION)
    assert _speakers(condemnations) == ["nasser_kanaani"]
    assert _via(condemnations[0]) == ["statements/speaker.body-anaphor"]


def test_another_noun_as_the_subject_of_a_reported_verb_is_no_speaker() -> None:
    doc = process("قال ناصر كنعاني إن الشعب يدين الهجوم على القنصلية الإيرانية في دمشق.")
    assert statements_of(doc, StatementKind.CONDEMNATION) == []


def test_a_caretaker_prime_minister_is_named_after_his_long_title() -> None:
    doc = process("قال رئيس حكومة تصريف الأعمال اللبنانية نجيب ميقاتي إن الغارة على بلدة عيتا الشعب «جريمة نكراء».")
    assert [s.speaker.label_ar for s in statements_of(doc, StatementKind.CONDEMNATION)] == ["نجيب ميقاتي"]


def test_a_fronted_noun_of_claiming_with_its_shortened_spelling() -> None:
    doc = process("وفي تبنٍّ صريح للهجوم، نشرت سرايا أولياء الدم مقطعاً مصوراً لإطلاق الصواريخ على قاعدة حرير.")
    claims = statements_of(doc, StatementKind.CLAIM)
    assert [s.speaker.label_ar for s in claims] == ["سرايا أولياء الدم"]


def test_a_topic_fronted_with_but_as_for_speaks_through_its_official() -> None:
    doc = process("أما حزب الله فقد نفى على لسان محمد عفيف أي دور له في إطلاق الصواريخ على مستوطنة كريات شمونة.")
    denials = statements_of(doc, StatementKind.DENIAL)
    assert [(s.speaker.key, s.accused.key) for s in denials] == [("hezbollah", "hezbollah")]
    assert _via(denials[0]) == ["statements/speaker.through-spokesman"]


def test_a_subjectless_reporting_verb_goes_on_with_the_subject_the_previous_sentence_opened_with() -> None:
    doc = process("التقى رئيس الوزراء محمد شياع السوداني وفداً من شيوخ عشائر الأنبار. وأكد خلال اللقاء أن «داعش» يقف "
                  "وراء الهجوم الذي استهدف منزل أحد الشيوخ في القائم.")
    assert [(s.speaker.key, s.accused.key) for s in statements_of(doc, StatementKind.ACCUSATION)] == \
        [("mohammed_shia_al_sudani", "isis")]
