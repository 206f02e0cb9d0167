"""Speech acts in forms other than a speech verb: verbal nouns with their subject, idioms of denial, threats
with no threat verb, attacks called crimes, charges called false. Sentences written for the tests."""
from __future__ import annotations

import pytest

from graph_builder.document import StatementKind
from tests.graph_builder.helpers import process


def _facts(text: str) -> set[tuple[str, str, str | None]]:
    doc = process(text)
    return {(s.kind.value, s.speaker.key, s.accused.key if s.accused else None) for s in doc.statements}


@pytest.mark.parametrize(("text", "fact"), [
    ("وأثارت اتهامات طهران لواشنطن بالوقوف وراء تفجير كرمان جدلا واسعا.", ("Accusation", "iran", "usa")),
    ("وتزامن تهديد حركة النجباء للقوات الأمريكية مع قصف قاعدة عين الأسد.",
     ("Threat", "harakat_al_nujaba", "us_military")),
    ("وتتمسك كتائب حزب الله باتهامها للولايات المتحدة بتنفيذ الغارة على القائم.",
     ("Accusation", "kataib_hezbollah", "usa")),
    ("وعدّ محللون تحميل الحشد الشعبي إسرائيل مسؤولية الضربة على معسكر آمرلي تصعيداً.",
     ("Accusation", "pmf", "israel")),
])
def test_verbal_noun_with_its_subject(text: str, fact: tuple[str, str, str | None]) -> None:
    assert fact in _facts(text)


def test_a_verbal_noun_of_accusing_someone_without_lam_has_no_speaker() -> None:
    """"اتهام إيران بالوقوف وراء" accuses Iran; who accuses is not said."""
    assert not any(kind == "Accusation" for kind, *_ in _facts("وجاء ذلك بعد اتهام إيران بالوقوف وراء الهجوم."))


def test_a_charge_against_the_speaker_called_false_is_its_denial() -> None:
    facts = _facts("ووصفت عصائب أهل الحق اتهامات واشنطن لها بقصف السفارة الأمريكية بأنها «محض افتراء».")
    assert ("Denial", "asaib_ahl_al_haq", "asaib_ahl_al_haq") in facts
    assert ("Accusation", "usa", "asaib_ahl_al_haq") in facts


@pytest.mark.parametrize("text", [
    "وتبرأت كتائب سيد الشهداء من الهجوم بالطائرة المسيرة على مطار أربيل.",
    "وقالت كتائب سيد الشهداء إنها «غير معنية» بالصواريخ التي سقطت قرب مطار أربيل.",
    "وأكدت كتائب سيد الشهداء أنها «بعيدة كل البعد» عن استهداف مطار أربيل.",
])
def test_idioms_of_denying_ones_own_part(text: str) -> None:
    assert ("Denial", "kataib_sayyid_al_shuhada", "kataib_sayyid_al_shuhada") in _facts(text)


def test_distance_from_a_policy_is_no_denial() -> None:
    assert _facts("وجددت الحكومة العراقية تأكيدها أنها تنأى بنفسها عن سياسة المحاور.") == set()


@pytest.mark.parametrize("text", [
    'وقال قيس الخزعلي: "سوف ننتقم من القوات الأمريكية".',
    "وتعهد قيس الخزعلي بمعاقبة مرتكبي الهجوم على مقر العصائب.",
    'وأكد قيس الخزعلي أن "فصائل المقاومة لن تتردد في استهداف القواعد الأمريكية".',
])
def test_threats_without_a_threat_verb(text: str) -> None:
    assert any(kind == "Threat" and speaker == "qais_al_khazali" for kind, speaker, _ in _facts(text))


@pytest.mark.parametrize(("text", "accused"), [
    ("واعتبرت وزارة الخارجية العراقية القصف التركي على قضاء زاخو «خرقاً فاضحاً للسيادة العراقية».", "turkey"),
    ("ووصفت وزارة الخارجية العراقية التفجير الذي استهدف سوق مدينة الصدر بأنه «عمل إرهابي جبان».", None),
])
def test_an_attack_called_a_crime_is_condemned(text: str, accused: str | None) -> None:
    """The condemnation is aimed at the attacker its clause names (the Turkish shelling), else at no one."""
    assert ("Condemnation", "iraq_mofa", accused) in _facts(text)


