"""When a sentence says something happened: relative dates resolved against publication, ACLED precision."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from faultline.extract.casualty_terms import CasualtyTerms
from faultline.extract.numbers import NumberWords, parse_quantity
from faultline.extract.victims import care_place
from faultline.model import Span
from faultline.nlp.datelines import dateline_end
from faultline.nlp.text import doc_text, span_text

DAY, WEEK, MONTH = 1, 2, 3  # ACLED time_precision

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_FULL_MONTHS = frozenset(_MONTHS)
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
# A sentence opening on a day ("On Friday morning, ...", "Late on Sunday, ...", "On 12 March 2026, ...",
# "On the morning of Sunday, 19 June 2016, ...", "In March 2019, ...", "Also, yesterday, Tuesday, ..."): it may
# set the scene of the next statement's event, or date what its paragraph goes on to tell, though it names no
# event itself (the parser reads such sentences too).
_OPENING_MONTH = rf"(?:{'|'.join(sorted(_MONTHS, key=len, reverse=True))})\.?"
_OPENING_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
DAY_OPENING = (r"\s*(?:(?:also|meanwhile|separately|elsewhere)\s*,?\s+)?(?:(?:yesterday|today)\s*,?\s+)?"
               # "Shortly before midnight on Thursday", "At dawn on Friday"
               r"(?:(?:(?:shortly|just|soon)\s+)?(?:before|after|at|around)\s+"
               r"(?:midnight|dawn|dusk|noon|daybreak|sunrise|sunset|nightfall)\s+)?"
               r"(?:(?:early|late|earlier|later)\s+)?(?:(?:on|in)\s+)?"
               # ("In the early hours of Thursday", "On the night of Sunday")
               r"(?:the\s+(?:(?:early|small|wee)\s+hours|(?:early\s+)?(?:morning|afternoon|evening|night))\s+of\s+)?"
               rf"(?:(?:{'|'.join(_WEEKDAYS)})\b"
               rf"|(?:{_OPENING_DAY}\s*(?:to|-|–|and)\s*)?{_OPENING_DAY}\s+{_OPENING_MONTH}(?!\w)"
               rf"|{_OPENING_MONTH}\s+(?:[0-3]?\d|(?:19|20)\d\d)\b|(?:19|20)\d\d\b)")
# What a vague count of days or weeks stands for ("a few days ago"): the span's likely length, where a
# toll takes the floor numbers.toml gives the same words.
_VAGUE_COUNTS = {"a": 1, "an": 1, "a couple of": 2, "a few": 3, "several": 3}
# A day and month without a year this soon after publication is a day to come, not last year's.
_SCHEDULE_DAYS = 60
_TIME_FRAMES = frozenset({"during", "amid", "amidst", "throughout"})  # "during Saturday's vote": its time
_REPORTING = frozenset({"say", "tell", "report", "announce", "confirm", "state", "add", "publish", "claim", "deny"})
# Verbs by which a statement comes out, and the statements: "a statement released on Monday".
_PUT_OUT = frozenset({"release", "issue", "post", "publish", "circulate", "send", "share", "broadcast", "air",
                      "read", "carry", "televise"})
_WORDS_TRADED = frozenset({"accusation", "blame", "charge", "barb", "recrimination", "insult", "threat", "warning"})
# What may stand before a bulleted line's date ("- 17/09", "• 17/09")
_BULLET_MARKS = " \t-–—•*·"
_ITEM_DATE = re.compile(r"[0-3]?\d/[0-3]?\d")
_ITEM_DASH = re.compile(r"\s+[-–—]\s|:\s")  # ("Monday, Sept 28 - ...", "Sept 28: ...")

_STATEMENTS = frozenset({"statement", "communique", "communiqué", "video", "message", "post", "release", "bulletin",
                         "report", "notice", "announcement", "recording"})
# Words before a date up to which something is counted ("recovered by Friday evening").
_AS_OF = frozenset({"by", "until", "till"})


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date stated in the text, with ACLED precision (1 day, 2 week, 3 month) and its evidence."""

    date: dt.date
    time_precision: int
    span: Span
    year_only: bool = False  # "in 2019", "last year": a background hint rather than the event's day
    said: bool = False  # the day something was said ("officials said on Friday"), not the day it happened
    since: bool = False  # the start of a span up to now ("the heaviest attack since Jan. 24"): no event's day


