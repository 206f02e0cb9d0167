"""Attack status (extract/status.py) on short texts written for the tests: foiled, planned or carried out."""
from __future__ import annotations

from graph_builder.document import Status
from tests.graph_builder.helpers import process


def _status(text: str) -> Status:
    (attack,) = process(text).attacks
    return attack.status


def _rules(text: str) -> set[str]:
    return {t.rule for a in process(text).attacks for t in a.traces}


def test_a_plot_told_of_its_party_is_planned_even_when_the_cell_was_seized() -> None:
    text = "ضبطت قوة أمنية خلية كانت تخطط لاغتيال القاضي حيدر العامري في محافظة ميسان."
    assert _status(text) is Status.PLANNED and "attacks/status.plotted" in _rules(text)
    assert _status("كشفت التحقيقات أن الموقوف كان ينوي تفجير عبوة ناسفة في سوق قضاء الطارمية.") is Status.PLANNED


def test_a_plot_said_to_be_foiled_is_foiled() -> None:
    assert _status("أحبطت القوات الأمنية مخططاً لتنظيم داعش كان يستهدف قاعدة عين الأسد.") is Status.FOILED


def test_the_plotters_are_the_perpetrators_of_the_planned_attack() -> None:
    text = "اعتقلت القوات الأمنية عناصر من تنظيم داعش كانوا يخططون لتفجير عبوة ناسفة في قضاء الحويجة."
    (attack,) = process(text).attacks
    assert attack.status is Status.PLANNED and attack.perpetrator.key == "isis"


def test_an_attack_stopped_short_by_an_act_of_prevention_is_foiled() -> None:
    text = "أسقطت الدفاعات الجوية طائرة مسيّرة مفخخة كانت تستهدف مطار أربيل الدولي قبل وصولها."
    assert _status(text) is Status.FOILED and "attacks/status.stopped-short" in _rules(text)
    # "قبل" opens no other event: it tells what the arrest prevented
    assert _status("اعتقلت القوات الأمنية انتحارياً يرتدي حزاماً ناسفاً قبل تفجير نفسه في مدينة سامراء.") \
        is Status.FOILED


def test_an_attack_reported_done_then_partly_intercepted_was_carried_out() -> None:
    assert _status("استهدفت طائرتان مسيّرتان قاعدة حرير، وتمكنت الدفاعات من إسقاط إحداهما قبل بلوغها المدرج.") \
        is Status.CARRIED_OUT
    # a weapon "that meant to hit" the base is where it was heading, not a plan
    assert _status("نفذ الهجوم بطائرة مسيرة مفخخة كانت تنوي استهداف قاعدة عين الأسد.") is Status.CARRIED_OUT


def test_weapons_made_ready_for_an_attack_are_foiled() -> None:
    assert _status("عثرت الشرطة على ثلاثة صواريخ معدّة للإطلاق باتجاه مطار بغداد الدولي.") is Status.FOILED