def test_an_office_after_an_attribution_verb_speaks_for_its_state() -> None:
    facts = _facts("وأكد وزير الدفاع البريطاني أن إيران تقف وراء الهجوم على الناقلة في خليج عمان.")
    assert ("Accusation", "united_kingdom", "iran") in facts


def test_reported_speech_charges_each_coordinated_agent() -> None:
    facts = _facts('وقال المتحدث باسم الحوثيين يحيى سريع إن "أمريكا وبريطانيا شنت 12 غارة على مدينة الحديدة".')
    assert {("Accusation", "yahya_saree", "usa"), ("Accusation", "yahya_saree", "united_kingdom")} <= facts


def test_the_nationality_of_an_aircraft_that_struck_names_the_accused() -> None:
    facts = _facts("وقال الجيش العراقي في بيان إن طائرة تركية مسيرة استهدفت عجلة لحرس الحدود في قضاء زاخو.")
    assert any(kind == "Accusation" and accused == "turkey" for kind, _, accused in facts)


@pytest.mark.parametrize(("text", "accused"), [
    ("وقال وزير الخارجية الإسرائيلي إن الحوثيين هم من أطلقوا الطائرة المسيرة التي انفجرت في مبنى بتل أبيب.",
     "houthis"),
    ("وأكد حزب الله في بيان أن إسرائيل مسؤولة مسؤولية كاملة عن تفجير أجهزة الاتصال في لبنان.", "israel"),
    ("وقالت القيادة المركزية الأمريكية إن الحرس الثوري الإيراني يتحمل المسؤولية عن الهجوم على الناقلة.", "irgc"),
])
def test_reported_speech_naming_the_agent_by_a_cleft_or_responsibility(text: str, accused: str) -> None:
    assert any(kind == "Accusation" and who == accused for kind, _, who in _facts(text))


def test_a_question_states_nothing() -> None:
    assert _facts("هل ستتبنى كتائب حزب الله الهجوم الصاروخي على مطار أربيل؟") == set()


def test_refusing_to_accuse_anyone_is_no_denial() -> None:
    facts = _facts("ورفض وزير الخارجية العراقي فؤاد حسين توجيه الاتهام إلى أي جهة في قصف مطار أربيل.")
    assert not any(kind == "Denial" for kind, *_ in facts)


def test_a_condemnation_noun_governed_by_a_verb_speaks_for_its_subject() -> None:
    facts = _facts("واكتفت وزارة الخارجية العراقية بإدانة الهجوم الصاروخي على مطار أربيل.")
    assert ("Condemnation", "iraq_mofa", None) in facts


def test_a_groups_head_noun_after_the_verb_speaks_for_the_group_named_before() -> None:
    facts = _facts("سقطت قذيفتا هاون على مقر للحزب الديمقراطي الكردستاني في كركوك، وحمّل الحزب في بيان له كتائب حزب "
                   "الله مسؤولية القصف.")
    assert ("Accusation", "kdp", "kataib_hezbollah") in facts


def test_an_ultimatum_is_a_threat() -> None:
    facts = _facts("وأمهلت المقاومة الإسلامية في العراق القوات الأمريكية أسبوعاً لمغادرة البلاد.")
    assert ("Threat", "islamic_resistance_in_iraq", "us_military") in facts


def test_a_verb_form_with_a_fused_preposition_is_its_verbal_noun() -> None:
    facts = _facts("وسارعت كتائب سيد الشهداء بنفي استهدافها لقاعدة بلد الجوية بالصواريخ.")
    assert ("Denial", "kataib_sayyid_al_shuhada", "kataib_sayyid_al_shuhada") in facts


def test_the_denial_in_a_governed_noun_is_its_governing_verbs_subject() -> None:
    facts = _facts("وقال المتحدث باسم الجيش الإسرائيلي إن حزب الله يكذب بنفي علاقته بالصاروخ الذي سقط على مجدل شمس.")
    assert ("Denial", "hezbollah", "hezbollah") in facts


