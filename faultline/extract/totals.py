"""Conservative totals over one incident's figures: no double counting, the lowest reliable count."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Sequence

from faultline.actors import load_demonyms
from faultline.extract.casualty_terms import SIDES, CasualtyTerms, normalise_word
from faultline.extract.numbers import NumberWords
from faultline.model import Attribution, Figure

_ORDINALS = "(?:second|third|fourth|fifth|sixth|further)"
_FIGHTING_SIDES = frozenset({"state", "perpetrators"})
# A count taken out of a group met before: "two of the injured", "one of them", "1 of whom".
_PART_OF = re.compile(r"\bof\s+(?:the|them|these|those|whom)\b", re.IGNORECASE)
# A count of the dead on every side of a fight, said inside it or right after it.
_BOTH_SIDES = re.compile(r"\b(?:on|from|of)\s+(?:both|either|all|each)\s+sides?\b", re.IGNORECASE)
_BOTH_SIDES_REACH = 40  # characters after the figure's words


def fatality_total(figures: Sequence[Figure]) -> tuple[int, int | None, int | None]:
    """Deaths in one incident: (best, low, high) without double counting; (0, None, None) if none."""
    total = _total(figures, "killed")
    return total if total is not None else (0, None, None)


def kind_total(figures: Sequence[Figure], kind: str) -> int | None:
    """The conservative total of one figure kind (injured, captured, ...), or None if none reported."""
    total = _total(figures, kind)
    return total[0] if total is not None else None


def unnumbered_count(*, major: bool) -> int:
    """ACLED's count for deaths reported without a number: 10 for a major attack, 3 for a limited one."""
    words = NumberWords.load()
    return words.unnumbered_major if major else words.unnumbered_limited


@functools.cache
def _peoples() -> frozenset[str]:
    return frozenset(load_demonyms())


def _a_people(who: str | None) -> bool:
    """Whether victims are named only by their people ("two Palestinians"): such a count says no
    more about their side than "two people", so it restates "two Palestinian gunmen"."""
    return who is not None and who.lower() in _peoples()


