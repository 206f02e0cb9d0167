"""Whether a sentence's attack report is one specific attack: counts, runs, anniversaries and "any attack" are
not; a report with no party stands when it gives a place or casualties and either the learned attack-clause
model reads it as a report, or a reaction (condemned, denied, claimed, charged) is about it.

Kept apart from extract/attacks.py, which reads the reports and their roles.
"""
from __future__ import annotations

from functools import lru_cache

from graph_builder import lexicon
from graph_builder.document import Attack, AttackKind, Document, EntityKind, Status, Trace
from graph_builder.extract.nationality import projectile_word
from graph_builder.extract.roles import Trigger
from graph_builder.extract.syntax import attack_words
from graph_builder.lang import AR
from graph_builder.models.attack_clause import AttackClauseModel, load_model
from graph_builder.resources import Resources
from graph_builder.text.tokens import peel

SPECIFIC_MIN_WEIGHT = 0.75
NATIONALITY_RULE = "roles/perpetrator.nationality-of-strike"
_BARE_THRESHOLD = 0.65  # the attack-clause model's score for a report that names no party, place or casualty
_SPECIFIC_CONFIDENCE = round(0.4 + 0.4 * SPECIFIC_MIN_WEIGHT, 2)  # the confidence a specific trigger gives
#: statements that are about one attack: what is condemned, denied, claimed or charged happened
_PHRASE_REACH = 80  # characters from an attack word to the place of its own phrase
_REACTION_KINDS = frozenset({"Condemnation", "Denial", "ClaimOfResponsibility", "Accusation"})


def nationality_only(a: Attack) -> bool:
    """"في حال تعرض إيران لهجوم أميركي": the attacker named only by an adjective of a bare attack noun, with no
    target, place, date or casualty, does not make the mention one specific attack; the model decides."""
    rules = [t.rule for t in a.traces if t.rule.startswith("roles/perpetrator")]
    return a.kind is AttackKind.ATTACK and a.location is None and a.killed is None and a.injured is None and \
        bool(rules) and all(r == NATIONALITY_RULE for r in rules)


@lru_cache(maxsize=1)
def _attack_model() -> AttackClauseModel:
    return load_model()


def model_reports(doc: Document, res: Resources, attack: Attack) -> bool:
    """An attack with neither target, perpetrator nor date stands when the attack-clause model
    (graph_builder/models) reads its sentence as reporting an attack that took place: at the model's threshold
    when the report gives a place or casualties ("انفجار سيارة مفخخة في سوق بالحلة"), at a surer one and with a
    specific trigger when it gives neither; so a gas-cylinder blast or a crop-spraying drone in a named town is
    no attack. A located attack that a reaction in its sentence is about stands without the model ("أدانت
    قطر التفجير الذي استهدف موكباً في مقديشو"): the model learned reports, not reactions to them."""
    located = attack.location is not None or attack.killed is not None or attack.injured is not None
    specific = attack.confidence >= _SPECIFIC_CONFIDENCE
    sent = doc.sentences[attack.sentence]
    if attack.listed is not None and attack.location is not None and \
            AR.pattern("claimed").search(doc.norm, sent.norm_start, sent.norm_end):
        return True  # "تبنت الجماعة هجومين على إيلات": claimed attacks, counted, in a named place are specific
    if attack.status is not Status.CARRIED_OUT:
        # "أحبط محاولة لتفجير سيارة مفخخة في قضاء الشرقاط": a plot named by a specific word and a place; the
        # model, trained on attacks that took place, does not judge plots
        return attack.location is not None and specific
    if not located and not specific:
        return False
    if located and specific:
        return True
    reaction = _reaction_before_attack(doc, res, attack) if located else None
    if reaction is not None:
        attack.traces.append(Trace("attacks/reaction.about-a-located-attack", reaction, attack.sentence))
        return True
    score = _attack_model().score(doc.tokens_in(attack.sentence))
    # a place or a casualty count makes the report specific: the model's own threshold; with neither, a surer one
    if score < (_attack_model().threshold if located else _BARE_THRESHOLD):
        return False
    attack.traces.append(Trace("attacks/model.attack-clause", f"{score:.2f}", attack.sentence))
    return True


def _reaction_before_attack(doc: Document, res: Resources, attack: Attack) -> str | None:
    """The condemnation, denial, claim, charge or evaluation word of the sentence that an attack word follows,
    if any, when the attack's place is named in the attack's own phrase (after its word, before any comma) or its
    casualties are counted: "من مكتبه في أربيل" later in the sentence places the speaker, not the attack."""
    sent = doc.sentences[attack.sentence]
    hits = [h for h in attack_words(doc, res) if sent.norm_start <= h.start < sent.norm_end]
    if not hits or not (attack.killed or attack.injured or any(
            m.entity is attack.location and m.entity.kind is EntityKind.PLACE and any(
                0 <= m.norm_start - h.end <= _PHRASE_REACH and "،" not in doc.norm[h.end:m.norm_start]
                for h in hits)
            for m in doc.mentions_in(attack.sentence))):
        return None
    words = [h.start for h in hits]
    table = lexicon.statement_triggers()
    evaluating = res.cues["evaluation_verbs"] | res.cues["evaluation_homographs"]
    for tok in doc.tokens_in(attack.sentence):
        if tok.norm_start >= max(words):
            break
        if any(t.kind in _REACTION_KINDS for _, stem in peel(tok.surface) for t in table.get(stem, ())) or \
                tok.surface in evaluating or tok.stem in res.cues["evaluation_verbs"]:  # "وصفت X التفجير الذي .."
            return tok.surface
    return None


def tallied(doc: Document, t: Trigger) -> bool:
    """"12 حالة اختطاف", "عشرات الغارات", "القصف المتواصل": a count or a run of attacks, not one. Only attack
    nouns are counted so: a verb after "مدن عدة" ("several towns") still reports its attack."""
    if doc.norm[t.start:t.end] in lexicon.frame_forms("subject", "perpetrator"):
        return False
    if projectile_word(doc.norm[t.start:t.end]):
        return False  # "عشرات الصواريخ": many rockets of one attack, not many attacks
    return AR.pattern("tally_before").search(doc.norm[max(0, t.start - 25):t.start]) is not None or \
        AR.pattern("ongoing_after").match(doc.norm[t.end:t.end + 25]) is not None


def commemorated(doc: Document, t: Trigger) -> bool:
    """"في الذكرى الأولى لاغتيال X": an anniversary names a known past event; without a date of its own
    ("الذكرى الأولى لضربة ... في 3 يناير") it reports no attack."""
    return AR.pattern("commemorated").search(doc.norm[max(0, t.start - 30):t.start]) is not None


def generic(doc: Document, t: Trigger) -> bool:
    """"أي هجوم" (any attack) speaks of no particular one."""
    before = doc.norm[max(0, t.start - 6):t.start].split()[-1:]
    return bool(before) and (before[0] in AR.words("any_word") or before[0][1:] in AR.words("any_word"))