@pytest.mark.parametrize(("text", "speakers"), [
    ("أدانت كل من البحرين والأردن ومصر التفجير الذي استهدف مسجداً في الكويت.", {"bahrain", "jordan", "egypt"}),
    ("واشنطن ولندن تتهمان طهران بالهجوم على ناقلة نفط في خليج عمان", {"usa", "united_kingdom"}),
    ("دان وزير الخارجية العراقي فؤاد حسين ونظيره الإيراني عباس عراقجي الغارة على مقر للحشد الشعبي في القائم.",
     {"fuad_hussein", "abbas_araghchi"}),
])
def test_every_coordinated_speaker_speaks(text: str, speakers: set[str]) -> None:
    assert speakers <= {speaker for _, speaker, _ in _facts(text)}


def test_the_victim_after_the_attack_word_is_not_the_speaker() -> None:
    facts = _facts("أدان حزب غير معروف اغتيال الناشط إيهاب الوزني وسط مدينة كربلاء.")
    assert not any(speaker == "ihab_al_wazni" for _, speaker, _ in facts)


def test_counted_members_killed_are_victims_not_agents() -> None:
    facts = _facts("وقال تنظيم داعش في بيان إن ثلاثة من عناصر الحشد الشعبي قتلوا في الهجوم على موقع قرب سامراء.")
    assert not any(kind == "Accusation" and accused == "pmf" for kind, _, accused in facts)


def test_a_charge_of_no_attack_is_no_accusation() -> None:
    facts = _facts("وتتهم إيران الجماعات الكردية المعارضة بالوقوف وراء الاحتجاجات الشعبية في مدن البلاد.")
    assert not any(kind == "Accusation" for kind, *_ in facts)
    facts = _facts("وقعت هجمات على قواعد أمريكية في سوريا. وتتهم الولايات المتحدة كتائب حزب الله بتنفيذها.")
    assert ("Accusation", "usa", "kataib_hezbollah") in facts


def test_rejecting_an_attack_condemns_it_and_rejecting_a_charge_does_not() -> None:
    assert ("Condemnation", "iraq", "usa") in _facts("ورفض العراق الهجوم الأمريكي على مواقع الحشد الشعبي في القائم.")
    facts = _facts("ورفضت كتائب حزب الله الاتهامات الأمريكية بالوقوف وراء الهجوم على قاعدة عين الأسد.")
    assert not any(kind == "Condemnation" for kind, *_ in facts)


def test_the_accuser_before_behind_is_not_the_one_behind() -> None:
    facts = _facts("ولم يتهم المتحدث باسم الحكومة العراقية باسم العوادي أي جهة بالوقوف وراء قصف مطار أربيل.")
    assert not any(kind == "Accusation" for kind, *_ in facts)


def test_a_conditional_charge_in_reported_speech_is_no_accusation() -> None:
    facts = _facts('وقال قائد الحرس الثوري حسين سلامي إنه "إذا ثبت أن إسرائيل تقف وراء الهجوم على منشأة نطنز فإن '
                   'الرد سيكون قاسياً".')
    assert not any(kind == "Accusation" for kind, *_ in facts)


def test_a_group_saying_it_did_not_fire_denies_its_part() -> None:
    facts = _facts("قال مسؤول في حركة النجباء إن الحركة لم تطلق أي صاروخ باتجاه قاعدة عين الأسد.")
    assert ("Denial", "harakat_al_nujaba", "harakat_al_nujaba") in facts


def test_a_habit_in_the_present_is_no_claim() -> None:
    facts = _facts("ويقول الحوثيون إنهم ينفذون هجماتهم تضامناً مع غزة.")
    assert not any(kind == "ClaimOfResponsibility" for kind, *_ in facts)


@pytest.mark.parametrize(("text", "threatened"), [
    ('وقال وزير الدفاع الإسرائيلي يسرائيل كاتس إن "بيروت ستدفع الثمن غالياً" إذا استمر إطلاق الصواريخ.', "lebanon"),
    ('وأكد عبد الملك الحوثي أن "أي اعتداء من الولايات المتحدة على بلادنا لن يمر دون رد".', "usa"),
    ('وقال قائد الحرس الثوري حسين سلامي إن "على إسرائيل أن تنتظر رداً مؤلماً" على اغتيال قادة الحرس.', "israel"),
])
def test_the_subject_of_a_reported_threat_is_threatened(text: str, threatened: str) -> None:
    assert any(kind == "Threat" and accused == threatened for kind, _, accused in _facts(text))


