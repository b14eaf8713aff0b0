"""Who a sentence is attributed to ("officials said"), and responsibility claims ("X claimed")."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from faultline.data import read_toml
from faultline.errors import DataFileError
from faultline.model import Attribution, Claim, Span
from faultline.nlp.text import span_text

# The attribution kind of what an armed group says of what it did: a claim of responsibility or of a toll.
GROUP_CLAIM = "group_claim"

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "attribution.toml"

AUTHOR = Attribution(source="the author", kind="author", span=None)
_PHRASE_OUT = ("relcl", "acl", "punct", "cc", "advcl")  # clauses that don't name the source
_LIST_OUT = _PHRASE_OUT + ("appos", "conj")  # one member of a list or apposition
# Headline sources after a colon or dash: "15 Taliban killed in 24 hours: MoI".
_TAIL = re.compile(r"(?:[:|]|\s[-–—]\s)\s*(?P<src>[^:|–—]{2,60}?)\s*[.!]?\s*$")


class SourceWords:
    """Reporting verbs, source nouns and claim words from faultline/data/attribution.toml."""

    def __init__(self, data: dict) -> None:
        try:
            self.reporting = frozenset(data["reporting_verbs"])
            self.prepositions = tuple(data["source_prepositions"])
            self.hedges = frozenset(data["hedges"])
            self.account_verbs = frozenset(data["account_verbs"])
            self.account_nouns = frozenset(data["account_nouns"])
            self.institutions = {p: k for k, ps in data["institutions"].items() for p in ps}
            self.roles = {p: k for k, ps in data["roles"].items() for p in ps}
            c = data["claims"]
            self.claim_verbs = frozenset(c["claim_verbs"])
            self.claim_objects = frozenset(c["claim_objects"])
            self.deny_verbs = frozenset(c["deny_verbs"])
            self.deny_objects = frozenset(c["deny_objects"])
            self.blame_verbs = frozenset(c["blame_verbs"])
            self.abetting_verbs = frozenset(c["abetting_verbs"])
            self.belief_verbs = frozenset(c["belief_verbs"])
            self.hallmarks = frozenset(c["hallmark_nouns"])
            self.suspect_mods = frozenset(c["suspect_modifiers"])
            self.claim_follow_words = frozenset(c["follow_words"])
        except (KeyError, TypeError, AttributeError) as exc:
            raise DataFileError(f"attribution data lacks or mistypes {exc}", subject=str(DATA_PATH)) from exc
        # Lemmas that can anchor a claim (see _claim_at); other words are passed over unread.
        self.claim_anchors = self.claim_verbs | self.deny_verbs | self.blame_verbs | self.belief_verbs | \
            self.hallmarks | {"claim"}
        self._institution_re = _keys_pattern(self.institutions)
        self._role_re = _keys_pattern(self.roles)

    @classmethod
    def load(cls, path: Path | None = None) -> SourceWords:
        """Read the source words from `path` (default: the packaged attribution.toml)."""
        return _load_cached(path or DATA_PATH)

    def kind_of(self, phrase: str) -> str | None:
        """The kind of a source phrase ("a police spokesman" -> police), or None if not a source."""
        text = phrase.lower()
        for pattern, table in ((self._institution_re, self.institutions), (self._role_re, self.roles)):
            hits = [m.group(0) for m in pattern.finditer(text)]
            if hits:
                # The longest phrase is the most specific: "health ministry" over "ministry".
                return table[max(hits, key=len)]
        return None


def _keys_pattern(keys: Iterable[str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?<![\w'-])(?:{alts})(?![\w-])")


@functools.cache
def _load_cached(path: Path) -> SourceWords:
    return SourceWords(read_toml(path, what="attribution data"))


def _phrase(head: Token, *, out: tuple[str, ...] = _PHRASE_OUT) -> tuple[int, int]:
    """Token range [start, end) of a noun phrase without its relative clauses (or other `out` links)."""
    toks = [head] + [t for c in head.children if c.dep_ not in out for t in c.subtree]
    return min(t.i for t in toks), max(t.i for t in toks) + 1


def _span(doc_span: SpacySpan | None, offset: int) -> Span | None:
    if doc_span is None or not len(doc_span):
        return None
    return Span(offset + doc_span.start_char, offset + doc_span.end_char, doc_span.text)


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok, depth = tok.head, depth + 1
    return depth


def _strip_det(doc_span: SpacySpan) -> SpacySpan:
    """ "the Islamic State" -> "Islamic State": the name as written, without its article."""
    start = doc_span.start
    while start < doc_span.end - 1 and doc_span.doc[start].dep_ in ("det", "punct"):
        start += 1
    end = doc_span.end
    while end > start + 1 and doc_span.doc[end - 1].dep_ == "punct":
        end -= 1
    return doc_span.doc[start:end]


# ---------------------------------------------------------------- attribution

# Verbs of taking responsibility whose subject speaks the participle after them.
_CLAIMING = frozenset({"claim", "accept", "admit"})


def find_attribution(sent: SpacySpan, offset: int, *, words: SourceWords | None = None) -> Attribution | None:
    """Who the sentence reports as its source; None when it is the author's own voice."""
    words = words or SourceWords.load()
    doc = sent.doc
    candidates: list[tuple[int, Attribution]] = []
    for tok in sent:
        # "according to the interior ministry", "citing police"
        if tok.lower_ == "according":
            for to in (c for c in tok.children if c.lower_ == "to"):
                for obj in (c for c in to.children if c.dep_ == "pobj"):
                    candidates.append((_depth(tok), _attribution(doc[slice(*_phrase(obj))], offset, words)))
        elif tok.lower_ in ("quoting", "citing", "per") and tok.i > sent.start:
            for obj in (c for c in tok.children if c.dep_ in ("dobj", "pobj")):
                candidates.append((_depth(tok), _attribution(doc[slice(*_phrase(obj))], offset, words)))
        elif tok.lemma_.lower() in words.reporting and tok.pos_ in ("VERB", "AUX") or _gives_account(tok, words):
            att = _reporter(tok, offset, words)
            if att is not None:
                candidates.append((_depth(tok), att))
        elif tok.lower_ in words.hedges:
            candidates.append((_depth(tok) + 5, Attribution(tok.text, "unknown", _span(doc[tok.i:tok.i + 1], offset))))
    if candidates:
        # The reporting clause nearest the root governs the whole sentence.
        return min(candidates, key=lambda c: c[0])[1]
    return _headline_source(sent, offset, words)


