"""Whether a sentence reports its event, recalls it, forecasts it, supposes it, negates it or judges it."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from faultline.data import read_toml
from faultline.errors import DataFileError
from faultline.extract.casualty_terms import CasualtyTerms
from faultline.extract.numbers import NumberWords
from faultline.extract.victims import casualty_kind, in_present_perfect
from faultline.nlp.text import span_text

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "modality.toml"

# Children whose subtrees are another clause: their cues are about something else.
_OTHER_CLAUSE = frozenset({"relcl", "acl", "ccomp", "advcl", "conj", "parataxis", "appos", "nsubj",
                           "nsubjpass", "csubj", "cc", "punct", "mark"})
_CLIMB = frozenset({"xcomp", "ccomp", "advcl", "acl", "relcl", "conj", "dobj", "pobj", "prep", "nsubj",
                    "nsubjpass", "attr", "oprd", "acomp", "compound", "amod"})
# Clauses nested below the trigger clause's words: "the village, which rebels seized two months
# ago" dates the seizing, not the verb whose object the village is.
_NESTED_CLAUSE = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis"})
# Links that keep the climb inside the trigger's clause ("expected to attack", "no attack took place").
_SAME_CLAUSE = frozenset({"xcomp", "conj", "prep", "pobj", "dobj", "nsubj", "nsubjpass", "amod", "compound"})
# Conjunctions whose clause tells what has happened, whatever the clause they hang from forecasts.
_DONE_MARKS = frozenset({"after", "because", "since"})
_REPORTING = frozenset({"say", "tell", "report", "announce", "confirm", "state", "add", "claim", "accord"})
# "since 2015" compares ("the deadliest attack since 2015"); "in 2015" dates the event.
_YEAR = re.compile(r"\b(?:in|during|of)\s+(?:the\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)


class ModalityCues:
    """Modality cue words from faultline/data/modality.toml."""

    def __init__(self, data: dict) -> None:
        try:
            neg, hyp, fc, op, bg = (data[k] for k in ("negated", "hypothetical", "forecast", "opinion", "background"))
            self.deny = frozenset(neg["deny_verbs"])
            self.cancel = frozenset(neg["cancel_verbs"])
            self.none_words = frozenset(neg["none_words"])
            self.existence = frozenset(neg["existence_verbs"])
            self.marks = frozenset(hyp["marks"])
            self.counterfactual = frozenset(hyp["counterfactual_aux"])
            self.modals = frozenset(fc["modals"])
            self.governors = frozenset(fc["governors"])
            self.infinitive_only = frozenset(fc["infinitive_only"])
            self.prep_frames = frozenset(fc["prep_frames"])
            self.object_frames = frozenset(fc["object_frames"])
            self.forecast_mods = frozenset(fc["modifiers"])
            self.forecast_phrases = _phrases(fc["phrases"])
            self.opinion_modals = frozenset(op["modals"])
            self.cognition = frozenset(op["cognition"])
            self.first_person = frozenset(op["first_person"])
            self.opinion_frames = _phrases(op["frames"])
            self.history_adverbs = frozenset(bg["adverbs"])
            self.habit_adverbs = frozenset(bg["habit_adverbs"])
            self.history_adjectives = frozenset(bg["adjectives"])
            self.history_phrases = _phrases(bg["phrases"])
            self.duration_words = frozenset(bg["duration_words"])
            self.background_days = int(bg["days"])
            self.trend_verbs = frozenset(bg["trend_verbs"])
            self.trend_subject_verbs = frozenset(bg["trend_subject_verbs"])
            self.conflict_subjects = frozenset(bg["conflict_subjects"])
            self.recent_starts = frozenset(bg["recent_starts"])
            self.time_units = frozenset(bg["time_units"])
            self.record_verbs = frozenset(bg["record_verbs"])
            self.running_total = int(bg["running_total"])
            self.judged_words = frozenset(bg["judged_words"])
        except (KeyError, TypeError, ValueError) as exc:
            raise DataFileError(f"modality cues lack or mistype {exc}", subject=str(DATA_PATH)) from exc

    @classmethod
    def load(cls, path: Path | None = None) -> ModalityCues:
        """Read the cues from `path` (default: the packaged modality.toml)."""
        return _load_cached(path or DATA_PATH)


def _phrases(words: list[str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w'])(?:{alts})(?![\w'])", re.IGNORECASE)


@functools.cache
def _load_cached(path: Path) -> ModalityCues:
    return ModalityCues(read_toml(path, what="modality cues"))


def sentence_modality(sent: SpacySpan, *, trigger_start: int | None, offset: int,
                      published: dt.date | None, event_date: dt.date | None,
                      cues: ModalityCues | None = None) -> str:
    """One of MODALITIES for the event the trigger names (the sentence's root when no trigger)."""
    cues = cues or ModalityCues.load()
    trigger = _trigger(sent, trigger_start, offset)
    chain = _chain(trigger)
    if _negated(trigger, chain, cues):
        return "negated"
    if _hypothetical(chain, cues):
        return "hypothetical"
    if _opinion(sent, chain, cues):
        return "opinion"
    if _forecast(sent, trigger, chain, cues) or (event_date and published and event_date > published):
        return "forecast"
    if _background(trigger, chain, cues, published=published, event_date=event_date):
        return "background"
    return "reported"


def _trigger(sent: SpacySpan, trigger_start: int | None, offset: int) -> Token:
    if trigger_start is not None:
        for tok in sent:
            if offset + tok.idx == trigger_start:
                return tok
        for tok in sent:  # an offset inside a token still names it
            if offset + tok.idx <= trigger_start < offset + tok.idx + len(tok):
                return tok
    return sent.root


def _chain(trigger: Token) -> list[Token]:
    """The trigger and the words governing it, up to (not into) a reporting verb or the root."""
    chain = [trigger]
    tok = trigger
    for _ in range(6):
        if tok.head.i == tok.i or tok.dep_ not in _CLIMB:
            break
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _DONE_MARKS for c in tok.children):
            break  # "more attacks could follow after gunmen stormed the village": the storming is done
        head = tok.head
        if head.lemma_.lower() in _REPORTING and tok.dep_ in ("ccomp", "xcomp", "dobj"):
            break  # "officials said X": the saying's tense is not the event's
        chain.append(head)
        if head.pos_ in ("VERB", "AUX", "ADJ") and tok.dep_ not in _SAME_CLAUSE:
            break  # a full clause: governors above it describe something else
        tok = head
    return chain