@functools.cache
def _pattern() -> re.Pattern[str]:
    """The date phrases we resolve ourselves, compiled once."""
    month = "|".join(sorted(_MONTHS, key=len, reverse=True))
    weekday = "|".join(_WEEKDAYS)
    count = rf"\d{{1,2}}|{_count_words()}"
    day = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<{}>(?:19|20)\d\d)"
    # ("Sunday, 16 August", "Sunday, Aug. 16": the date the weekday goes with)
    named_day = rf"(?:(?:on\s+)?(?:{weekday}),?\s+)?"
    return re.compile(
        r"(?<![\w-])(?:"
        # ("the night of 14 to 15 March": the day the night began)
        rf"(?P<dmy>{named_day}(?:(?P<d0>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:to|-|–|and)\s*)?"
        rf"{day.format('d1')}(?:\s+of)?\s+(?P<m1>{month})\.?(?:,?\s+{year.format('y1')})?)"
        rf"|(?P<mdy>{named_day}(?P<m2>{month})\.?\s+{day.format('d2')}(?!\d)(?:,?\s+{year.format('y2')})?)"
        rf"|(?P<my>(?P<m3>{month})\.?,?\s+{year.format('y3')})"
        rf"|(?P<iso>{year.format('y4')}-(?P<m4>[01]\d)-(?P<d4>[0-3]\d))"
        # ("18.09.2026" in a police press note, "18/09/2026"; "09/18/2026" where only that reads)
        rf"|(?P<numeric>(?P<n1>[0-3]?\d)(?P<sep>[./])(?P<n2>[0-3]?\d)(?P=sep){year.format('y7')})"
        # ("- 07/05: Fighting broke out ...", "- 17/09, approx. 21:30 - Kalunguta: ...": a dated bullet of
        # a brief, its year the story's; only where it opens its sentence)
        r"|(?P<bullet>(?P<b1>[0-3]?\d)/(?P<b2>[0-3]?\d)(?=\s*[:,]|\s+[-–—]\s))"
        r"|(?P<yesterday>yesterday|the\s+day\s+before)"
        r"|(?P<today>today|this\s+(?:morning|afternoon|evening)|earlier\s+today|tonight)"
        # ("overnight on Sunday", "overnight into Monday" are the day named)
        rf"|(?P<night>last\s+night|overnight(?!\s+(?:(?:on|into|to|from)\s+)?(?:{weekday}|{month}))"
        r"|on\s+the\s+eve|late\s+last\s+night)"
        rf"|(?P<wd>(?:(?P<wdlast>last|past|this|on)\s+)?(?P<wday>{weekday}))"
        rf"|(?P<ago>(?P<agon>{count})\s+(?P<agou>day|days|week|weeks|month|months|year|years)\s+ago)"
        r"|(?P<lastweek>last\s+week|(?:earlier\s+)?this\s+week|the\s+past\s+week)"
        r"|(?P<lastmonth>last\s+month|the\s+past\s+month)"
        r"|(?P<thismonth>(?:earlier\s+|later\s+)?this\s+month)"
        r"|(?P<lastyear>last\s+year|the\s+previous\s+year)"
        # ("in July and August 2024": both months of that year)
        rf"|(?P<inmonth>(?:in|during|since|early|late|mid|mid-|end\s+of)\s+(?P<m5>{month})(?![\w-])(?!\.?,?\s+\d)"
        rf"(?:\s+(?:and|or|to|through)\s+(?:{month})\.?,?\s+{year.format('y6')})?)"
        rf"|(?P<year>{year.format('y5')})"
        r")(?![\w-])",
        re.IGNORECASE,
    )


@functools.cache
def _count_words() -> str:
    """The written counts of days or weeks ("two", "twenty", "a few") as regex alternatives, longest first."""
    words = NumberWords.load()
    counts = sorted({*words.units, *words.tens, *_VAGUE_COUNTS}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in counts)


def _count_of(written: str) -> int | None:
    """How many days or weeks a count `_count_words` matched stands for."""
    if written.isdigit():
        return int(written)
    words = re.sub(r"\s+", " ", written.lower())
    return _VAGUE_COUNTS.get(words) or NumberWords.load().value(words)