def test_a_plural_verb_after_a_statement_keeps_its_subject() -> None:
    facts = _facts("ندد الاتحاد الأوروبي بالهجوم على السفينة، فيما أعلن الحوثيون مسؤوليتهم عنه وتوعدوا "
                   "الولايات المتحدة بالمزيد.")
    assert ("Threat", "houthis", "usa") in facts
    assert not any(kind == "Threat" and speaker == "usa" for kind, speaker, _ in facts)


def test_a_negated_speech_noun_after_any_is_no_statement() -> None:
    assert _facts("ولم تصدر الحكومة السورية أي إدانة للغارة على مطار حلب الدولي.") == set()


@pytest.mark.parametrize(("text", "speaker"), [
    ("أعلنت القيادة المركزية الأمريكية (سنتكوم) تنفيذ ضربة جوية على مخزن للأسلحة في بغداد.", "centcom"),
    ("أعلن الجيش التركي، اليوم الثلاثاء، تنفيذ غارات جوية على مواقع حزب العمال الكردستاني في قنديل.",
     "turkish_army"),
    ("أعلنت المقاومة الإسلامية في العراق في بيان مقتضب استهداف قاعدة عين الأسد بطائرة مسيرة.",
     "islamic_resistance_in_iraq"),
])
def test_an_announced_own_attack_with_an_alias_or_a_time_before_its_verbal_noun(text: str, speaker: str) -> None:
    """"أعلن X (alias)، اليوم، تنفيذ ضربة": what stands between the speaker and its object changes nothing."""
    doc = process(text)
    claims = [s for s in doc.statements if s.kind.value == "ClaimOfResponsibility"]
    assert [s.speaker.key for s in claims] == [speaker]
    assert claims[0].about is not None and claims[0].about.perpetrator.key == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    ("واتهمت كتائب حزب الله الولايات المتحدة بتنفيذ الضربة على مقرها في جرف الصخر وتوعدت بالانتقام.",
     "kataib_hezbollah"),
    ("ودان حزب الله الغارة الإسرائيلية على بلدة الخيام وتوعد بالرد على الجيش الإسرائيلي.", "hezbollah"),
])
def test_a_coordinated_verb_followed_by_its_complement_keeps_the_earlier_subject(text: str, speaker: str) -> None:
    assert any(kind == "Threat" and who == speaker for kind, who, _ in _facts(text))


def test_a_threat_of_retaliation_for_an_attack_is_aimed_at_its_perpetrator() -> None:
    """The strike is Israel's as the text tells it; the vow to respond to it is aimed at Israel."""
    facts = _facts("وشنت طائرات إسرائيلية غارة على مطار دمشق، وتوعدت إيران بالرد على الغارة الإسرائيلية.")
    assert ("Threat", "iran", "israel") in facts


def test_a_threat_is_never_aimed_at_the_speakers_own_side_through_the_attack() -> None:
    facts = _facts("وتوعدت إيران بالرد على الضربة الإيرانية على أربيل.")
    assert not any(kind == "Threat" and accused == "iran" for kind, _, accused in facts)


@pytest.mark.parametrize(("text", "fact"), [
    ("أكدت وزارة الداخلية في إقليم كردستان تورط حزب العمال الكردستاني بقصف حقل نفطي في دهوك.",
     ("Accusation", "krg_interior_ministry", "pkk")),
    ("كشفت وزارة الداخلية العراقية ضلوع تنظيم داعش في تفجير سيارة مفخخة بمدينة الصدر.",
     ("Accusation", "iraq_moi", "isis")),
])
def test_an_announced_part_of_another_party_in_an_attack_accuses_it(text: str,
                                                                   fact: tuple[str, str, str | None]) -> None:
    assert fact in _facts(text)


def test_announcing_that_a_party_had_no_part_accuses_no_one() -> None:
    facts = _facts("أكد الجيش العراقي، في بيان، عدم تورط الحشد الشعبي في الهجوم على قاعدة عين الأسد.")
    assert not any(kind == "Accusation" for kind, *_ in facts)


