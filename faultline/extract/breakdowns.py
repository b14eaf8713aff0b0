"""Lists and breakdowns of victims: which listed groups are more people and which are parts of a total.

"a bomber, a soldier and 4 civilians" lists three groups; "40 people, 6 soldiers and 34 civilians"
and "12 residents, among them three women" break one total down, so the parts count nothing new.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from faultline.extract.casualty_terms import DEFINITE, CasualtyTerms
from faultline.extract.victims import (
    SUBJECTS,
    casualty_kind,
    dangling_subject,
    is_casualty_word,
    is_counted,
    is_none,
    is_number,
    is_numbered,
)
from faultline.model import Figure

_SUBSET_WORDS = frozenset({"including", "among", "excluding", "include", "includes", "besides"})


def without_breakdowns(figures: list[Figure], terms: CasualtyTerms) -> list[Figure]:
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


def expand_victims(victims: Sequence[Token], sent: SpacySpan, terms: CasualtyTerms) -> Iterator[Token]:
    """Victims with their conjuncts: "three citizens and their driver" counts both."""
    seen: set[int] = set()
    stack = list(victims)
    while stack:
        tok = stack.pop(0)
        if tok.i in seen or not (sent.start <= tok.i < sent.end):
            continue
        seen.add(tok.i)
        if is_none(tok):
            continue  # "no officers or civilians were injured": the whole list is zero
        # "he was killed": a person already counted elsewhere, most often; but the rest of
        # "killing herself and a soldier" still counts.
        if not (tok.pos_ in ("PRON", "DET") and not is_number(tok)):
            yield tok
        # A list after an unnumbered head is more victims ("a bomber, a soldier, 4 civilians");
        # after a numbered total it is a breakdown ("40 people, 6 soldiers and 34 civilians"),
        # after a numbered group a list the parser chained ("22 civilians, 2 police officers").
        listed = [c for c in tok.children if c.dep_ == "conj" or (
            c.dep_ == "appos" and (not is_numbered(tok) or _numbered_group(c, terms)) and not _names(c, tok))]
        # "Ahmed Ali, a teacher, and two farmers": the list goes on past the words saying who he was.
        listed += [g for c in tok.children if c.dep_ == "appos" and _names(c, tok)
                   for g in c.children if g.dep_ == "conj"]
        # A conjunct with its own casualty word ("20 people and another 29 injured") is another figure.
        stack.extend(c for c in listed if c.pos_ in ("NOUN", "PROPN", "NUM")
                     and not is_casualty_word(c, terms) and not _owned_elsewhere(c, terms)
                     and not any(is_casualty_word(g, terms) for g in c.children if g.dep_ in ("acl", "relcl", "amod")))


def _names(appos: Token, head: Token) -> bool:
    """ "the attacker, Usman Khan,": a name in apposition to one person says who, not one more; and
    "Abdul Karim, 31, a rickshaw driver," says what the one named was."""
    singular = head.tag_ in ("NN", "NNP") and appos.tag_ in ("NN", "NNP") and not is_numbered(head)
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children)
    named = appos.ent_type_ == "PERSON" or appos.pos_ == "PROPN" or head.tag_ == "NNP"
    return singular and (named or definite) and not is_numbered(appos)


def _numbered_group(appos: Token, terms: CasualtyTerms) -> bool:
    """A numbered, named group in apposition to another named group: a list, not a breakdown."""
    head = appos.head
    # "One officer was killed, 2 others and a woman injured": a member with its own casualty word
    # belongs to that other figure; "22 others (four of them civilians)" is a breakdown.
    before = appos.doc[appos.left_edge.i - 1] if appos.left_edge.i > 0 else None
    return (is_numbered(appos) and not is_number(appos) and not is_number(head)
            and not terms.is_generic(head.lemma_) and head.lower_ not in terms.additive
            and not (before is not None and before.text == "(")
            and not _has_casualty_word(appos, terms))


def in_subset(tok: Token, sent: SpacySpan, terms: CasualtyTerms) -> bool:
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
        if node.dep_ == "appos" and is_numbered(node.head) and not _numbered_group(node, terms) \
                and not _has_casualty_word(node, terms):
            return True  # "40 people, 6 soldiers and 34 civilians, were killed": a breakdown
        node = node.head
        if node.lower_ in _SUBSET_WORDS:
            return True
    return False


def _has_casualty_word(noun: Token, terms: CasualtyTerms) -> bool:
    """Whether a phrase carries its own casualty word: "2 others and a woman injured" is no breakdown."""
    return any(is_casualty_word(t, terms) for t in noun.subtree if t.i != noun.i)


def _owned_elsewhere(tok: Token, terms: CasualtyTerms) -> bool:
    """Whether a conjunct is the subject a later casualty verb lost ("... and another 29 were injured")."""
    doc = tok.doc
    j = _word_after(tok)
    if j >= len(doc):
        return False
    kind, _ = casualty_kind(doc[j], terms)
    return kind is not None and not any(c.dep_ in SUBJECTS for c in doc[j].children)


def _dangling_subject_of(tok: Token, terms: CasualtyTerms) -> bool:
    """Whether a numbered conjunct is followed straight away by a passive casualty verb of its own."""
    doc = tok.doc
    j = _word_after(tok)
    if not (j < len(doc) and j > tok.right_edge.i + 1 and is_counted(tok)
            and casualty_kind(doc[j], terms)[0] is not None):
        return False
    dangling = dangling_subject(doc[j])
    return dangling is not None and dangling.i == tok.i


def _word_after(tok: Token) -> int:
    """The index of the first word after a phrase past its auxiliaries and adverbs (may be the doc's end)."""
    doc = tok.doc
    j = tok.right_edge.i + 1
    while j < len(doc) and doc[j].pos_ in ("AUX", "ADV", "PART") and j - tok.i < 5:
        j += 1
    return j