@functools.cache
def _relative_opener() -> re.Pattern[str]:
    """An opener counting days or weeks from another event's day ("Two days earlier,", "a week after")."""
    # ("The day after the attack," is one day: "the" counts one, as "a" does)
    return re.compile(rf"(?P<count>\d{{1,2}}|the|{_count_words()})\s+(?P<unit>days?|weeks?)\s+"
                      r"(?P<direction>earlier|later|before|after|afterwards)\b", re.IGNORECASE)
# "The next day,", "The following week,", "The previous day,"
_NEXT_OPENER = re.compile(r"the\s+(?P<direction>next|following|previous)\s+(?P<unit>day|week)\b", re.IGNORECASE)
# "Hours later,", "Later that day,", "That evening,": the day of the story before, again
_SAME_DAY_OPENER = re.compile(r"(?:(?:a\s+few\s+|several\s+|two\s+|three\s+)?(?:hours|minutes)\s+later"
                              r"|later\s+(?:that|the\s+same|in\s+the)\s+(?:day|morning|afternoon|evening|night)"
                              r"|(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night)"
                              r"|shortly\s+(?:afterwards?|after\s+that))\b", re.IGNORECASE)


def names_a_day(word: str) -> bool:
    """Whether a word names a day relative to the story: a weekday, "yesterday", "today" ("Sunday's killing")."""
    return word.lower() in _WEEKDAYS or word.lower() in ("yesterday", "today", "tonight")


def counted_from(text: str, start: int, anchor: dt.date) -> DateMention | None:
    """The day a sentence opening "Two days earlier," tells of, counted from the day of the story before
    it; `start` is the sentence's absolute offset."""
    m = _relative_opener().match(text) or _NEXT_OPENER.match(text)
    if m is None:
        return None
    written = m.groupdict().get("count") or "1"
    count = _count_of(written) or 1
    days = count * (7 if m["unit"].lower().startswith("week") else 1)
    sign = 1 if m["direction"].lower() in ("later", "after", "afterwards", "next", "following") else -1
    precision = 1 if days < 7 else 2
    return DateMention(anchor + dt.timedelta(days=sign * days), precision, Span(start, start + m.end(), m.group(0)))


def same_day_as(text: str, start: int, anchor: dt.date) -> DateMention | None:
    """`anchor`, the day of the story before, for a sentence opening "Hours later," or "That evening,"."""
    m = _SAME_DAY_OPENER.match(text)
    return DateMention(anchor, 1, Span(start, start + m.end(), m.group(0))) if m else None


def counted_to(text: str, start: int, anchor: dt.date) -> DateMention | None:
    """The day of what a clause opening "two days before a gunfight" or "a day after police detained
    him" tells, counted from `anchor`, the day of the event that clause is joined to."""
    m = _relative_opener().match(text)
    if m is None or m["direction"].lower() not in ("before", "after"):
        return None
    mention = counted_from(text, start, anchor)
    assert mention is not None  # the same opener
    flipped = anchor + (anchor - mention.date)  # "X, two days before Y": Y is two days after X
    return replace(mention, date=flipped)


def opening_day_end(text: str) -> int | None:
    """Where the day a sentence's text opens on (DAY_OPENING) ends, or None when it opens otherwise."""
    m = _day_opening().match(text)
    return m.end() if m else None


@functools.cache
def _day_opening() -> re.Pattern[str]:
    return re.compile(DAY_OPENING, re.IGNORECASE)


def may_open_with_a_date(sent: SpacySpan, words: int) -> bool:
    """Whether a date can start within the sentence's first `words` words (a cheap test before find_date,
    whose entity parsing is the costly part): a date phrase or DATE entity starting no later."""
    text = span_text(sent)
    if opening_day_end(text) is not None:
        return True
    parts = text.split(maxsplit=words)
    limit = len(text) - len(parts[words]) if len(parts) > words else len(text)
    if any(ent.label_ == "DATE" and ent.start_char - sent.start_char <= limit for ent in sent.ents):
        return True
    first = _pattern().search(text)
    return first is not None and first.start() <= limit


