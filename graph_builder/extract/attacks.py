"""Attacks: trigger words per sentence, typed, with target, perpetrator, count, status and date.

One attack told three times in an article must be one node: the reports read here are clustered into the
document's attacks by extract/events.py.
"""
from __future__ import annotations

import re
from dataclasses import replace

from graph_builder import lexicon
from graph_builder.components import component
from graph_builder.document import (
    Attack,
    AttackKind,
    Document,
    EntityKind,
    Mention,
    Sentence,
    Status,
    Trace,
)
from graph_builder.extract.casualties import assassinated_one, casualties
from graph_builder.extract.dates import find_dates, time_anchor, weekday_near
from graph_builder.extract.events import (
    drop_bare_mentions,
    fold_duplicates,
    fold_forces_into_sites,
    fold_headlines,
    fold_located,
    fold_untargeted,
    merge_target,
    numbered,
    record,
)
from graph_builder.extract.kinds import DRONE_STRIKE_RULE, attack_kind
from graph_builder.extract.listing import itemised, listed_items
from graph_builder.extract.perpetrators import perpetrator_in, verbal_noun_agent
from graph_builder.extract.roles import (
    UNNAMED,
    Trigger,
    affirmed,
    coordinated,
    is_party,
    target_of,
    triggers_in,
)
from graph_builder.extract.segments import (
    RECALLED_RULE,
    VAGUE_WEIGHT,
    Segment,
    event_segments,
    recalled_place,
    recalled_site,
    recalled_victim,
)
from graph_builder.extract.specific import (
    NATIONALITY_RULE,
    commemorated,
    generic,
    model_reports,
    nationality_only,
    tallied,
)
from graph_builder.extract.status import attack_status
from graph_builder.extract.syntax import attack_words, clause_between, one_of, words_of
from graph_builder.gazetteer import Hit, Pattern, longest_first
from graph_builder.lang import AR
from graph_builder.resources import Resources

_ATTACK_MIN_WEIGHT = 0.5  # below: plural or vague words that make an attack only when it is claimed or attributed


def _count(doc: Document, start: int, end: int) -> int | None:
    words, projectiles = lexicon.number_words(), lexicon.projectiles()
    tokens = [t for t in doc.tokens_in(doc.sentence_at(start)) if start <= t.norm_start < end]
    for i, tok in enumerate(tokens):
        number = projectiles.get(tok.stem) or projectiles.get(tok.surface)
        if number is None:
            continue
        if i and (projectiles.get(tokens[i - 1].stem) or projectiles.get(tokens[i - 1].surface)):
            continue  # "طائرات مسيرة": an adjective agreeing with the noun before it, which set the number
        if number == "du":
            return 2
        prev = tokens[i - 1] if i else None
        if prev is None:
            return 1 if number == "sg" else None
        if prev.surface.isdigit() and 0 < int(prev.surface) < 1000:
            return int(prev.surface)
        if AR.pattern("count_with_preposition").fullmatch(doc.norm[prev.norm_start:tok.norm_start].replace(" ", "")):
            return int(re.sub(r"\D", "", doc.norm[prev.norm_start:tok.norm_start]))
        if i >= 2:  # "أحد عشر صاروخا": a number of two words
            pair = f"{tokens[i - 2].surface} {prev.surface}"
            if words.get(pair):
                return words[pair]
        value = words.get(prev.stem) or words.get(prev.surface)
        if value:
            return value
        if number == "sg":
            return 1
    return None


