"""Whether the attack a sentence reports was carried out, foiled or only planned.

Kept apart from extract/attacks.py, which reads the rest of the report. The cues rank: a plot said to be
foiled ("أحبطت مخططاً") is foiled; a plot told of its party ("ضبطت خلية كانت تخطط لاغتيال") is planned even
when its cell or weapons were seized; an attack stopped short by an act that prevents it ("أسقطت الدفاعات
مسيرة كانت تستهدف المطار", "تفكيك عبوة قبل انفجارها") is foiled, but one reported as done and then partly
intercepted ("استهدفت مسيرتان القاعدة وأسقطت الدفاعات إحداهما") was carried out; seized or prepared weapons
("ضبط منصة صواريخ معدة لاستهداف") are foiled; the other cues of intent are planned.
"""
from __future__ import annotations

from functools import lru_cache

from graph_builder.document import Document, Status, Trace
from graph_builder.extract.roles import Trigger
from graph_builder.lang import AR
from graph_builder.resources import Resources


def _cued(doc: Document, res: Resources, name: str, start: int, end: int, words: set[str]) -> bool:
    """One word of the cue list among the words or stems of the span (`words`), or one of its phrases in it."""
    text = doc.norm[start:end]
    return bool(words & res.cues[name]) or any(c in text for c in _phrases(res.cues[name]))


@lru_cache(maxsize=64)
def _phrases(cues: frozenset[str]) -> tuple[str, ...]:
    """The cues of more than one word, picked out of a cue list once instead of on every report."""
    return tuple(c for c in cues if " " in c)


def _words(doc: Document, start: int, end: int) -> set[str]:
    """The words and stems of doc.norm[start:end]."""
    return {t.stem for t in doc.tokens_in(doc.sentence_at(start)) if start <= t.norm_start < end} | \
        set(doc.norm[start:end].split())



def _weapon_aim(doc: Document, pos: int, triggers: list[Trigger]) -> bool:
    """A plot verb right after an attack word, one adjective at most between ("طائرة مسيرة مفخخة كانت تنوي
    استهداف القاعدة"): it tells where the weapon was heading, not that a party planned an attack."""
    return any(t.end <= pos and len(doc.norm[t.end:pos].split()) <= 1 for t in triggers)


def stopped_short(doc: Document, start: int, end: int, triggers: list[Trigger], aimed: bool = False) -> bool:
    """An act of prevention ("أسقطت", "اعتقلت", "تفكيك") before the attack word, and the attack had not struck
    yet ("قبل انفجارها", "كانت تستهدف", or `aimed`: a weapon that "كانت تنوي استهداف"): the act stopped it.
    After the attack word, it stopped part of an attack that took place."""
    first = min((t.start for t in triggers), default=end)
    act = AR.pattern("prevention_act").search(doc.norm, start, end)
    return act is not None and act.start() < first and \
        (aimed or AR.pattern("stopped_short").search(doc.norm, act.end(), end) is not None)


def attack_status(doc: Document, res: Resources, start: int, end: int, triggers: list[Trigger],
                  why: list[Trace]) -> Status:
    """The status of the attack reported in doc.norm[start:end], with the rule that set it in `why`."""
    words = _words(doc, start, end)
    if _cued(doc, res, "status_foiled", start, end, words):
        return Status.FOILED
    plots = list(AR.pattern("plotting").finditer(doc.norm, start, end))
    plot = next((m for m in plots if not _weapon_aim(doc, m.start(), triggers)), None)
    if plot is not None:
        why.append(Trace("attacks/status.plotted", plot.group(0).strip()))
        return Status.PLANNED
    if stopped_short(doc, start, end, triggers, aimed=bool(plots)):
        why.append(Trace("attacks/status.stopped-short"))
        return Status.FOILED
    if _cued(doc, res, "status_seized", start, end, words) or \
            AR.pattern("prepared_for").search(doc.norm, start, end):
        why.append(Trace("attacks/status.seized-or-prepared"))
        return Status.FOILED
    if _cued(doc, res, "status_planned", start, end, words):
        return Status.PLANNED
    return Status.CARRIED_OUT


def prevented_at(doc: Document, start: int, pos: int) -> bool:
    """"اعتقلت انتحارياً قبل تفجير نفسه": "قبل" at `pos` tells what an earlier act of prevention stopped, so it
    opens no segment of another event."""
    return AR.pattern("stopped_short").match(doc.norm, pos) is not None and \
        AR.pattern("prevention_act").search(doc.norm, start, pos) is not None
