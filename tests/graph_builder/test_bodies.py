"""Bodies the reference data lacks, discovered where they speak (graph_builder/extract/bodies.py)."""
from __future__ import annotations

import pytest

from graph_builder.document import EntityKind
from tests.graph_builder.helpers import process


def _bodies(text: str) -> list[tuple[str, EntityKind]]:
    return [(m.entity.label_ar, m.entity.kind) for m in process(text).mentions if m.via == "speaking-body"]


@pytest.mark.parametrize(("text", "name"), [
    ("يتهم المرصد العراقي لحقوق الإنسان القوات التركية بقصف قرية في قضاء العمادية.", "المرصد العراقي لحقوق الإنسان"),
    ("وأدان الحزب الشيوعي الكردستاني التفجير الذي استهدف سوقاً في مدينة دهوك.", "الحزب الشيوعي الكردستاني"),
    ("وقالت هيئة علماء المسلمين في العراق إن القصف استهدف مدنيين.", "هيئة علماء المسلمين في العراق"),
    ("وندد المجلس الإسلامي الشرعي في لبنان بالاعتداء على دورية لليونيفيل.", "المجلس الإسلامي الشرعي في لبنان"),
    ("فيما اتهمت قيادة عمليات سامراء بقايا داعش بالوقوف وراء الهجوم.", "قيادة عمليات سامراء"),
])
def test_a_body_named_right_after_a_statement_verb(text: str, name: str) -> None:
    assert (name, EntityKind.ORGANIZATION) in _bodies(text)


def test_the_discovered_body_is_the_speaker() -> None:
    doc = process("وأدان الحزب الشيوعي الكردستاني اغتيال الناشط إيهاب الوزني في كربلاء.")
    assert [s.speaker.label_ar for s in doc.statements] == ["الحزب الشيوعي الكردستاني"]


@pytest.mark.parametrize("text", [
    "وهدد فصيل عراقي برد غير متوقع على الضربة الأمريكية.",  # a description, not a name
    "وتبنت جماعة تطلق على نفسها اسم سرايا الغضب الهجوم.",  # a verb ends the head noun at once
    "وقال الحزب إن قصف مقره في كركوك عمل جبان.",  # a head noun alone refers back
])
def test_descriptions_and_anaphors_are_not_bodies(text: str) -> None:
    assert _bodies(text) == []


def test_a_groups_head_noun_refers_back_to_the_group() -> None:
    doc = process("أعلنت حركة النجباء استهداف قاعدة عين الأسد. وقال المتحدث باسم الحركة إن الهجوم رد على الغارات.")
    anaphors = [m.entity.key for m in doc.mentions if m.via == "group-anaphor"]
    assert anaphors == ["harakat_al_nujaba"]


def test_a_generic_head_refers_back_to_the_last_armed_group() -> None:
    doc = process("تبنت كتائب سيد الشهداء القصف. واتهم المتحدث باسم الفصيل الولايات المتحدة بقصف مقراته.")
    assert [m.entity.key for m in doc.mentions if m.via == "group-anaphor"] == ["kataib_sayyid_al_shuhada"]


def test_a_state_right_after_an_indefinite_name_stays_outside_it() -> None:
    """"قيادة عمليات سامراء" takes the place it is in construct with; a state there is the verb's object."""
    names = [name for name, _ in _bodies("واتهم مجلس عشائر إيران بالوقوف وراء الهجوم على المضيف.")]
    assert names == ["مجلس عشائر"]
