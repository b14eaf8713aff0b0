"""Casualty and participant figures in a sentence (totals over an incident are in totals.py)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from faultline.data import read_toml
from faultline.errors import DataFileError
from faultline.extract.numbers import NumberWords, Quantity
from faultline.model import Attribution, Figure, Span

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "casualty_terms.toml"

SIDES = ("perpetrators", "state", "civilians")
_SUBJECTS = ("nsubj", "nsubjpass")
_COMPLEMENT_DEPS = ("acomp", "oprd", "xcomp", "advmod", "attr", "ccomp", "npadvmod", "conj", "advcl")
_INHERIT_DEPS = ("conj", "xcomp", "oprd", "ccomp", "advcl")
# Children that lead out of a noun phrase's count: "killed 7, including 2 children" is a subset.
_OUTSIDE = ("prep", "acl", "relcl", "appos", "conj", "cc", "punct", "advcl", "prt")
_SUBSET_WORDS = frozenset({"including", "among", "excluding", "include", "includes", "besides"})
_DEFINITE = frozenset({"the", "these", "those", "this", "that", "both", "all", "each"})
_PART_OF = re.compile(r"\s+of\s+(?:the\s+|these\s+|those\s+)?", re.IGNORECASE)
# What may sit between a surface casualty word and its count: nothing, or "of" after a noun.
_SURFACE_GAP = re.compile(r"\s+")
_SURFACE_OF = re.compile(r"\s+(?:of\s+)?(?:the\s+)?")
_SURFACE_LIVES = re.compile(r"\s+(?P<of>the\s+lives\s+of\s+)?")
_COLLECTIVE = frozenset({"police", "army", "military", "security", "personnel", "force", "staff",
                         "family", "crowd", "people"})


class CasualtyTerms:
    """Casualty words, victim nouns and side hints from faultline/data/casualty_terms.toml."""

    def __init__(self, data: dict) -> None:
        try:
            self.verbs: dict[str, str] = {}
            self.intransitive: dict[str, str] = {}
            self.complements: dict[str, str] = {}
            self.nouns: dict[str, str] = {}
            for kind, lists in data["kinds"].items():
                for name, table in (("verbs", self.verbs), ("intransitive", self.intransitive),
                                    ("complements", self.complements), ("nouns", self.nouns)):
                    table.update(dict.fromkeys(lists[name], kind))
            self.life_nouns = frozenset(data["lives"]["nouns"])
            self.life_verbs = frozenset(data["lives"]["verbs"])
            self.toll_nouns = frozenset(data["toll"]["nouns"])
            self.toll_mods = {w: "killed" for w in data["toll"]["killed"] if w}
            self.toll_mods.update(dict.fromkeys(data["toll"]["injured"], "injured"))
            self.needs_person = frozenset(data["captured_needs_person"]["verbs"])
            self.attempt_words = frozenset(data["attempts"]["words"])
            self.allegations = frozenset(data["allegations"]["words"])
            self.weak_injury = frozenset(data["weak_injury"]["verbs"])
            self.suffer_verbs = frozenset(data["weak_injury"]["suffer_verbs"])
            self.count_preps = frozenset(data["weak_injury"]["count_preps"])
            self.participant_verbs = frozenset(data["participants"]["verbs"])
            self.crowd_verbs = frozenset(data["participants"]["crowd_verbs"])
            self.crowd_nouns = frozenset(data["participants"]["nouns"])
            sides = data["sides"]
            self.sides = {w: side for side in SIDES for w in sides[side]}
            self.generic = frozenset(sides["generic"])
            self.additive = frozenset(sides["additive"])
            self.more = frozenset(sides["more"])
            self.persons = frozenset(sides["persons"])
        except (KeyError, TypeError, AttributeError) as exc:
            raise DataFileError(f"casualty terms lack or mistype {exc}", subject=str(DATA_PATH)) from exc

    def cue_words(self) -> frozenset[str]:
        """Every written form of the words that report deaths, injuries or missing people."""
        lemmas = {w for table in (self.verbs, self.intransitive, self.complements, self.nouns)
                  for w, kind in table.items() if kind in ("killed", "injured", "missing")}
        lemmas |= self.toll_nouns | self.life_nouns | {"lives"}
        return frozenset(form for lemma in lemmas for form in _inflections(lemma))

    @classmethod
    def load(cls, path: Path | None = None) -> CasualtyTerms:
        """Read the casualty terms from `path` (default: the packaged casualty_terms.toml)."""
        return _load_cached(path or DATA_PATH)

    def side_of(self, noun: Token | None) -> str | None:
        """The coarse side a victim noun hints at: perpetrators, state, civilians, or None."""
        if noun is None:
            return None
        # Modifiers decide first: "rebel forces" are not state forces, "security guards" are.
        for child in noun.children:
            if child.dep_ in ("compound", "amod", "nmod", "poss") and child.i < noun.i:
                side = self.sides.get(child.lemma_.lower()) or self.sides.get(child.lower_)
                if side:
                    return side
        return self.sides.get(noun.lemma_.lower()) or self.sides.get(noun.lower_)

    def is_generic(self, who: str | None) -> bool:
        """Whether a `who` word counts people without a side ("people", "victims", None)."""
        return who is None or normalise_word(who) in self.generic or who.lower() in self.generic

    def is_additive(self, who: str | None) -> bool:
        """Whether a `who` word adds to other figures ("3 others", "4 more people") instead of restating them."""
        words = (who or "").lower().split()
        return bool(words) and (words[0] in self.additive or words[0] in self.more)

    def group_who(self, who: str | None) -> str | None:
        """The people a `who` names, without the word that makes them new: "more people" -> "people"."""
        words = (who or "").split()
        if words and words[0].lower() in self.more and (len(words) > 1 or words[0].lower() not in self.additive):
            return " ".join(words[1:]) or None
        return who

    def is_person(self, tok: Token) -> bool:
        """Whether a noun names people (so a singular one counts as 1)."""
        low, lemma = tok.lower_, tok.lemma_.lower()
        return (lemma in self.persons or low in self.persons or lemma in self.sides or low in self.sides
                or lemma in self.generic or tok.ent_type_ in ("PERSON", "NORP"))


def _inflections(word: str) -> set[str]:
    """A lemma's regular forms: die -> died, dies, dying; injury -> injuries; kill -> killed, killing."""
    forms = {word, word + "s", word + "es"}
    if word.endswith("ie"):
        forms |= {word + "d", word[:-2] + "ying"}
    elif word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    elif word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    else:
        forms |= {word + "ed", word + "ing"}
    return forms