def _total(figures: Sequence[Figure], kind: str) -> tuple[int, int | None, int | None] | None:
    """Combine one kind's figures: restatements once, distinct groups summed, disagreement at the low."""
    terms = CasualtyTerms.load()
    of_kind = numbered_first([f for f in figures if f.kind == kind])
    rivals = [f for f in of_kind if _gives_a_rival_account(f, terms)]
    if rivals and len(rivals) < len(of_kind):
        told = [f for f in figures if f not in rivals]
        told_sources = {_source_key(f.attribution) for f in told if f.kind == kind}
        if not {_source_key(f.attribution) for f in rivals} & told_sources:
            # Another source's account of the same dead: each counted on its own, the lower kept.
            first, other = _total(told, kind), _total([*rivals, *(f for f in told if f.kind != kind)], kind)
            if first is not None and other is not None:
                return min(first[0], other[0]), _lower(first[1], other[1]), _higher(first[2], other[2])
    # "N more" completing a total told first adds no one, and a first report a higher count replaced
    # counts no one either (though it still completes: 7, then "four more bodies", are the 11)
    own = [f for f in of_kind if not _replaced(f, figures, terms) and not _explains_a_toll(f, of_kind, terms)
           and not (terms.is_additive(f.who) and _adds_later(f, figures, terms) and _completes_a_breakdown(f, of_kind))]
    own = [f for f in own if not _vague_floor_counted(f, own, terms)]
    later = [f for f in own if _adds_later(f, figures, terms)]
    groups: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    both_sides = False
    for fig in own:
        if fig in later:
            continue
        side = side_class(fig, terms)
        who = terms.group_who(fig.who)  # "four other officers" restate or add like "officers"
        if _counts_both_sides(fig):
            groups[("generic", "")].append(fig)
            both_sides = True
        elif (terms.is_generic(who) or _a_people(who)) and side == "other":
            groups[("generic", "")].append(fig)
        elif _introduces_one(fig):
            # "15 civilians were killed ... another attacker stabbed to death a civilian": one more
            groups[(side, f"{normalise_word(who or '')}@{fig.span.start}")].append(fig)
        else:
            groups[(side, normalise_word(who or ""))].append(fig)
    if not groups and not later:
        return None
    generic_figs = groups.pop(("generic", ""), [])
    generic = _group_value(generic_figs) if generic_figs else None
    # side -> its groups' (value, sentences, sources)
    by_side: dict[str, list[tuple[tuple[int, int, int], set[int], set[tuple[str, str]]]]] = defaultdict(list)
    # In text order, so that a restatement is always the later mention.
    for (side, _who), figs in sorted(groups.items(), key=lambda kv: (min(f.span.start for f in kv[1]), kv[0])):
        value, sentences = _group_value(figs), {f.sentence.start for f in figs}
        sources = {_source_key(f.attribution) for f in figs}
        # The same side and count under another noun in another sentence ("5 soldiers were killed"
        # ... "the 5 troops") restates; in one sentence ("2 policemen and 2 soldiers") it adds. So does
        # a noun of no known side ("three members of the SDF") with the count another sentence gave a
        # side ("3 Kurdish fighters"), before it or after it ("kills Hezbollah member" ... "one man").
        # A lone "a man" is someone new, though: an indefinite noun introduces, it does not refer back.
        restated = by_side[side] + (by_side["other"] if side != "other" else
                                    [v for vals in by_side.values() for v in vals])
        if not all(_introduces_one(f) for f in figs) \
                and any(v[0] == value[0] and not (s & sentences) for v, s, _ in restated):
            continue
        # A fighting side's dead counted by another source in another sentence under another noun ("four
        # members of the security forces", the ministry said; "six security personnel", the Observatory
        # said) is the same dead counted otherwise: the lower count, the higher as the high.
        rival = next((i for i, (_, told, said_by) in enumerate(by_side[side]) if side in _FIGHTING_SIDES
                      and not (told & sentences) and not (said_by & sources)), None)
        if rival is not None:
            (best, low, high), told, said_by = by_side[side][rival]
            by_side[side][rival] = ((min(best, value[0]), min(low, value[1]), max(high, value[2])),
                                    told | sentences, said_by | sources)
            continue
        by_side[side].append((value, sentences, sources))
    perp = _sum([v for v, _, _ in by_side.pop("perpetrators", [])])
    extra = _sum([_group_value([f]) for f in later])
    if both_sides and generic is not None:
        # "around 30 fighters had been killed on both sides": the fighting sides' dead are that total
        fighting = _sum([perp, *(v for v, _, _ in by_side.pop("state", []))])
        rest = _sum([v for vals in by_side.values() for v, _, _ in vals])
        total = (max(a, b) + c + d for a, b, c, d in zip(generic, fighting, rest, extra))
        return tuple(total)  # type: ignore[return-value]
    others = _sum([v for vals in by_side.values() for v, _, _ in vals])
    # A total equal to the sum of the sides ("17 dead" ... 15 attackers and 2 officers) covers all.
    if generic is not None and perp[0] and generic[0] == perp[0] + others[0]:
        return tuple(a + b for a, b in zip(generic, extra))  # type: ignore[return-value]
    # Attackers are rarely among "people killed"; the victims' total covers the other sides, unless another
    # source gave it: "Three civilians were killed, a health official said. Saba put the death toll at four"
    # is one count against another, the lower and its range.
    if generic is not None and others[0] and _rival_toll(generic_figs, [f for vals in groups.values() for f in vals],
                                                         terms):
        victims = (min(generic[0], others[0]), min(generic[1], others[1]), max(generic[2], others[2]))
    else:
        victims = tuple(max(a, b) for a, b in zip(generic or (0, 0, 0), others))
    best, low, high = (a + b + c for a, b, c in zip(victims, perp, extra))
    if kind == "injured":
        # The injured who then died are counted with the dead, not twice.
        died = _died_of_injuries(figures, terms)
        best, low, high = (max(v - died, 0) for v in (best, low, high))
    return best, low, high