@pytest.mark.parametrize(("text", "speaker"), [
    ("نفى الجيش العراقي، في بيان، قصف مواقع لحزب العمال الكردستاني في سنجار.", "iraqi_army"),
    ("نفت حركة حماس أن تكون قد أطلقت صواريخ من جنوب لبنان باتجاه مستوطنة كريات شمونة.", "hamas"),
])
def test_denying_an_own_act_with_no_other_agent_denies_ones_own_part(text: str, speaker: str) -> None:
    assert ("Denial", speaker, speaker) in _facts(text)


def test_a_party_described_as_involved_is_not_the_speaker() -> None:
    """"متورطة" holds the letters of "تورطه" (its involvement): the involved party is the one named."""
    facts = _facts("نفت الحكومة العراقية أن تكون قوات الحشد الشعبي متورطة في الهجوم على مطار أربيل.")
    assert ("Denial", "iraqi_government", "pmf") in facts


def test_giving_the_lie_to_what_media_circulated_denies_a_report() -> None:
    doc = process("كذّبت قيادة قوات البيشمركة ما تناقلته مواقع التواصل بشأن هجوم بطائرة مسيّرة على مقر لها.")
    denials = [s for s in doc.statements if s.kind.value == "Denial"]
    assert len(denials) == 1 and denials[0].accused is None and denials[0].denies is not None


@pytest.mark.parametrize(("text", "fact"), [
    ("نشرت المقاومة الإسلامية في العراق بياناً على تلغرام، معلنةً استهداف قاعدة عين الأسد بطائرتين مسيّرتين.",
     ("ClaimOfResponsibility", "islamic_resistance_in_iraq", None)),
    ("أصدرت عصائب أهل الحق بياناً، متبنيةً الهجوم بالعبوة الناسفة على رتل للتحالف الدولي في الديوانية.",
     ("ClaimOfResponsibility", "asaib_ahl_al_haq", None)),
    ("عقد رئيس الوزراء الإسرائيلي اجتماعاً أمنياً في تل أبيب، محمّلاً إيران المسؤولية عن الهجوم على إيلات.",
     ("Accusation", "israel", "iran")),
])
def test_a_participle_speaks_for_the_subject_of_the_clause_it_hangs_on(text: str,
                                                                      fact: tuple[str, str, str | None]) -> None:
    assert fact in _facts(text)


def test_announcing_something_other_than_an_attack_claims_nothing() -> None:
    assert _facts("أصدرت كتائب حزب الله بيانا، معلنة رفضها للهدنة.") == set()


@pytest.mark.parametrize("text", [
    "تبادلت قوات سوريا الديمقراطية والجيش التركي الاتهامات بشأن قصف مدرسة في ريف منبج.",
    "وتبادلت قوات سوريا الديمقراطية الاتهامات مع الجيش التركي بالمسؤولية عن قصف مدرسة في ريف منبج.",
])
def test_an_exchange_of_charges_is_one_accusation_each_way(text: str) -> None:
    facts = _facts(text)
    assert ("Accusation", "sdf", "turkish_army") in facts and ("Accusation", "turkish_army", "sdf") in facts


def test_an_exchange_of_charges_over_no_attack_is_no_accusation() -> None:
    assert _facts("تبادلت قوات سوريا الديمقراطية والجيش التركي الاتهامات بشأن تعطيل المفاوضات.") == set()


@pytest.mark.parametrize("text", [
    "إذا ما أعلن تنظيم داعش مسؤوليته عن التفجير، فإن ذلك سيؤكد عودة التنظيم.",
    "وفي حال تبنت كتائب حزب الله الهجوم فإن الأزمة ستتعمق.",
])
def test_a_supposed_claim_is_no_claim(text: str) -> None:
    assert _facts(text) == set()


@pytest.mark.parametrize(("text", "speaker"), [
    ("أعلن البنتاغون أنه نفذ ضربات جوية على ثلاثة مواقع تابعة لكتائب حزب الله في العراق.", "us_dod"),
    ("ويقول الجيش الإسرائيلي إن طائراته المقاتلة قصفت أهدافا عسكرية للحوثيين في ميناء الحديدة.", "israeli_army"),
    ("وأعلن البنتاغون أن سلاح الجو الأمريكي نفذ ضربات على أكثر من 60 هدفا للحوثيين في اليمن.", "us_dod"),
])
def test_a_state_telling_of_its_own_forces_strike_claims_it(text: str, speaker: str) -> None:
    assert ("ClaimOfResponsibility", speaker, None) in _facts(text)