def _gives_account(verb: Token, words: SourceWords) -> bool:
    """ "The mayor gave a different picture: ...": a verb of giving whose object is an account."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in words.account_verbs and any(
        c.dep_ == "dobj" and c.lemma_.lower() in words.account_nouns for c in verb.children)


def told_by(word: Token, offset: int) -> Attribution | None:
    """Who the reporting verb nearest above a word says it is ("Two security sources told us dozens of soldiers
    had been killed; JNIM claimed ..."): the sources, whatever else the sentence says."""
    words = SourceWords.load()
    verb = next((t for t in word.ancestors if t.lemma_.lower() in words.reporting and t.pos_ in ("VERB", "AUX")),
                None)
    return _reporter(verb, offset, words) if verb is not None else None


def source_of(verb: Token, offset: int) -> Attribution | None:
    """Who tells what a verb gives: "a volunteer rescue team put the toll at 22"."""
    return _reporter(verb, offset, SourceWords.load())


def _reporter(verb: Token, offset: int, words: SourceWords) -> Attribution | None:
    """The speaker of a reporting verb: its subject, or the agent of a passive one."""
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.lemma_.lower() in _CLAIMING:
        # "Islamic State claimed the attack, saying it had killed 40 soldiers": who claims says it
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    if subjects:
        # Of two subjects the parser hangs on one verb ("An air strike killed 18 people, the civil defence
        # agency said"), the one next to the verb says it.
        subj = max(subjects, key=lambda s: s.i) if all(s.i < verb.i for s in subjects) else subjects[0]
        if subj.lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
            subj = verb.head  # "the ministry, which said ..."
        if _counted(subj, words):
            # "..., killing at least six civilians, including two children, the Observatory said":
            # the parser made the count the subject; the source is the phrase set beside it.
            return _source_beside(subj, offset, words)
        start, end = _phrase(subj)
        source = doc[start:end]
        if verb.lemma_.lower() == "claim" and subj.lemma_.lower() in _ARMED_GROUP_NOUNS and \
                all(c.dep_ == "det" for c in subj.children):
            # "The group claimed that more than 20 policemen had been killed": the attackers' own word
            return Attribution(source.text, GROUP_CLAIM, _span(source, offset))
        # "Zabihullah Mujahid, a Taliban spokesman, said": the apposition names the kind.
        appos = [c for c in subj.children if c.dep_ == "appos"]
        kind = words.kind_of(source.text) or (words.kind_of(doc[slice(*_phrase(appos[0]))].text) if appos else None)
        if kind is None and subj.pos_ not in ("PROPN", "PRON") and subj.ent_type_ not in ("PERSON", "ORG", "NORP"):
            # "the report, by the UN mission, said"; but "the attack said ..." is not a source
            return _source_beside(subj, offset, words)
        if kind is None and all(t.ent_type_ == "GPE" for t in _strip_det(source)):
            kind = "government"  # "Pakistan says 12 soldiers killed": a state speaks through its government
        return Attribution(_strip_det(source).text, kind or "unknown", _span(source, offset))
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if agents:
        return _attribution(doc[slice(*_phrase(agents[0]))], offset, words)
    if not any(c.dep_ in ("nsubjpass", "auxpass", "csubj") for c in verb.children):
        near = _preceding_source(verb, offset, words)  # "..., medics at the local hospital said."
        if near is not None:
            return near
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) and verb.lemma_ in ("report", "say"):
        # "five people were reported killed": reported, by no one named.
        return Attribution(verb.text, "unknown", _span(doc[verb.i:verb.i + 1], offset))
    return None


