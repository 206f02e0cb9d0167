"""Places the gazetteer lacks, named by a head noun and a proper name (extract/places.py), and how an attack's
location takes the most specific place a text gives."""
from __future__ import annotations

from rdflib import RDF, RDFS, Literal

from graph_builder.document import Attack, Document, EntityKind, RawDocument
from graph_builder.pipeline import DEFAULT_PIPELINE, Pipeline
from graph_builder.rdf import document_graph, entity_iri
from ontology.vocab import CKG
from tests.graph_builder.helpers import process


def _discovered(doc: Document) -> dict[str, tuple[str, ...]]:
    """label -> within, of every place the component found."""
    return {m.entity.label_ar: m.entity.within for m in doc.mentions if m.via == "place-noun"}


def _only_attack(text: str) -> Attack:
    doc = process(text)
    assert len(doc.attacks) == 1, [(a.kind, a.target, a.location) for a in doc.attacks]
    return doc.attacks[0]


def test_a_village_chained_to_a_known_district_is_the_attack_location() -> None:
    doc = process("قُتل شخصان بانفجار عبوة ناسفة في قرية الحمرية بقضاء بيجي.")
    places = _discovered(doc)
    assert "baiji" in places["الحمرية"]  # the bare name is the label: "قرية/بلدة/ناحية الحمرية" are one place
    attack = doc.attacks[0]
    assert attack.location is not None and attack.location.label_ar == "الحمرية"
    assert attack.location.discovered and attack.location.key == "x-الحمريه"
    assert attack.target is None
    assert any(t.rule == "roles/location.named-place" for t in attack.traces)


def test_nouns_that_are_part_of_the_name_stay_in_the_label() -> None:
    places = _discovered(process("سقطت قذيفة في حي الرفاعي شرق الموصل، وانفجرت عبوة داخل مخيم الجدعة للنازحين "
                                 "جنوب الموصل، وثالثة في بادية الشولة غربي دير الزور."))
    assert {"حي الرفاعي", "مخيم الجدعة", "بادية الشولة"} <= set(places)
    assert "mosul" in places["حي الرفاعي"] and "mosul" in places["مخيم الجدعة"]
    assert "deir_ez_zor" in places["بادية الشولة"]


def test_names_opened_by_a_word_that_never_stands_alone_take_the_next_word() -> None:
    places = _discovered(process("انفجرت عبوة في قرية تل الذهب ثم في منطقة البو عيثة وفي مديرية دار سعد بعدن."))
    assert {"تل الذهب", "البو عيثة", "دار سعد"} <= set(places)
    assert "aden" in places["دار سعد"]


def test_a_known_place_after_its_head_noun_stays_the_gazetteer_place() -> None:
    doc = process("سقط صاروخ كاتيوشا في مدينة الحلة من دون وقوع إصابات.")
    assert _discovered(doc) == {}
    assert doc.attacks[0].location is not None and doc.attacks[0].location.key == "hillah"


def test_adjectives_and_common_nouns_after_a_head_noun_name_no_place() -> None:
    text = ("انفجرت عبوة في منطقة زراعية قرب حي سكني، ووصلت القوات إلى منطقة الحادث على طريق سريع، ودخلت مخيم "
            "للاجئين ثم منطقة الاستقبال التي اقتحمها المحتجون، وقالت مديرية الأمن ومديرية شرطة المدينة إن ساحة "
            "المعركة هادئة.")
    assert _discovered(process(text)) == {}


def test_a_name_without_the_article_must_not_agree_with_its_head_noun() -> None:
    # a nisba in "ي" is an adjective after a masculine noun, a name after a feminine one
    assert "سركلي" in _discovered(process("قصفت المدفعية التركية قرية سركلي في قضاء العمادية."))
    assert _discovered(process("سقطت قذيفة على حي سكني في قضاء العمادية.")) == {}
    # a word in "ة" of an adjective's shape after a feminine noun is an adjective ("قريبة", "مفتوحة")
    assert _discovered(process("استهدفت مسيرة سيارة في منطقة قريبة من الحدود ثم في منطقة مفتوحة قرب دهوك.")) == {}


def test_the_first_of_chained_places_is_where_the_attack_happened() -> None:
    attack = _only_attack("هاجم مسلحون مجهولون نقطة عسكرية في بادية الشولة غربي دير الزور.")
    assert attack.location is not None and attack.location.label_ar == "بادية الشولة"
    assert attack.target is None and attack.perpetrator is None