@pytest.mark.parametrize("text", [
    "قال البنتاغون إن القوات الأمريكية تعرضت لهجوم بطائرة مسيرة في سوريا.",
    'وقال رئيس الوزراء إن السلطات العراقية "نفذت اعتقالات" بعد إطلاق الصواريخ على المطار.',
])
def test_own_forces_that_were_attacked_or_did_something_else_claim_nothing(text: str) -> None:
    assert not any(kind == "ClaimOfResponsibility" for kind, *_ in _facts(text))


@pytest.mark.parametrize(("text", "fact"), [
    ("وزعمت عصائب أهل الحق أنها فجّرت عبوة ناسفة برتل للتحالف الدولي قرب الديوانية.",
     ("ClaimOfResponsibility", "asaib_ahl_al_haq", None)),
    ("وسارع حزب الله إلى التبرؤ من الهجوم على قوة اليونيفيل في جنوب لبنان.", ("Denial", "hezbollah", "hezbollah")),
    ("وأكد فؤاد حسين أن بلاده «تدين بشدة» الهجوم على مطار أربيل.", ("Condemnation", "fuad_hussein", None)),
    ("وقال وزير الداخلية عبد الأمير الشمري: «تنظيم داعش نفذ التفجير في سوق الخضار».",
     ("Accusation", "abdul_amir_al_shammari", "isis")),
])
def test_reported_and_governed_forms(text: str, fact: tuple[str, str, str | None]) -> None:
    """A claim made with "زعم", a disowning governed by "إلى", "his country condemns", a charge in direct speech."""
    assert fact in _facts(text)


@pytest.mark.parametrize(("text", "fact"), [
    ("ويأتي تهديد زعيم جماعة الحوثي عبد الملك الحوثي للولايات المتحدة باستهداف سفنها الحربية.",
     ("Threat", "abdul_malik_al_houthi", "usa")),
    ("وجاء تحميل الحكومة العراقية تنظيم داعش مسؤولية الكمين في وادي حوران.",
     ("Accusation", "iraqi_government", "isis")),
])
def test_a_verbal_noun_whose_subject_is_an_office_or_whose_charge_is_an_ambush(
        text: str, fact: tuple[str, str, str | None]) -> None:
    assert fact in _facts(text)


@pytest.mark.parametrize(("text", "facts"), [
    ("ورفضت أنقرة اتهامات بغداد لها بقصف قرية في قضاء العمادية بطائرات مسيرة.",
     {("Denial", "turkey", "turkey"), ("Accusation", "iraq", "turkey")}),
    ("ونفت عصائب أهل الحق الاتهامات الموجهة لها بقصف السفارة.", {("Denial", "asaib_ahl_al_haq", "asaib_ahl_al_haq")}),
])
def test_rejecting_the_charges_against_oneself_denies_ones_own_part(text: str,
                                                                   facts: set[tuple[str, str, str | None]]) -> None:
    assert facts <= _facts(text)


def test_leaders_joined_to_the_speaker_are_not_the_accused() -> None:
    facts = _facts("واتهم المتحدث باسم حركة النجباء واثنين من قادة الفصائل العراقية الولايات المتحدة بتنفيذ الهجوم "
                   "وهددوا بالانتقام.")
    assert ("Accusation", "harakat_al_nujaba", "usa") in facts and ("Threat", "harakat_al_nujaba", "usa") in facts


def test_the_body_a_speaker_belongs_to_is_not_threatened() -> None:
    facts = _facts("توعدت خلية الإعلام الأمني في الجيش العراقي، عبر بيان، بأن القصاص من المنفذين لهذا الهجوم "
                   "سيكون قريبا.")
    assert ("Threat", "security_media_cell", None) in facts


