"""Statement extraction on short texts written for the tests."""
from __future__ import annotations

from graph_builder.document import StatementKind
from tests.graph_builder.helpers import process, statements_of


def _facts(text: str) -> set[tuple[str, str, str | None]]:
    doc = process(text)
    return {(s.kind.value, s.speaker.key, s.accused.key if s.accused else None) for s in doc.statements}


def test_condemnation_and_accusation_by_participle() -> None:
    facts = _facts("ودان وزير الخارجية الأميركي مايك بومبيو الهجوم على السفارة، متهماً كتائب حزب الله بتنفيذه.")
    assert ("Condemnation", "mike_pompeo", None) in facts
    assert ("Accusation", "mike_pompeo", "kataib_hezbollah") in facts


def test_denial_of_the_speakers_own_country() -> None:
    facts = _facts("نفى وزير الخارجية الإيراني محمد جواد ظريف أي دور لبلاده في الهجوم على السفارة الأميركية.")
    assert ("Denial", "mohammad_javad_zarif", "iran") in facts


def test_headline_subject_before_verb() -> None:
    assert ("Denial", "iran", "iran") in _facts("إيران تنفي تورطها في الهجوم على القاعدة")


def test_negated_claim_is_no_claim() -> None:
    doc = process("ولم تعلن أي جماعة مسؤوليتها عن الهجوم على السفارة الأميركية.")
    assert statements_of(doc, StatementKind.CLAIM) == []


def test_claim_by_an_armed_group_and_about_the_attack() -> None:
    doc = process('وتبنت "كتائب حزب الله" الهجوم الصاروخي على قاعدة عين الأسد.')
    (claim,) = statements_of(doc, StatementKind.CLAIM)
    assert claim.speaker.key == "kataib_hezbollah" and claim.about is doc.attacks[0]


def test_claim_reported_by_the_group_itself() -> None:
    facts = _facts("وقالت المقاومة الإسلامية في العراق إنها استهدفت قاعدة حرير بطائرتين مسيرتين.")
    assert ("ClaimOfResponsibility", "islamic_resistance_in_iraq", None) in facts


def test_officials_cannot_claim() -> None:
    facts = _facts("وأعلنت وزارة الدفاع العراقية مسؤوليتها عن حماية السفارة.")
    assert not any(kind == "ClaimOfResponsibility" for kind, _, _ in facts)


def test_threat_with_revenge_object_and_future_warning() -> None:
    assert ("Threat", "kataib_hezbollah", "usa") in _facts("وتوعدت كتائب حزب الله بالانتقام من الولايات المتحدة.")
    facts = _facts('وقال الرئيس الأميركي دونالد ترامب إن "إيران ستدفع ثمنا باهظا".')
    assert ("Threat", "donald_trump", "iran") in facts


def test_behind_reports_an_accusation_by_whoever_said_it() -> None:
    facts = _facts("ونقلت الوكالة تصريحات ترامب من أن إيران كانت وراء الهجوم على السفارة الأميركية.")
    assert ("Accusation", "donald_trump", "iran") in facts


def test_accused_inside_a_description_is_skipped() -> None:
    facts = _facts("واتهم البنتاغون الفصائل المدعومة من إيران بتنفيذ الهجوم.")
    assert all(acc != "iran" for kind, _, acc in facts if kind == "Accusation")


def test_conditional_blame_is_a_threat() -> None:
    facts = _facts("وحذر الرئيس الأميركي دونالد ترامب من استهداف السفارة، "
                   "مؤكدا أنه سيحمّل إيران المسؤولية في حالة سقوط ضحايا.")
    assert ("Threat", "donald_trump", "iran") in facts
    assert ("Accusation", "donald_trump", "iran") not in facts


def test_repeated_threat_in_headline_and_body_is_kept_once() -> None:
    doc = process("واشنطن تتوعد بالرد على إيران\nولم تستبعد الولايات المتحدة هجمات جديدة، متوعدة طهران بأنها ستندم.")
    threats = statements_of(doc, StatementKind.THREAT)
    assert [(t.speaker.key, t.accused.key) for t in threats] == [("usa", "iran")]