@component("attacks", requires=("norm", "sentences", "tokens", "mentions"), assigns=("attacks",))
def extract_attacks(doc: Document, res: Resources) -> None:
    """Add the document's attacks (merged across sentences) to `doc.attacks`."""
    hits = doc.memo("attack-words+split", lambda: _attack_hits(doc, res))
    last: Attack | None = None
    for whole in doc.sentences:
        segments = event_segments(doc, whole, hits)
        recalls = any(s.recalled for s in segments)
        for n, segment in enumerate(segments):
            # a later segment tells of another event ("... على غرار الهجوم الذي شنته طهران في يناير"); when one
            # recalls an earlier attack, the sentence's segments are events apart
            reported = _report(doc, res, segment, hits, last if n == 0 else None,
                               (whole.norm_start, n) if recalls else None)
            if n == 0 and reported is not _SKIPPED:
                last = reported
    # attacks that never got a target, perpetrator or date are too vague to report (they served as anchors)
    # a casualty count makes a report specific even when no party or place is named ("قتل 5 في انفجار"); so
    # does a specific attack word in a sentence the learned attack-clause model reads as a report of one
    # a recalled attack placed in its own clause is specific too ("بعد ساعات من انفجار عبوة أخرى في السماوة"), and
    # so is a numbered item of a list ("هجومين: الأول على قاعدة X، والثاني ..."), even where X is no known name
    doc.attacks = [a for a in doc.attacks if a.target or (a.perpetrator and not nationality_only(a)) or a.date
                   or (a.location is not None and _recalled(a))
                   or numbered(a)
                   or model_reports(doc, res, a)]
    fold_untargeted(doc)
    fold_forces_into_sites(doc)
    fold_headlines(doc)
    fold_duplicates(doc, res)
    fold_located(doc)
    drop_bare_mentions(doc)
    for a in doc.attacks:
        if a.perpetrator is not None and a.perpetrator.key in res.cues["anonymous_agents"]:
            # "مسلحون مجهولون" made the report specific; they name no perpetrator
            a.traces.append(Trace("attacks/perpetrator.anonymous", a.perpetrator.label_ar, a.sentence))
            a.perpetrator = None
        if a.target is not None and a.perpetrator is not None and a.target.key == a.perpetrator.key:
            # reports merged from a headline and a claim: the party is the attacker, never its own target
            a.traces.append(Trace("attacks/target.not-its-own-attacker", a.target.label_ar, a.sentence))
            a.target = None
        if a.killed is None and a.target is not None and a.target.kind is EntityKind.PERSON and \
                assassinated_one(doc.norm[doc.sentences[a.sentence].norm_start:doc.sentences[a.sentence].norm_end]):
            a.killed = 1
            a.traces.append(Trace("casualties/assassinated", a.target.label_ar, a.sentence))


def _recalled(a: Attack) -> bool:
    """Told in a clause that recalls an earlier attack ("بعد ساعات من انفجار عبوة أخرى في السماوة")."""
    return any(t.rule == RECALLED_RULE for t in a.traces)


_OPEN_FIRE_KEY = f"{AttackKind.ARMED_ASSAULT.value}|0.85"  # the weight of the lemma "اطلق النار"
_STORMING_KEY = f"{AttackKind.STORMING.value}|0.8"  # the weight of the lemma "اقتحم"


def _attack_hits(doc: Document, res: Resources) -> list[Hit]:
    """The attack words of the gazetteer, plus an open-fire verb whose subject splits it from "النار"
    ("أطلق مسلحون مجهولون النار على ..."): the verb is the trigger, so its subject is read as the attacker; and
    the burning of a compound, which a crowd that storms it does ("أضرموا النار في مقر الحزب")."""
    hits = list(attack_words(doc, res))  # shared
    hits += [Hit(m.start("verb"), m.end("verb"), Pattern(_OPEN_FIRE_KEY))
             for m in AR.pattern("open_fire_split").finditer(doc.norm)]
    hits += [Hit(m.start(g), m.end(g), Pattern(_STORMING_KEY)) for m in AR.pattern("storming_arson").finditer(doc.norm)
             for g in ("act", "act2", "act3") if m.group(g)]  # "أضرموا النار في مقر الحزب"
    return longest_first(hits)


_AGENT_REACH = 20  # characters from an attack word to its agent ("الضربات التي شنتها الولايات المتحدة")
_SKIPPED = Attack(kind=AttackKind.ATTACK, sentence=-1, evidence=[])


def _report_tail(doc: Document, sent: Sentence, triggers: list[Trigger]) -> int:
    """Where an attribution clause after the last attack word starts ("، حسبما ذكر الحشد يوم الأحد 7 يناير"),
    else the segment's end: a time in that clause dates the report, not the attack."""
    last = max(t.end for t in triggers)
    tail = AR.pattern("report_tail").search(doc.norm, last, sent.norm_end)
    return tail.start() if tail is not None else sent.norm_end