def _reporter(chain: list[Token]) -> Token | None:
    """The verb that reports the trigger's clause, where one does ("announce" in "spokesmen announce
    that the army has neutralised dozens")."""
    top = chain[-1]
    return top.head if top.dep_ == "ccomp" and top.head.i != top.i else None


def _verbs(chain: list[Token]) -> list[Token]:
    """The verbs (and predicative adjectives) of the trigger's clause, nearest first."""
    return [t for t in chain if t.pos_ in ("VERB", "AUX", "ADJ")]


def _negated(trigger: Token, chain: list[Token], cues: ModalityCues) -> bool:
    if any(c.lower_ in cues.none_words and c.dep_ in ("det", "neg") for c in trigger.children):
        return True  # "no attack", "there were no casualties"
    verbs = _verbs(chain)
    first = verbs[0] if verbs else None
    for verb in verbs[:2]:
        if verb.i != trigger.i and trigger.pos_ in ("NOUN", "PROPN") and verb.lemma_.lower() not in cues.existence:
            continue  # "no group claimed the attack": the claim is negated, not the attack
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
            if subj.lower_ in cues.none_words or any(
                    c.lower_ in cues.none_words and c.dep_ in ("det", "neg") for c in subj.children):
                return True  # "no one was killed"
        if verb.i != (first.i if first is not None else -1):
            break
    # The parser may hang the object on the particle: "called off(prt) the attack(pobj)".
    if any(_with_particle(t.head if t.dep_ == "prt" else t) in cues.cancel for t in chain[1:]):
        return True  # "called off the attack"
    return any(t.lemma_.lower() in cues.deny for t in chain[1:])  # "denied attacking"


