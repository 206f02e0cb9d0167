"""Attack extraction on short texts written for the tests."""
from __future__ import annotations

from datetime import date

from graph_builder.document import AttackKind, Status
from tests.graph_builder.helpers import process


def test_rocket_attack_on_a_base_with_count_words_and_digits() -> None:
    doc = process("سقطت ثلاثة صواريخ كاتيوشا على قاعدة عين الأسد الجوية مساء الأحد.")
    (attack,) = doc.attacks
    assert attack.kind is AttackKind.ROCKET and attack.target.key == "ain_al_asad" and attack.count == 3
    assert process("استهدفت 8 صواريخ قاعدة بلد الجوية.").attacks[0].count == 8


def test_one_attack_told_three_times_is_one_attack() -> None:
    doc = process("تعرضت السفارة الأميركية في بغداد لهجوم صاروخي.\n"
                  "وقال مصدر أمني إن الهجوم لم يسفر عن إصابات.\n"
                  "وسقطت الصواريخ في محيط السفارة الأميركية.")
    assert len(doc.attacks) == 1
    assert doc.attacks[0].sentences == [0, 1, 2]


def test_explicitly_different_dates_are_different_attacks() -> None:
    doc = process("استهدف هجوم صاروخي السفارة الأميركية اليوم.\n"
                  "وكان هجوم سابق قد استهدف السفارة الأميركية في 17 نوفمبر.")
    assert len(doc.attacks) == 2


def test_drone_and_bombing_and_storming_kinds() -> None:
    assert process("تعرضت قاعدة حرير لهجوم بطائرة مسيرة.").attacks[0].kind is AttackKind.DRONE
    assert process("انفجرت عبوة ناسفة استهدفت رتلا للتحالف الدولي.").attacks[0].kind is AttackKind.BOMBING
    assert process("اقتحم محتجون السفارة الأميركية في بغداد.").attacks[0].kind is AttackKind.STORMING


def test_drone_strike_is_a_drone_attack_with_the_adjective_as_perpetrator() -> None:
    (attack,) = process("قتلت ضربة أميركية بطائرة مسيرة قائدا في كتائب حزب الله.").attacks
    assert attack.kind is AttackKind.DRONE and attack.perpetrator.key == "usa"  # contract v2: the means names it


def test_perpetrator_stated_as_fact() -> None:
    (attack,) = process("شنت كتائب حزب الله هجوما على قاعدة عين الأسد.").attacks
    assert attack.perpetrator.key == "kataib_hezbollah" and attack.target.key == "ain_al_asad"


def test_foiled_and_planned_status() -> None:
    assert process("أعلنت السلطات إحباط هجوم صاروخي كان يستهدف قاعدة عين الأسد.").attacks[0].status is Status.FOILED
    assert process("تخطط الفصائل لشن هجوم على قاعدة عين الأسد.").attacks[0].status is Status.PLANNED
    # an intercepted attack was still carried out
    assert process("اعترضت الدفاعات صواريخ استهدفت قاعدة عين الأسد.").attacks[0].status is Status.CARRIED_OUT


def test_vague_series_is_not_an_attack() -> None:
    assert process("تتعرض القواعد التي تضم قوات أميركية لهجمات متكررة منذ أسابيع.").attacks == []


def test_dates_relative_to_publication() -> None:
    doc = process("سقط صاروخان على قاعدة عين الأسد يوم الأحد.", published=date(2023, 11, 21))
    assert doc.attacks[0].date.value == date(2023, 11, 19)  # the Sunday before Tuesday 21 November
    doc = process("استهدف هجوم قاعدة عين الأسد في 15 تشرين الثاني 2023.")
    assert doc.attacks[0].date.value == date(2023, 11, 15)


def test_evidence_quotes_the_original_sentence() -> None:
    text = "مقدمة.\nتعرّضت قاعدة عين الأسد لقصف صاروخي."
    doc = process(text)
    ev = doc.attacks[0].evidence[0]
    assert text[ev.start:ev.end] == ev.text == "تعرّضت قاعدة عين الأسد لقصف صاروخي."


def test_listed_bases_are_one_attack_each_and_a_claim_covers_all() -> None:
    doc = process("وأعلنت حركة النجباء استهداف قاعدة التنف وقاعدة حرير بطائرات مسيرة.")
    assert sorted(a.target.key for a in doc.attacks) == ["al_tanf", "harir_base"]
    claims = [s for s in doc.statements if s.kind.value == "ClaimOfResponsibility"]
    assert {c.about.target.key for c in claims} == {"al_tanf", "harir_base"}


