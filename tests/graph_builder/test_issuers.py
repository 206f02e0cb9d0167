"""Who speaks when the sentence names no subject in the usual place: the issuer of a statement quoted later
("وبحسب البيان فإن ..."), a statement issued by a body ("قال بيان صادر عن X"), a person named again by the family
name or the bare title, and no one for a statement cited with no issuer. Sentences written for the tests."""
from __future__ import annotations

from graph_builder.document import Statement, StatementKind
from tests.graph_builder.helpers import process, statements_of


def _pairs(statements: list[Statement]) -> list[tuple[str, str | None]]:
    return [(s.speaker.key, s.accused.key if s.accused else None) for s in statements]


def _via(statement: Statement) -> list[str]:
    return [t.rule for t in statement.traces if t.rule.startswith("statements/speaker.")]


def test_a_statement_issued_by_a_body_speaks_for_it() -> None:
    doc = process("أفاد بيان صادر عن وزارة الخارجية الإيرانية بأن إسرائيل تقف وراء الهجوم على السفارة الإيرانية "
                  "في دمشق.")
    charges = statements_of(doc, StatementKind.ACCUSATION)
    assert _pairs(charges) == [("iran_mofa", "israel")]
    assert "statements/speaker.statement-issued-by" in _via(charges[0])


def test_the_statement_cited_as_the_source_speaks_for_its_issuer() -> None:
    doc = process("أصدرت حركة النجباء بياناً عقب الغارة على مقرها في جرف الصخر. ووفقاً للبيان، فإن الولايات "
                  "المتحدة نفذت الغارة.")
    charges = statements_of(doc, StatementKind.ACCUSATION)
    assert _pairs(charges) == [("harakat_al_nujaba", "usa")]
    assert _via(charges[0]) == ["statements/speaker.statement-issuer"]


def test_what_came_in_the_statement_threatens_for_its_issuer() -> None:
    doc = process("نشرت سرايا أولياء الدم بياناً على قناتها في تلغرام. وجاء في البيان أن «الاحتلال الأمريكي "
                  "سيدفع ثمن جرائمه».")
    threats = statements_of(doc, StatementKind.THREAT)
    assert [s.speaker.key for s in threats] == ["saraya_awliya_al_dam"]
    assert _via(threats[0]) == ["statements/speaker.statement-issuer"]


def test_a_statement_issued_from_a_party_goes_on_with_a_quote() -> None:
    doc = process("وصدر عن كتائب حزب الله بيان يوم الجمعة. وتابع البيان: \"سنستهدف المصالح الأمريكية في المنطقة\".")
    assert [s.speaker.key for s in statements_of(doc, StatementKind.THREAT)] == ["kataib_hezbollah"]


def test_the_subject_of_the_reported_clause_is_not_the_statements_body() -> None:
    doc = process("أصدرت عصائب أهل الحق بياناً بعد اغتيال أحد قادتها في بغداد. وأضاف البيان أن الحركة ستلاحق "
                  "القتلة أينما كانوا.")
    assert [s.speaker.key for s in statements_of(doc, StatementKind.THREAT)] == ["asaib_ahl_al_haq"]


def test_a_statement_cited_with_no_issuer_before_has_no_speaker() -> None:
    assert process("وبحسب البيان فإن الولايات المتحدة نفذت الغارة على مقر للحشد في القائم.").statements == []
    assert process("وجاء في البيان أن تنظيم داعش يقف وراء الهجوم على نقطة للجيش في الطارمية.").statements == []


def test_a_quote_after_the_statement_phrase_and_a_comma_threatens_from_its_first_word() -> None:
    doc = process("وقالت كتائب حزب الله في بيان، \"لن نتردد في استهداف القواعد الأمريكية في المنطقة\".")
    assert [s.speaker.key for s in statements_of(doc, StatementKind.THREAT)] == ["kataib_hezbollah"]


def test_a_bare_title_is_the_person_named_last_with_that_title() -> None:
    doc = process("زار وزير الدفاع التركي يشار غولر القوات المنتشرة على الحدود. وأضاف الوزير أن العمليات ضد حزب "
                  "العمال الكردستاني ستستمر حتى القضاء عليه.")
    threats = statements_of(doc, StatementKind.THREAT)
    assert [s.speaker.key for s in threats] == ["yasar_guler"]
    assert _via(threats[0]) == ["statements/speaker.title-anaphor"]


def test_a_bare_title_with_no_holder_named_before_speaks_for_no_one() -> None:
    assert process("وقال الوزير إن بلاده تدين الهجوم على السفارة في بغداد.").statements == []


