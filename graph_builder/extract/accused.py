"""Whom a statement is aimed at: the accused of an accusation, a threat or a denial.

By construction: the object after the verb and its subject ("اتهمت X Y"), the antecedent of "X وراء" and of an
object pronoun, the party after "ل" of a verbal noun ("اتهامات واشنطن لطهران"), the party a charge called false
charges, the one a revenge is aimed at ("بالانتقام من X"), and for a denial the speaker's own part. A party named
inside a description of another, inside an apposition describing the speaker, or after the attack word (its
target) is never the accused. The statement reader (extract/statements.py) imports these helpers.
"""
from __future__ import annotations

from graph_builder import lexicon
from graph_builder.document import Document, Entity, EntityKind, Mention, StatementKind, Token
from graph_builder.extract.acts import Trigger, note_rule, threat_clause_at
from graph_builder.extract.syntax import attack_words, clause_between, is_actor, words_of
from graph_builder.lang import AR
from graph_builder.resources import Resources
from graph_builder.text.tokens import peel

_OBJECT_WINDOW = 120
_THREAT_WINDOW = 45  # "توعد طهران", "هدد الولايات المتحدة": the threatened party follows closely

_SEATS = frozenset({EntityKind.STATE, EntityKind.PLACE})


def _object_after(doc: Document, res: Resources, mentions: list[Mention], pos: int,
                  exclude: Entity | None) -> Mention | None:
    """The first party named after `pos`, skipping ones inside a description ("المدعومة من إيران")."""
    descriptors = res.cues["descriptor"]
    for m in mentions:
        if m.norm_start < pos or not is_actor(m) or (exclude is not None and m.entity.key == exclude.key):
            continue
        if m.norm_start - pos > _OBJECT_WINDOW or clause_between(doc, pos, m.norm_start):
            return None
        if AR.pattern("members_of_party").search(doc.norm[pos:m.norm_start]):
            return note_rule(doc, m, "members-of-party")  # "اتهم X خلايا تابعة لتنظيم داعش": the members' party
        if _described(doc, m, max(pos, m.norm_start - 16), descriptors) or \
                set(doc.norm[pos:m.norm_start].split()) & AR.words("apposition_pronouns"):
            continue  # "حذرت حركة النجباء، وهي إحدى الفصائل الموالية لإيران، من ...": a description of the speaker
        if AR.pattern("interjected_circumstance").match(doc.norm[pos:m.norm_start]):
            continue  # "اتهم X، خلال لقائه نظيره الروسي Y، إسرائيل": Y is named in an aside, not accused
        if AR.pattern("speaker_body").match(doc.norm[pos:m.norm_start]):
            continue  # "توعدت خلية الإعلام الأمني في الجيش العراقي": the speaker's own body
        if AR.pattern("coordinated_leaders").search(doc.norm[pos:m.norm_start]):
            continue  # "اتهم المتحدث واثنين من قادة الفصائل واشنطن": leaders who speak too
        if _after_attack_word(doc, res, pos, m.norm_start):
            return None  # "اتهم X بالوقوف وراء محاولة اغتيال رئيس الوزراء": the party after the attack is its target
        return m
    return None


def _after_attack_word(doc: Document, res: Resources, start: int, end: int) -> bool:
    hits = attack_words(doc, res)
    return any(start <= h.start and h.end <= end for h in hits)


def _described(doc: Document, m: Mention, start: int, descriptors: frozenset[str]) -> bool:
    """The party is named inside a description ("المدعومة من إيران", "التابعة ل")."""
    left = " ".join(doc.norm[start:m.norm_start].split())
    strip = " " + "".join(AR.words("possessive_lam"))
    return any(left.endswith(d) or left.endswith(d.rstrip(strip)) for d in descriptors)