def test_a_base_housing_forces_is_the_target_not_the_forces() -> None:
    doc = process("تعرضت قاعدة عسكرية تضم قوات أميركية لهجوم بطائرة مسيرة.")
    assert all(a.target is None or a.target.key != "us_military" for a in doc.attacks)


def test_a_headline_without_target_folds_into_the_story() -> None:
    doc = process("الفصائل تشن هجوما جديدا\nوقالت المقاومة الإسلامية في العراق إنها استهدفت قاعدة حرير بطائرة مسيرة.\n"
                  "وأكدت أن الطائرة المسيرة أصابت قاعدة حرير بشكل مباشر.")
    assert [a.target.key for a in doc.attacks] == ["harir_base"]


def test_the_person_killed_by_a_strike_is_its_target() -> None:
    (attack,) = process("وقتلت ضربة أميركية بطائرة مسيرة قرب مطار بغداد قاسم سليماني.").attacks
    assert attack.target.key == "qasem_soleimani"


def test_a_group_after_fi_is_still_the_target_and_a_subject_after_the_verb_is_not() -> None:
    (attack,) = process("وقصفت واشنطن مواقع في العراق على مقاتلين في كتائب حزب الله.").attacks
    assert attack.target.key == "kataib_hezbollah"


def test_any_attack_and_future_attacks_are_not_attacks() -> None:
    assert process("نرفض أي ادعاء بأن إيران شاركت في أي هجوم على القوات الأميركية.").attacks == []
    assert process("قد تستخدم الفصائل طائرات مسيرة في هجمات مستقبلية على القوات الأميركية.").attacks == []


def test_an_undated_restatement_joins_the_current_attack_not_a_recalled_one() -> None:
    doc = process("سقط صاروخ على قاعدة بلد الجوية اليوم.\n"
                  "وكانت قاعدة بلد الجوية قد تعرضت لقصف في 3 مارس 2021.\n"
                  "وأفادت خلية الإعلام الأمني بأن قاعدة بلد الجوية تعرضت لقصف بثمانية صواريخ.")
    current = next(a for a in doc.attacks if a.anchor is None)
    assert current.sentences == [0, 2]


def test_the_base_refers_back_to_the_base_named_before() -> None:
    doc = process("تقع قاعدة عين الأسد في محافظة الأنبار.\nوتعرضت القاعدة فجر اليوم لهجوم بطائرة مسيرة.")
    (attack,) = doc.attacks
    assert attack.target.key == "ain_al_asad" and attack.kind is AttackKind.DRONE


def test_rockets_falling_near_an_embassy_target_it() -> None:
    doc = process("أفادت مصادر أمنية بسقوط صاروخين قرب السفارة الأمريكية في المنطقة الخضراء دون وقوع إصابات.")
    assert [(a.target.key, a.count) for a in doc.attacks if a.target] == [("us_embassy_baghdad", 2)]


def test_a_call_for_restraint_does_not_make_an_attack_foiled() -> None:
    (attack,) = process("وأدانت الأمم المتحدة الهجوم الصاروخي على قاعدة عين الأسد ودعت إلى ضبط النفس.").attacks
    assert attack.status is Status.CARRIED_OUT


def test_an_adjective_after_a_plural_projectile_is_no_count_of_one() -> None:
    (attack,) = process("تعرضت قاعدة عين الأسد لهجوم بطائرات مسيرة مساء الأحد.").attacks
    assert attack.count is None


def test_a_strike_that_killed_a_groups_leader_targets_the_group() -> None:
    (attack,) = process("وأعلن الجيش الأمريكي أنه نفذ غارة جوية في بغداد أسفرت عن مقتل قيادي في حركة النجباء.").attacks
    assert (attack.kind, attack.target.key, attack.perpetrator.key) == (
        AttackKind.AIRSTRIKE, "harakat_al_nujaba", "us_military")


def test_reports_dated_by_different_weekdays_are_different_attacks() -> None:
    doc = process("حاول محتجون اليوم الأربعاء اقتحام السفارة الأمريكية في بغداد.\n"
                  "وكان أنصار الفصائل قد اقتحموا السفارة الأمريكية في بغداد أمس الثلاثاء.\n"
                  "وتعرضت السفارة الأمريكية في بغداد لاقتحام آخر يوم الأربعاء.")
    assert sorted(len(a.sentences) for a in doc.attacks) == [1, 2]