# What a claiming armed group is called once named ("the group", "the militants"); "a rights group"
# has a word of its own before the noun.
_ARMED_GROUP_NOUNS = frozenset({"group", "outfit", "militant", "rebel", "insurgent", "jihadist", "faction"})


def _preceding_source(verb: Token, offset: int, words: SourceWords) -> Attribution | None:
    """A subjectless reporting verb's speaker read off the surface: the source words after the last comma."""
    doc = verb.doc
    start = verb.i
    while start > verb.sent.start and doc[start - 1].text not in (",", ";", ":", "(", "\"") and verb.i - start < 8:
        start -= 1
    if start == verb.i or start == verb.sent.start:
        return None  # nothing before it, or the whole clause: no phrase set apart
    phrase = doc[start:verb.i]
    if any(t.like_num or t.pos_ in ("VERB", "AUX") for t in phrase) or words.kind_of(phrase.text) is None:
        return None
    return _attribution(phrase, offset, words)


def _counted(tok: Token, words: SourceWords) -> bool:
    """Whether a subject is a count of people ("at least six civilians") rather than a source."""
    numbered = tok.like_num or tok.pos_ == "NUM" or any(c.dep_ in ("nummod", "quantmod") for c in tok.children)
    return numbered and words.kind_of(tok.text) is None and words.kind_of(tok.lemma_) is None


def _source_beside(subj: Token, offset: int, words: SourceWords) -> Attribution | None:
    """The source named in apposition or listed inside a subject that is no source itself, if any."""
    inner = _source_inside(subj, words)
    if inner is None:
        return None
    return _attribution(subj.doc[slice(*_phrase(inner, out=_LIST_OUT))], offset, words)