def dates_a_line(text: str, date: DateMention, offset: int) -> bool:
    """Whether the date is a brief's item date opening its line ("- 18/09, approx. 20:40 - Birere: ...",
    "Monday, Sept 28 - State broadcaster RTB said ..."), `text` being the characters from `offset` on."""
    start, end = date.span.start - offset, date.span.end - offset
    line = text[:max(start, 0)].rsplit("\n", 1)[-1]
    return 0 <= start and not line.strip(_BULLET_MARKS) and date.time_precision == DAY and (
        _ITEM_DATE.fullmatch(date.span.text) is not None or _ITEM_DASH.match(text, end) is not None)


def find_date(sent: SpacySpan, offset: int, *, published: dt.date | None) -> DateMention | None:
    """The date of what the sentence reports, resolved against `published`; None when none is stated."""
    found: list[tuple[tuple[int, int, int, int], DateMention]] = []
    taken: list[tuple[int, int]] = []
    for m in _pattern().finditer(span_text(sent)):
        mention = _resolve(m, published)
        start, end = sent.start_char + m.start(), sent.start_char + m.end()
        if m.group("year") and (not _year_context(sent, start, end) or _names_which(sent, start)):
            continue  # "2000 people" is a count, "in 2000" a year, "the 2016 peace deal" which deal
        taken.append((start, end))
        if m.group("bullet") and span_text(sent)[:m.start()].strip(_BULLET_MARKS):
            continue
        if mention is None or _in_a_name(sent, start, end):
            continue  # (a person named for a day: "police spokesperson Sunday Olaniyan said")
        verb = _verb_of(sent, start)
        if _dates_a_toll(verb):
            continue
        date, precision, year_only = mention
        text = m.group(0)
        if text.endswith(".") and text[:-1].rsplit(None, 1)[-1].lower() in _FULL_MONTHS:
            text, end = text[:-1], end - 1  # the sentence's full stop, not an abbreviation's
        said = _said(sent, start, verb)
        since = _starts_a_span(sent, start, m.group(0))
        owner = _names_another(sent, start, end) or _names_a_weekly_thing(sent, start, end)
        # ("Overnight, drones attacked Chuhuiv shortly before 3 a.m. on Tuesday": the night was Tuesday's;
        # "operations launched on Monday had allowed troops to regain control on Tuesday": the day of what
        # a participle describes is another's)
        owner = owner or bool(m.group("night")) and not m.group(0).lower().startswith("on") \
            or verb is not None and verb.dep_ == "acl" and verb.tag_ == "VBN"
        found.append((_rank(start, precision, year_only, said or since, owner),
                      DateMention(date, precision, Span(offset + start, offset + end, text), year_only, said=said,
                                  since=since)))
    # What the patterns miss ("the 3rd of last month", "mid-2020") may still be a DATE entity.
    for ent in sent.ents:
        if ent.label_ != "DATE" or any(s < ent.end_char and ent.start_char < e for s, e in taken):
            continue
        if _is_duration(ent.text) or _names_a_thing(ent) or ent.text.isdigit():
            # "within 30 days", "for two weeks": how long, not when; "unpaid June wages": which; "Yazan
            # Odeh, 17,": how old
            continue
        verb = _verb_of(sent, ent.start_char)
        if _dates_a_toll(verb):
            continue
        decade = _DECADE.search(ent.text)
        if decade is not None:
            # "in the 1990s": long ago (dateparser would read the publication day)
            found.append((_rank(ent.start_char, MONTH, True, False, False), DateMention(
                dt.date(int(decade.group(1)), 7, 1), MONTH,
                Span(offset + ent.start_char, offset + ent.end_char, ent.text), year_only=True)))
            continue
        parsed = _dateparser(ent.text, published)
        if parsed is not None:
            date, precision = parsed
            said = _said(sent, ent.start_char, verb)
            since = _starts_a_span(sent, ent.start_char, ent.text)
            owner = _names_another(sent, ent.start_char, ent.end_char)
            found.append((_rank(ent.start_char, precision, False, said or since, owner),
                          DateMention(date, precision, Span(offset + ent.start_char, offset + ent.end_char, ent.text),
                                      said=said, since=since)))
    if not found:
        return None
    best = min(found, key=lambda f: f[0])[1]
    if best.said and _SAME_DAY.search(span_text(sent), best.span.end - offset - sent.start_char):
        # "the spokesman said on Tuesday that special forces had, early that morning, raided a hideout"
        return replace(best, said=False)
    return best


