"""Casualty and participant figures in a sentence (totals over an incident are in totals.py).

The vocabulary is in casualty_terms.py, the reading of single casualty words in victims.py and the
lists and breakdowns of victims in breakdowns.py; this module turns them into Figures.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from faultline.extract.attribution import GROUP_CLAIM, source_of, told_by
from faultline.extract.breakdowns import expand_victims, in_subset, without_breakdowns
from faultline.extract.casualty_terms import DEFINITE, CasualtyTerms
from faultline.extract.numbers import NumberWords, Quantity
from faultline.extract.victims import (
    alone_count,
    casualty_kind,
    find_victims,
    in_present_perfect,
    is_casualty_word,
    is_none,
    is_number,
    is_personish,
    of_objects,
    reports_no_casualties,
    shares_with_injuries,
)
from faultline.model import Attribution, Figure, Span
from faultline.nlp.text import span_text

# Re-exported: the pipeline imports CasualtyTerms from here.
__all__ = ["CasualtyTerms", "find_figures"]

# Children that lead out of a noun phrase's count: "killed 7, including 2 children" is a subset.
_OUTSIDE = ("prep", "acl", "relcl", "appos", "conj", "cc", "punct", "advcl", "prt")
_PART_OF = re.compile(r"\s+of\s+(?:the\s+|these\s+|those\s+)?", re.IGNORECASE)
# What may sit between a surface casualty word and its count: nothing, or "of" after a noun.
_SURFACE_GAP = re.compile(r"\s+")
_SURFACE_OF = re.compile(r"\s+(?:of\s+)?(?:the\s+)?")
_SURFACE_LIVES = re.compile(r"\s+(?P<of>the\s+lives\s+of\s+)?")
# A year written on a word for what happened ("the 2016 killings"); thousands are written with a comma.
_YEAR = re.compile(r"(?:19[5-9]|20\d)\d")
# The possessives by which a group speaks of its own men.
_OWN = frozenset({"its", "their", "our"})
# A count this large "has been killed" is a war's or a region's toll so far, never one incident's.
_A_WARS_TOLL = 1000
_COLLECTIVE = frozenset({"police", "army", "military", "security", "personnel", "force", "staff",
                         "family", "crowd", "people"})


def find_figures(sent: SpacySpan, offset: int, *, attribution: Attribution | None,
                 terms: CasualtyTerms | None = None, numbers: NumberWords | None = None) -> list[Figure]:
    """Every casualty or participant figure the sentence reports, in text order."""
    terms = terms or CasualtyTerms.load()
    numbers = numbers or NumberWords.load()
    sentence = Span(offset + sent.start_char, offset + sent.end_char, span_text(sent))
    figures: list[Figure] = []
    used: set[tuple[str, int]] = set()  # (kind, victim token) already counted
    phrases: set[tuple[str, int]] = set()  # (kind, number phrase start): one phrase counts once
    victims: dict[int, int] = {}  # id(figure) -> its victim token
    if not _may_report(sent, terms):
        # Most sentences hold no casualty word: only a crowd's size ("2,000 people marched") is left.
        return _participants(sent, terms, numbers, sentence, offset, attribution, used)
    words = terms.figure_words
    for pred in sent:
        if pred.lower_ not in words and pred.lemma_.lower() not in words:
            continue  # casualty_kind reads only these words: a cheap test before its full one
        kind, role = casualty_kind(pred, terms)
        if kind is None or reports_no_casualties(pred, terms):
            continue
        for victim in expand_victims(find_victims(pred, role, terms), sent, terms):
            if (kind, victim.i) in used or in_subset(victim, sent, terms) or is_none(victim) or _is_age(victim) \
                    or _dated_by_its_year(victim, terms) or terms.counts_animals(victim):
                continue
            if _is_source(victim, offset, attribution):
                continue  # "killing eight soldiers, residents and a health worker told AFP": who told it
            if pred.lemma_ in terms.needs_person and not is_personish(victim, terms):
                continue
            # (a sentence with two sources gives each clause its own: "Two security sources told us dozens of
            # soldiers had been killed; JNIM claimed 40 dead")
            said_by = (told_by(pred, offset) or attribution) if ";" in sentence.text else attribution
            if pred.dep_ == "dobj" and pred.lemma_.lower() in terms.toll_nouns and \
                    pred.head.lemma_.lower() in terms.toll_giving:
                said_by = source_of(pred.head, offset) or attribution  # "a rescue team put the toll at 22"
            if _told_of_its_own(pred, terms):
                said_by = dataclasses.replace(attribution, kind=GROUP_CLAIM) if attribution else \
                    Attribution("the group", GROUP_CLAIM)
            elif (claimant := _claimant(pred, terms)) is not None:
                said_by = Attribution(claimant.text, GROUP_CLAIM)
            found = _figure(victim, pred, kind, terms, numbers, sentence, offset, said_by)
            if found is not None and found[0].count >= _A_WARS_TOLL and in_present_perfect(pred):
                continue  # "Tens of thousands of people have been killed": the war's toll so far
            if found is not None and kind == "killed" and shares_with_injuries(pred, victim, terms):
                found = _mixed(found[0], numbers), found[1]
            if found is not None and (kind, found[1]) not in phrases:
                used.add((kind, victim.i))
                phrases.add((kind, found[1]))
                figures.append(found[0])
                victims[id(found[0])] = victim.i
    # "an officer was stabbed and later died": the same people wounded then dead count as dead.
    # "2 of 5 children injured have died" counts a part, so the same count, not just the same noun.
    died = {(victims[id(f)], f.count) for f in figures if f.kind == "killed"}
    figures = [f for f in figures if not (f.kind == "injured" and (victims.get(id(f)), f.count) in died)]
    figures = without_breakdowns(figures, terms)
    figures.extend(_surface_figures(sent, terms, numbers, sentence, offset, attribution, figures))
    figures.extend(_participants(sent, terms, numbers, sentence, offset, attribution, used))
    figures.sort(key=lambda f: f.span.start)
    return figures


def _told_of_its_own(pred: Token, terms: CasualtyTerms) -> bool:
    """Whether a group claims the harm as done by armed men of "its", "their" or "our": "claiming that
    its fighters had killed seven policemen", "It said its fighters had executed 12 personnel"."""
    doer = next((c for c in pred.children if c.dep_ == "nsubj"), None)
    if doer is None:
        by = next((c for c in pred.children if c.dep_ == "agent"), None)
        doer = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    return doer is not None and terms.sides.get(doer.lemma_.lower()) == "perpetrators" and any(
        c.dep_ == "poss" and c.lower_ in _OWN for c in doer.children)