def _source_inside(subj: Token, words: SourceWords) -> Token | None:
    """The source-like phrase set in apposition or listed inside a subject, if any.

    A phrase naming a source kind ("the Syrian Observatory", "medics") wins over a bare
    organisation or person name; a phrase holding a count of people never names a source.
    """
    named: Token | None = None
    for tok in subj.subtree:
        if tok.i == subj.i or tok.dep_ not in ("appos", "conj") or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        if _counted(tok, words):
            continue
        text = tok.doc[slice(*_phrase(tok, out=_LIST_OUT))].text
        if words.kind_of(text) is not None:
            return tok
        if named is None and (tok.ent_type_ in ("ORG", "PERSON") or tok.pos_ == "PROPN"):
            named = tok
    return named


def _attribution(source: SpacySpan, offset: int, words: SourceWords) -> Attribution:
    return Attribution(_strip_det(source).text, words.kind_of(source.text) or "unknown", _span(source, offset))


def _headline_source(sent: SpacySpan, offset: int, words: SourceWords) -> Attribution | None:
    """A headline's trailing source: "... killed in 24 hours: MoI", "... attack - medical officer"."""
    m = _TAIL.search(span_text(sent))
    if not m or len(m.group("src").split()) > 6:
        return None
    kind = words.kind_of(m.group("src"))
    if kind is None:
        return None
    start = sent.start_char + m.start("src")
    text = m.group("src")
    return Attribution(text, kind, Span(offset + start, offset + start + len(text), text))


# ---------------------------------------------------------------- responsibility

def find_claim(sent: SpacySpan, offset: int, *, words: SourceWords | None = None) -> Claim | None:
    """A responsibility claim, denial, explicit non-claim, or blame stated in the sentence."""
    words = words or SourceWords.load()
    for tok in sent:
        if tok.lemma_.lower() not in words.claim_anchors and tok.lower_ not in words.suspect_mods:
            continue
        claim = _claim_at(tok, offset, words)
        if claim is not None:
            by = claim.by
            if by is None or by.kind == "author":
                attribution = find_attribution(sent, offset, words=words)
                if attribution is not None and claim.status in ("blamed", "unclaimed"):
                    by = attribution
            return Claim(claim.status, claim.actor, by, claim.span)
    return None