@functools.cache
def _load_cached(path: Path) -> CasualtyTerms:
    return CasualtyTerms(read_toml(path, what="casualty terms"))


def normalise_word(word: str) -> str:
    """A crude singular key so "officers" and "officer" restate the same group."""
    w = word.lower()
    if w.endswith("men"):
        return w[:-3] + "man"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    return w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w


# ---------------------------------------------------------------- finding figures in a sentence

def find_figures(sent: SpacySpan, offset: int, *, attribution: Attribution | None,
                 terms: CasualtyTerms | None = None, numbers: NumberWords | None = None) -> list[Figure]:
    """Every casualty or participant figure the sentence reports, in text order."""
    terms = terms or CasualtyTerms.load()
    numbers = numbers or NumberWords.load()
    sentence = Span(offset + sent.start_char, offset + sent.end_char, sent.text)
    figures: list[Figure] = []
    used: set[tuple[str, int]] = set()  # (kind, victim token) already counted
    phrases: set[tuple[str, int]] = set()  # (kind, number phrase start): one phrase counts once
    victims: dict[int, int] = {}  # id(figure) -> its victim token
    for pred in sent:
        kind, role = _predicate(pred, terms)
        if kind is None or _negated(pred) or _attempted(pred, terms) or _alleged(pred, terms):
            continue
        for victim in _expand(_victims(pred, role, terms), sent, terms):
            if (kind, victim.i) in used or _in_subset(victim, sent, terms) or _is_none(victim):
                continue
            if kind == "captured" and pred.lemma_ in terms.needs_person and not _personish(victim, terms):
                continue
            found = _figure(victim, pred, kind, terms, numbers, sentence, offset, attribution)
            if found is not None and (kind, found[1]) not in phrases:
                used.add((kind, victim.i))
                phrases.add((kind, found[1]))
                figures.append(found[0])
                victims[id(found[0])] = victim.i
    # "an officer was stabbed and later died": the same people wounded then dead count as dead.
    # "2 of 5 children injured have died" counts a part, so the same count, not just the same noun.
    died = {(victims[id(f)], f.count) for f in figures if f.kind == "killed"}
    figures = [f for f in figures if not (f.kind == "injured" and (victims.get(id(f)), f.count) in died)]
    figures = _without_breakdowns(figures, terms)
    figures.extend(_surface_figures(sent, terms, numbers, sentence, offset, attribution, figures))
    figures.extend(_participants(sent, terms, numbers, sentence, offset, attribution, used))
    figures.sort(key=lambda f: f.span.start)
    return figures