def test_a_place_inside_another_discovered_one_lies_within_it() -> None:
    places = _discovered(process("انفجرت عبوة في قرية الحمرية بناحية الملاحة غربي كركوك."))
    assert places["الملاحة"][0] == "kirkuk"
    assert places["الحمرية"][0] == "x-الملاحه"


def test_a_road_is_where_an_attack_happened_never_its_target() -> None:
    attack = _only_attack("استهدفت مسيّرة دراجة نارية على طريق الخردلي قرب مرجعيون.")
    assert attack.target is None
    assert attack.location is not None and attack.location.label_ar == "طريق الخردلي"
    convoy = _only_attack("استهدفت عبوة ناسفة رتلاً لقوات البيشمركة على طريق المعامل شمال كركوك.")
    assert convoy.target is not None and convoy.target.key == "peshmerga"
    assert convoy.location is not None and convoy.location.label_ar == "طريق المعامل"


def test_a_place_struck_directly_is_the_target_as_a_known_place_would_be() -> None:
    shelled = _only_attack("قصفت المدفعية التركية قرية سركلي صباح الأحد.")
    known = _only_attack("قصفت المدفعية التركية قضاء بيجي صباح الأحد.")
    assert known.target is not None and known.target.key == "baiji"  # the existing rule, for a known place
    assert shelled.target is not None and shelled.target.label_ar == "سركلي"
    assert shelled.location is shelled.target
    fell_in = _only_attack("سقطت قذيفة في حي الرفاعي شرق الموصل.")
    assert fell_in.target is None and fell_in.location is not None and fell_in.location.label_ar == "حي الرفاعي"


def test_a_place_struck_inside_a_bigger_one_is_the_location() -> None:
    attack = _only_attack("قتل ثلاثة مدنيين بقصف استهدف حي الروضة في مدينة تعز.")
    assert attack.target is not None and attack.target.label_ar == "حي الروضة"
    assert attack.location is attack.target
    assert any(t.rule == "attacks/location.place-struck-within" for t in attack.traces)


def test_a_place_in_another_clause_after_the_attack_word_is_not_its_location() -> None:
    doc = process("وأدين الثلاثة بالإعداد لتفجيرات استهدفت السفارة، حيث كانوا يقيمون في مدينة مونتريال.")
    assert all(a.location is None or a.location.label_ar != "مونتريال" for a in doc.attacks)


def test_a_place_named_only_in_the_headline_locates_the_story_attack() -> None:
    doc = process("انفجار عبوة ناسفة في منطقة البو عيثة جنوبي بغداد\nأفادت مصادر أمنية بأن العبوة انفجرت صباح "
                  "اليوم قرب تجمع للعمال، ما أسفر عن إصابة ثلاثة منهم.")
    assert len(doc.attacks) == 1
    assert doc.attacks[0].location is not None and doc.attacks[0].location.label_ar == "البو عيثة"


def test_discovered_places_change_no_perpetrator_nor_statement() -> None:
    without = Pipeline(tuple(n for n in DEFAULT_PIPELINE if n != "named-places"))
    text = ("تبنى تنظيم داعش الهجوم على نقطة للجيش العراقي في قرية البو حسن بقضاء المقدادية، فيما دانت وزارة "
            "الخارجية العراقية الهجوم الذي وقع في حي الرفاعي شرق الموصل.")
    with_places, plain = process(text), without.process(RawDocument("t", text))
    assert _discovered(with_places) and not _discovered(plain)
    assert [a.perpetrator.key if a.perpetrator else None for a in with_places.attacks] == \
        [a.perpetrator.key if a.perpetrator else None for a in plain.attacks]
    assert [(s.kind, s.speaker.key if s.speaker else None, s.accused.key if s.accused else None)
            for s in with_places.statements] == \
        [(s.kind, s.speaker.key if s.speaker else None, s.accused.key if s.accused else None)
         for s in plain.statements]


def test_a_discovered_place_is_written_as_a_labelled_place() -> None:
    doc = process("سقطت ثلاث قذائف هاون في حي الزهراء غربي الموصل.")
    place = next(m.entity for m in doc.mentions if m.via == "place-noun")
    assert place.kind is EntityKind.PLACE
    g = document_graph(doc)
    node = entity_iri(place)
    assert (node, RDF.type, CKG.Place) in g
    assert (node, RDFS.label, Literal("حي الزهراء", lang="ar")) in g
    assert any(g.objects(None, CKG.location)) and node in set(g.objects(None, CKG.location))