def _claimant(pred: Token, terms: CasualtyTerms) -> Token | None:
    """The group whose claim the casualty word is the object of ("JNIM claimed 40 dead in a statement"), not a
    state's side."""
    verb = pred.head
    if pred.dep_ not in ("dobj", "oprd", "ccomp", "xcomp") or verb.lemma_.lower() != "claim":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or terms.side_of(subject) == "state":
        return None
    return subject if subject.pos_ == "PROPN" or terms.side_of(subject) == "perpetrators" else None


def _is_age(number: Token) -> bool:
    """A person's age set off by commas ("Rafiqul Islam, 24, died"): no count of people."""
    doc, i = number.doc, number.i
    return number.is_digit and len(number) <= 3 and 2 <= i < len(doc) - 1 and doc[i - 1].text == "," \
        and doc[i + 1].text == "," and doc[i - 2].pos_ in ("NOUN", "PROPN")


def _dated_by_its_year(victim: Token, terms: CasualtyTerms) -> bool:
    """Whether the number on a word for what happened is its year ("the 2016 killings"), not how many
    there were."""
    return not is_personish(victim, terms) and any(
        c.dep_ == "nummod" and _YEAR.fullmatch(c.text) for c in victim.children)


def _is_source(victim: Token, offset: int, attribution: Attribution | None) -> bool:
    """Whether a victim word the parse found lies in the words that name the sentence's source."""
    span = attribution.span if attribution is not None else None
    return span is not None and span.start <= offset + victim.idx < span.end


def _may_report(sent: SpacySpan, terms: CasualtyTerms) -> bool:
    """Whether any word of the sentence is one a casualty figure (parsed or read off the surface) needs."""
    words = terms.figure_words
    return any(tok.lower_ in words or tok.lemma_.lower() in words for tok in sent)


def _doc_text(sentence: Span, offset: int, start: int, end: int) -> str:
    """Doc characters `start`..`end` inside a sentence, read off its text (`Doc.text` rebuilds the whole window)."""
    base = sentence.start - offset
    return sentence.text[start - base:end - base]


