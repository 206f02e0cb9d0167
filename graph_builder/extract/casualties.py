"""People killed and injured in an attack, as the text counts them ("at least 12" is 12, "ثلاثة" is 3).

Counts come after a death or injury noun ("مقتل 5 أشخاص وإصابة 12 آخرين"), before a noun of the dead or
wounded ("سقوط 4 قتلى و9 جرحى"), after a killing verb and its subject ("قتل مهاجم انتحاري 47 شخصا"), or are one
victim named alone ("مقتل جندي"). The patterns are data (lang/ar/casualties.yaml).
"""
from __future__ import annotations

from graph_builder import lexicon
from graph_builder.lang import AR


def _value(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return lexicon.number_words().get(word)


def _first(text: str, names: tuple[str, ...]) -> int | None:
    found = []
    for name in names:
        m = AR.pattern(name).search(text)
        if m is not None and (value := _value(m.group("n"))) is not None and 0 < value < 10000:
            found.append((m.start(), value))
    return min(found)[1] if found else None


def _listed(text: str) -> int | None:
    """The dead of a list after one death noun, added up ("مقتل امرأتين وثلاثة أطفال" is 5, "مقتله ومقتل نجله"
    is 2); None unless the list has two items or more."""
    for head in AR.pattern("death_list_head").finditer(text):
        pos, total, items = head.end(), 0, 0
        if head.group("self") and (joint := AR.pattern("list_and").match(text, pos)) is not None:
            pos, total, items = joint.end(), 1, 1  # the pronoun is the first victim
        while (item := AR.pattern("victim_item").match(text, pos)) is not None:
            value = 2 if item.group("dual") else 1 if item.group("one") else _value(item.group("n"))
            if value is None:
                break
            total, items = total + value, items + 1
            joint = AR.pattern("list_and").match(text, item.end())
            if joint is None:
                break
            pos = joint.end()
        if items >= 2:
            return total
    return None


def casualties(text: str) -> tuple[int | None, int | None]:
    """(killed, injured) stated in a normalised sentence or segment; None where it gives no number."""
    if AR.pattern("casualty_cue").search(text) is None:
        return None, None
    killed = _listed(text) or _first(text, ("killed_before_count", "killed_after_count", "killed_object_count",
                           "killed_count_then_verb", "killed_noun_then_count", "killed_household_count"))
    if killed is None and (AR.pattern("killed_dual").search(text) or AR.pattern("dead_dual_alone").search(text)):
        killed = 2
    if killed is None and any(AR.pattern(p).search(text) for p in
                              ("one_victim", "one_named_victim", "one_possessed_victim", "one_dead_alone",
                               "one_victim_counted", "one_felled", "one_apposed_victim", "one_self_killed")):
        killed = 1
    injured = _first(text, ("injured_before_count", "injured_after_count"))
    if injured is None and (AR.pattern("injured_dual").search(text) or AR.pattern("wounded_dual_alone").search(text)):
        injured = 2
    if injured is None and (other := AR.pattern("other_injured").search(text)) is not None:
        injured = 2 if other.group("dual") else 1
    if injured is None and (AR.pattern("one_named_injured").search(text) or
                            AR.pattern("one_injured_victim").search(text)):
        injured = 1
    return killed, injured


def assassinated_one(text: str) -> bool:
    """The sentence tells of the assassination of one titled person ("اغتال مسلحون الصحفي X"): one killed. Read
    only for an attack that already stands, since a count would make a recalled assassination look specific."""
    return AR.pattern("one_assassinated").search(text) is not None