def _report(doc: Document, res: Resources, segment: Segment, hits: list[Hit], last: Attack | None,
            episode: tuple[int, int] | None = None) -> Attack | None:
    """Record the attack one sentence (or segment) reports; returns the attack it continues or starts,
    None when it names no target to continue, and _SKIPPED when it reports no attack. `episode` marks the
    segment of a sentence that also recalls another attack: its attack is kept apart from theirs."""
    sent = segment.span
    triggers = [t for t in affirmed(doc, res.cues["negation"], triggers_in(hits, sent.norm_start, sent.norm_end))
                if not tallied(doc, t)]
    anchor = time_anchor(doc.norm[sent.norm_start:sent.norm_end]) if triggers else None  # no trigger: no use
    if anchor is None:
        triggers = [t for t in triggers if not commemorated(doc, t)]
    if not triggers or max(t.weight for t in triggers) < VAGUE_WEIGHT:
        return _SKIPPED
    sent_text = doc.norm[sent.norm_start:sent.norm_end]
    # the reports that tell of no particular attack are dropped before their roles are read (reading them has no
    # effect on the document, so the order of these tests and the role readers below does not change a result)
    lead = AR.pattern("event_boundary").match(sent_text)  # a later segment's "منذ/بعد" dates it, not a series
    words = set(words_of(sent_text[lead.end() if lead else 0:]))
    if _series_near(doc, res, sent, triggers, opened_by_recall=segment.recalled):
        return _SKIPPED  # "تصاعدت وتيرة استهداف المنطقة الخضراء": a trend, not an attack
    if words & res.cues["accident"]:
        return _SKIPPED  # "انفجار أسطوانة غاز", "تماس كهربائي": an accident, not an attack
    if words & res.cues["exercise"]:
        return _SKIPPED  # "أجرت إيران تجربة صواريخ": a test or drill, not an attack
    if words & res.cues["hypothetical"] or AR.pattern("warned_of").search(sent_text) or \
            AR.pattern("threatened_with").search(sent_text) or \
            all(generic(doc, t) for t in triggers):
        return _SKIPPED  # "في أي هجوم", "في هجمات مستقبلية": no particular attack
    if words & res.cues["ongoing"] and anchor is None and \
            not any(t.weight >= _ATTACK_MIN_WEIGHT and t.kind is AttackKind.ATTACK for t in triggers):
        return _SKIPPED  # "تتعرض القواعد لهجمات بطائرات مسيرة منذ أسابيع": a series, not one attack
    mentions = [m for m in doc.mentions_in(sent.index) if sent.norm_start <= m.norm_start < sent.norm_end]
    why: list[Trace] = []
    perp = perpetrator_in(doc, mentions, triggers, why)
    if perp is None and (agent := verbal_noun_agent(doc, mentions, triggers, why)) is not None:
        state = res.state_of_capital(agent.entity) if agent.entity.kind is EntityKind.PLACE else agent.entity
        perp = replace(agent, entity=state) if state is not None else None  # "استهداف طهران بالصواريخ"
    unidentified = res.cues["unidentified_agents"]
    # "مسلحون مجهولون", "جماعة خارجة عن القانون" are no target, nor an unnamed collective of people ("النشطاء")
    target, location = target_of(doc, sent, [m for m in mentions if m.entity.key not in unidentified and not (
        m.entity.generic and m.entity.kind is EntityKind.PERSON)], triggers, perp, why)
    unnamed = target is UNNAMED
    target = None if unnamed else target
    if segment.recalled:
        # "بعد يومين من هجوم صاروخي طال الحقل": an earlier attack, told in its own clause
        why.append(Trace(RECALLED_RULE, doc.norm[sent.norm_start:min(sent.norm_end, sent.norm_start + 30)]))
        if target is None and not unnamed:
            target = recalled_site(doc, sent, why) or recalled_victim(doc, sent, why)
        location = location or recalled_place(doc, sent, why)
    anonymous = perp is not None and perp.entity.key in res.cues["anonymous_agents"]
    if target is None and perp is not None and not anonymous and location is not None and \
            location.entity.kind is EntityKind.PLACE and _site_before(doc, triggers, location):
        target = location  # "هاجمت الكتائب قاعدة للتحالف في أربيل": a claimed or stated attack on an unnamed site
        why.append(Trace("attacks/target.place-of-attributed-attack", doc.norm[target.norm_start:target.norm_end]))
    if target is not None and target.entity.kind is EntityKind.STATE and \
            not one_of(doc.norm[max(0, target.norm_start - 8):target.norm_start].split()[-1:],
                       AR.words("toward_words")):
        # "ضربة العراق", "استهداف أمريكا مواقع": a state named without "على/باتجاه" is where or by whom, not what
        # was hit ("صواريخ على إسرائيل" keeps it)
        why.append(Trace("attacks/target.not-a-state", doc.norm[target.norm_start:target.norm_end]))
        target = None
    if target is not None and perp is not None and target.entity.key == perp.entity.key:
        why.append(Trace("attacks/target.not-its-own-attacker", doc.norm[target.norm_start:target.norm_end]))
        target = None  # "تبنت المقاومة الإسلامية الهجوم": the party named twice is the attacker, not the target
    if location is None and target is not None:
        location = _site_of(doc, res, mentions, target, why)
    elif target is not None and location is not None and target.entity.kind is EntityKind.PLACE and \
            location.entity.key in target.entity.within:
        # "استهدف حي الروضة في مدينة تعز": the place struck lies in the place named after it, and is the more
        # specific one
        why.append(Trace("attacks/location.place-struck-within", doc.norm[target.norm_start:target.norm_end]))
        location = target
    targets = coordinated(doc, mentions, target)
    kind = attack_kind(doc, _own_triggers(doc, mentions, triggers, targets, location), mentions, why)
    if perp is not None and target is not None and perp.norm_start > target.norm_end + 40 and \
            not any(0 <= perp.norm_start - t.end <= _AGENT_REACH for t in triggers):
        why[:] = [w for w in why if not w.rule.startswith("roles/perpetrator")]
        perp = None  # a second event later in the sentence ("... بعد تعرضها لهجوم، شن الجيش ضربة"), unless the
        # party stands right after an attack word ("مقتل مقاتليها في الضربات التي شنتها الولايات المتحدة")
    claimed = AR.pattern("claimed").search(sent_text) is not None
    named_by = perp is not None and not any(w.rule == NATIONALITY_RULE for w in why)
    if max(t.weight for t in triggers) < _ATTACK_MIN_WEIGHT and not named_by and not claimed:
        # "الهجمات على القوات الأميركية", "الهجمات الأمريكية" (a nationality names no one who did one attack)
        # in general is not a specific attack
        return _SKIPPED
    status = attack_status(doc, res, sent.norm_start, sent.norm_end, triggers, why)
    dated_end = _report_tail(doc, sent, triggers)
    dated_text = doc.norm[sent.norm_start:dated_end]
    dates = find_dates(doc, sent.norm_start, dated_end)
    killed, injured = casualties(sent_text)
    if killed is not None or injured is not None:
        why.append(Trace("casualties/count", f"{killed}/{injured}"))
    strongest = max(triggers, key=lambda t: (t.weight, -t.start))
    why.insert(0, Trace(f"attacks/trigger.{kind.value}", doc.norm[strongest.start:strongest.end]))
    if status is not Status.CARRIED_OUT:
        why.append(Trace(f"attacks/status.{status.value}"))
    report = Attack(kind=kind, sentence=sent.index, traces=[Trace(w.rule, w.words, sent.index) for w in why],
                    evidence=[doc.sentence_evidence(sent.index)],
                    perpetrator=perp.entity if perp else None, location=location.entity if location else None,
                    anchor=anchor if dated_end == sent.norm_end else time_anchor(dated_text),
                    count=_count(doc, sent.norm_start, sent.norm_end),
                    killed=killed, injured=injured,
                    status=status, date=dates[0] if dates else None, sentences=[sent.index],
                    weekday=weekday_near(dated_text, min(t.start for t in triggers) - sent.norm_start),
                    confidence=round(0.4 + 0.4 * max(t.weight for t in triggers), 2),
                    air_strike=any(w.rule == DRONE_STRIKE_RULE for w in why), episode=episode)
    if unnamed or (last is not None and report.perpetrator is not None
                   and last.perpetrator not in (None, report.perpetrator)):
        last = None  # an unnamed base or another perpetrator: not a continuation of the last attack
    vague_plan = status is Status.PLANNED and max(t.weight for t in triggers) < _ATTACK_MIN_WEIGHT
    for item in listed_items(doc, sent, mentions, triggers, targets, perp):
        one = item.target
        if vague_plan and merge_target(doc.attacks, last, one.entity if one else None, report.kind,
                                        report.status, report.anchor, report.date) is None:
            continue  # "تخطط لشن المزيد من الهجمات": plans of attacks in general, unless one is known
        own_site = (one is not targets[0] and any(t.rule.startswith("attacks/location.") for t in report.traces)) \
            or item.placed_apart
        relocated = _site_of(doc, res, mentions, one, []) if own_site and one is not None else None
        last = record(doc, itemised(report, item, sent, relocated, own_site), one.entity if one else None, last)
    return last