def _mixed(fig: Figure, numbers: NumberWords) -> Figure:
    """The deaths in a count shared with injuries: only the least the report guarantees, the count as the ceiling."""
    least = numbers.unnumbered_mixed
    return dataclasses.replace(fig, count=least, low=least, high=max(fig.high or fig.count, fig.count), approximate=True)


def _surface_figures(sent: SpacySpan, terms: CasualtyTerms, numbers: NumberWords, sentence: Span,
                     offset: int, attribution: Attribution | None, found: Sequence[Figure]) -> list[Figure]:
    """Figures the parse lost, read off the surface: a casualty word, then a count of people.

    The small model sometimes hangs "killing at least six civilians, ..., the monitor said" on
    the reporting verb, so the count is nobody's object; "killing at least six civilians",
    "wounding 4 others", "the deaths of 5 soldiers" still read plainly left to right.
    """
    out: list[Figure] = []
    taken = [(f.kind, f.span.start - offset, f.span.end - offset) for f in found]
    words = terms.figure_words
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma not in words:
            continue  # each branch below needs a casualty verb or noun: a cheap test first
        lives = False
        if tok.tag_.startswith("VB") and lemma in terms.verbs:
            kind, lead = terms.verbs[lemma], _SURFACE_GAP
        elif tok.pos_ == "NOUN" and lemma in terms.nouns:
            kind, lead = terms.nouns[lemma], _SURFACE_OF
        elif tok.tag_.startswith("VB") and lemma in terms.life_verbs:
            kind, lead, lives = "killed", _SURFACE_LIVES, True  # "claimed 7 civilians' lives"
        else:
            continue
        if reports_no_casualties(tok, terms):
            continue
        rest_start = tok.idx + len(tok)
        rest = _doc_text(sentence, offset, rest_start, sent.end_char)
        gap = lead.match(rest)
        hits = numbers.find(rest[:80]) if gap else []
        if not hits or hits[0].start != gap.end():
            continue
        qty = hits[0]
        q_start, q_end = rest_start + qty.start, rest_start + qty.end
        if any(k == kind and s < q_end and q_start < e for k, s, e in taken):
            continue  # the parse already counted this phrase
        who_tok = _surface_person(sent, q_end, terms)
        if who_tok is None:
            continue
        if lives and not gap.group("of") and not _before_lives(who_tok, terms):
            continue  # "took 5 soldiers" is no death
        taken.append((kind, q_start, q_end))
        out.append(Figure(
            kind=kind, count=qty.count, low=qty.low, high=qty.high,
            span=Span(offset + tok.idx, offset + who_tok.idx + len(who_tok),
                      _doc_text(sentence, offset, tok.idx, who_tok.idx + len(who_tok))),
            sentence=sentence, who=who_tok.text, side=terms.side_of(who_tok),
            attribution=attribution, approximate=qty.approximate,
        ))
    return out


def _before_lives(tok: Token, terms: CasualtyTerms) -> bool:
    """ "7 civilians lives", "7 civilians' lives": the people noun is followed by "lives"."""
    doc = tok.doc
    j = tok.i + 1
    if j < len(doc) and doc[j].tag_ == "POS":
        j += 1
    # The parser may read "lives" as the verb "live": compare the word as written too.
    return j < len(doc) and (doc[j].lemma_.lower() in terms.life_nouns or doc[j].lower_ == "lives")


def _surface_person(sent: SpacySpan, char: int, terms: CasualtyTerms) -> Token | None:
    """The people noun right after a count: "six civilians", "4 others", "two young police officers"."""
    doc, end = sent.doc, sent.end
    first = next((t for t in sent if t.idx >= char), None)
    if first is None or first.idx - char > 1:
        return None
    person = None
    for tok in doc[first.i:min(first.i + 4, end)]:
        if tok.pos_ not in ("ADJ", "NOUN", "PROPN") and tok.lower_ not in terms.additive:
            break
        if terms.is_person(tok) or terms.side_of(tok) or terms.is_additive(tok.text):
            person = tok  # the last of "police officers" names them
        elif person is not None:
            break
    return person