def _claim_at(tok: Token, offset: int, words: SourceWords) -> Claim | None:
    """A claim anchored on this token, if it holds one."""
    lemma, doc = tok.lemma_.lower(), tok.doc
    kids = list(tok.children)
    if tok.pos_ in ("VERB", "AUX"):
        objects = [c for c in kids if c.dep_ in ("dobj", "nsubjpass")]
        if tok.dep_ == "acl" and tok.tag_ == "VBN":
            objects.append(tok.head)  # "an attack claimed by al Shabaab"
        subjects = [c for c in kids if c.dep_ == "nsubj"]
        agents = [g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        actor_tok = (subjects or agents or [None])[0]
        negated = any(c.dep_ == "neg" for c in kids) or (actor_tok is not None and _is_nobody(actor_tok))
        if lemma in words.claim_verbs and any(o.lemma_.lower() in words.claim_objects for o in objects):
            if lemma == "take" and not any(o.lemma_.lower() in ("responsibility", "credit") for o in objects):
                return None  # "took the attack" is no claim
            if negated or (actor_tok is None and not agents):
                return _claim("unclaimed", None, AUTHOR, tok, objects, offset)
            actor = _name(actor_tok)
            return _claim("claimed", actor.text, Attribution(actor.text, GROUP_CLAIM, _span(actor, offset)),
                          tok, objects, offset)
        if lemma in words.deny_verbs and actor_tok is not None and not negated and (
                any(o.lemma_.lower() in words.deny_objects for o in objects)
                or any(c.dep_ == "ccomp" for c in kids) or any(c.dep_ == "xcomp" for c in kids)
                or any(c.tag_ == "VBG" for c in kids)):
            actor = _name(actor_tok)
            kind = words.kind_of(actor.text) or "unknown"
            return _claim("denied", actor.text, Attribution(actor.text, kind, _span(actor, offset)),
                          tok, objects, offset)
        if lemma in words.blame_verbs and not negated and not _charges_help(tok, words):
            target = _blame_target(tok, objects, lemma)
            if target is not None:
                by = _name(actor_tok) if actor_tok is not None else None
                by_att = Attribution(by.text, words.kind_of(by.text) or "unknown", _span(by, offset)) \
                    if by is not None else AUTHOR
                return _claim("blamed", _name(target).text, by_att, tok, [target], offset)
        if lemma in words.belief_verbs and any(c.dep_ == "auxpass" for c in kids):
            # "X is believed to be behind the attack"
            behind = any(t.lower_ in ("behind", "responsible") for t in tok.subtree)
            suspects = [c for c in kids if c.dep_ == "nsubjpass"]
            if behind and suspects:
                return _claim("blamed", _name(suspects[0]).text, AUTHOR, tok, suspects, offset)
    if tok.lemma_.lower() in words.hallmarks:
        for g in (g for c in kids if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"):
            return _claim("blamed", _name(g).text, AUTHOR, tok, [g], offset)
    if tok.lower_ in words.suspect_mods and tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN"):
        head = tok.head
        _, end = _phrase(head)
        name = _strip_det(doc[tok.i + 1:end])
        return Claim("blamed", name.text, AUTHOR, _span(doc[tok.i:end], offset))  # "suspected Fulani gunmen"
    if tok.lemma_.lower() == "claim" and tok.pos_ == "NOUN" and any(c.lower_ == "no" for c in kids):
        return Claim("unclaimed", None, AUTHOR, _span(doc[tok.left_edge.i:tok.right_edge.i + 1], offset))
    return None


def _charges_help(verb: Token, words: SourceWords) -> bool:
    """Whether "accused X of ..." charges help to the attackers, not the attack ("of sheltering them")."""
    return any(g.lemma_.lower() in words.abetting_verbs for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"
               for g in c.children if g.dep_ in ("pcomp", "pobj"))


def _blame_target(verb: Token, objects: list[Token], lemma: str) -> Token | None:
    """Whom a blaming verb blames: "blamed X", "blamed the attack on X", "accused X of", "attributed the
    attack to X"."""
    # "blamed the attack on X": the parser hangs "on X" from the verb or from "the attack".
    whom = "to" if lemma == "attribute" else "on"
    for holder in [verb] + [o for o in objects if o.dep_ == "dobj"]:
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ == whom:
                return next((g for g in c.children if g.dep_ == "pobj"), None)
    if lemma == "attribute":
        return None  # "attributed the rise to poverty" without a "to" that names anyone
    if lemma == "hold" and not any(t.lower_ == "responsible" for t in verb.subtree):
        return None
    dobj = [o for o in objects if o.dep_ == "dobj"]
    return dobj[0] if dobj else None


def _is_nobody(tok: Token) -> bool:
    return tok.lower_ in ("nobody", "none", "noone") or any(c.lower_ == "no" for c in tok.children)


def _name(tok: Token) -> SpacySpan:
    """The actor's name as written: its noun phrase without article or relative clause."""
    return _strip_det(tok.doc[slice(*_phrase(tok))])


def _claim(status: str, actor: str | None, by: Attribution | None, verb: Token,
           objects: list[Token], offset: int) -> Claim:
    doc = verb.doc
    toks = [verb] + [t for o in objects for t in o.subtree]
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    toks += [t for s in subj for t in s.subtree]
    start, end = min(t.i for t in toks), max(t.i for t in toks) + 1
    return Claim(status, actor, by, _span(doc[start:end], offset))  # type: ignore[arg-type]