def _hypothetical(chain: list[Token], cues: ModalityCues) -> bool:
    for verb in _verbs(chain)[:3]:
        kids = list(verb.children)
        if any(c.dep_ == "mark" and c.lower_ in cues.marks for c in kids):
            return True  # "if militants attack"
        if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in cues.marks for g in c.children)
               for c in kids):
            return True  # "if the talks fail, rebels will attack": the consequence of a condition
        aux = [c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")]
        if any(a in cues.counterfactual for a in aux) and "have" in aux:
            return True  # "would have killed"
    return False


def _opinion(sent: SpacySpan, chain: list[Token], cues: ModalityCues) -> bool:
    verbs = _verbs(chain)
    for verb in verbs[:2]:
        if any(c.dep_ == "aux" and c.lower_ in cues.opinion_modals for c in verb.children):
            return True  # "the attackers must be punished"
    root = sent.root
    if root.lemma_.lower() in cues.cognition and any(
            c.dep_ == "nsubj" and c.lower_ in cues.first_person for c in root.children):
        return True  # "I believe the attack was ..."
    return bool(cues.opinion_frames.search(span_text(sent))) and not any(
        t.lemma_.lower() in _REPORTING for t in sent if t.pos_ == "VERB")


def _forecast(sent: SpacySpan, trigger: Token, chain: list[Token], cues: ModalityCues) -> bool:
    if any(c.lower_ in cues.forecast_mods for c in trigger.children if c.dep_ in ("amod", "compound")):
        return True  # "a planned attack"
    verbs = _verbs(chain)
    for verb in verbs[:2]:
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in cues.modals for c in verb.children):
            return True  # "militants could attack", "warned that they would attack"
    if any(_looks_ahead(chain, k, cues) for k in range(1, len(chain))):
        return True  # "is expected to attack", "threatened to kill" (but "bombs were set off")
    past = any(v.tag_ in ("VBD", "VBN") for v in verbs[:1])
    return not past and bool(cues.forecast_phrases.search(span_text(sent)))


def _looks_ahead(chain: list[Token], k: int, cues: ModalityCues) -> bool:
    """True when chain[k] is a forecast governor of the link below it."""
    gov, below = chain[k], chain[k - 1]
    lemma = gov.lemma_.lower()
    if lemma not in cues.governors or _phrasal(gov):
        return False
    if lemma not in cues.infinitive_only:
        return True
    if below.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in below.children):
        return True  # "set to attack", "determined to fight", "due to storm"
    if below.dep_ == "dobj" and lemma in cues.object_frames:
        return True  # "called a general strike"
    return below.dep_ == "prep" and f"{lemma} {below.lower_}" in cues.prep_frames  # "called for a strike"


def _with_particle(verb: Token) -> str:
    """ "called off" -> "call off"; "cancelled" -> "cancel"."""
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {prt}" if prt else verb.lemma_.lower()


def _phrasal(verb: Token) -> bool:
    """A phrasal verb is another verb: "set off" a bomb is no "set to" attack, "call off" no call."""
    return any(c.dep_ == "prt" for c in verb.children)


def _background(trigger: Token, chain: list[Token], cues: ModalityCues, *,
                published: dt.date | None, event_date: dt.date | None) -> bool:
    if published and event_date and (published - event_date).days > cues.background_days:
        return True
    clause = _clause_text(trigger, chain)
    if _recalls(clause, cues) or _judged(trigger, cues):
        return True
    verbs = _verbs(chain)
    if any(c.lower_ in cues.history_adverbs and c.dep_ == "advmod" for v in verbs[:2] for c in v.children):
        return True  # "had previously attacked"
    if any(c.lower_ in cues.habit_adverbs and c.dep_ == "advmod" and (v.tag_ in ("VBP", "VBZ") or in_present_perfect(v))
           for v in (*verbs[:1], _reporter(chain), chain[-1]) if v is not None for c in v.children):
        # "militants have repeatedly targeted travellers from Punjab"; "spokesmen regularly announce that
        # the army has neutralised dozens"; "Ankara typically uses the term for militants killed"
        return True
    if any(c.lower_ in cues.history_adjectives and c.dep_ == "amod" for c in trigger.children):
        return True  # "previous ceasefires have collapsed"
    if published is not None and event_date is None and _trend(trigger, cues):
        return True  # (without a publication date, "on Monday" resolves to no date: no telling)
    if event_date is None and published is not None and in_present_perfect(trigger.sent.root) and any(
            t.lower_ == "since" and (years := _years_in(t.subtree)) and max(years) < published.year
            for t in trigger.sent):
        return True  # "has been among the areas worst hit by air strikes since the 2021 coup": a record
    if event_date is None and any(_conflict_subject(v, cues) or _running_total(v, cues) for v in verbs[:1]):
        return True  # "the insurgency has killed more than 40,000 people"
    if _years_since(trigger, cues) or _when_of_an_older_day(trigger, published):
        return True  # "marched to mark two years since the collapse that killed 16 people"
    if any(_toll_since(v, cues) for v in verbs[:1]) or _opens_a_span(chain):
        return True  # "70 fighters have been killed since the fighting began last month"
    top = chain[-1]
    if top.dep_ == "advcl" and top.tag_ == "VBG" and top.head.i != top.i and \
            _background(top.head, _chain(top.head), cues, published=published, event_date=event_date):
        return True  # "protests have erupted in recent years, sometimes leaving workers dead": the toll is as old
    if published is None:
        return False  # no date to compare with: "in 2019" may be this year's news
    return any(int(y) < published.year for y in _YEAR.findall(clause))  # "was killed in 2017"


