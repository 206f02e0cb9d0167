"""The attacker of a reported attack (extract/perpetrators.py) on short texts written for the tests: subjects
seen through their members, relative clauses on the attack, nationality adjectives, and parties that are no
subject."""
from __future__ import annotations

from graph_builder.document import Trace
from graph_builder.extract.perpetrators import perpetrator_in
from graph_builder.extract.roles import triggers_in
from graph_builder.extract.syntax import attack_words
from tests.graph_builder.helpers import pipeline, process


def test_the_reader_works_on_one_sentence_outside_the_attack_extractor() -> None:
    """The allegation reader calls it on a clause with no trace list: the same answer, with or without one."""
    doc = process("استهدفت المقاومة الإسلامية في العراق قاعدة عين الأسد بالصواريخ.")
    (sent,) = doc.sentences
    triggers = triggers_in(attack_words(doc, pipeline().resources), sent.norm_start, sent.norm_end)
    mentions = doc.mentions_in(sent.index)
    why: list[Trace] = []
    assert perpetrator_in(doc, mentions, triggers, why).entity.key == "islamic_resistance_in_iraq"
    assert [t.rule for t in why] == ["roles/perpetrator.verb-subject"]
    assert perpetrator_in(doc, mentions, triggers).entity.key == "islamic_resistance_in_iraq"


def test_a_group_behind_a_members_noun_after_the_verb_is_the_attacker_not_the_target() -> None:
    (a,) = process("اقتحم عناصر من تنظيم داعش مقر السفارة الأميركية في بغداد.").attacks
    assert a.perpetrator.key == "isis" and a.target.key == "us_embassy_baghdad"
    (b,) = process("هاجم مقاتلون تابعون لكتائب حزب الله قاعدة عين الأسد فجر الاثنين.").attacks
    assert b.perpetrator.key == "kataib_hezbollah" and b.target.key == "ain_al_asad"


def test_the_subject_of_a_relative_clause_on_the_attack_is_the_attacker() -> None:
    (a,) = process("أسفرت الغارة التي نفذها الجيش الأمريكي على مقر لكتائب حزب الله عن مقتل مقاتلين.").attacks
    assert a.perpetrator.key in {"us_military", "usa"} and a.target.key == "kataib_hezbollah"
    assert any(t.rule == "roles/perpetrator.relative-clause-agent" for t in a.traces)
    (b,) = process("تضم قاعدة عين الأسد، التي استهدفتها كتائب حزب الله بالصواريخ فجر الأحد، جنودا أمريكيين.").attacks
    assert b.perpetrator.key == "kataib_hezbollah" and b.target.key == "ain_al_asad"


def test_coordinated_subjects_before_a_perpetration_verb_are_headed_by_the_first() -> None:
    (a,) = process("قالت الجماعة إن إيران وسوريا شنتا غارات على مواقعها في دير الزور.").attacks
    assert a.perpetrator.key == "iran"


def test_an_army_right_after_the_verb_is_its_subject_unless_a_pronoun_took_that_place() -> None:
    (a,) = process("قصفت القوات التركية بالمدفعية قرى حدودية في قضاء العمادية.").attacks
    assert a.perpetrator.key == "turkish_army" and a.target is None and a.location.key is not None
    (b,) = process("أعلنت كتائب حزب الله أنها استهدفت القوات الأمريكية بعشرة صواريخ في قاعدة عين الأسد.").attacks
    assert b.perpetrator is None or b.perpetrator.key != "us_military"


def test_a_nationality_adjective_names_the_attacker_of_a_drone_but_not_where_it_was_made() -> None:
    (a,) = process("استهدفت طائرة مسيرة تركية سيارة في قضاء سنجار.").attacks
    assert a.perpetrator.key == "turkey"
    (b,) = process("استهدفت طائرة مسيرة إيرانية الصنع قاعدة حرير.").attacks
    assert b.perpetrator is None


def test_a_nationality_adjective_on_any_attack_noun_names_the_attacking_state() -> None:
    (a,) = process("أسفر القصف المدفعي الإيراني على أطراف قضاء سوران عن إصابة راعيين.").attacks
    assert a.perpetrator.key == "iran"
    assert any(t.rule == "roles/perpetrator.nationality-of-strike" for t in a.traces)
    (b,) = process("أدانت الحكومة العدوان الأمريكي الذي استهدف مواقع في مدينة القائم.").attacks
    assert b.perpetrator.key == "usa"


def test_a_nationality_of_the_target_weapon_or_people_names_no_attacker() -> None:
    (a,) = process("سقطت أربعة صواريخ إيرانية على قاعدة أمريكية في محافظة الأنبار.").attacks
    assert a.perpetrator is None
    (b,) = process("ندد البرلمان بالهجوم على القوات التركية في قضاء زاخو.").attacks
    assert b.perpetrator is None
    doc = process("حذر المسؤول من أن القوة الصاروخية الإيرانية قادرة على ضرب القواعد خلال الهجمات الأمريكية.")
    assert all(a.perpetrator is None for a in doc.attacks)