def test_a_following_sentence_continues_the_previous_speaker() -> None:
    doc = process("وقال المتحدث باسم كتائب حزب الله أبو علي العسكري إن الضربة لن تمر.\n"
                  "وأضاف أن الولايات المتحدة ستدفع ثمنا باهظا.")
    assert any(s.kind is StatementKind.THREAT and s.speaker.label_ar == "أبو علي العسكري"
               and s.accused.key == "usa" for s in doc.statements)


def test_listed_accused_parties_are_one_accusation_each() -> None:
    facts = _facts("واتهم مايك بومبيو كتائب حزب الله وعصائب أهل الحق بتنفيذ الهجوم.")
    assert ("Accusation", "mike_pompeo", "kataib_hezbollah") in facts
    assert ("Accusation", "mike_pompeo", "asaib_ahl_al_haq") in facts


def test_involved_in_the_attack_accuses_the_described_group() -> None:
    facts = _facts("وقال المتحدث باسم البنتاغون جون كيربي إن الضربة استهدفت ميليشيا تدعمها إيران والضالعين في الهجوم.")
    assert ("Accusation", "john_kirby", "iran_backed_militias") in facts


def test_announcing_an_escalation_of_attacks_against_a_party_threatens_it() -> None:
    text = 'بعد بيان من "تنسيقية المقاومة العراقية" التي أعلنت فيه تصعيد هجماتها ضد القوات الأمريكية في العراق.'
    assert ("Threat", "iraqi_resistance_coordination_committee", "us_military") in _facts(text)
    assert not [s for s in process("وأعلنت الحكومة تصعيد الإجراءات الأمنية في بغداد.").statements
                if s.kind is StatementKind.THREAT]


def test_a_party_saying_it_has_nothing_to_do_with_the_attack_denies_it() -> None:
    assert ("Denial", "kataib_hezbollah", "kataib_hezbollah") in _facts(
        "وأكدت كتائب حزب الله أنها لا علاقة لها بالهجوم على قاعدة عين الأسد.")
    assert ("Denial", "harakat_al_nujaba", "harakat_al_nujaba") in _facts(
        "وقالت حركة النجباء إنها غير مسؤولة عن الهجوم على قاعدة عين الأسد.")


def test_verbal_nouns_after_a_preposition_or_with_a_possessive() -> None:
    assert ("Denial", "kataib_hezbollah", "kataib_hezbollah") in _facts(
        "وسارعت كتائب حزب الله إلى نفي مسؤوليتها عن الهجوم على قاعدة عين الأسد.")
    assert ("Condemnation", "iraq_mofa", None) in _facts("وأعربت الخارجية العراقية عن إدانتها للهجوم على السفارة.")


def test_the_issuer_of_a_statement_speaks_in_it() -> None:
    assert ("Condemnation", "iran_mofa", None) in _facts(
        "وأصدرت وزارة الخارجية الإيرانية بيانا أدانت فيه الهجوم على السفارة الأمريكية في بغداد.")


def test_a_capital_as_subject_speaks_for_its_state() -> None:
    assert ("Condemnation", "iraq", None) in _facts("ودانت بغداد بشدة الهجوم الصاروخي على قاعدة عين الأسد.")
    assert not _facts("ووصل الوفد إلى بغداد بعد الهجوم على قاعدة عين الأسد.")


def test_a_threat_to_strike_a_states_bases_threatens_its_forces() -> None:
    """The bases a nationality names stand for that state's armed forces (as the dev gold has it)."""
    assert ("Threat", "kataib_hezbollah", "us_military") in _facts(
        "وهددت كتائب حزب الله باستهداف القواعد الأمريكية في العراق.")