_DECADE = re.compile(r"\b((?:1[89]|20)\d0)['’]?s\b")
# A time of day the reported words set on the day they were said: "(early) that morning", "the same day".
_SAME_DAY = re.compile(r"\b(?:that|the\s+same)\s+(?:morning|day|night|evening|afternoon)\b", re.IGNORECASE)
# A bare length of time as a DATE entity: "30 days", "the past two weeks", "several months".
_DURATION = re.compile(
    r"(?:the\s+)?(?:(?:next|past|last|coming|following|first)\s+)?(?P<count>.+?)\s+"
    r"(?:days?|weeks?|months?|years?|hours?|decades?)",
    re.IGNORECASE,
)


def _names_a_thing(ent: SpacySpan) -> bool:
    """Whether a DATE entity is a lone month modifying a noun ("have not paid June wages")."""
    return len(ent) == 1 and ent.root.lower_ in _MONTHS and ent.root.dep_ in ("compound", "nmod", "amod") \
        and ent.root.head.pos_ == "NOUN"


def _names_which(sent: SpacySpan, start: int) -> bool:
    """Whether a year starting at `start` (a doc offset) modifies a noun: "the 2016 peace deal" says which
    deal, not when anything happened."""
    word = next((t for t in sent if t.idx == start), None)
    return word is not None and word.dep_ in ("nummod", "compound", "amod") and word.head.pos_ == "NOUN" \
        and word.head.i > word.i


def _is_duration(text: str) -> bool:
    """Whether a DATE entity is a length of time ("within 30 days") rather than a point in it."""
    m = _DURATION.fullmatch(text.strip())
    # ("a day after the fighting": one day, counted from something else)
    return m is not None and (m.group("count").lower() in ("a", "an") or parse_quantity(m.group("count")) is not None)


_YEAR_CUES = re.compile(r"(?:in|since|of|during|until|by|early|late|mid|before|after|from|to|and|between)\s*-?$", re.IGNORECASE)


def _year_context(sent: SpacySpan, start: int, end: int) -> bool:
    """Whether a bare four-digit number reads as a year: after "in", "since"..., or tagged DATE."""
    # The sentence's own text: Doc.text would join the whole window's tokens.
    before = span_text(sent)[max(0, start - 12 - sent.start_char):start - sent.start_char].rstrip()
    if _YEAR_CUES.search(before):
        return True
    return any(e.label_ == "DATE" and e.start_char <= start and end <= e.end_char for e in sent.ents)


def _rank(start: int, precision: int, year_only: bool, said: bool, owner: bool) -> tuple[int, int, int, int]:
    """Order candidates: the event's date before the report's ("said on Monday", a dateline) and before
    a day that owns another event ("escaped Monday's firefight"), precise first."""
    return (int(said) + 2 * int(year_only), int(owner), precision, start)


def _starts_a_span(sent: SpacySpan, start: int, text: str) -> bool:
    """Whether a date starting at `start` (a doc offset) opens a span of time up to now: "the heaviest
    attack since Jan. 24" dates no event the sentence tells."""
    return text.lower().startswith("since") or _word_before(sent, start) == "since"


def _in_a_name(sent: SpacySpan, start: int, end: int) -> bool:
    """Whether the words from `start` to `end` (doc offsets) are part of a longer person's name."""
    return any(ent.label_ == "PERSON" and ent.start_char <= start and end <= ent.end_char
               and ent.end_char - ent.start_char > end - start for ent in sent.ents)


def _names_another(sent: SpacySpan, start: int, end: int) -> bool:
    """Whether a date from `start` to `end` (doc offsets) is a possessive: "escaped Monday's firefight"
    names the firefight, told of elsewhere, by its day; "during Saturday's election" is the time told."""
    return doc_text(sent.doc)[end:end + 2] in ("'s", "’s") and _word_before(sent, start) not in _TIME_FRAMES


def _names_a_weekly_thing(sent: SpacySpan, start: int, end: int) -> bool:
    """Whether a weekday alone modifies the noun after it: "during Friday prayers", "the Sunday market"
    say which prayers or market, not which Friday (a date the sentence also gives comes first)."""
    words = [t for t in sent if start <= t.idx < end]
    return len(words) == 1 and words[0].lower_ in _WEEKDAYS and words[0].dep_ in ("compound", "nmod", "amod") \
        and words[0].head.pos_ == "NOUN" and words[0].head.i == words[0].i + 1