def test_a_family_name_shared_by_two_persons_is_the_one_named_last() -> None:
    doc = process("عقد رئيس الحزب الديمقراطي الكردستاني مسعود بارزاني اجتماعاً مع رئيس حكومة الإقليم مسرور "
                  "بارزاني في أربيل. وقال بارزاني إن الهجوم على حقل كورمور عمل إرهابي جبان.")
    assert [s.speaker.key for s in statements_of(doc, StatementKind.CONDEMNATION)] == ["masrour_barzani"]


def test_a_family_name_opening_the_sentence_before_its_speech_verb_is_the_person() -> None:
    doc = process("قال المسؤول الأمني لكتائب حزب الله أبو علي العسكري إن الكتائب لن تسكت على اغتيال قادتها. "
                  "والعسكري يتوعد القوات الأمريكية بالرد.")
    assert _pairs(statements_of(doc, StatementKind.THREAT)) == [("abu_ali_al_askari", "us_military")]
    assert any(m.via == "surname-before-verb" for m in doc.mentions)


def test_a_plain_word_that_is_no_family_name_named_before_stays_a_word() -> None:
    doc = process("أعلن الجيش الإسرائيلي أن قواته قصفت مواقع في جنوب لبنان. والعسكري الذي تحدث للوكالة لم يذكر "
                  "تفاصيل.")
    assert not any(m.via.startswith("surname") for m in doc.mentions)


def test_a_statement_issued_by_what_is_called_a_group_speaks_for_the_group() -> None:
    doc = process("وقال بيان صادر عما يسمى بـ\"أصحاب الكهف\" إن الجماعة ستواصل استهداف أرتال التحالف الدولي في العراق.")
    assert [s.speaker.key for s in statements_of(doc, StatementKind.THREAT)] == ["ashab_al_kahf"]


def test_the_party_that_will_not_be_safe_is_threatened() -> None:
    doc = process("وقالت عصائب أهل الحق إنه لن تكون القوات التركية بمأمن من ضرباتنا في شمال العراق.")
    assert _pairs(statements_of(doc, StatementKind.THREAT)) == [("asaib_ahl_al_haq", "turkish_army")]
    quoted = process("وقال الحرس الثوري في بيان إنه \"لن يكون الكيان الصهيوني بمأمن من ردنا\".")
    assert _pairs(statements_of(quoted, StatementKind.THREAT)) == [("irgc", "israel")]


def test_a_joined_speech_verb_with_no_subject_goes_on_with_the_previous_speaker() -> None:
    doc = process("استقبل رئيس الوزراء العراقي محمد شياع السوداني قائد القيادة المركزية الأمريكية في بغداد. وأكد أن "
                  "الحكومة ستلاحق منفذي الهجمات على القواعد التي تستضيف قوات التحالف.")
    threats = statements_of(doc, StatementKind.THREAT)
    assert [s.speaker.key for s in threats] == ["mohammed_shia_al_sudani"]
    assert _via(threats[0]) == ["statements/speaker.previous-speaker"]


def test_a_speech_verb_with_its_own_subject_does_not_go_on_with_the_previous_speaker() -> None:
    doc = process("التقى وزير الخارجية الإيراني عباس عراقجي نظيره العراقي في بغداد. وقال وزير الخارجية العراقي إن "
                  "العراق يدين القصف الذي استهدف مقراً للحشد في القائم.")
    assert [s.speaker.key for s in statements_of(doc, StatementKind.CONDEMNATION)] == ["iraq"]


def test_a_statement_cited_past_a_sentence_that_attributes_nothing_finds_its_issuer() -> None:
    doc = process("أصدرت عصائب أهل الحق بياناً حول الغارة على مقرها في الحلة. ووقعت الغارة فجر اليوم. ووفقاً للبيان "
                  "فإن الولايات المتحدة نفذت الغارة.")
    charges = statements_of(doc, StatementKind.ACCUSATION)
    assert _pairs(charges) == [("asaib_ahl_al_haq", "usa")]
    assert "statements/speaker.statement-issuer" in _via(charges[0])


def test_a_subjectless_verb_past_a_sentence_that_attributes_nothing_has_no_speaker() -> None:
    doc = process("قال المتحدث باسم الجيش العراقي يحيى رسول إن صواريخ سقطت قرب قاعدة بلد. ووقع الهجوم فجر اليوم. "
                  "وأكد أن الأجهزة الأمنية ستلاحق المنفذين.")
    assert statements_of(doc, StatementKind.THREAT) == []