def antecedent(mentions: list[Mention], pos: int, exclude: Entity | None,
                doc: Document | None = None, res: Resources | None = None) -> Mention | None:
    """The nearest actor before `pos`; with `doc` and `res`, one named inside a description ("المقاتلين
    المدعومين من إيران والضالعين في الهجوم") is passed over for the described group before it."""
    descriptors = res.cues["descriptor"] if res is not None else frozenset()
    for m in reversed(mentions):
        if m.norm_end <= pos and is_actor(m) and (exclude is None or m.entity.key != exclude.key):
            if doc is not None and _described(doc, m, max(0, m.norm_start - 16), descriptors):
                continue
            return m
    return None


def reported_by(doc: Document, mentions: list[Mention], accused: Mention) -> Mention | None:
    """"تصريحات ترمب من أن طهران كانت وراء الهجوم": the party whose words are reported, if named so."""
    for m in reversed(mentions):
        adjective = m.by_adjective and m.entity.kind is EntityKind.STATE  # "الاتهامات الأمريكية لطهران"
        if m.norm_end <= accused.norm_start and (is_actor(m) or adjective) and m.entity.key != accused.entity.key:
            if AR.pattern("reported_words_nouns").search(doc.norm[max(0, m.norm_start - 14):m.norm_start]):
                return Mention(m.norm_start, m.norm_end, m.entity, m.sentence, m.via) if adjective else m
            if not adjective:
                return None
    return None


def state_of(entity: Entity, res: Resources) -> Entity:
    return res.state_of(entity) or entity