_RECALL_LEAD = 2  # characters before a series phrase that is the recall marker itself ("وسبق ان")
_SERIES_REACH = 50  # characters between a series phrase and the attack word it qualifies


def _series_near(doc: Document, res: Resources, sent: Sentence, triggers: list[Trigger],
                 opened_by_recall: bool = False) -> bool:
    """A series phrase next to the attack word ("سبق أن تبنت هجمات", "تصاعدت وتيرة استهداف"): a stretch of
    attacks. In another clause, it qualifies that clause ("المحتجين الذين سبق أن أدانوا ... الذي حمله مسؤولية
    قصف المطار"), and after a likeness what the attack is likened to ("في هجوم مماثل لما تعرضت له المدينة
    مراراً"). The "سبق أن" that opens a recalled clause recalls one attack ("، وسبق أن استهدفت مسيرة سيارة")."""
    liken = AR.pattern("likeness").search(doc.norm, sent.norm_start, sent.norm_end)
    for phrase in res.cues["series"]:
        start = doc.norm.find(phrase, sent.norm_start, liken.start() if liken else sent.norm_end)
        while start != -1:
            end = start + len(phrase)
            if opened_by_recall and start - sent.norm_start <= _RECALL_LEAD:
                start = doc.norm.find(phrase, end, liken.start() if liken else sent.norm_end)
                continue
            if any((start < t.end and t.start < end) or  # the phrase names the attacks ("استئناف الهجمات")
                   (0 <= t.start - end <= _SERIES_REACH and not clause_between(doc, end, t.start)) or
                   (0 <= start - t.end <= _SERIES_REACH and not clause_between(doc, t.end, start))
                   for t in triggers):
                return True
            start = doc.norm.find(phrase, end, liken.start() if liken else sent.norm_end)
    return False