def test_the_strikes_own_victim_is_its_target_before_attacks_it_recalls() -> None:
    doc = process("وأعلنت القيادة المركزية تنفيذ ضربة أسفرت عن مقتل قيادي في كتائب حزب الله الضالعة في الهجمات"
                  " على القوات الأمريكية.")
    assert [a.target.key for a in doc.attacks if a.target] == ["kataib_hezbollah"]


def test_an_attack_recalled_after_since_is_another_attack() -> None:
    doc = process("وهذا الهجوم الصاروخي على السفارة الأمريكية في بغداد هو الخامس منذ غارة أمريكية أسفرت عن مقتل"
                  " (قاسم سليماني).")
    assert {a.target.key for a in doc.attacks if a.target} == {"us_embassy_baghdad", "qasem_soleimani"}


def test_a_trend_of_attacks_is_no_attack() -> None:
    assert process("وتصاعدت وتيرة استهداف المنطقة الخضراء وأرتال التحالف الدولي في الأشهر الماضية.").attacks == []
    assert process('و"سرايا أولياء الدم" سبق أن تبنت هجمات سابقة استهدفت أرتال التحالف الدولي.').attacks == []


def test_fighters_of_a_group_killed_by_a_strike_make_the_group_its_target() -> None:
    (attack,) = process("وأسفرت ضربة أميركية عن مقتل العديد من المقاتلين في ميليشيات موالية لإيران.").attacks
    assert attack.target.key == "iran_backed_militias"


def test_a_party_after_from_is_the_agent_not_the_target() -> None:
    doc = process("انتشرت قوات الأمن أمام السفارة الأميركية في بغداد لحمايتها بعد محاولة اقتحامها من أنصار"
                  " الحشد الشعبي.")
    assert [a.target.key for a in doc.attacks if a.target] == ["us_embassy_baghdad"]


def test_the_subject_after_a_conjoined_verb_is_the_perpetrator() -> None:
    (attack,) = process("وشن الطيران الأمريكي غارة على موقع لكتائب سيد الشهداء قرب الحدود العراقية السورية.").attacks
    assert (attack.perpetrator.key, attack.target.key) == ("us_air_force", "kataib_sayyid_al_shuhada")


def test_the_latest_of_a_series_is_an_attack() -> None:
    doc = process("وتصاعدت مؤخرا وتيرة الهجمات على قوات التحالف الدولي، وكان أحدثها هجوم استهدف قاعدة حرير.")
    assert [a.target.key for a in doc.attacks if a.target] == ["harir_base"]


def test_a_strike_in_response_to_an_attack_targets_those_it_killed() -> None:
    (attack,) = process("وأكد متحدث أن ضربة أميركية نفذت ردا على هجوم استهدف عسكريين أميركيين في المنطقة، أسفرت عن"
                        " مقتل العديد من المقاتلين في ميليشيات موالية لإيران.").attacks
    assert (attack.kind, attack.target.key) == (AttackKind.AIRSTRIKE, "iran_backed_militias")


def test_the_subject_of_an_attack_verb_is_its_perpetrator() -> None:
    for text in ("المقاومة الإسلامية في العراق تستهدف قاعدة حرير بطائرة مسيرة",
                 "استهدفت المقاومة الإسلامية في العراق، فجر اليوم، قاعدة عين الأسد بصواريخ."):
        (attack,) = process(text).attacks
        assert attack.perpetrator.key == "islamic_resistance_in_iraq", text


def test_the_object_of_a_relative_attack_verb_is_no_perpetrator() -> None:
    doc = process("تظاهر أنصار الفصائل تنديدا بالغارات الجوية التي استهدفت كتائب حزب الله في القائم.")
    assert [(a.target.key, a.perpetrator) for a in doc.attacks] == [("kataib_hezbollah", None)]


def test_an_attack_by_a_named_party_on_an_unnamed_site_targets_the_place() -> None:
    (attack,) = process("وهاجمت كتائب حزب الله قاعدة عسكرية في أربيل بطائرة مسيرة.").attacks
    assert (attack.perpetrator.key, attack.target.key) == ("kataib_hezbollah", "erbil")
    # a position or villages in a district are no site: the district locates the attack (schema v2)
    (other,) = process("وهاجمت كتائب حزب الله موقعا عسكريا في أربيل بطائرة مسيرة.").attacks
    assert other.target is None and other.location.key == "erbil"