def test_the_accused_is_looked_for_after_the_speaker_not_in_his_title() -> None:
    facts = _facts("من جهته، نفى المتحدث باسم كتائب حزب الله أبو علي العسكري أي دور للكتائب في الهجوم.")
    assert facts == {("Denial", "abu_ali_al_askari", "kataib_hezbollah")}


def test_a_spokesman_saying_his_country_has_nothing_to_do_with_it_denies_for_the_country() -> None:
    facts = _facts("وقال المتحدث باسم الخارجية الإيرانية ناصر كنعاني إن بلاده لا علاقة لها بالهجمات على القوات"
                   " الأمريكية.")
    assert facts == {("Denial", "nasser_kanaani", "iran")}


def test_calling_strikes_by_their_nationality_is_no_allegation() -> None:
    facts = _facts("وقال النائب عن تحالف الفتح محمد البلداوي إن الضربات الأمريكية اعتداء سافر على السيادة العراقية.")
    assert {kind for kind, _, _ in facts} == {"Condemnation"}


def test_idioms_of_blame_refutation_and_brandishing() -> None:
    assert ("Accusation", "usa", "iran_backed_militias") in _facts(
        "ووجهت واشنطن أصابع الاتهام إلى فصائل موالية لإيران بعد الهجوم على قاعدة عين الأسد.")
    assert ("Accusation", "us_dod", "kataib_hezbollah") in _facts(
        "وألقى البنتاغون باللوم على كتائب حزب الله في الهجوم على قاعدة عين الأسد.")
    assert ("Denial", "kataib_hezbollah", "kataib_hezbollah") in _facts(
        "وفندت كتائب حزب الله المزاعم الأمريكية بشأن مسؤوليتها عن الهجوم.")
    assert ("Threat", "harakat_al_nujaba", "usa") in _facts("ولوحت حركة النجباء بالرد على الغارات الأمريكية.")


def test_a_group_reporting_what_its_fighters_did_claims_it() -> None:
    assert ("ClaimOfResponsibility", "islamic_resistance_in_iraq", None) in _facts(
        "وقالت المقاومة الإسلامية في العراق في بيان إن مجاهديها استهدفوا قاعدة حرير بطائرة مسيرة.")
    assert ("ClaimOfResponsibility", "kataib_hezbollah", None) in _facts(
        "وقالت كتائب حزب الله إنها تمكنت من استهداف قاعدة عين الأسد بصواريخ.")


def test_a_claimed_attack_has_the_claiming_group_as_perpetrator() -> None:
    doc = process('وتبنت "كتائب حزب الله" الهجوم الصاروخي على قاعدة عين الأسد.')
    assert doc.attacks[0].perpetrator.key == "kataib_hezbollah"


def test_calling_accusations_false_denies_them_and_reports_whose_they_were() -> None:
    facts = _facts("واعتبرت الخارجية الإيرانية أن الاتهامات الأمريكية لطهران بالوقوف وراء الهجوم باطلة.")
    assert facts == {("Accusation", "usa", "iran"), ("Denial", "iran_mofa", "iran")}


def test_a_spokesman_quoted_by_an_agency_speaks_for_his_group() -> None:
    assert ("Denial", "kataib_hezbollah", "kataib_hezbollah") in _facts(
        "ونقلت وكالة رويترز عن متحدث باسم كتائب حزب الله قوله إن الكتائب لم تشارك في الهجوم على السفارة الأمريكية.")


def test_coordinated_speakers_make_one_statement_each() -> None:
    doc = process("دانت السعودية والإمارات وقطر الهجوم الصاروخي على مطار أربيل.")
    assert sorted(s.speaker.key for s in doc.statements) == ["qatar", "saudi_arabia", "uae"]
    denial = process("نفت حركة النجباء وكتائب حزب الله أي صلة لهما بقصف مطار بغداد.")
    assert {(s.speaker.key, s.accused.key) for s in denial.statements} == {
        ("harakat_al_nujaba", "harakat_al_nujaba"), ("kataib_hezbollah", "kataib_hezbollah")}