def _site_before(doc: Document, triggers: list[Trigger], location: Mention) -> bool:
    """A facility noun stands between the attack word and the place ("قاعدة للتحالف في أربيل"): the place
    stands for an unnamed site there; villages or areas shelled in a district are no target."""
    first = min(t.end for t in triggers)
    return first < location.norm_start and \
        AR.pattern("base_noun").search(doc.norm[first:location.norm_start]) is not None


def _site_of(doc: Document, res: Resources, mentions: list[Mention], target: Mention,
             why: list[Trace]) -> Mention | None:
    """Where an attack on a named site happened when no locative phrase says it: the place named inside the
    site's name ("القنصلية الإيرانية في النجف"), else the nearest place the reference data puts the site in
    (Ain al-Asad is in Anbar); a place struck is its own location."""
    inside = next((m for m in mentions if m.entity.kind is EntityKind.PLACE and m.entity.key != target.entity.key
                   and target.norm_start <= m.norm_start and m.norm_end <= target.norm_end), None)
    if inside is not None:
        why.append(Trace("attacks/location.inside-target-name", doc.norm[inside.norm_start:inside.norm_end]))
        return inside
    if target.entity.kind is EntityKind.PLACE:
        # "غارات على مدينة القامشلي", "استهدف مدينة جازان": the place struck is where the attack happened
        why.append(Trace("attacks/location.place-struck", doc.norm[target.norm_start:target.norm_end]))
        return target
    if not target.entity.kind.is_facility:
        return None
    for key in target.entity.within:
        place = res.entities.get(key)
        if place is not None and place.kind is EntityKind.PLACE:
            why.append(Trace("attacks/location.site-of-target", place.label_ar))
            return Mention(target.norm_start, target.norm_end, place, target.sentence, "within", by_adjective=True)
    return None


def _own_triggers(doc: Document, mentions: list[Mention], triggers: list[Trigger],
                  targets: list[Mention | None], location: Mention | None = None) -> list[Trigger]:
    """Triggers of the sentence's attack: drop a specific one that has its own, different object
    ("حاصروا السفارة ... تنديدا بالغارات التي استهدفت كتائب حزب الله": the strikes are another event)."""
    target = targets[0]
    if target is None:
        return triggers
    ours = {m.entity.key for m in [*targets, location] if m is not None}  # the place struck is ours too
    kept = []
    for t in triggers:
        foreign = any(
            m.norm_start >= t.end and m.norm_start - t.end <= 70 and is_party(m)
            and m.entity.key not in ours and AR.pattern("object_lead").search(doc.norm[t.end:m.norm_start])
            and not any(t.end <= other.start < m.norm_start for other in triggers if other is not t)
            for m in mentions)  # an object behind another trigger ("ضربة ... ردا على هجوم استهدف X") is that one's
        if not (foreign and t.kind is not AttackKind.ATTACK and abs(t.start - target.norm_start) > 30):
            kept.append(t)
    return kept or triggers


