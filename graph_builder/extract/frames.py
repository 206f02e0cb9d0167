"""The speaker of a statement form read outside the verb frames of `speakers.speaker_of`.

A verbal noun after a phasal verb (`phasal`), a definite act noun with a nationality adjective (`adjectival`)
and a sentence opening "X:" (`headlines.colon_speaker`) each name their speaker in their own way; this module
dispatches to them so the statement reader asks one question.
"""
from __future__ import annotations

from graph_builder.document import Document, Mention, Token
from graph_builder.extract.acts import Trigger
from graph_builder.extract.adjectival import adjectival_speaker
from graph_builder.extract.headlines import colon_speaker
from graph_builder.extract.phasal import phasal_speaker
from graph_builder.resources import Resources


def form_speaker(doc: Document, res: Resources, tokens: list[Token], mentions: list[Mention],
                 trig: Trigger) -> tuple[bool, Mention | None]:
    """Whether the trigger is one of these forms, and the speaker it names (None: no speaker is named, and the
    verb frames are not asked either)."""
    if trig.role == "phasal":
        return True, phasal_speaker(doc, res, tokens, mentions, trig)
    if trig.role == "adjectival":
        return True, adjectival_speaker(doc, mentions, trig)
    if trig.role == "self_report" and tokens and trig.token is tokens[0]:
        colon = colon_speaker(doc, tokens, mentions, 0)
        return colon is not None, colon
    return False, None