def _judged(trigger: Token, cues: ModalityCues) -> bool:
    """Whether the trigger is the crime a charge or a court names ("sentenced two soldiers over the
    killing of civilians", "found guilty of murder"): an event told before."""
    crime = trigger
    while crime.dep_ in ("conj", "nmod", "compound") and crime.head.i != crime.i:
        crime = crime.head  # "guilty of murder, arson and ..."
    if crime.dep_ not in ("pobj", "pcomp"):
        return False  # ("police charged the crowd" charges no one with a crime)
    verbs = _verbs(_chain(crime))
    return bool(verbs) and (verbs[0].lemma_.lower() in cues.judged_words or verbs[0].lower_ in cues.judged_words)


def _trend(trigger: Token, cues: ModalityCues) -> bool:
    """Uncounted events as the object or subject of a trend ("Moscow has stepped up attacks on the
    grid", "attacks have spread south"): a course of many incidents, none of them reported here."""
    while trigger.dep_ in ("compound", "conj", "nmod") and trigger.head.i != trigger.i:
        trigger = trigger.head  # "air strikes": read "strikes"; "shootings and grenade attacks": "shootings"
    if trigger.tag_ != "NNS" or any(c.dep_ == "nummod" for c in trigger.children):
        return False
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and (
            trigger.head.head.tag_ == "DT" or trigger.head.head.tag_ == "NN" and trigger.head.head.dep_ == "dobj"
            and not any(c.dep_ == "nummod" for c in trigger.head.head.children)):
        # "some of Africa's deadliest attacks", "has seen a spate of shootings": read "some", "spate"
        trigger = trigger.head.head
    verb = trigger.head
    if trigger.dep_ == "nsubj" and verb.pos_ == "VERB":
        return verb.lemma_.lower() in cues.trend_subject_verbs
    if trigger.dep_ != "dobj" or verb.pos_ != "VERB":
        return False
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    phrasal = f"{verb.lemma_.lower()} {particle}"
    if in_present_perfect(verb) and (verb.lemma_.lower() in cues.record_verbs or phrasal in cues.record_verbs):
        return True  # "the group has carried out some of Africa's deadliest attacks": its record
    return verb.lemma_.lower() in cues.trend_verbs or phrasal in cues.trend_verbs


_SAME_DAY_UNITS = frozenset({"hours"})
# Lengths of time inside one event: "the firefight lasted some 20 minutes before the rebels withdrew".
_WITHIN_AN_EVENT = frozenset({"minute"})


def another_time_from(sent: SpacySpan, cues: ModalityCues | None = None) -> Token | None:
    """The first word of a phrase that moves the rest of the sentence to a stated time before or after
    its event ("killed a sarpanch on Monday night, two days before a gunfight in which seven Maoists
    were killed"; "rallied on Saturday, a day after police detained an opposition leader"), if any."""
    cues = cues or ModalityCues.load()
    for word in sent:
        if word.lower_ not in ("before", "after") or word.dep_ not in ("prep", "mark"):
            continue
        holder = word if word.dep_ == "prep" else word.head
        # (the parse may hang the time on the verb the clause depends on: "The bombing came | a day after
        # fighters attacked")
        near = (*holder.children, *holder.head.children) if word.dep_ == "mark" else holder.children
        # (bare hours are a stated time too, the same day: "fired tear gas on Tuesday night ..., hours after
        # thousands marched"; "days after" another strike dates nothing)
        span = next((c for c in near if c.dep_ == "npadvmod" and c.i < word.i and c.lemma_.lower() in cues.time_units
                     and c.lemma_.lower() not in _WITHIN_AN_EVENT
                     and (c.lower_ in _SAME_DAY_UNITS or any(g.dep_ in ("nummod", "det") for g in c.children))), None)
        if span is not None and span.left_edge.i > sent.start:
            return span.left_edge
    return None


def _when_of_an_older_day(trigger: Token, published: dt.date | None) -> bool:
    """Whether the trigger is told in a clause about a date of an earlier year ("the worst fighting since
    May 2025, when the killing of a militia leader set off clashes that left eight people dead"), or about
    the date a comparison runs from ("the heaviest attack since Jan. 24, when a drone strike killed three")."""
    if published is None:
        return False
    for ancestor in (trigger, *trigger.ancestors):
        if ancestor.dep_ == "relcl" and ancestor.head.ent_type_ == "DATE":
            if any(t.lower_ == "since" for t in (ancestor.head, *ancestor.head.ancestors) if t.dep_ == "prep"):
                return True
            years = _years_in(t for t in ancestor.head.subtree if t.ent_type_ == "DATE")
            return bool(years) and max(years) < published.year
    return False