def _figure(victim: Token, pred: Token, kind: str, terms: CasualtyTerms, numbers: NumberWords,
            sentence: Span, offset: int, attribution: Attribution | None) -> tuple[Figure, int] | None:
    """One Figure for a victim token and where its number phrase starts, or None without a count."""
    # "1 of 4 children injured has died" counts the part; "4 children injured" the whole.
    part = not (pred.dep_ in ("acl", "amod") and pred.head.i == victim.i)
    # (ACLED's value for unnumbered deaths is no count of the people held: "police detained JI workers")
    qty, q_start, q_end = _quantity(victim, terms, numbers, sent_start=sentence.start - offset,
                                   sent_text=sentence.text, part=part, unnumbered=kind != "captured")
    if qty is None:
        return None
    who_tok = victim if not is_number(victim) else next(iter(of_objects(victim)), None)
    if who_tok is not None and (who_tok.i == pred.i or is_casualty_word(who_tok, terms)):
        if casualty_kind(who_tok, terms)[0] not in (None, kind) and who_tok.i != pred.i:
            # "one of the injured died": a group counted under another kind, so new deaths.
            return _build(kind, qty, q_start, q_end, victim, pred, sentence, offset, attribution,
                          who=who_tok.text, side=None), q_start
        # "12 deaths", "48 killed" count people, they do not name them; "nine terrorist bodies" names whose
        who_tok = next((c for c in who_tok.children if c.dep_ in ("amod", "compound") and terms.side_of(c)), None)
    if who_tok is not None and who_tok.pos_ == "PRON":
        who_tok = None  # "one of them", "1 of whom": part of a group counted elsewhere
    if who_tok is not None and who_tok.i == victim.i:
        who_tok = _counted_noun(victim, q_start, terms) or who_tok
    who = who_tok.text if who_tok is not None else None
    if who is None and alone_count(victim) is not None:
        who = victim.text  # "another" adds to earlier counts when it stands alone in its sentence
    more = _additive_word(victim, terms)
    if more is not None and not terms.is_additive(who):
        who = f"{more} {who}" if who else more  # "four more people", "another 29": as written
    return _build(kind, qty, q_start, q_end, victim, pred, sentence, offset, attribution,
                  who=who, side=terms.side_of(who_tok)), q_start


def _counted_noun(victim: Token, q_start: int, terms: CasualtyTerms) -> Token | None:
    """The noun a count really modifies when the parse buried it in the victim's modifiers:
    "killed 55 soldiers and tribal fighters" parsed with "soldiers" modifying "fighters"."""
    number = next((t for t in victim.doc[victim.left_edge.i:victim.i] if t.idx == q_start), None)
    while number is not None and number.dep_ in ("advmod", "quantmod") and number.head.i < victim.i:
        number = number.head  # "at least 55"
    if number is None or number.dep_ != "nummod":
        return None
    noun = number.head
    if noun.i != victim.i and noun.i < victim.i and noun.pos_ == "NOUN" and (
            terms.is_person(noun) or terms.side_of(noun)):
        return noun
    return None


def _additive_word(victim: Token, terms: CasualtyTerms) -> str | None:
    """ "four more people", "another 29", "28 other people": the word that adds to earlier counts."""
    doc = victim.doc
    for tok in doc[victim.left_edge.i:victim.i]:
        nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
        if tok.lower_ in terms.more and nxt != "than":  # "more than 20" is a bound
            return tok.text
    return None


def _build(kind: str, qty: Quantity, q_start: int, q_end: int, victim: Token, pred: Token, sentence: Span,
           offset: int, attribution: Attribution | None, *, who: str | None, side: str | None) -> Figure:
    """The Figure, its evidence running from the number to the casualty word."""
    start = min(q_start, victim.idx, pred.idx)
    end = max(q_end, victim.idx + len(victim), pred.idx + len(pred))
    return Figure(
        kind=kind, count=qty.count, low=qty.low, high=qty.high,
        span=Span(offset + start, offset + end, _doc_text(sentence, offset, start, end)), sentence=sentence,
        who=who, side=side, attribution=attribution, approximate=qty.approximate,
    )