def _without_breakdowns(figures: list[Figure], terms: CasualtyTerms) -> list[Figure]:
    """Drop the parts of a total listed inside its own phrase: "10 others, 5 officers and 5 civilians, injured".

    The parser often chains such a breakdown as conjuncts rather than an apposition; the parts
    summing exactly to a total of people or others that spans them says it is one.
    """
    dropped: set[int] = set()
    for total in figures:
        if not (terms.is_generic(total.who) or terms.is_additive(total.who)) or total.who is None:
            continue
        parts = [f for f in figures if f is not total and f.kind == total.kind
                 and total.span.start < f.span.start and f.span.end <= total.span.end]
        if len(parts) >= 2 and sum(f.count for f in parts) == total.count:
            dropped.update(id(f) for f in parts)
    return [f for f in figures if id(f) not in dropped]


def _surface_figures(sent: SpacySpan, terms: CasualtyTerms, numbers: NumberWords, sentence: Span,
                     offset: int, attribution: Attribution | None, found: Sequence[Figure]) -> list[Figure]:
    """Figures the parse lost, read off the surface: a casualty word, then a count of people.

    The small model sometimes hangs "killing at least six civilians, ..., the monitor said" on
    the reporting verb, so the count is nobody's object; "killing at least six civilians",
    "wounding 4 others", "the deaths of 5 soldiers" still read plainly left to right.
    """
    doc = sent.doc
    out: list[Figure] = []
    taken = [(f.kind, f.span.start - offset, f.span.end - offset) for f in found]
    for tok in sent:
        lemma = tok.lemma_.lower()
        lives = False
        if tok.tag_.startswith("VB") and lemma in terms.verbs:
            kind, lead = terms.verbs[lemma], _SURFACE_GAP
        elif tok.pos_ == "NOUN" and lemma in terms.nouns:
            kind, lead = terms.nouns[lemma], _SURFACE_OF
        elif tok.tag_.startswith("VB") and lemma in terms.life_verbs:
            kind, lead, lives = "killed", _SURFACE_LIVES, True  # "claimed 7 civilians' lives"
        else:
            continue
        if _negated(tok) or _attempted(tok, terms) or _alleged(tok, terms):
            continue
        rest_start = tok.idx + len(tok)
        rest = doc.text[rest_start:sent.end_char]
        gap = lead.match(rest)
        hits = numbers.find(rest[:80]) if gap else []
        if not hits or hits[0].start != gap.end():
            continue
        qty = hits[0]
        q_start, q_end = rest_start + qty.start, rest_start + qty.end
        if any(k == kind and s < q_end and q_start < e for k, s, e in taken):
            continue  # the parse already counted this phrase
        who_tok = _surface_person(doc, q_end, sent.end, terms)
        if who_tok is None:
            continue
        if lives and not gap.group("of") and not _before_lives(who_tok, terms):
            continue  # "took 5 soldiers" is no death
        taken.append((kind, q_start, q_end))
        out.append(Figure(
            kind=kind, count=qty.count, low=qty.low, high=qty.high,
            span=Span(offset + tok.idx, offset + who_tok.idx + len(who_tok),
                      doc.text[tok.idx:who_tok.idx + len(who_tok)]),
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


def _surface_person(doc: Doc, char: int, end: int, terms: CasualtyTerms) -> Token | None:
    """The people noun right after a count: "six civilians", "4 others", "two young police officers"."""
    first = next((t for t in doc[:end] if t.idx >= char), None)
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


def _predicate(tok: Token, terms: CasualtyTerms) -> tuple[str | None, str]:
    """The figure kind a token reports and how its victims attach, or (None, "")."""
    lemma, low = tok.lemma_.lower(), tok.lower_
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        if lemma in terms.verbs:
            return terms.verbs[lemma], "verb"
        if lemma in terms.weak_injury:
            # "7 people were stabbed" injures; "fatally stabbed a policeman" kills.
            return ("killed" if _fatal(tok, terms) else "injured"), "verb"
        if lemma in terms.intransitive:
            return terms.intransitive[lemma], "intransitive"
    if low in terms.complements or (tok.pos_ == "ADJ" and lemma in terms.complements):
        return terms.complements.get(low) or terms.complements[lemma], "complement"
    if tok.pos_ in ("NOUN", "PROPN", "NUM"):
        if lemma in terms.life_nouns and tok.head.lemma_.lower() in terms.life_verbs:
            return "killed", "lives"
        if lemma in terms.toll_nouns:
            mods = [c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
            kind = next((terms.toll_mods[m] for m in mods if m in terms.toll_mods), "killed")
            return kind, "toll"
        if lemma in terms.nouns:
            return terms.nouns[lemma], "noun"
    return None, ""


def _victims(pred: Token, role: str, terms: CasualtyTerms) -> list[Token]:
    """The tokens a casualty word counts: numbers or victim nouns."""
    kids = list(pred.children)
    subjects = [c for c in kids if c.dep_ in _SUBJECTS]
    if role == "verb":
        if any(c.dep_ == "nummod" for c in kids):
            return [pred]  # "left at least 48 killed" parsed with the number on the verb
        objects = [c for c in kids if c.dep_ == "dobj"] or [
            g for c in kids if c.dep_ == "prep" and c.lower_ in terms.count_preps  # "wounded over 300"
            for g in c.children if g.dep_ == "pobj" and _is_number(g)]
        if objects:
            return objects
        passive = pred.tag_ == "VBN" or any(c.dep_ in ("auxpass", "nsubjpass") for c in kids)
        # "Gunmen killed and wounded dozens": the object sits on the conjoined verb.
        shared = [g for c in kids if c.dep_ == "conj" and c.pos_ == "VERB" for g in c.children if g.dep_ == "dobj"]
        if subjects:
            if not passive and terms.side_of(subjects[0]) == "perpetrators":
                return shared
            if _agent(pred, terms):
                return shared  # "a man stabbed and ran over 3 people": the man is the attacker
            dangling = _dangling_subject(pred)
            if passive and dangling is not None and not any(_personish(t, terms) for t in subjects):
                return [dangling]  # "a bomb killed 18, including ..., and another 27 were wounded"
            return subjects
        if shared and not passive:
            return shared
        own = _own_count(pred)
        if own is not None and passive and not subjects:
            return [own]  # "32 were killed and over 60 injured": the count sits on the verb
        dangling = _dangling_subject(pred)
        if dangling is not None:
            return [dangling]  # "killed 20 people and another 29 were injured"
        if pred.dep_ in ("acl", "amod") and pred.head.pos_ in ("NOUN", "PROPN", "NUM"):
            return _list_of(pred.head)  # "15 people killed in the blast", "20 wounded"
        if pred.dep_ in ("acomp", "oprd", "xcomp") and pred.tag_ != "VBG":
            return _holder(pred)  # "two others became injured", not "a man started shooting"
        if pred.dep_ == "advcl" and pred.tag_ == "VBN" and pred.head.lemma_.lower() == "leave":
            return _holder(pred)  # "the attack left 20 wounded", the participle parsed as a clause
        return _inherited(pred) if passive else []
    if role == "intransitive":
        # "A guard was shot and died": an intransitive shares its conjunct's subject, active or not.
        return subjects or _inherited(pred, active=True)
    if role == "complement":
        named = [c for c in kids if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")]
        if named:
            return named  # "took 20 passengers hostage" parsed as a compound
        if any(c.dep_ == "nummod" for c in kids) or pred.dep_ == "dobj":
            return [pred]  # "15 dead", "took 15 hostages"
        if subjects:
            return subjects  # "15 dead and 20 wounded" parsed with "dead" as root
        own = _own_count(pred)
        if own is not None:
            return [own]  # "16 were killed and several dozen more wounded"
        if pred.dep_ == "amod":
            return [pred.head]
        if pred.dep_ in _COMPLEMENT_DEPS or pred.dep_ == "pobj":
            return _holder(pred)
        return []
    if role == "lives":
        if any(c.dep_ == "nummod" for c in kids):
            return [pred]  # "claimed 5 lives"
        named = [c for c in kids if c.dep_ == "compound" and _numbered(c)]
        if named:
            return named  # "claimed 7 civilians lives"
        of = _of_objects(pred)
        if of:
            return of  # "claimed the lives of 5 people"
        return [c for c in pred.head.children if c.dep_ in _SUBJECTS and c.i != pred.i]  # "5 lost their lives"
    if role == "toll":
        return _toll_numbers(pred)
    if role == "noun":
        if any(c.dep_ == "nummod" for c in kids):
            return [pred]  # "12 deaths"
        of = _of_objects(pred)
        if of:
            return of  # "the killing of 4 civilians"
        if pred.lemma_ == "death" and pred.dep_ == "pobj" and pred.head.lower_ == "to":
            return _holder(pred.head)  # "stabbed 4 people to death"
        if pred.dep_ == "dobj" and pred.head.lemma_.lower() in terms.suffer_verbs:
            return [c for c in pred.head.children if c.dep_ in _SUBJECTS]  # "36 people sustained injuries"
    return []


def _fatal(tok: Token, terms: CasualtyTerms) -> bool:
    """Whether a shooting or stabbing is reported as fatal: "shot dead", "stabbed to death", "shot and killed"."""
    for c in tok.children:
        if c.lower_ in ("dead", "death") or any(g.lower_ == "death" for g in c.children):
            return True
        if c.dep_ == "conj" and c.lemma_.lower() in terms.verbs and terms.verbs[c.lemma_.lower()] == "killed":
            return True
        if c.lower_ in ("fatally", "lethally"):
            return True
    return tok.dep_ == "conj" and tok.head.lemma_.lower() in terms.verbs and terms.verbs[tok.head.lemma_.lower()] == "killed"


def _list_of(noun: Token) -> list[Token]:
    """The list a participle closes: "one was killed, 3 others and a woman injured" counts both."""
    up = noun
    while up.dep_ == "conj" and up.head.pos_ in ("NOUN", "PROPN", "NUM"):
        up = up.head
    # Only a list set off in apposition: "20 were killed and 5 children injured" keeps its own subject.
    return [up, noun] if up.dep_ == "appos" and up.i != noun.i else [noun]


def _agent(pred: Token, terms: CasualtyTerms) -> bool:
    """Whether the subject of a stabbing or shooting did it: "a man stabbed", "one of the bombers shot at"."""
    if pred.lemma_.lower() not in terms.weak_injury:
        return False
    kids = list(pred.children)
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in kids):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("at", "on", "into") for c in kids):
        return True  # "shot at worshippers", "opened fire on", whatever the tagger says
    return pred.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ in ("conj", "dobj") for c in kids)


def _own_count(pred: Token) -> Token | None:
    """A count hung on the casualty verb itself: "over 60 injured", "several dozen more wounded"."""
    for c in pred.children:
        if c.i < pred.i and c.dep_ in ("npadvmod", "nummod") and NumberWords.load().find(
                pred.doc[c.left_edge.i:c.i + 1].text):
            return c
        if c.i < pred.i and c.dep_ in ("advmod", "prep"):  # "above 100 injured"
            counts = [g for g in c.children if g.dep_ == "pobj" and _is_number(g)]
            if counts:
                return counts[0]
    return None


def _dangling_subject(pred: Token) -> Token | None:
    """A number just before a subjectless passive, parsed as a conjunct of an earlier victim."""
    doc = pred.doc
    j = pred.i - 1
    while j >= 0 and doc[j].pos_ in ("AUX", "ADV", "PART") and pred.i - j < 4:
        j -= 1
    if j >= 0 and doc[j].dep_ == "conj" and _counted(doc[j]) and doc[j].head.i != pred.i:
        return doc[j]
    return None


def _dangling_subject_of(tok: Token, terms: CasualtyTerms) -> bool:
    """Whether a numbered conjunct is followed straight away by a passive casualty verb of its own."""
    doc = tok.doc
    j = tok.right_edge.i + 1
    while j < len(doc) and doc[j].pos_ in ("AUX", "ADV", "PART") and j - tok.i < 5:
        j += 1
    return j < len(doc) and j > tok.right_edge.i + 1 and _counted(tok) \
        and _predicate(doc[j], terms)[0] is not None and _dangling_subject(doc[j]) is not None \
        and _dangling_subject(doc[j]).i == tok.i


def _owned_elsewhere(tok: Token, terms: CasualtyTerms) -> bool:
    """Whether a conjunct is the subject a later casualty verb lost ("... and another 29 were injured")."""
    doc = tok.doc
    j = tok.right_edge.i + 1
    while j < len(doc) and doc[j].pos_ in ("AUX", "ADV", "PART") and j - tok.i < 5:
        j += 1
    if j >= len(doc):
        return False
    kind, _ = _predicate(doc[j], terms)
    return kind is not None and not any(c.dep_ in _SUBJECTS for c in doc[j].children)


def _holder(comp: Token) -> list[Token]:
    """Whom a predicate complement describes: "left 7 people dead", "were found dead"."""
    head = comp.head
    objects = [c for c in head.children if c.dep_ == "dobj" and c.i != comp.i]
    if objects:
        return objects
    subjects = [c for c in head.children if c.dep_ in _SUBJECTS and c.i != comp.i]
    if subjects:
        return subjects
    if head.dep_ in ("acl", "amod") and head.head.pos_ in ("NOUN", "PROPN", "NUM"):
        return [head.head]
    return _inherited(head)


def _inherited(pred: Token, *, active: bool = False) -> list[Token]:
    """Subjects shared with the verb a predicate hangs from: "were killed and four injured"."""
    for _ in range(4):
        if pred.dep_ not in _INHERIT_DEPS or pred.head.i == pred.i:
            return []
        pred = pred.head
        subjects = [c for c in pred.children if c.dep_ == "nsubjpass"]
        if not subjects and (active or pred.tag_ == "VBN" or pred.pos_ == "ADJ"):
            subjects = [c for c in pred.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects
    return []


def _of_objects(noun: Token) -> list[Token]:
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _toll_numbers(toll: Token) -> list[Token]:
    """The number a toll reaches: "rose to 12", "stands at 12", "a toll of 12", "the toll was 12"."""
    places = [toll]
    if toll.dep_ in _SUBJECTS:
        places.append(toll.head)
    found: list[Token] = []
    for place in places:
        for c in place.children:
            if c.dep_ == "prep" and c.lower_ in ("to", "at", "of"):
                found.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ in ("attr", "dobj") and c.i != toll.i:
                found.append(c)
            elif c.dep_ in ("xcomp", "advcl") and place.i != toll.i:  # "climbed to reach 12"
                found.extend(g for g in c.children if g.dep_ in ("dobj", "attr"))
    return [t for t in found if _is_number(t) or any(c.dep_ == "nummod" for c in t.children)]


def _expand(victims: Sequence[Token], sent: SpacySpan, terms: CasualtyTerms) -> Iterator[Token]:
    """Victims with their conjuncts: "three citizens and their driver" counts both."""
    seen: set[int] = set()
    stack = list(victims)
    while stack:
        tok = stack.pop(0)
        if tok.i in seen or not (sent.start <= tok.i < sent.end):
            continue
        seen.add(tok.i)
        if _is_none(tok):
            continue  # "no officers or civilians were injured": the whole list is zero
        # "he was killed": a person already counted elsewhere, most often; but the rest of
        # "killing herself and a soldier" still counts.
        if not (tok.pos_ in ("PRON", "DET") and not _is_number(tok)):
            yield tok
        # A list after an unnumbered head is more victims ("a bomber, a soldier, 4 civilians");
        # after a numbered total it is a breakdown ("40 people, 6 soldiers and 34 civilians"),
        # after a numbered group a list the parser chained ("22 civilians, 2 police officers").
        listed = [c for c in tok.children if c.dep_ == "conj" or (
            c.dep_ == "appos" and (not _numbered(tok) or _numbered_group(c, terms)) and not _names(c, tok))]
        # A conjunct with its own casualty word ("20 people and another 29 injured") is another figure.
        stack.extend(c for c in listed if c.pos_ in ("NOUN", "PROPN", "NUM")
                     and not _is_casualty_word(c, terms) and not _owned_elsewhere(c, terms)
                     and not any(_is_casualty_word(g, terms) for g in c.children if g.dep_ in ("acl", "relcl", "amod")))


def _names(appos: Token, head: Token) -> bool:
    """ "the attacker, Usman Khan,": a name in apposition to one person says who, not one more."""
    singular = head.tag_ in ("NN", "NNP") and appos.tag_ in ("NN", "NNP") and not _numbered(head)
    definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children)
    named = appos.ent_type_ == "PERSON" or appos.pos_ == "PROPN"
    return singular and (named or definite) and not _numbered(appos)


def _numbered_group(appos: Token, terms: CasualtyTerms) -> bool:
    """A numbered, named group in apposition to another named group: a list, not a breakdown."""
    head = appos.head
    # "One officer was killed, 2 others and a woman injured": a member with its own casualty word
    # belongs to that other figure; "22 others (four of them civilians)" is a breakdown.
    before = appos.doc[appos.left_edge.i - 1] if appos.left_edge.i > 0 else None
    return (_numbered(appos) and not _is_number(appos) and not _is_number(head)
            and not terms.is_generic(head.lemma_) and head.lower_ not in terms.additive
            and not (before is not None and before.text == "(")
            and not any(_is_casualty_word(t, terms) for t in appos.subtree if t.i != appos.i))


def _negated(pred: Token) -> bool:
    return any(c.dep_ == "neg" for c in pred.children)


def _alleged(pred: Token, terms: CasualtyTerms) -> bool:
    """ "an officer accused of killing a student": a charge about another event, not a death reported here."""
    node = pred
    for _ in range(2):
        if node.dep_ not in ("pcomp", "pobj") or node.head.dep_ != "prep":
            return False
        holder = node.head.head
        if holder.lemma_.lower() in terms.allegations or holder.lower_ in terms.allegations:
            return True
        node = holder
    return False


def _attempted(pred: Token, terms: CasualtyTerms) -> bool:
    """ "a failed attempt to assassinate", "3 attempted murders": nobody died."""
    if any(c.lemma_.lower() in terms.attempt_words for c in pred.children if c.dep_ in ("amod", "compound")):
        return True
    if pred.dep_ == "advcl" and pred.tag_ == "VBG" and not any(c.lower_ == "to" for c in pred.children):
        return False  # "tried to get in, fatally stabbing an officer": the stabbing happened
    return pred.dep_ in ("xcomp", "acl", "advcl") and pred.head.lemma_.lower() in terms.attempt_words


def _counted(tok: Token) -> bool:
    """A numbered noun, the number perhaps on a modifier: "over 200 others people"."""
    return _numbered(tok) or any(_is_number(t) for t in tok.doc[tok.left_edge.i:tok.i])


def _numbered(tok: Token) -> bool:
    return _is_number(tok) or any(c.dep_ == "nummod" for c in tok.children)


def _is_casualty_word(tok: Token, terms: CasualtyTerms) -> bool:
    lemma = tok.lemma_.lower()
    return lemma in terms.nouns or lemma in terms.complements or tok.lower_ in terms.complements \
        or lemma in terms.verbs or lemma in terms.toll_nouns

def _is_none(tok: Token) -> bool:
    """ "no one was killed", "none died", "nobody": a zero, not a figure."""
    return tok.lower_ in ("none", "nobody", "noone") or any(
        c.lower_ == "no" and c.dep_ in ("det", "neg", "advmod") for c in tok.children)


def _in_subset(tok: Token, sent: SpacySpan, terms: CasualtyTerms) -> bool:
    """Whether a victim sits under "including"/"among": a part of another figure, not a new one."""
    if tok.dep_ == "conj" and (_owned_elsewhere(tok, terms) or _dangling_subject_of(tok, terms)):
        return False  # "killed 18, including 8 soldiers, and another 27 were wounded"
    # "12 residents, among them three women": the parse may hang the part on the verb.
    lead = tok.doc[max(sent.start, tok.left_edge.i - 3):tok.left_edge.i]
    if any(t.lower_ in _SUBSET_WORDS for t in lead) and not any(t.tag_.startswith("VB") and t.lower_ not in
                                                               _SUBSET_WORDS for t in lead):
        return True
    node = tok
    while node.head.i != node.i and sent.start <= node.head.i < sent.end:
        if node.dep_ == "appos" and _numbered(node.head) and not _numbered_group(node, terms) \
                and not _has_casualty_word(node, terms):
            return True  # "40 people, 6 soldiers and 34 civilians, were killed": a breakdown
        node = node.head
        if node.lower_ in _SUBSET_WORDS:
            return True
    return False


def _has_casualty_word(noun: Token, terms: CasualtyTerms) -> bool:
    """Whether a phrase carries its own casualty word: "2 others and a woman injured" is no breakdown."""
    return any(_is_casualty_word(t, terms) for t in noun.subtree if t.i != noun.i)


def _personish(tok: Token, terms: CasualtyTerms) -> bool:
    return _is_number(tok) or terms.is_person(tok) or any(
        terms.is_person(g) for c in tok.children if c.dep_ == "prep" for g in c.children)


def _is_number(tok: Token) -> bool:
    # "several dozen more wounded": "dozen" heads its count though it is no number alone
    return tok.like_num or tok.pos_ == "NUM" or tok.lower_ == "dozen" or NumberWords.load().parse(tok.text) is not None


def _figure(victim: Token, pred: Token, kind: str, terms: CasualtyTerms, numbers: NumberWords,
            sentence: Span, offset: int, attribution: Attribution | None) -> tuple[Figure, int] | None:
    """One Figure for a victim token and where its number phrase starts, or None without a count."""
    # "1 of 4 children injured has died" counts the part; "4 children injured" the whole.
    part = not (pred.dep_ in ("acl", "amod") and pred.head.i == victim.i)
    qty, q_start, q_end = _quantity(victim, terms, numbers, part=part)
    if qty is None:
        return None
    who_tok = victim if not _is_number(victim) else next(iter(_of_objects(victim)), None)
    if who_tok is not None and (who_tok.i == pred.i or _is_casualty_word(who_tok, terms)):
        if _predicate(who_tok, terms)[0] not in (None, kind) and who_tok.i != pred.i:
            # "one of the injured died": a group counted under another kind, so new deaths.
            return _build(kind, qty, q_start, q_end, victim, pred, sentence, offset, attribution,
                          who=who_tok.text, side=None), q_start
        who_tok = None  # "12 deaths", "48 killed" count people, they do not name them
    if who_tok is not None and who_tok.pos_ == "PRON":
        who_tok = None  # "one of them", "1 of whom": part of a group counted elsewhere
    if who_tok is not None and who_tok.i == victim.i:
        who_tok = _counted_noun(victim, q_start, terms) or who_tok
    who = who_tok.text if who_tok is not None else None
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
        span=Span(offset + start, offset + end, victim.doc.text[start:end]), sentence=sentence,
        who=who, side=side, attribution=attribution, approximate=qty.approximate,
    )


