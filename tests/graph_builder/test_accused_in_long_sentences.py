"""Whom a statement is aimed at when a long sentence names it indirectly: unnamed members of a party ("خلايا
تابعة لتنظيم داعش"), the state an enemy epithet names ("العدو الأمريكي"), the owner of what a widened campaign
would include ("لتشمل السفن الأمريكية"); and no one when a noun of its own is the subject of "X will regret" after
the party named last. Sentences written for the tests."""
from __future__ import annotations

from graph_builder.document import StatementKind
from tests.graph_builder.helpers import process, statements_of


def _aimed(text: str, kind: StatementKind) -> list[tuple[str, str | None]]:
    return [(s.speaker.key, s.accused.key if s.accused else None) for s in statements_of(process(text), kind)]


def test_unnamed_members_of_a_party_make_the_party_accused() -> None:
    doc = process("اتهم وزير الداخلية العراقي، خلال مؤتمر صحفي في بغداد، خلايا تابعة لتنظيم داعش بالوقوف وراء "
                  "الهجوم على قرية في قضاء المقدادية.")
    charges = statements_of(doc, StatementKind.ACCUSATION)
    assert [s.accused.key for s in charges if s.accused] == ["isis"]
    assert any(t.rule == "statements/accused.members-of-party" for t in charges[0].traces)


def test_a_party_described_after_a_named_party_is_still_not_the_accused() -> None:
    aimed = _aimed("اتهمت وزارة الدفاع الأمريكية كتائب حزب الله المدعومة من إيران بقصف قاعدة التنف.",
                   StatementKind.ACCUSATION)
    assert [accused for _, accused in aimed] == ["kataib_hezbollah"]


def test_widening_operations_to_include_a_states_ships_threatens_that_state() -> None:
    aimed = _aimed("هدد عبد الملك الحوثي، في خطاب متلفز، بتوسيع العمليات لتشمل السفن الأمريكية في البحر الأحمر.",
                   StatementKind.THREAT)
    assert aimed == [("abdul_malik_al_houthi", "usa")]


def test_an_unnamed_subject_of_will_regret_is_not_the_party_named_before() -> None:
    aimed = _aimed("أكد حسن نصر الله أن الرد على اغتيال القيادي فؤاد شكر في الضاحية الجنوبية «آتٍ لا محالة»، مضيفاً "
                   "أن «العدو سيندم».", StatementKind.THREAT)
    assert aimed == [("hassan_nasrallah", None)]


def test_a_joined_will_pay_keeps_the_subject_named_before() -> None:
    aimed = _aimed("وقال يسرائيل كاتس إن «إيران تقف خلف الهجوم على السفارة الإسرائيلية في باكو، وستدفع الثمن».",
                   StatementKind.THREAT)
    assert ("israel_katz", "iran") in aimed


def test_one_denial_when_the_clause_is_read_both_as_an_idiom_and_as_a_denied_agent() -> None:
    denials = _aimed("وأكد مصدر في وزارة الدفاع التركية أن الطائرات التركية «لم تنفذ أي غارة» في قضاء سنجار، نافياً "
                     "ما تداولته وسائل إعلام عراقية.", StatementKind.DENIAL)
    assert len(denials) == 1


def test_an_operation_against_a_party_threatens_it() -> None:
    assert _aimed("لوّحت أنقرة بعملية برية جديدة ضد وحدات حماية الشعب الكردية في شمال سوريا.",
                  StatementKind.THREAT) == [("turkey", "ypg")]


def test_denying_a_partys_participation_clears_that_party() -> None:
    aimed = _aimed("خرج المتحدث باسم كتائب حزب الله جعفر الحسيني على قناة العهد، نافياً مشاركة الكتائب في الهجوم "
                   "بالصواريخ على السفارة الأمريكية.", StatementKind.DENIAL)
    assert [accused for _, accused in aimed] == ["kataib_hezbollah"]


def test_the_victim_right_after_an_attack_word_is_not_threatened() -> None:
    assert _aimed("وقال الرئيس الإيراني مسعود بزشكيان إن اغتيال هنية في طهران «جريمة جبانة لن تمر من دون رد».",
                  StatementKind.THREAT) == [("masoud_pezeshkian", None)]


def test_the_aggressor_after_any_aggression_from_is_threatened() -> None:
    aimed = _aimed("أكد عبد الملك الحوثي أن «أي اعتداء من الولايات المتحدة على بلادنا لن يمر دون رد».",
                   StatementKind.THREAT)
    assert aimed == [("abdul_malik_al_houthi", "usa")]


def test_the_spokesman_a_party_speaks_through_is_not_its_object() -> None:
    aimed = _aimed("هددت جماعة الحوثي، على لسان المتحدث باسمها محمد عبد السلام، باستهداف أي سفينة أمريكية تعبر "
                   "البحر الأحمر.", StatementKind.THREAT)
    assert [accused for _, accused in aimed] == ["usa"]


def test_a_denied_report_of_a_states_involvement_after_an_aside_clears_the_state() -> None:
    aimed = _aimed("ونفى مصدر في الخارجية التركية، في تصريح لوكالة الأناضول، صحة التقارير التي تحدثت عن تورط أنقرة في "
                   "الهجوم على مخيم مخمور.", StatementKind.DENIAL)
    assert [accused for _, accused in aimed] == ["turkey"]


def test_the_nationality_of_any_aggression_names_the_threatened_state() -> None:
    aimed = _aimed("وأكد حسين سلامي، مشدداً على أن بلاده لا تسعى إلى الحرب، أن «أي اعتداء إسرائيلي على الأراضي "
                   "الإيرانية سيقابل برد ساحق».", StatementKind.THREAT)
    assert aimed == [("hossein_salami", "israel")]


def test_the_party_the_threatening_words_aim_at_is_threatened() -> None:
    doc = process("وقال المتحدث باسم الحكومة الإسرائيلية، في إفادة صحفية، إن الجيش «سيواصل ضرب» أهداف حزب الله في "
                  "جنوب لبنان.")
    threats = statements_of(doc, StatementKind.THREAT)
    assert [s.accused.key if s.accused else None for s in threats] == ["hezbollah"]
    assert any(t.rule == "statements/accused.threatened-object" for t in threats[0].traces)


def test_charges_denied_with_no_one_else_charged_are_against_the_speaker() -> None:
    doc = process("ودحضت الخارجية الإيرانية، في بيان نشرته على موقعها، الاتهامات الأمريكية بقصف ناقلة نفط في خليج "
                  "عمان.")
    denials = statements_of(doc, StatementKind.DENIAL)
    assert [(s.speaker.key, s.accused.key if s.accused else None) for s in denials] == [("iran_mofa", "iran_mofa")]


def test_charges_against_a_named_party_are_not_against_the_speaker() -> None:
    denials = _aimed("ودحضت الخارجية الإيرانية الاتهامات الأمريكية لحزب الله بقصف ناقلة نفط في خليج عمان.",
                     StatementKind.DENIAL)
    assert ("iran_mofa", "iran_mofa") not in denials