def accused_of(doc: Document, res: Resources, trig: Trigger, speaker: Mention, mentions: list[Mention],
             triggers: list[Trigger], sent_end: int) -> Entity | None:
    tok, kind = trig.token, trig.kind
    start = _past_spokesman(doc, mentions, max(tok.norm_end, speaker.norm_end if speaker.norm_start > tok.norm_start
                                               else tok.norm_end))
    if kind is StatementKind.DENIAL:
        tail = doc.norm[tok.norm_end:sent_end]
        if trig.subject is not None and trig.role in {"self_report", "reported_noun"}:
            return trig.subject  # "أكد X أن سرايا السلام لا يد لها": "لها" is the party the clause names
        own = AR.pattern("own_part").search(doc.norm[start:sent_end][:50]) or AR.pattern("own_part").search(tok.surface)
        if own is not None:
            country = any(w in own.group() for w in AR.words("own_country_prefix"))
            if not country and trig.role in {"self_report", "reported_noun"} and \
                    speaker.entity.official_of in res.entities:
                return res.entities[speaker.entity.official_of]  # "قال المتحدث باسم X إن الكتائب لا علاقة لها"
            return state_of(speaker.entity, res) if country else speaker.entity
        if AR.pattern("own_charge").search(tail[:60]):
            return speaker.entity  # "رفضت أنقرة اتهامات بغداد لها": the charge against itself
        if AR.pattern("self_denial_verb").fullmatch(tok.stem) or \
                (speaker.norm_start > tok.norm_start and AR.pattern("denied_own_act").match(doc.norm, start)):
            return speaker.entity  # "تبرأ التنظيم من التفجير", "نفى الجيش تنفيذ أي غارة"
        if trig.role == "called_false":
            return _charged(doc, res, mentions, speaker, sent_end)
        if trig.role in {"self_report", "reported_noun"}:
            # "أكدت X أنها لا علاقة لها": X denies its own involvement, a ministry its state's, a spokesman
            # his body's; "أكدت البعثة أن طهران لا علاقة لها": the party the clause names
            if trig.subject is not None:
                return trig.subject
            if speaker.entity.kind is EntityKind.PERSON and speaker.entity.official_of in res.entities:
                return res.entities[speaker.entity.official_of]
            return state_of(speaker.entity, res) if speaker.entity.kind is not EntityKind.ARMED_GROUP \
                else speaker.entity
        adjunct = AR.pattern("speaker_adjuncts").match(doc.norm, start, sent_end)  # "، في تصريح لوكالة الأناضول،"
        after = adjunct.end() if adjunct is not None else tok.norm_end
        link = AR.pattern("link_nouns").search(doc.norm[after:sent_end][:80])
        if link:
            m = _object_after(doc, res, mentions, after + link.end(), None)
            if m is not None:
                return m.entity
        behind = next((t for t in triggers if t.role == "behind" and t.token.norm_start > tok.norm_start), None)
        if behind is not None:
            m = antecedent(mentions, behind.token.norm_start, None)
            if m is None or m.norm_start <= tok.norm_end or charge_between(doc, m.norm_end, behind.token.norm_start):
                return None  # "نفى أن يكون X قد اتهم أي دولة بالوقوف وراء": X is the accuser, not the one behind
            return m.entity
        if AR.pattern("charges_object").match(doc.norm, after if adjunct is not None else start, sent_end):
            return note_rule(doc, speaker, "charges-against-speaker").entity  # "دحضت X الاتهامات الغربية بقصف"
        return None
    if trig.role in {"possessor", "adjectival"} and kind in {StatementKind.ACCUSATION, StatementKind.THREAT}:
        found = _possessor_object(doc, res, trig.token, speaker, mentions, sent_end)
        if found is not None or kind is StatementKind.ACCUSATION:
            return found
    if kind is StatementKind.THREAT and trig.subject is not None:
        return trig.subject  # the party a reported threat names ("إن بيروت ستدفع الثمن")
    if kind is StatementKind.THREAT:
        operation = AR.pattern("threatened_operation").match(doc.norm, start, sent_end)
        if operation is not None and _after_attack_word(doc, res, start, operation.end()):
            # "هددت تركيا بشن عملية عسكرية ضد حزب العمال", "بشن هجمات على السفن الإسرائيلية"
            aimed_at = _threatened_at(doc, res, mentions, operation.end(), speaker.entity)
            if aimed_at is not None:
                return aimed_at
        # a quoted first-person trigger holds the words that threaten ("«سنرد على الهجمات التركية»")
        said = max(0, tok.norm_start - 1) if trig.role == "quoted" else start
        revenge = AR.pattern("revenge").search(doc.norm, said, sent_end) or \
            AR.pattern("strike_at").match(doc.norm, start, sent_end)
        if revenge is not None:
            # "بالانتقام من X"; "ردا على الغارات الأميركية": the avenged act's nationality
            aimed_at = _threatened_at(doc, res, mentions, revenge.end(), speaker.entity)
            if aimed_at is not None:
                return aimed_at
        aimed = _aggressor(doc, res, mentions, start, sent_end, speaker.entity) or \
            _threatened_object(doc, res, mentions, said, sent_end, speaker.entity)
        if aimed is not None:
            return note_rule(doc, aimed, "threatened-object").entity
    if kind in {StatementKind.ACCUSATION, StatementKind.THREAT}:
        capital = _capital_object(res, mentions, start, speaker.entity)
        if capital is not None:
            return capital
        m = _object_after(doc, res, mentions, start, speaker.entity)
        if m is None or (kind is StatementKind.THREAT and m.norm_start - start > _THREAT_WINDOW):
            return None
        if kind is StatementKind.THREAT and AR.pattern("dealing_with").search(doc.norm[start:m.norm_start]):
            return None  # "حذر شركات الشحن من التعامل مع إسرائيل": the party to shun is not the one warned
        return m.entity
    return None


def _past_spokesman(doc: Document, mentions: list[Mention], start: int) -> int:
    """Where the object may start: after "، على لسان المتحدث باسمها X،" when the speaker speaks through its
    official ("هددت جماعة الحوثي، على لسان المتحدث باسمها محمد عبد السلام، باستهداف ..."); he is not the object."""
    spokesman = next((m for m in mentions if m.entity.kind is EntityKind.PERSON and 0 <= m.norm_start - start <= 60
                      and AR.pattern("through_spokesman").search(doc.norm[start:m.norm_start])), None)
    return spokesman.norm_end if spokesman is not None else start