def _quantity(victim: Token, terms: CasualtyTerms, numbers: NumberWords, *,
              part: bool = False) -> tuple[Quantity | None, int, int]:
    """The count a victim carries, and the doc character range of the words that say it.

    With `part`, "1 of 4 children" counts the 1 (the parser hangs both numbers on the noun).
    """
    doc = victim.doc
    if _is_number(victim):
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
            return _widened(q, left.start_char, victim.sent.start_char, doc.text, numbers)
    kids = {c.lower_ for c in victim.children if c.dep_ in ("det", "poss", "predet")}
    plural = victim.tag_ in ("NNS", "NNPS") or victim.morph.get("Number") == ["Plur"] \
        or victim.lemma_.lower() in _COLLECTIVE
    if not plural and (terms.is_person(victim) or terms.side_of(victim) or victim.pos_ == "PROPN"):
        return Quantity(1), victim.idx, victim.idx + len(victim)  # "a policeman was killed"
    if plural and not (kids & _DEFINITE) and not any(c.dep_ == "poss" for c in victim.children) \
            and (terms.side_of(victim) or terms.is_person(victim)):
        # Deaths with no number at all: ACLED's conservative value for a limited attack.
        return Quantity(numbers.unnumbered_limited, approximate=True), victim.idx, victim.idx + len(victim)
    return None, 0, 0