def _gives_a_rival_account(fig: Figure, terms: CasualtyTerms) -> bool:
    """Whether a count's own sentence sets it against another source's ("gave a different picture: ...")."""
    sentence = fig.sentence.text.lower()
    return fig.attribution is not None and any(words in sentence for words in terms.rival_accounts)


def _lower(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else min(a, b)


def _higher(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def _rival_toll(tolls: Sequence[Figure], counted: Sequence[Figure], terms: CasualtyTerms) -> bool:
    """Whether a toll of no one in particular is another source's count of the people `counted` by sources
    of their own (not one that rose, nor the author's)."""
    said_by = {_source_key(f.attribution) for f in tolls}
    sources = {_source_key(f.attribution) for f in counted}
    return bool(counted) and ("author", "") not in said_by | sources and not said_by & sources and \
        not any(terms.toll_rises & _words(_toll_words(f, terms)) for f in tolls)


def _counts_both_sides(fig: Figure) -> bool:
    """Whether a count covers every side of the fighting: "30 fighters had been killed on both sides"."""
    end = fig.span.end - fig.sentence.start + _BOTH_SIDES_REACH
    return _BOTH_SIDES.search(fig.span.text + fig.sentence.text[fig.span.end - fig.sentence.start:end]) is not None


def _vague_floor_counted(fig: Figure, figures: Sequence[Figure], terms: CasualtyTerms) -> bool:
    """Whether a vague count ("dozens of militants") is given as a number elsewhere: another sentence
    counting the same side at or above its floor ("around 30 fighters") tells how many it was."""
    numbers = NumberWords.load()
    if not _vaguely_counted(fig, numbers):
        return False
    side = side_class(fig, terms)
    return any(f.count >= fig.count and f.sentence.start != fig.sentence.start and not _vaguely_counted(f, numbers)
               and side_class(f, terms) == side for f in figures)


def _vaguely_counted(fig: Figure, numbers: NumberWords) -> bool:
    quantities = numbers.find(fig.span.text)
    return bool(quantities) and quantities[0].vague


def _of_others_hurt(fig: Figure, terms: CasualtyTerms) -> bool:
    """Whether a count is taken out of people counted hurt: "one of the two wounded guards had died"."""
    part = _PART_OF.search(fig.span.text)
    if part is None:
        return False
    words = fig.span.text[part.end():].lower().split()[:3]
    return any(terms.complements.get(w.strip(",")) not in (None, fig.kind) for w in words)


def _died_of_injuries(figures: Sequence[Figure], terms: CasualtyTerms) -> int:
    """How many of the injured are later reported dead: "two of the wounded died", "one of them died".

    The part must come out of the injured: named so ("of the injured"), or a group of victims or
    "them" when every casualty figure before it counts injured people ("Two men were stabbed.
    One of the victims died.").
    """
    died = 0
    for fig in figures:
        if fig.kind != "killed" or not _PART_OF.search(fig.span.text):
            continue
        if _explains_a_toll(fig, figures, terms) and any(
                f.kind == "injured" and f.sentence.start == fig.sentence.start for f in figures):
            continue  # "the toll rose to 8 dead and 19 wounded after two of the injured died": 19 left
        earlier = [f for f in figures if f.span.start < fig.span.start and f.kind in ("killed", "injured")]
        if not any(f.kind == "injured" for f in earlier):
            continue
        who = (fig.who or "").lower()
        named = terms.complements.get(who) == "injured" or terms.nouns.get(who) == "injured"
        if named or (terms.is_generic(fig.who) and all(f.kind == "injured" for f in earlier)):
            died += fig.count
    return died


def numbered_first(figures: Sequence[Figure]) -> list[Figure]:
    """The figures that state a number, or all of them when none does.

    A stated count, however vague, beats the codebook's default for deaths reported without any
    number: a headline's "air strikes kill civilians" (3) never adds to "six civilians".
    """
    return [f for f in figures if states_a_number(f)] or list(figures)


def states_a_number(fig: Figure) -> bool:
    """Whether a figure states a number (even "dozens"), unlike the default for bare "civilians were killed"."""
    numbers = NumberWords.load()
    if not fig.approximate or fig.who is None or fig.count != numbers.unnumbered_limited:
        return True
    # The words just before the people noun say whether it was counted: "several civilians" is,
    # "kill civilians" and "55 soldiers and pro-government tribal fighters" are not.
    at = fig.span.text.rfind(fig.who)
    before = fig.span.text[:at].split()[-3:] if at >= 0 else fig.span.text.split()
    return bool(numbers.find(" ".join(before)))


def _replaced(fig: Figure, figures: Sequence[Figure], terms: CasualtyTerms) -> bool:
    """Whether a count is a first report that a higher count of its kind replaced: "officials had
    initially reported seven dead" beside "the toll climbed to 11"; or that a count its own sentence
    gives after it replaced: "an initial statement said three militants had died, but officials later
    said only two bodies had been recovered"."""
    words = " ".join(re.findall(r"[a-z]+", fig.sentence.text.lower()))
    return _first_report(terms.first_reports).search(words) is not None and any(
        f.kind == fig.kind and (f.count > fig.count and f.sentence.start != fig.sentence.start
                                or f.sentence.start == fig.sentence.start and _corrects(fig, f, terms))
        for f in figures)


@functools.cache
def _first_report(phrases: frozenset[str]) -> re.Pattern[str]:
    """The words that make a count a first report ("initial toll", "at first"), as one pattern."""
    return re.compile(rf"\b(?:{'|'.join(sorted(map(re.escape, phrases), key=len, reverse=True))})\b")


def _corrects(first: Figure, later: Figure, terms: CasualtyTerms) -> bool:
    """Whether a count comes after another in its sentence past a word of correction ("but", "later")."""
    between = first.sentence.text[first.span.end - first.sentence.start:later.span.start - first.sentence.start]
    return later.span.start > first.span.end and bool(_words(between) & terms.corrections)


def _words(text: str) -> set[str]:
    """The lowercase words of a text."""
    return set(re.findall(r"[a-z]+", text.lower()))


def _explains_a_toll(fig: Figure, figures: Sequence[Figure], terms: CasualtyTerms) -> bool:
    """Whether a count of the wounded who died explains the toll its sentence gives: "the toll rose to
    47 as several of the wounded died" counts 47."""
    who = (fig.who or "").lower()
    hurt = (terms.complements.get(who) or terms.nouns.get(who)) not in (None, fig.kind)
    return hurt and any(f is not fig and f.sentence.start == fig.sentence.start and terms.names_a_toll(f.span.text)
                        for f in figures)


def _adds_later(fig: Figure, figures: Sequence[Figure], terms: CasualtyTerms) -> bool:
    """Whether a figure adds new people to the incident's earlier count of its kind.

    "One of the injured died" always does. "Four more people were killed" and "3 others died
    later" do when they stand alone in their sentence and some earlier figure counts the same kind;
    "killed 5 and wounded 20 others" counts the others against the killed, so not.
    """
    who = (fig.who or "").lower()
    other_kind = terms.complements.get(who) or terms.nouns.get(who)
    if other_kind is not None and other_kind != fig.kind:
        return True
    if _of_others_hurt(fig, terms):
        return True  # "one of the two wounded guards had died"
    if not terms.is_additive(fig.who):
        return False
    if any(f is not fig and f.sentence.start == fig.sentence.start for f in figures):
        return False
    # "12 hostages were executed, and 42 more people kidnapped. Four more were killed": the count
    # the word adds to may sit several figures back, past figures of other kinds.
    return any(f.kind == fig.kind and f.span.start < fig.span.start for f in figures)


def _completes_a_breakdown(fig: Figure, figures: Sequence[Figure]) -> bool:
    """Whether "N more" is the rest of a total stated before its first part: "killed at least 17 in two
    villages ... killing 12 people in Mamove ... where they killed five more" (12 + 5 = 17)."""
    before = [f for f in figures if f.span.start < fig.span.start]
    return any(part.count + fig.count == total.count for total in before for part in before
               if total.span.start < part.span.start)


def _introduces_one(fig: Figure) -> bool:
    """ "killed a man", "a soldier who stopped her": one person named with "a", so not one met before."""
    if fig.count != 1 or not fig.who:
        return False
    pattern = rf"\b(?:a|an)\s+(?:[\w-]+\s+){{0,2}}{re.escape(fig.who)}\b"
    if re.search(pattern, fig.span.text, re.IGNORECASE):
        return True
    # (an ordinal before the figure's words makes one more: "A second woman, who was jogging, also received
    # stab wounds")
    before = _before_it(fig)[-30:]
    ordinal = rf"\b(?:a|an)\s+{_ORDINALS}\s+(?:[\w-]+\s+)?{re.escape(fig.who)}\b"
    return re.search(ordinal, before + fig.span.text, re.IGNORECASE) is not None


def side_class(fig: Figure, terms: CasualtyTerms | None = None) -> str:
    """The coarse side (perpetrators, state, civilians, other), read back from `who` once tied to actors."""
    terms = terms or CasualtyTerms.load()
    if fig.side in SIDES:
        return fig.side
    who = (fig.who or "").lower()
    return terms.sides.get(who) or terms.sides.get(normalise_word(who)) or fig.side or "other"


def _group_value(figs: Sequence[Figure]) -> tuple[int, int, int]:
    """(best, low, high) for one group: the latest (largest) per source, the lowest across sources."""
    # (a vague word is a floor, not a count: "dozens" yields to "37"; "about 30" is a count, "at least 40" too)
    numbers = NumberWords.load()
    firm = [f for f in figs if not _vaguely_counted(f, numbers)] or list(figs)
    per_source: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    keys = {_source_key(f.attribution) for f in firm}
    for fig in firm:
        per_source[_same_source(_source_key(fig.attribution), keys)].append(fig)
    # A source updating its toll ("rose to 12") means the larger figure; sources disagreeing, the lower,
    # though none below a toll said to have risen to it, whoever says so.
    terms = CasualtyTerms.load()
    risen = max((f.count for f in firm if terms.toll_rises & _words(_toll_words(f, terms))), default=0)
    best = min(max(risen, *(f.count for f in fs)) for fs in per_source.values())
    low = min(f.low if f.low is not None else f.count for f in firm)
    high = max(f.high if f.high is not None else f.count for f in figs)
    return best, min(low, best), max(high, best)


def _toll_words(fig: Figure, terms: CasualtyTerms) -> str:
    """A figure's words, a toll's with the three before them in its sentence: "bringing the death toll to
    nine"."""
    if not terms.names_a_toll(fig.span.text):
        return fig.span.text
    return " ".join((*_before_it(fig).split()[-3:], fig.span.text))


def _before_it(fig: Figure) -> str:
    """Its sentence's text before the figure's words."""
    return fig.sentence.text[:max(0, fig.span.start - fig.sentence.start)]


def _same_source(key: tuple[str, str], keys: set[tuple[str, str]]) -> tuple[str, str]:
    """One key for one source named more or less fully: "Iraqi police sources", then "police sources"."""
    words = set(key[1].split())
    for kind, source in sorted(keys, key=lambda k: (len(k[1]), k)):
        if kind == key[0] and source and set(source.split()) <= words:
            return kind, source
    return key


def _source_key(attribution: Attribution | None) -> tuple[str, str]:
    if attribution is None:
        return ("author", "")
    return (attribution.kind, attribution.source.lower())


def _sum(values: Sequence[tuple[int, int, int]]) -> tuple[int, int, int]:
    return (sum(v[0] for v in values), sum(v[1] for v in values), sum(v[2] for v in values))
