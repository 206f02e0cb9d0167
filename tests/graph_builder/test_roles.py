"""Targets and places of an attack (extract/roles.py) on short texts written for the tests: objects after the
attack word, named victims, survivors, anonymous attackers, and where an attack on a named site happened."""
from __future__ import annotations

from graph_builder.document import AttackKind
from tests.graph_builder.helpers import process


def test_unknown_gunmen_are_neither_perpetrator_nor_target() -> None:
    (a,) = process("اختطف مسلحون مجهولون مهندسا في مدينة الموصل مساء الخميس.").attacks
    assert a.perpetrator is None and a.target is None and a.location.key == "mosul"
    assert any(t.rule == "attacks/perpetrator.anonymous" for t in a.traces)


def test_an_attack_on_a_named_site_is_located_where_the_site_is() -> None:
    (a,) = process("سقطت ثلاثة صواريخ على قاعدة عين الأسد الجوية.").attacks
    assert a.target.key == "ain_al_asad" and a.location.key == "anbar"


def test_an_open_fire_verb_split_from_its_object_by_the_subject_is_a_shooting() -> None:
    (a,) = process("أطلق مسلحون مجهولون النار على دورية للشرطة في قضاء الزبير ليلة الجمعة.").attacks
    assert a.kind is AttackKind.ARMED_ASSAULT and a.perpetrator is None and a.location is not None


def test_a_place_named_after_a_kind_of_country_noun_locates_the_attack() -> None:
    (a,) = process("اختطف مسلحون مجهولون راعيا في صحراء النخيب غربي كربلاء.").attacks
    assert a.location is not None and a.target is None


def test_dozens_of_rockets_are_one_attack_not_a_tally() -> None:
    (a,) = process("أطلقت كتائب حزب الله عشرات الصواريخ على قاعدة عين الأسد فجر الأربعاء.").attacks
    assert a.target.key == "ain_al_asad"
    assert process("شهدت المنطقة عشرات الهجمات خلال العام الماضي.").attacks == []


def test_a_day_set_off_by_commas_does_not_end_the_clause() -> None:
    (a,) = process("هاجم مسلحون تابعون لتنظيم داعش، الأحد، مقر الحزب الديمقراطي الكردستاني في كركوك.").attacks
    assert a.target is not None and a.target.key == "kdp"


def test_the_means_named_with_an_attack_word_set_its_kind() -> None:
    (a,) = process("هاجم مسلحون بالأسلحة الخفيفة دورية للجيش العراقي قرب قضاء الحويجة.").attacks
    assert a.kind is AttackKind.ARMED_ASSAULT
    (b,) = process("سلاح الجو الإسرائيلي يستهدف مستودعات ذخيرة في ريف حمص.").attacks
    assert b.kind is AttackKind.AIRSTRIKE
    assert process("استعرض سلاح الجو مقاتلات جديدة في قاعدة جوية.").attacks == []


def test_a_state_is_a_target_only_after_a_preposition_of_direction() -> None:
    (a,) = process("أطلقت الجماعة صواريخ على إسرائيل فجر اليوم.").attacks
    assert a.target.key == "israel"
    for attack in process("واشنطن تعلن مسؤوليتها عن ضربة سوريا.\nوقالت إن الضربة استهدفت مخزن أسلحة.").attacks:
        assert attack.target is None or attack.target.key != "syria"


def test_a_person_named_after_a_title_is_the_object_of_the_attack_verb() -> None:
    (a,) = process("اغتال مسلحون مجهولون الصحفي ناظم الحسناوي قرب منزله في مدينة الحلة.").attacks
    assert a.target.label_ar == "ناظم الحسناوي" and a.perpetrator is None
    assert any(t.rule == "roles/target.object-after-trigger" for t in a.traces)


def test_the_unit_between_a_rank_and_the_name_is_not_the_target() -> None:
    (a,) = process("اختطف مسلحون الضابط في قوات الحشد الشعبي وسام الكلابي في بغداد.").attacks
    assert a.target.label_ar == "وسام الكلابي"


def test_the_subject_of_a_passive_wounding_verb_is_the_target() -> None:
    (a,) = process("أُصيب النقيب في الجيش ضياء المشهداني برصاص مسلحين في كركوك.").attacks
    assert a.target.label_ar == "ضياء المشهداني" and a.injured == 1
    assert any(t.rule == "roles/target.named-victim" for t in a.traces)


def test_who_survived_an_assassination_attempt_was_its_target() -> None:
    (a,) = process("نجا المحافظ عماد الزيدي من محاولة اغتيال بعبوة ناسفة في الديوانية.").attacks
    assert a.target.label_ar == "عماد الزيدي"


def test_a_generic_victim_is_no_target() -> None:
    (a,) = process("اغتال مسلحون مجهولون مواطنا في مدينة الكوت.").attacks
    assert a.target is None


def test_felled_dead_is_a_shooting_of_its_object() -> None:
    (a,) = process("أردى مسلحون مجهولون المهندس فراس الجبوري قتيلا في حي الجامعة ببغداد.").attacks
    assert a.kind is AttackKind.ARMED_ASSAULT and a.target.label_ar == "فراس الجبوري" and a.killed == 1


def test_an_unnamed_subject_described_by_a_clause_stands_between_the_verb_and_the_person() -> None:
    (a,) = process("قتل مسلحون يستقلون دراجة نارية المختار جاسم الدليمي في قضاء الخالص.").attacks
    assert a.target.label_ar == "جاسم الدليمي"