def _aggressor(doc: Document, res: Resources, mentions: list[Mention], start: int, end: int,
              speaker: Entity) -> Mention | None:
    """"سترد بحزم على أي اعتداء أمريكي", "أي اعتداء إسرائيلي على أراضينا سيقابل برد": the nationality of the
    aggression a threat answers names the threatened state (not the speaker's own)."""
    own = res.state_of(speaker)
    for a in mentions:
        if a.by_adjective and a.entity.kind is EntityKind.STATE and start <= a.norm_start < end and \
                AR.pattern("any_aggression").search(doc.norm[max(start, a.norm_start - 24):a.norm_start]) and \
                (own is None or a.entity.key != own.key):
            return a
    return None


def _threatened_object(doc: Document, res: Resources, mentions: list[Mention], start: int, end: int,
                       speaker: Entity) -> Mention | None:
    """"إن الجيش «سيواصل ضرب» أهداف حزب الله", "سنستهدف القوات الأمريكية": the party right after the words that
    threaten (or after the targets they name) is threatened; with none, the state whose adjective follows them
    closely ("«سنضرب السفن الإسرائيلية»"), unless it is the speaker's own."""
    found = threat_clause_at(doc, start, end)
    if found is None:
        return None
    party = next((m for m in mentions if is_actor(m) and m.entity.key != speaker.key and
                  0 <= m.norm_start - found.end() <= 16 and
                  AR.pattern("threatened_targets").fullmatch(doc.norm[found.end():m.norm_start])), None)
    own = res.state_of(speaker)
    return party or next((a for a in mentions if a.by_adjective and a.entity.kind is EntityKind.STATE and
                          _object_noun_between(doc, found.end(), a.norm_start) and a.entity.key != speaker.key and
                          (own is None or a.entity.key != own.key)), None)


def _object_noun_between(doc: Document, start: int, end: int) -> bool:
    """One or two words of the same phrase, no punctuation, lie between the threat words and an adjective: the
    adjective is the object's ("سنضرب السفن الإسرائيلية"), not a later clause's ("«ستندم»، عقب غارات أمريكية")."""
    between = doc.norm[start:end]
    return 0 <= end - start <= 20 and len(between.split()) <= 2 and not any(c in between for c in "\u060c\".,:")


def _threatened_at(doc: Document, res: Resources, mentions: list[Mention], pos: int,
                   speaker: Entity) -> Entity | None:
    """The party right after the words that aim a threat (`pos`), else the state a nationality adjective shortly
    after them names, unless it is the speaker's own."""
    m = _object_after(doc, res, mentions, pos, speaker)
    if m is not None and m.norm_start - pos < 4:
        return m.entity
    adjective = next((a for a in mentions if a.by_adjective and 0 <= a.norm_start - pos < 20), None)
    if adjective is not None and adjective.entity.key != getattr(res.state_of(speaker), "key", None):
        before = words_of(doc.norm[max(pos, adjective.norm_start - 16):adjective.norm_start])[-1:]
        if before and before[0] in res.cues["military_holdings"]:
            return res.forces_of(adjective.entity) or adjective.entity  # "ضد القواعد الأميركية": its forces
        return adjective.entity
    return None



def _capital_object(res: Resources, mentions: list[Mention], start: int, speaker: Entity) -> Entity | None:
    """"اتهمت طهران تل أبيب بتنفيذه", "هددت أنقرة دمشق": a capital right after the verb and its subject is the
    object, and stands for its state (not the speaker's own)."""
    first = next((m for m in mentions if m.norm_start >= start), None)
    if first is None or first.norm_start - start > 2 or first.entity.kind is not EntityKind.PLACE:
        return None
    state = res.state_of_capital(first.entity)
    if state is None or state.key == speaker.key or state == res.state_of(speaker):
        return None
    return state