def _years_since(trigger: Token, cues: ModalityCues) -> bool:
    """Whether the trigger tells what a span of time has passed since: "marched to mark two years since
    the collapse of a canopy that killed 16 people", "a month since the massacre"."""
    for ancestor in trigger.ancestors:
        if ancestor.lower_ == "since" and ancestor.i > 0:
            span = ancestor.doc[ancestor.i - 1]  # (the parse hangs "since" on the span or on its verb)
            if span.lemma_.lower() in cues.time_units and any(c.dep_ in ("nummod", "det") for c in span.children):
                return True
    return False


def _toll_since(verb: Token, cues: ModalityCues) -> bool:
    """Whether the verb, in the present perfect, runs from a start up to now ("have been killed since
    the fighting began", "have died since January"): a sum of incidents, none of them told. A span of
    days ("since Monday", "since dawn") still reports news."""
    if not in_present_perfect(verb):
        return False
    if any(_since_clause(child) for child in verb.children):
        return True
    for since in (t for t in verb.subtree if t.lower_ == "since" and t.dep_ == "prep" and _same_toll(t, verb)):
        start = next((o for o in since.children if o.dep_ in ("pobj", "pcomp")), None)
        if start is not None and start.lower_ not in cues.recent_starts:
            return True
    return False


def _same_toll(word: Token, verb: Token) -> bool:
    """Whether a word belongs to the verb's toll, its own or one coordinated with it ("6,000 people have
    been killed and a million displaced since then"), not to a clause about something else."""
    while word.i != verb.i:
        if word.dep_ in _NESTED_CLAUSE - {"acl"} or word.dep_ in ("nsubj", "nsubjpass"):
            return False
        word = word.head
    return True


def _opens_a_span(chain: list[Token]) -> bool:
    """Whether the trigger's clause starts a span a toll runs over ("since the fighting began"):
    the start of a war, no incident told."""
    return _since_clause(chain[-1]) and in_present_perfect(chain[-1].head)


def _since_clause(tok: Token) -> bool:
    return tok.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in tok.children)


def _years_in(tokens: Iterable[Token]) -> list[int]:
    """The years written among the tokens ("the 2021 coup": 2021)."""
    return [int(t.text) for t in tokens if re.fullmatch(r"(?:19|20)\d\d", t.text)]


def _running_total(verb: Token, cues: ModalityCues) -> bool:
    """Whether the verb, in the present perfect, counts at least `running_total` dead as its subject
    ("more than 6,000 people have been killed"): a conflict's sum, not an incident's toll."""
    if not in_present_perfect(verb) or casualty_kind(verb, CasualtyTerms.load())[0] != "killed":
        return False  # ("10,000 fighters have defected", "2,500 activists have been arrested": news)
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        count = subject if subject.like_num else next((c for c in subject.children if c.dep_ == "nummod"), None)
        value = NumberWords.load().value(count.text) if count is not None else None
        if value is not None and value >= cues.running_total:
            return True
    return False


def _conflict_subject(verb: Token, cues: ModalityCues) -> bool:
    """Whether the verb's subject is a whole conflict ("the insurgency", "the civil war")."""
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        modifier = next((c.lower_ for c in subject.children if c.dep_ in ("amod", "compound")), None)
        if subject.lemma_.lower() in cues.conflict_subjects or f"{modifier} {subject.lower_}" in cues.conflict_subjects:
            return True
    return False


def _recalls(clause: str, cues: ModalityCues) -> bool:
    """A history phrase that is not the start of a span up to now ("in the past 48 hours")."""
    for match in cues.history_phrases.finditer(clause):
        following = clause[match.end():].split(maxsplit=1)
        if not following or not (following[0].lower() in cues.duration_words or following[0].isdigit()):
            return True
    return False


def _clause_text(trigger: Token, chain: list[Token]) -> str:
    """The words of the trigger's own clause, without the clauses hanging from it."""
    owners = [trigger] + _verbs(chain)[:1]
    idx: set[int] = set()
    for owner in owners:
        idx.add(owner.i)
        stack = [c for c in owner.children if c.dep_ not in _OTHER_CLAUSE]
        while stack:
            tok = stack.pop()
            idx.add(tok.i)
            stack.extend(c for c in tok.children if c.dep_ not in _NESTED_CLAUSE)
    doc = trigger.doc
    return " ".join(doc[i].text for i in sorted(idx))