def test_a_denial_of_a_report_says_what_it_denies_and_accuses_no_one() -> None:
    doc = process("تعرضت السفارة الأميركية في بغداد لهجوم صاروخي.\nونفت السفارة الأميركية الشائعات عن إخلاء موظفيها.")
    (denial,) = statements_of(doc, StatementKind.DENIAL)
    assert denial.accused is None and denial.denies is not None and "الشائعات" in denial.denies


def test_a_state_announcing_its_strike_claims_it_and_carried_it_out() -> None:
    doc = process("أعلنت القيادة المركزية الأمريكية تنفيذ غارة جوية على مواقع لكتائب حزب الله في القائم.")
    (claim,) = statements_of(doc, StatementKind.CLAIM)
    assert claim.speaker.key == "centcom" and claim.about is not None
    assert claim.about.perpetrator is not None and claim.about.perpetrator.key == "centcom"


def test_keeping_the_right_to_respond_is_a_threat_and_a_caution_is_not() -> None:
    threat = process("وقالت وزارة الخارجية السورية إن دمشق تحتفظ بحق الرد في الزمان والمكان المناسبين.")
    assert [s.kind for s in threat.statements] == [StatementKind.THREAT]
    caution = process("حذرت الأمم المتحدة من أن استمرار الهجمات قد يجر المنطقة إلى حرب شاملة.")
    assert caution.statements == []


def test_direct_speech_after_a_colon_is_read_like_reported_speech() -> None:
    denial = process("وقال قيادي في «سرايا السلام» لوكالة محلية: «لا صلة لنا بإطلاق الصواريخ على المنطقة الخضراء».")
    assert [(s.kind, s.speaker.key) for s in denial.statements] == [(StatementKind.DENIAL, "saraya_al_salam")]
    claim = process("وقالت كتائب حزب الله في بيان: «استهدف مجاهدونا قاعدة عين الأسد بثلاثة صواريخ».")
    assert [s.kind for s in claim.statements] == [StatementKind.CLAIM]


def test_a_verb_of_threat_over_what_is_endangered_is_no_threat() -> None:
    doc = process("ورفض العراق الغارة الأمريكية على القائم، معتبرا أنها تصعيد خطير يهدد أمن العراق والمنطقة.")
    assert not [s for s in doc.statements if s.kind is StatementKind.THREAT]
    doc = process("وقال الخزعلي إن هذه الهجمات تهدد بجر البلاد إلى حرب أهلية.")
    assert not doc.statements


def test_a_charge_over_the_killing_is_about_the_strike_that_killed() -> None:
    doc = process("قتل قياديان في كتائب حزب الله بغارة أمريكية استهدفت سيارتهما في بغداد.\n"
                  "ومن جانبها، حمّلت خلية الإعلام الأمني الولايات المتحدة مسؤولية تداعيات مقتل القياديين.")
    (charge,) = statements_of(doc, StatementKind.ACCUSATION)
    assert charge.accused.key == "usa" and charge.about is doc.attacks[0]


def test_a_warning_of_a_quoted_response_is_a_threat() -> None:
    doc = process("قتل قيادي بغارة أمريكية في بغداد. وفي أعقاب الضربة، حذّرت حركة النجباء من “رد مركّز” عليها.")
    (threat,) = statements_of(doc, StatementKind.THREAT)
    assert threat.speaker.key == "harakat_al_nujaba" and threat.accused.key == "usa"


def test_confirming_an_attack_claims_it_only_with_a_noun_of_carrying_out() -> None:
    doc = process("أكدت مديرية مكافحة الإرهاب في إقليم كردستان استهداف حقل كورمور بطائرة مسيرة مفخخة.")
    assert not statements_of(doc, StatementKind.CLAIM) and doc.attacks[0].perpetrator is None
    doc = process("أكد الجيش الأمريكي تنفيذ ضربات على مواقع لكتائب حزب الله.")
    (claim,) = statements_of(doc, StatementKind.CLAIM)
    assert claim.speaker.key == "us_military"