def test_one_lemma_entry_covers_every_inflection() -> None:
    """event_lemmas.yaml lists a verb once; its past and present forms, with object pronouns, all trigger."""
    from graph_builder.lexicon import event_lemmas, frame_forms, inflect

    forms = inflect("اغتال")
    assert {"اغتالت", "اغتالوا", "يغتال", "تغتال", "يغتالون", "اغتالته"} <= forms
    assert {"يستهدف", "تستهدفان"} <= inflect("استهدف")
    assert "اطلقوا النار" in inflect("اطلق النار") and "يطلق النار" in inflect("اطلق النار")
    assert "يغتالون" in frame_forms("subject", "perpetrator")
    bare = {e.lemma: e for e in event_lemmas()}
    assert "قصف" not in bare["قصف"].verb_forms  # a homograph of the noun names no attacker
    assert "فجر" not in bare["فجر"].verb_forms | bare["فجر"].other_forms  # "dawn"


def test_a_negated_attack_verb_reports_no_attack() -> None:
    doc = process("وقال المحلل إن الولايات المتحدة وإيران لا تهاجم إحداهما الأخرى مباشرة.")
    assert doc.attacks == []
    assert doc.statements == []


def test_an_assassination_headline_merges_with_the_strike_that_carried_it_out() -> None:
    doc = process("أمريكا تغتال قيادياً كبيراً في كتائب حزب الله\n"
                  "أعلنت القيادة المركزية الأمريكية تنفيذ غارة جوية أسفرت عن مقتل قيادي كبير في كتائب حزب الله.")
    kinds = [a.kind for a in doc.attacks if a.target is not None and a.target.key == "kataib_hezbollah"]
    assert kinds == [AttackKind.AIRSTRIKE]


def test_an_attack_on_forces_folds_into_the_one_site_attack_of_the_story() -> None:
    doc = process("سقطت ثلاثة صواريخ على قاعدة عين الأسد الجوية فجر الاثنين.\n"
                  "وقالت الجماعة في بيانها إنها وجهت ضربة صاروخية ضد القوات الأمريكية.")
    (attack,) = doc.attacks
    assert attack.target.key == "ain_al_asad" and attack.sentences == [0, 1]


def test_a_party_is_never_its_own_target() -> None:
    doc = process("هجوم بطائرة مسيرة على قاعدة حرير.\nوتبنت كتائب حزب الله الهجوم على قاعدة حرير.")
    assert all(a.target is None or a.perpetrator is None or a.target.key != a.perpetrator.key for a in doc.attacks)


def test_a_headline_attack_on_a_city_joins_the_body_attack_on_a_base_in_it() -> None:
    doc = process("كتائب حزب الله تشن هجوما على قاعدة في أربيل\n"
                  "وقالت كتائب حزب الله، السبت، إنها نفذت هجوما على قاعدة تضم قوات أمريكية.\n"
                  "وأضافت أنها استهدفت قاعدة حرير بطائرتين مسيرتين.")
    (attack,) = doc.attacks
    assert attack.target.key == "harir_base" and sorted(attack.sentences) == [0, 1, 2]
    assert any(t.rule.endswith("+folded-headline") for t in attack.traces)


def test_a_pluperfect_clause_recalls_an_earlier_attack_of_its_own() -> None:
    doc = process("سقط صاروخان على قاعدة عين الأسد مساء الجمعة، وكانت القاعدة ذاتها قد تعرضت لهجوم بطائرة مسيرة "
                  "يوم الثلاثاء الماضي.")
    assert sorted(a.kind.value for a in doc.attacks) == ["DroneAttack", "RocketAttack"]
    (one,) = process("سقط صاروخان على قاعدة عين الأسد، وكان الهجوم قد أسفر عن أضرار مادية.").attacks
    assert one.kind is AttackKind.ROCKET


def test_a_foiled_plot_with_a_place_is_an_attack_of_its_own_status() -> None:
    (a,) = process("أحبطت القوات الأمنية محاولة لتفجير سيارة مفخخة في قضاء بلد.").attacks
    assert a.status is Status.FOILED and a.kind is AttackKind.BOMBING and a.location is not None
    assert process("حذر مسؤول من هجمات محتملة في المستقبل.").attacks == []


def test_counts_of_two_words_and_construct_duals() -> None:
    assert process("أطلقت الفصائل اثني عشر صاروخا على قاعدة عين الأسد.").attacks[0].count == 12
    assert process("سقطت قذيفتا هاون على قاعدة بلد الجوية.").attacks[0].count == 2