def _word_before(sent: SpacySpan, start: int) -> str:
    """The word before a doc offset, in lower case ("" at the doc's start)."""
    before = doc_text(sent.doc)[max(0, start - 12):start].split()
    return before[-1].lower() if before else ""


def _said(sent: SpacySpan, start: int, verb: Token | None) -> bool:
    """Whether a date, starting at `start` and modifying `verb`, tells when the story was told:
    "said on Monday", a dateline (not "in the early hours of Sunday, 16 August, survivors told Lusa",
    whatever the parse hangs it on: a part of a day is when something happened)."""
    before = _word_before(sent, start)
    if before == "of":
        return _in_dateline(sent, start)
    if before in _AS_OF:
        # "11 bodies had been recovered by Friday evening": when a count stood, not the event's day ("By Friday
        # morning the fighting had spread into Zawiya" is when it did)
        return verb is None or _gives_a_toll(verb) or _counts_its_subject(verb)
    if verb is not None and _before_its_speaker(sent, start, verb) and not _right_after_reporting(sent, start):
        # "were killed ... on Tuesday 13 October, the Ministry of Defence announced": the date is in what
        # was announced, before who announced it (not "On Monday, the army said it had ...")
        return _in_dateline(sent, start)
    return verb is not None and (verb.lemma_.lower() in _REPORTING or _gives_a_toll(verb) or _puts_out(verb)
                                 or _trades_words(verb)) \
        or _in_dateline(sent, start) or _right_after_reporting(sent, start)


def _trades_words(verb: Token) -> bool:
    """Whether a verb tells words exchanged: "Bishkek and Dushanbe traded accusations on Thursday"."""
    return verb.lemma_.lower() in ("trade", "exchange") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _WORDS_TRADED for c in verb.children)


def _puts_out(verb: Token) -> bool:
    """Whether a verb tells when a statement came out: "In a statement released on Monday morning"."""
    return verb.lemma_.lower() in _PUT_OUT and verb.dep_ == "acl" and verb.head.lemma_.lower() in _STATEMENTS


def _counts_its_subject(verb: Token) -> bool:
    """Whether the verb's passive subject is a number of people or things ("11 bodies had been recovered";
    not "several hundred pupils had gathered")."""
    return any(c.dep_ == "nsubjpass" and (c.like_num or any(n.dep_ == "nummod" for n in c.children))
               for c in verb.children)


def _gives_a_toll(verb: Token) -> bool:
    """Whether a verb gives a toll: "up from a toll of 12 given by an officer on Monday", "put the toll
    at 12 on Monday" tell when a count was told, not when anyone died."""
    terms = CasualtyTerms.load()
    near = (*verb.children, *list(verb.ancestors)[:3])  # "a toll of 12 given": toll <- of <- 12 <- given
    return verb.lemma_.lower() in terms.toll_giving and any(t.lemma_.lower() in terms.toll_nouns for t in near)


def _before_its_speaker(sent: SpacySpan, start: int, verb: Token) -> bool:
    """Whether a date the parse hangs on a verb comes before that verb's subject, after what was told
    ("were killed ... on Tuesday 13 October, the Ministry announced"), or opens what was told ("On
    Sunday evening, men on a motorcycle hurled a grenade at a police van, police said")."""
    if start >= verb.idx or not any(c.dep_ == "nsubj" and start < c.idx < verb.idx for c in verb.children):
        return False
    return any(t.pos_ == "VERB" and t.idx < start for t in sent) or _trailing_attribution(sent, verb)


def _trailing_attribution(sent: SpacySpan, verb: Token) -> bool:
    """Whether the reporting verb closes the sentence after a comma and its subject (", police said.")."""
    if any(not t.is_punct for t in sent if t.i > verb.i):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.right_edge.i + 1 == verb.i), None)
    return subject is not None and subject.left_edge.i > sent.start and sent.doc[subject.left_edge.i - 1].text == ","