def test_a_party_saying_it_will_strike_threatens_and_claims_nothing() -> None:
    doc = process("وأكدت كتائب حزب الله أنها ستستهدف المصالح الأمريكية في المنطقة.")
    assert [s.kind for s in doc.statements] == [StatementKind.THREAT]


def test_a_threat_over_a_strike_by_a_states_force_is_aimed_at_the_state() -> None:
    doc = process("قصفت الطائرات الأمريكية مقرا لكتائب حزب الله في القائم. وتوعدت كتائب حزب الله بالرد على الغارة.")
    (threat,) = statements_of(doc, StatementKind.THREAT)
    assert threat.speaker.key == "kataib_hezbollah" and threat.accused.key == "usa"


def test_a_claim_by_a_described_militia_is_the_claim_of_the_one_group_the_story_names() -> None:
    doc = process("أعلنت ميليشيا عراقية موالية لإيران مسؤوليتها عن الهجوم الصاروخي على مطار أربيل.\n"
                  'وقال بيان صادر عن "سرايا أولياء الدم" إن مقاتليها استهدفوا قاعدة الاحتلال.')
    (claim,) = statements_of(doc, StatementKind.CLAIM)
    assert claim.speaker.key == "saraya_awliya_al_dam"


def test_a_party_named_in_an_aside_is_not_the_accused() -> None:
    doc = process("اتهم وزير الدفاع الإسرائيلي يوآف غالانت، خلال زيارته للقيادة الشمالية برفقة رئيس الأركان "
                  "هرتسي هاليفي، حزب الله وإيران بالوقوف وراء الهجوم الصاروخي على مجدل شمس.")
    accused = {s.accused.key for s in doc.statements if s.accused is not None}
    assert {"hezbollah", "iran"} <= accused and "herzi_halevi" not in accused, accused


def test_a_body_inside_a_coordinated_title_is_no_speaker() -> None:
    doc = process("ندد رئيس الوزراء العراقي محمد شياع السوداني ورئيس مجلس النواب سالم العيساوي "
                  "بالهجوم الصاروخي على مطار بغداد الدولي.")
    speakers = {s.speaker.label_ar for s in statements_of(doc, StatementKind.CONDEMNATION)}
    assert len(speakers) == 2 and any("العيساوي" in s for s in speakers), speakers


def test_a_dual_subject_stands_for_the_two_coordinated_parties() -> None:
    doc = process("اتهمت واشنطن إيران وسوريا بدعم الهجمات على قواتها في التنف، "
                  "فيما نفى البلدان أي دور لهما في الهجمات.")
    denials = {(s.speaker.key, s.accused.key if s.accused else None)
               for s in statements_of(doc, StatementKind.DENIAL)}
    assert denials == {("iran", "iran"), ("syria", "syria")}, denials


def test_a_dual_without_a_coordinated_pair_names_no_one() -> None:
    doc = process("اتهمت بغداد حزب العمال الكردستاني بالهجوم على الحقل، ونفى الطرفان لاحقاً أي اتفاق بشأن الحدود.")
    assert not statements_of(doc, StatementKind.DENIAL)


def test_a_joined_verb_with_an_object_pronoun_keeps_the_earlier_subject() -> None:
    doc = process("اتهمت إسرائيل حركة حماس بإطلاق الصواريخ على عسقلان، وتوعدتها بدفع ثمن باهظ.")
    threats = {(s.speaker.key, s.accused.key if s.accused else None) for s in statements_of(doc, StatementKind.THREAT)}
    assert threats == {("israel", "hamas")}, threats


def test_a_threat_over_a_joint_strike_is_aimed_at_each_party_that_struck() -> None:
    doc = process("أعلنت جماعة الحوثيين مقتل خمسة من عناصرها إثر الضربات التي شنتها الولايات المتحدة وبريطانيا "
                  "على اليمن، متوعدة بالرد عليها.")
    threats = {(s.speaker.key, s.accused.key if s.accused else None) for s in statements_of(doc, StatementKind.THREAT)}
    assert threats == {("houthis", "usa"), ("houthis", "united_kingdom")}, threats
    joint = next(s for s in statements_of(doc, StatementKind.THREAT) if s.accused.key == "united_kingdom")
    assert any(t.rule == "statements/threat-at-joint-perpetrator" for t in joint.traces)