def test_who_blew_himself_up_is_no_target() -> None:
    (a,) = process("قتل خمسة أشخاص إثر تفجير الانتحاري المدعو حامد الراوي نفسه في سوق ببغداد.").attacks
    assert a.target is None and a.killed == 5


def test_a_person_before_a_passive_with_no_object_is_the_target() -> None:
    (a,) = process("وكان المهندس نزار الشمري قد اختُطف في أيار الماضي من أمام منزله في بغداد.").attacks
    assert a.kind is AttackKind.ABDUCTION and a.target.label_ar == "نزار الشمري"


def test_the_person_an_attack_nouns_pronoun_stands_for_is_the_target() -> None:
    (a,) = process("أفرجت الشرطة عن التاجر فهد الزبيدي بعد يومين من اختطافه في البصرة.").attacks
    assert a.target.label_ar == "فهد الزبيدي"


def test_a_place_does_not_survive_an_assassination_attempt() -> None:
    (a,) = process("نجا محمد عمر رئيس بلدية الفلوجة من محاولة اغتيال بعبوة ناسفة في مدينة الرمادي.").attacks
    assert a.target is None and a.location.key == "ramadi"


def test_the_middle_of_a_town_or_a_village_of_its_district_locates_the_attack() -> None:
    (a,) = process("اغتال مسلحون مجهولون المحامي زياد الخالدي وسط مدينة الديوانية.").attacks
    assert a.location.key == "diwaniyah"
    (b,) = process("خطف مسلحون مجهولون راعيا من قرية تابعة لقضاء تلعفر.").attacks
    assert b.location.label_ar == "تلعفر"


def test_a_stabbing_with_a_knife_named_after_its_victim() -> None:
    (a,) = process("تعرض الطبيب سعدي الربيعي للطعن بسكين داخل عيادته في مدينة الكوت.").attacks
    assert a.kind is AttackKind.ARMED_ASSAULT and a.target.label_ar == "سعدي الربيعي"


def test_a_place_after_the_attacks_adjectives_and_on_is_the_place_struck() -> None:
    (a,) = process("أسفر القصف المدفعي التركي على ناحية سيدكان عن أضرار في بساتين القرويين.").attacks
    assert a.target.key == a.location.key == "sidakan"
    assert any(t.rule == "attacks/location.place-struck" for t in a.traces)
    doc = process("حذر الوزير من هجوم إرهابي على أمريكا في الأشهر المقبلة.")
    assert all(a.target is None or a.target.key != "usa" for a in doc.attacks)


def test_a_colon_ends_the_attack_clause_of_a_headline() -> None:
    (a,) = process("هجوم بالطائرات المسيرة على مدينة أربيل: كتائب حزب الله تتبنى العملية").attacks
    assert a.target is not None and a.target.key == "erbil"


def test_positions_a_pronoun_gives_to_the_speaker_make_it_the_target() -> None:
    (a,) = process("وقالت كتائب حزب الله في بيان إن غارة جوية استهدفت مواقع لها قرب الحدود السورية.").attacks
    assert a.target.key == "kataib_hezbollah"
    assert any(t.rule == "roles/target.own-positions" for t in a.traces)
    (b,) = process("أكدت هيئة الحشد الشعبي تعرض مقار تابعة لها في محافظة الأنبار إلى قصف جوي.").attacks
    assert b.target.key == "pmf"


def test_a_partys_positions_in_the_region_struck_are_the_target() -> None:
    (a,) = process("شنت مقاتلات تركية غارات على قضاء سوران، قالت أنقرة إنها استهدفت مواقع لحزب العمال "
                   "الكردستاني.").attacks
    assert a.target.key == "pkk" and a.location.key == "soran" and a.kind is AttackKind.AIRSTRIKE


def test_a_partys_counted_members_among_the_dead_make_it_the_target_not_the_attacker() -> None:
    doc = process("قالت مصادر إن 4 على الأقل من مقاتلي حركة النجباء قتلوا في هجوم بطائرة مسيرة شرقي بغداد.")
    (a,) = doc.attacks
    assert a.target.key == "harakat_al_nujaba" and a.perpetrator is None and a.location.key == "baghdad"


def test_counted_members_who_plotted_are_the_plotters_not_the_victims() -> None:
    doc = process("اعتقلت القوات الأمنية ثلاثة عناصر من تنظيم داعش كانوا يخططون لتفجير أبراج الطاقة في قضاء الحويجة.")
    (a,) = doc.attacks
    assert a.target is None and a.perpetrator.key == "isis"


def test_a_strike_aimed_at_a_groups_leader_targets_the_group_not_the_place() -> None:
    (a,) = process("ندد الرئيس اللبناني بالعدوان الإسرائيلي على الضاحية الجنوبية لبيروت، في أعقاب غارة "
                   "إسرائيلية استهدفت قياديا في حزب الله.").attacks
    assert a.target is not None and a.target.key == "hezbollah" and a.location is not None
    assert any(t.rule == "roles/target.member-of-group" for t in a.traces)


def test_members_killed_from_its_own_ranks_make_the_announcer_the_target() -> None:
    (a,) = process("أعلن الجيش العراقي مقتل 11 عنصرا من صفوفه إثر هجوم لتنظيم داعش على محافظة ديالى.").attacks
    assert a.target is not None and a.target.key == "iraqi_army" and a.killed == 11


def test_a_party_right_after_by_or_through_is_no_target() -> None:
    (a,) = process("نفذ تفجير انتحاري في سوق الرمادي عبر القيادي في تنظيم داعش أبو حفص العراقي.").attacks
    assert a.target is None or a.target.kind.value != "Person"