def _right_after_reporting(sent: SpacySpan, start: int) -> bool:
    """Whether the date comes right after a reporting verb, whatever the parse hangs it on: "the group
    said on Monday it had documented the rape of five women" (the parse gives "documented")."""
    before = [t for t in sent if t.idx < start][-2:]
    if before and before[-1].lower_ == "on":
        before = before[:-1]
    return bool(before) and before[-1].lemma_.lower() in _REPORTING and before[-1].pos_ == "VERB"


def _in_dateline(sent: SpacySpan, start: int) -> bool:
    """Whether a date sits in the dateline that opens the sentence: when the story was filed, not when it happened."""
    end = dateline_end(span_text(sent))
    return end is not None and start - sent.start_char < end


def _dates_a_toll(verb: Token | None) -> bool:
    """Whether a date modifying `verb` tells when a toll was updated ("the death toll rose to 21 on
    Sunday"): the attack came before, on a day the statement does not give."""
    terms = CasualtyTerms.load()
    return verb is not None and (any(
        c.dep_ == "nsubj" and (c.lemma_.lower() in terms.toll_nouns or _counts_dead(c, terms)) for c in verb.children)
        or _dies_of_wounds(verb, terms))


def _dies_of_wounds(verb: Token, terms: CasualtyTerms) -> bool:
    """Whether the verb tells that someone hurt in the attack died later ("several of the wounded died
    overnight", "died of his wounds on Tuesday", "died at the hospital in Bannu on Wednesday"): the day
    of the death, not of the attack."""
    if terms.intransitive.get(verb.lemma_.lower()) != "killed":
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    hurt = subject is not None and any(terms.complements.get(t.lower_) == "injured" for t in subject.subtree)
    return hurt or any(c.dep_ == "prep" and c.lower_ in ("of", "from", "to") and any(
        terms.nouns.get(g.lemma_.lower()) == "injured" for g in c.children) for c in verb.children) or \
        care_place(verb, terms) is not None


def _counts_dead(subject: Token, terms: CasualtyTerms) -> bool:
    """Whether a subject counts the dead: "the number of people killed rose to 11 on Tuesday"."""
    return subject.lemma_.lower() == "number" and any(
        t.lemma_.lower() in terms.verbs and terms.verbs[t.lemma_.lower()] == "killed"
        or t.lower_ in terms.complements and terms.complements[t.lower_] == "killed" for t in subject.subtree)


def _verb_of(sent: SpacySpan, start: int) -> Token | None:
    """The verb a date phrase starting at `start` modifies, within four steps up the parse."""
    tok: Token | None = next((t for t in sent if t.idx <= start < t.idx + len(t) + 1), None)
    for _ in range(4):
        if tok is None or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ == "VERB":
            return tok
    return None