def test_another_between_a_subject_and_its_verb_keeps_the_subject() -> None:
    doc = process("وكانت فصائل عراقية أخرى قد هددت بالرد على الغارات الأميركية.")
    threats = {(s.speaker.key, s.accused.key if s.accused else None) for s in statements_of(doc, StatementKind.THREAT)}
    assert threats == {("armed_factions", "usa")}, threats


def test_a_claim_without_an_attack_word_is_about_the_speakers_one_attack() -> None:
    doc = process("شنت تركيا غارات جوية على مواقع لحزب العمال الكردستاني في قضاء سنجار. "
                  "وذكرت وزارة الدفاع التركية أنها أطلقت عملية عسكرية دمرت خلالها عشرات الأهداف.")
    (claim,) = statements_of(doc, StatementKind.CLAIM)
    assert claim.about is doc.attacks[0]
    assert any(t.rule == "statements/about.own-attack" for t in claim.traces)


def test_a_civil_body_claiming_an_attack_names_its_state_as_the_perpetrator() -> None:
    (a,) = process("أعلنت وزارة الخارجية التركية مسؤولية بلادها عن الغارة الجوية على معسكر لحزب العمال "
                   "الكردستاني في محافظة السليمانية.").attacks
    assert a.perpetrator is not None and a.perpetrator.key == "turkey"
    (b,) = process("أعلن الجيش التركي مسؤوليته عن الغارة الجوية على معسكر لحزب العمال الكردستاني.").attacks
    assert b.perpetrator is not None and b.perpetrator.key == "turkish_army"


def test_a_headline_crediting_the_parent_of_an_officials_body_is_the_same_act() -> None:
    doc = process("الأمم المتحدة تدين تفجير الكرادة\nدانت رئيسة بعثة الأمم المتحدة لمساعدة العراق جينين هينيس "
                  "بلاسخارت التفجير الذي استهدف سوقاً في منطقة الكرادة ببغداد.")
    assert [s.speaker.key for s in statements_of(doc, StatementKind.CONDEMNATION)] == ["jeanine_hennis_plasschaert"]


def test_a_threatened_operation_names_the_party_it_is_aimed_at() -> None:
    doc = process("هددت تركيا بشن عملية عسكرية ضد حزب العمال الكردستاني في سنجار.")
    assert [(s.speaker.key, s.accused.key) for s in statements_of(doc, StatementKind.THREAT)] == [("turkey", "pkk")]


def test_an_official_saying_his_sides_operation_succeeded_claims_it() -> None:
    doc = process("شنت تركيا غارات جوية على مواقع لحزب العمال الكردستاني في قضاء سنجار. وقال وزير الدفاع "
                  "التركي خلوصي أكار إن العملية تكللت بالنجاح بتدمير مواقع الإرهاب.")
    (claim,) = statements_of(doc, StatementKind.CLAIM)
    assert claim.speaker.key == "hulusi_akar" and claim.about is doc.attacks[0]


def test_a_present_claim_of_the_strikes_it_carries_out_is_habitual() -> None:
    """"كما أنها تتبنى الضربات التي تنفذها": a group's habit, no claim of the attack the story tells (and so no
    perpetrator taken from it)."""
    doc = process("وقال قيادي في حركة النجباء إن الضربة على السفارة الأمريكية لم تنفذها فصائل المقاومة، "
                  "كما أنها تتبنى الضربات التي تنفذها.")
    assert not [s for s in doc.statements if s.kind is StatementKind.CLAIM]
    assert all(a.perpetrator is None or a.perpetrator.key != "harakat_al_nujaba" for a in doc.attacks)