def _charged(doc: Document, res: Resources, mentions: list[Mention], speaker: Mention, sent_end: int) -> Entity | None:
    """Whom a charge called false charges: the speaker ("اتهامها", "اتهامات X له"), the party after "ل"
    ("اتهامات أنقرة لقوات سوريا الديمقراطية"), or no one (a report: "الأنباء عن سقوط صواريخ")."""
    tail = doc.norm[speaker.norm_end:sent_end]
    if AR.pattern("own_charge").search(tail):
        return speaker.entity
    charge = next((i for i, w in enumerate(tail.split()) if w in AR.words("charge_nouns")), None)
    if charge is None:
        return None
    at = speaker.norm_end + len(" ".join(tail.split()[:charge]))
    return next((m.entity for m in mentions if is_actor(m) and 0 < m.norm_start - at <= 50
                 and doc.norm[m.norm_start - 1:m.norm_start] in AR.words("possessive_lam")), None)


def _possessor_object(doc: Document, res: Resources, tok: Token, speaker: Mention, mentions: list[Mention],
                      sent_end: int) -> Entity | None:
    """Whom a verbal noun with its subject is aimed at: the party after "ل" ("اتهامات واشنطن لطهران"), the one
    named before for "له/لها" ("رفضت أنقرة اتهامات بغداد لها"), or the direct object of "تحميل"."""
    start = max(tok.norm_end, speaker.norm_end)
    following = doc.norm[start:sent_end].replace('"', " ").split()[:1]
    if following and following[0] in AR.words("lam_pronouns"):
        before = antecedent(mentions, tok.norm_start, speaker.entity)
        return before.entity if before is not None else None
    for m in mentions:
        if m.norm_start < start or not is_actor(m) or m.entity.key == speaker.entity.key:
            continue
        if m.norm_start - start > 40:
            return None
        if doc.norm[m.norm_start - 1:m.norm_start] in AR.words("possessive_lam") or \
                tok.stem in AR.words("object_nouns"):
            return m.entity
        return None
    return None


def with_coordinated(doc: Document, mentions: list[Mention], accused: Entity | None,
                      after: int) -> list[Entity | None]:
    """The accused and the parties listed right after it ("اتهم X وY وZ"): one statement each. The accused is
    looked for after the trigger and its subject, not where the speaker's title named it ("المتحدث باسم X")."""
    if accused is None:
        return [None]
    first = next((m for m in mentions if m.entity is accused and is_actor(m) and m.norm_start >= after),
                 next((m for m in mentions if m.entity is accused and is_actor(m)), None))
    out, previous = [accused], first
    for m in mentions:
        if previous is None or m.norm_start < previous.norm_end or not is_actor(m) or m.entity in out:
            continue
        between = doc.norm[previous.norm_end:m.norm_start]
        joint = between.replace("\u060c", " ").replace(",", " ").replace('"', " ").split()
        if (joint and (len(joint) > 1 or joint[0] not in AR.words("coordinator"))) or \
                not (joint or "\u060c" in between or "," in between):
            break  # more than a coordinator, or nothing at all: a title's body and its holder are one party
        if m.entity.kind in _SEATS and _ends_in_seat(doc, previous):
            break  # "القوات الأمريكية في العراق وسوريا": the state joined to the seat is no second accused
        out.append(m.entity)
        previous = m
    return out


def _ends_in_seat(doc: Document, m: Mention) -> bool:
    """The party's name ends with the place or state it is in ("القوات الأمريكية في العراق")."""
    return any(n.entity.kind in _SEATS and n.norm_start > m.norm_start and n.norm_end == m.norm_end
               for n in doc.mentions_overlapping(m.norm_start, m.norm_end))


def charge_between(doc: Document, start: int, end: int) -> bool:
    """An accusation verb, negated or not, stands between a party and "وراء": the party accuses, it is not the
    one behind ("لم يتهم المتحدث أي جهة بالوقوف وراء الهجوم")."""
    table = lexicon.statement_triggers()
    return any(t.kind == StatementKind.ACCUSATION.value and t.role in {"verb", "verb_obj"}
               for tok in doc.tokens if start <= tok.norm_start < end
               for _, stem in peel(tok.surface) for t in table.get(stem, ()))