def _resolve(m: re.Match[str], published: dt.date | None) -> tuple[dt.date, int, bool] | None:
    """One matched phrase as (date, precision, year_only), or None when it cannot be placed."""
    g = m.groupdict()
    if g["iso"]:
        return _safe(int(g["y4"]), int(g["m4"]), int(g["d4"]), DAY)
    if g["numeric"]:
        # Day first, as most of the world writes it; month first only where the first number cannot be
        # a month (and never with full stops, which no month-first writer uses)
        first, second = int(g["n1"]), int(g["n2"])
        if g["sep"] == "/" and second > 12 >= first:
            first, second = second, first
        return _safe(int(g["y7"]), second, first, DAY)
    if g["bullet"]:
        if published is None:
            return None
        # day first or month first, whichever reading is the nearest day not after publication
        first, second = int(g["b1"]), int(g["b2"])
        readings = [r for r in (_safe(published.year, second, first, DAY), _safe(published.year, first, second, DAY))
                    if r is not None and r[0] <= published]
        return max(readings, key=lambda r: r[0]) if readings else None
    if g["dmy"] or g["mdy"]:
        month = _MONTHS[(g["m1"] or g["m2"]).lower()]
        day = int(g["d1"] or g["d2"])
        precision = DAY
        if g["d0"] and 0 < day - int(g["d0"]) <= 7:
            # a span of days is told from its first ("14 to 15 March"), a week's span by its week
            precision = DAY if day - int(g["d0"]) == 1 else WEEK
            day = int(g["d0"])
        year = g["y1"] or g["y2"]
        if year:
            return _safe(int(year), month, day, precision)
        if published is None:
            return None
        guess = _safe(published.year, month, day, precision)
        if guess is not None and guess[0] > published:
            if (guess[0] - published).days <= _SCHEDULE_DAYS:
                return None  # "a ceasefire starting Aug. 4" read on July 30: a day to come, no event's
            return _safe(published.year - 1, month, day, DAY)  # "Dec 30" read in January
        return guess
    if g["my"]:
        return _mid_month(int(g["y3"]), _MONTHS[g["m3"].lower()], None)
    if g["year"]:
        return dt.date(int(g["y5"]), 7, 1), MONTH, True
    if published is None:
        return None  # every other phrase is relative to a publication date we don't have
    if g["yesterday"] or g["night"]:
        return published - dt.timedelta(days=1), DAY, False
    if g["today"]:
        return published, DAY, False
    if g["wd"]:
        back = (published.weekday() - _WEEKDAYS[g["wday"].lower()]) % 7
        if back == 0 and (g["wdlast"] or "").lower() in ("last", "past"):
            back = 7
        return published - dt.timedelta(days=back), DAY, False
    if g["ago"]:
        n = _count_of(g["agon"])
        unit = g["agou"].lower().rstrip("s")
        if n is None:
            return None
        if unit == "day":
            return published - dt.timedelta(days=n), DAY, False
        if unit == "week":
            return _mid_week(published - dt.timedelta(weeks=n), published)
        if unit == "month":
            year, month = divmod(published.year * 12 + published.month - 1 - n, 12)
            return _mid_month(year, month + 1, published)
        return dt.date(published.year - n, 7, 1), MONTH, True
    if g["lastweek"]:
        last = g["lastweek"].lower()
        return _mid_week(published if "this" in last else published - dt.timedelta(weeks=1), published)
    if g["lastmonth"]:
        year, month = divmod(published.year * 12 + published.month - 2, 12)
        return _mid_month(year, month + 1, published)
    if g["thismonth"]:
        return _mid_month(published.year, published.month, published)
    if g["lastyear"]:
        return dt.date(published.year - 1, 7, 1), MONTH, True
    if g["inmonth"]:
        month = _MONTHS[g["m5"].lower()]
        if g["y6"]:
            return _mid_month(int(g["y6"]), month, published)
        year = published.year if month <= published.month else published.year - 1
        return _mid_month(year, month, published)
    return None


def _safe(year: int, month: int, day: int, precision: int) -> tuple[dt.date, int, bool] | None:
    try:
        return dt.date(year, month, day), precision, False
    except ValueError:
        return None  # "31 February": not a date


def _mid_week(day: dt.date, published: dt.date) -> tuple[dt.date, int, bool]:
    """ACLED's week precision: the Wednesday of the week, never after publication."""
    mid = day - dt.timedelta(days=day.weekday()) + dt.timedelta(days=2)
    return min(mid, published), WEEK, False


def _mid_month(year: int, month: int, published: dt.date | None) -> tuple[dt.date, int, bool]:
    """ACLED's month precision: the 15th, never after publication."""
    mid = dt.date(year, month, 15)
    return (min(mid, published) if published else mid), MONTH, False


@functools.cache
def _parser():  # type: ignore[no-untyped-def]
    """One English-only dateparser, built on first use (its language data loads once)."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False})


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str, published: dt.date | None) -> tuple[dt.date, int] | None:
    """A DATE entity the patterns missed, read by dateparser against the publication date."""
    if published is None and not re.search(r"\b(?:19|20)\d\d\b", text):
        return None  # relative, with nothing to resolve it against
    base = dt.datetime.combine(published or dt.date.today(), dt.time(12))
    try:
        data = _parser().get_date_data(text, date_formats=None) if published is None else \
            _dated_parser(base).get_date_data(text)
    except (ValueError, OverflowError, TypeError):
        return None
    if data is None or data.date_obj is None:
        return None
    precision = {"day": DAY, "time": DAY, "week": WEEK, "month": MONTH}.get(data.period or "day")
    if precision is None:
        return None  # a year alone is handled by the patterns; other periods are too vague
    date = data.date_obj.date()
    if published is not None and date > published:
        return None  # a future date is a forecast, not an event date
    return date, precision


@functools.lru_cache(maxsize=64)
def _dated_parser(base: dt.datetime):  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "PREFER_DATES_FROM": "past", "RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False})