def test_a_party_after_with_is_no_subject() -> None:
    (a,) = process("قتل خمسة من مقاتلي كتائب حزب الله المتحالفة مع إيران في غارة على مقرهم.").attacks
    assert a.perpetrator is None or a.perpetrator.key != "iran"


def test_a_bare_shelling_word_before_an_army_and_an_instrument_is_a_verb() -> None:
    (a,) = process("قصف الجيش التركي بالمدفعية الثقيلة مواقع لحزب العمال الكردستاني قرب قضاء سوران.").attacks
    assert a.perpetrator.key == "turkish_army" and a.target.key == "pkk"


def test_members_of_a_group_before_the_verb_make_the_group_the_attacker() -> None:
    (a,) = process("قالت الشرطة إن عناصر من تنظيم داعش هاجموا نقطة تفتيش في قضاء الطارمية.").attacks
    assert a.perpetrator.key == "isis"


def test_an_indefinite_attack_word_takes_a_relative_clause_without_a_pronoun() -> None:
    (a,) = process("انفجرت عبوة ناسفة زرعها عناصر من تنظيم داعش قرب دورية للجيش في قضاء الطارمية.").attacks
    assert a.perpetrator.key == "isis"
    (b,) = process("سقطت صواريخ على قاعدة عين الأسد، في هجوم تبنته لاحقا كتائب حزب الله.").attacks
    assert b.perpetrator.key == "kataib_hezbollah" and b.target.key == "ain_al_asad"


def test_a_party_after_the_lam_of_an_attack_noun_is_its_attacker() -> None:
    (a,) = process("قتل ثلاثة من عناصر الشرطة بهجوم لتنظيم داعش على نقطة تفتيش في قضاء الحويجة.").attacks
    assert a.perpetrator.key == "isis"
    assert any(t.rule == "roles/perpetrator.genitive-agent" for t in a.traces)
    (b,) = process("تعرض رتل للتحالف الدولي لهجوم بعبوة ناسفة في محافظة الديوانية.").attacks
    assert b.perpetrator is None


def test_a_party_answering_an_attack_is_not_its_attacker() -> None:
    doc = process("ردت كتائب حزب الله على الغارة الأمريكية التي استهدفت مقرا لها في القائم الليلة الماضية.")
    (a,) = doc.attacks
    assert a.perpetrator.key == "usa"


def test_group_fighters_named_by_the_groups_adjective_are_the_group() -> None:
    doc = process("اختطف مقاتلون حوثيون سفينة شحن جنوب البحر الأحمر.")
    (a,) = doc.attacks
    assert a.perpetrator.key == "houthis" and a.location.key == "red_sea"


def test_a_time_and_a_description_between_the_attacker_and_its_strikes_keep_the_attacker() -> None:
    doc = process('نفذ الجيش الأمريكي، اليوم، ما وصفه البنتاغون بأنه "ضربات دفاعية" ضد ميليشيا "كتائب حزب الله".')
    (a,) = doc.attacks
    assert a.perpetrator.key == "us_military" and a.target.key == "kataib_hezbollah"


def test_the_owner_of_the_guns_or_aircraft_that_fired_is_the_attacker() -> None:
    (attack,) = process("دكت مدفعية الجيش التركي مواقع لحزب العمال الكردستاني في منطقة الزاب.").attacks
    assert attack.perpetrator.key != "pkk" and any(t.rule == "roles/perpetrator.owner-of-weapon" for t in attack.traces)
    assert attack.target.key == "pkk"


def test_guns_or_aircraft_that_were_hit_name_no_attacker() -> None:
    doc = process("استهدفت المقاومة الإسلامية بطائرة مسيرة مروحيات الجيش الأمريكي في قاعدة حرير.")
    assert not any(t.rule == "roles/perpetrator.owner-of-weapon" for a in doc.attacks for t in a.traces)


def test_an_armed_force_after_the_bare_shelling_word_fired_it() -> None:
    """"قصف" is verb or noun; either way the force right after it is its agent, never what was shelled."""
    (a,) = process("أدان العراق قصف الجيش التركي لقرى في قضاء زاخو.").attacks
    assert a.perpetrator is not None and a.perpetrator.key == "turkish_army"
    assert a.target is None or a.target.key != "turkish_army"
    assert any(t.rule == "roles/perpetrator.armed-force-after-homograph" for t in a.traces)


def test_a_warplane_with_a_nationality_makes_an_airstrike_by_that_state() -> None:
    (a,) = process("قصفت طائرة حربية تركية قرية في قضاء العمادية.").attacks
    assert a.kind.value == "Airstrike" and a.perpetrator is not None and a.perpetrator.key == "turkey"


def test_the_agent_of_a_verbal_noun_stands_before_the_instrument() -> None:
    (a,) = process("أدان العراق استهداف تركيا بالطائرات المسيرة مواقع في قضاء سنجار.").attacks
    assert a.perpetrator is not None and a.perpetrator.key == "turkey"
    assert any(t.rule == "roles/perpetrator.verbal-noun-agent" for t in a.traces)