def test_counted_as_a_crime_is_a_condemnation_and_a_promise_is_not() -> None:
    doc = process("وعدّ مجلس أمن إقليم كردستان القصف الصاروخي الذي استهدف مدينة أربيل انتهاكاً صارخاً لسيادة العراق.")
    assert [(s.kind, s.speaker.key) for s in doc.statements] == \
        [(StatementKind.CONDEMNATION, "kurdistan_security_council")]
    assert not process("وعد رئيس الوزراء بمحاسبة مرتكبي الهجوم الإرهابي على السوق.").statements


def test_not_safe_from_our_strikes_and_promised_operations_are_threats() -> None:
    doc = process("وقالت سرايا أولياء الدم إن الاحتلال الأمريكي لن يكون بمأمن من ضرباتنا.")
    assert [(s.kind, s.accused.key) for s in doc.statements] == [(StatementKind.THREAT, "us_military")]
    doc = process("وقال المتحدث باسم كتائب حزب الله إن الكتائب تعد بمزيد من العمليات ضد القواعد الأمريكية.")
    assert [s.kind for s in doc.statements] == [StatementKind.THREAT]


@pytest.mark.parametrize(("text", "fact"), [
    ("وتأتي الاتهامات الإسرائيلية لحزب الله بعد سقوط صاروخ على بلدة في الجليل.", ("Accusation", "israel", "hezbollah")),
    ("وأثارت التهديدات الإيرانية لإسرائيل بالرد على اغتيال القائد مخاوف من حرب.", ("Threat", "iran", "israel")),
    ("ورفضت بغداد التهديدات التركية بشن عملية برية في سنجار.", ("Threat", "turkey", None)),
])
def test_a_definite_act_noun_with_a_nationality_adjective(text: str, fact: tuple[str, str, str | None]) -> None:
    """"الاتهامات الإسرائيلية لحزب الله": the adjective's state speaks, the party after "ل" is charged."""
    assert fact in _facts(text)


def test_a_charge_noun_after_a_head_noun_is_the_verbs_object_not_a_body_name() -> None:
    """"نفى الحزب المزاعم الإسرائيلية": "الحزب" refers back; no body "الحزب المزاعم" is minted."""
    doc = process("أكد حزب الله أنه لا علاقة له بالحادثة. ونفى الحزب المزاعم الإسرائيلية بشأن مسؤوليته عن القصف.")
    assert not any(m.entity.discovered for m in doc.mentions)
    assert ("Denial", "hezbollah", "hezbollah") in {(s.kind.value, s.speaker.key, s.accused.key if s.accused else None)
                                                   for s in doc.statements}


def test_crimes_a_party_commits_charge_it() -> None:
    """"المجازر التي ترتكبها القوات الأمريكية" in a ministry's words: an accusation with no verb of accusing."""
    facts = _facts("وقالت الخارجية السورية في بيان إن المجازر التي ترتكبها القوات الأمريكية لن تمر دون حساب.")
    assert ("Accusation", "syria_mofa", "us_military") in facts


def test_crimes_in_a_report_with_no_speaker_charge_no_one() -> None:
    assert not _facts("وتناول التقرير الأممي الجرائم التي ارتكبها تنظيم داعش بحق الإيزيديين في سنجار.")


@pytest.mark.parametrize(("text", "fact"), [
    ("وجاءت الغارات بعد يومين من اتهام أنقرة حزب العمال الكردستاني بالوقوف وراء تفجير إسطنبول.",
     ("Accusation", "turkey", "pkk")),
    ("وأثار تنصل هيئة الحشد الشعبي من القصف على حقل كورمور تساؤلات.", ("Denial", "pmf", "pmf")),
])
def test_a_verbal_noun_with_its_subject_and_direct_object(text: str, fact: tuple[str, str, str | None]) -> None:
    assert fact in _facts(text)


def test_a_warning_covers_the_consequence_it_reports() -> None:
    """"محذراً إسرائيل من أن أي عدوان على لبنان سيقابل برد": one threat, aimed at Israel; Israel does not threaten
    Lebanon."""
    facts = _facts("أنهى الأمين العام لحزب الله كلمته محذراً إسرائيل من أن أي عدوان على لبنان سيقابل برد مؤلم.")
    assert facts == {("Threat", "hezbollah", "israel")}