def test_a_gas_cylinder_blast_is_no_attack_and_a_town_entrance_locates_one() -> None:
    assert process("أصيب خمسة أشخاص بانفجار أسطوانة غاز في مطعم بمدينة الحلة.").attacks == []
    (a,) = process("انفجرت سيارة مفخخة عند مدخل مدينة الحلة ما أدى إلى مقتل ثلاثة أشخاص.").attacks
    assert a.location.key == "hillah"


def test_resuming_or_stopping_attacks_is_no_attack() -> None:
    assert process("أعلنت كتائب حزب الله استئناف الهجمات على القوات الأمريكية في العراق.").attacks == []
    assert process("قررت الفصائل تعليق عملياتها ضد القوات الأمريكية.").attacks == []


def test_a_count_of_tens_of_attacks_is_a_tally() -> None:
    assert process("تعرضت القوات الأمريكية لأكثر من 60 هجوما منذ بداية العام.").attacks == []
    (a,) = process("أطلقت الفصائل 12 صاروخا على قاعدة عين الأسد.").attacks
    assert a.count == 12


def test_a_question_about_an_attack_is_no_attack() -> None:
    assert process("هل تستهدف الفصائل قاعدة عين الأسد مجددا؟").attacks == []


def test_a_threatened_attack_is_no_attack() -> None:
    assert process("توعدت الكتائب باستهداف قاعدة عين الأسد بالصواريخ.").attacks == []
    assert process("هدد الحرس الثوري بقصف مواقع حزب كومله في كويسنجق.").attacks == []


def test_a_pronoun_for_the_killed_members_names_the_struck_group() -> None:
    """"لمقتل أربعة من رجاله في غارة": the men of the group named before were killed, so the group was hit."""
    doc = process("وتوعد قائد كتائب حزب الله بالانتقام من أمريكا لمقتل ثلاثة من رجاله في غارة جوية أمريكية قرب القائم.")
    assert [a.target.key for a in doc.attacks if a.target is not None] == ["kataib_hezbollah"]


def test_a_series_phrase_in_another_clause_does_not_make_the_attack_a_series() -> None:
    doc = process("تظاهر أنصار الحزب الذين سبق أن طالبوا بإخراج الفصائل، بعد أن حمّلها مسؤولية قصف مطار أربيل "
                  "بثلاثة صواريخ.")
    assert [a.location.key for a in doc.attacks if a.location] == ["erbil"]
    assert process("سبق أن تبنت الجماعة هجمات بالصواريخ على مطار أربيل.").attacks == []


def test_a_cue_word_in_quotes_still_counts() -> None:
    doc = process('أطلق الحرس الثوري صواريخ على جزيرة أبو موسى خلال "مناورات" عسكرية أمس.')
    assert not doc.attacks


def test_a_verb_in_the_future_reports_no_attack() -> None:
    assert not process("سيقصف الجيش مواقع داعش غدا.").attacks
    doc = process("تبنت كتائب حزب الله الهجوم، مؤكدةً أنها ستستهدف القوات الأمريكية.")
    assert all(a.perpetrator is None or a.perpetrator.key != "us_military" for a in doc.attacks)
    (a,) = process("وقال الروس تستهدف طائرات مسيرة مواقع في إدلب أمس.").attacks  # "الروس" ends in وس: no future
    assert a.kind is AttackKind.DRONE


def test_the_agent_of_a_relative_clause_stays_however_far_the_victims_stand() -> None:
    """The struck group is named first, its killers long after, but right after the attack word."""
    (a,) = process("أعلنت حركة النجباء مقتل ثلاثة من مقاتليها في الضربات التي شنتها الولايات المتحدة "
                   "قرب البوكمال.").attacks
    assert a.perpetrator is not None and a.perpetrator.key == "usa"
    assert a.target is not None and a.target.key == "harakat_al_nujaba" and a.killed == 3


def test_a_date_in_the_attribution_clause_dates_the_report_not_the_attack() -> None:
    doc = process("قتل جنديان عراقيان في هجوم تبناه تنظيم داعش على نقطة للجيش في قضاء الطارمية، حسبما ذكرت "
                  "خلية الإعلام الأمني يوم الأحد 14 نيسان 2024.")
    (a,) = doc.attacks
    assert a.date is None and a.anchor is None


def test_sinking_a_ship_is_an_attack_and_a_flood_is_none() -> None:
    doc = process("أغرق الحوثيون السفينة «روبيمار» في البحر الأحمر.")
    assert len(doc.attacks) == 1 and "روبيمار" in doc.attacks[0].target.label_ar
    assert process("أغرقت الأمطار الغزيرة شوارع مدينة الموصل.").attacks == []