def _quantity(victim: Token, terms: CasualtyTerms, numbers: NumberWords, *, sent_start: int, sent_text: str,
              part: bool = False, unnumbered: bool = True) -> tuple[Quantity | None, int, int]:
    """The count a victim carries, and the doc character range of the words that say it.

    With `part`, "1 of 4 children" counts the 1 (the parser hangs both numbers on the noun); with
    `unnumbered`, a plural with no number counts as ACLED counts unnumbered deaths.
    The victim's sentence comes as its doc offset and text: `Token.sent` and `Doc.text` are rebuilt
    on every call.
    """
    doc = victim.doc
    alone = alone_count(victim)
    if alone is not None:
        return Quantity(alone), victim.idx, victim.idx + len(victim)  # "and another wounded"
    if is_number(victim):
        # The number's own phrase: "at least 15", "between 10 and 15", not its "of ..." part.
        toks = [victim] + [t for c in victim.children if c.dep_ not in _OUTSIDE for t in c.subtree]
        lo, hi = min(t.i for t in toks), max(t.i for t in toks)
        base = doc[lo].idx
        text = doc[lo:hi + 1].text
        hits = [q for q in numbers.find(text) if q.start <= victim.idx - base < q.end]
        if hits:
            return hits[-1], base + hits[-1].start, base + hits[-1].end
        return None, 0, 0
    left = doc[victim.left_edge.i:victim.i]
    if len(left):
        hits = numbers.find(left.text)
        if hits:
            q = hits[-1]
            if part and len(hits) > 1 and _PART_OF.fullmatch(left.text[hits[-2].end:q.start]):
                q = hits[-2]
            return _widened(q, left.start_char, sent_start, sent_text, numbers)
    kids = {c.lower_ for c in victim.children if c.dep_ in ("det", "poss", "predet")}
    plural = victim.tag_ in ("NNS", "NNPS") or victim.morph.get("Number") == ["Plur"] \
        or victim.lemma_.lower() in _COLLECTIVE
    # The noun itself must name people: an "army base" or a "police bus" is no victim.
    if not plural and (terms.is_person(victim) or victim.pos_ == "PROPN"):
        return Quantity(1), victim.idx, victim.idx + len(victim)  # "a policeman was killed"
    counted_elsewhere = victim.dep_ == "pobj" and victim.head.lower_ == "of" and victim.head.head.lemma_ == "number"
    if unnumbered and plural and not (kids & DEFINITE) and not any(c.dep_ == "poss" for c in victim.children) \
            and terms.is_person(victim) and not counted_elsewhere:  # ("the number of people killed rose to 11")
        # Deaths with no number at all: ACLED's conservative value for a limited attack.
        return Quantity(numbers.unnumbered_limited, approximate=True), victim.idx, victim.idx + len(victim)
    return None, 0, 0


def _widened(q: Quantity, base: int, floor: int, text: str, numbers: NumberWords) -> tuple[Quantity, int, int]:
    """The quantity with the words the parse left outside the noun phrase: "[between three and] four".

    `text` is the sentence's, starting at doc offset `floor`; `base` is where `q`'s text starts.
    """
    start, end = base + q.start, base + q.end
    lo = max(floor, start - 40)
    for wide in numbers.find(text[lo - floor:end - floor]):
        if lo + wide.end == end and lo + wide.start < start:
            return wide, lo + wide.start, end
    return q, start, end


def _participants(sent: SpacySpan, terms: CasualtyTerms, numbers: NumberWords, sentence: Span,
                  offset: int, attribution: Attribution | None, used: set[tuple[str, int]]) -> list[Figure]:
    """Numbered attackers or crowds doing something: "some twenty militants attacked"."""
    out: list[Figure] = []
    counted = {i for _, i in used}
    for tok in sent:
        if tok.dep_ not in ("nsubj",) or tok.i in counted:
            continue
        verb = tok.head
        who_tok = next(iter(of_objects(tok)), None) if is_number(tok) else tok
        if who_tok is None:
            continue
        lemma = who_tok.lemma_.lower()
        crowd = lemma in terms.crowd_nouns or terms.side_of(who_tok) == "perpetrators"
        generic = lemma in terms.generic and verb.lemma_ in terms.crowd_verbs
        if not (crowd or generic) or verb.lemma_ not in terms.participant_verbs | terms.crowd_verbs:
            continue
        qty, q_start, q_end = _quantity(tok, terms, numbers, sent_start=sent.start_char, sent_text=sentence.text)
        if qty is None or (not is_number(tok) and not numbers.find(tok.doc[tok.left_edge.i:tok.i].text)):
            continue  # only stated numbers: "a gunman attacked" is no crowd size
        start, end = min(q_start, tok.idx), max(q_end, verb.idx + len(verb), tok.idx + len(tok))
        out.append(Figure(
            kind="participants", count=qty.count, low=qty.low, high=qty.high,
            span=Span(offset + start, offset + end, _doc_text(sentence, offset, start, end)), sentence=sentence,
            who=who_tok.text, side=terms.side_of(who_tok), attribution=attribution,
            approximate=qty.approximate,
        ))
    return out