def _widened(q: Quantity, base: int, floor: int, text: str, numbers: NumberWords) -> tuple[Quantity, int, int]:
    """The quantity with the words the parse left outside the noun phrase: "[between three and] four"."""
    start, end = base + q.start, base + q.end
    lo = max(floor, start - 40)
    for wide in numbers.find(text[lo:end]):
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
        who_tok = next(iter(_of_objects(tok)), None) if _is_number(tok) else tok
        if who_tok is None:
            continue
        lemma = who_tok.lemma_.lower()
        crowd = lemma in terms.crowd_nouns or terms.side_of(who_tok) == "perpetrators"
        generic = lemma in terms.generic and verb.lemma_ in terms.crowd_verbs
        if not (crowd or generic) or verb.lemma_ not in terms.participant_verbs | terms.crowd_verbs:
            continue
        qty, q_start, q_end = _quantity(tok, terms, numbers)
        if qty is None or (not _is_number(tok) and not numbers.find(tok.doc[tok.left_edge.i:tok.i].text)):
            continue  # only stated numbers: "a gunman attacked" is no crowd size
        start, end = min(q_start, tok.idx), max(q_end, verb.idx + len(verb), tok.idx + len(tok))
        out.append(Figure(
            kind="participants", count=qty.count, low=qty.low, high=qty.high,
            span=Span(offset + start, offset + end, tok.doc.text[start:end]), sentence=sentence,
            who=who_tok.text, side=terms.side_of(who_tok), attribution=attribution,
            approximate=qty.approximate,
        ))
    return out


# ---------------------------------------------------------------- totals over one incident
