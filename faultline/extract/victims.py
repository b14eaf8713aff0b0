"""What one token of a parsed sentence says: the figure kind a casualty word reports and the tokens it counts."""

from __future__ import annotations

import functools
import re

from spacy.tokens import Token

from faultline.extract.casualty_terms import CasualtyTerms
from faultline.extract.numbers import NumberWords

_YEAR = re.compile(r"(?:19|20)\d\d")  # "since 2015"

SUBJECTS = ("nsubj", "nsubjpass")
_COMPLEMENT_DEPS = ("acomp", "oprd", "xcomp", "advmod", "attr", "ccomp", "npadvmod", "conj", "advcl")
_INHERIT_DEPS = ("conj", "xcomp", "oprd", "ccomp", "advcl")
# Children that give a casualty word people of its own.
_OWN_DEPS = ("dobj", "nsubj", "nsubjpass", "nummod", "npadvmod")
# Where a word stands for a whole noun phrase: subject, object, conjunct, apposition.
_ALONE_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "ROOT")


def casualty_kind(tok: Token, terms: CasualtyTerms) -> tuple[str | None, str]:
    """The figure kind a token reports and how its victims attach, or (None, "")."""
    lemma, low = tok.lemma_.lower(), tok.lower_
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        if lemma in terms.verbs:
            return terms.verbs[lemma], "verb"
        if lemma in terms.weak_injury:
            if any(c.dep_ in ("prt", "advmod") and c.lower_ in terms.machine_particles for c in tok.children):
                return None, ""
            # "7 people were stabbed" injures; "fatally stabbed a policeman" kills.
            return ("killed" if _fatal(tok, terms) else "injured"), "verb"
        if lemma in terms.intransitive:
            return terms.intransitive[lemma], "intransitive"
        if lemma in terms.idioms:
            return terms.idiom_kind(tok)
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


def find_victims(pred: Token, role: str, terms: CasualtyTerms) -> list[Token]:
    """The tokens a casualty word counts: numbers or victim nouns."""
    kids = list(pred.children)
    subjects = [c for c in kids if c.dep_ in SUBJECTS]
    if role == "verb":
        if any(c.dep_ == "nummod" for c in kids):
            return [pred]  # "left at least 48 killed" parsed with the number on the verb
        objects = [c for c in kids if c.dep_ == "dobj"] or [
            g for c in kids if c.dep_ == "prep" and c.lower_ in terms.count_preps  # "wounded over 300"
            for g in c.children if g.dep_ == "pobj" and is_number(g)]
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
            dangling = dangling_subject(pred)
            if passive and dangling is not None and not any(is_personish(t, terms) for t in subjects):
                return [dangling]  # "a bomb killed 18, including ..., and another 27 were wounded"
            return subjects
        if shared and not passive:
            return shared
        own = _own_count(pred)
        if own is not None and passive and not subjects:
            return [own]  # "32 were killed and over 60 injured": the count sits on the verb
        dangling = dangling_subject(pred)
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
        named = [c for c in kids if c.dep_ == "compound" and is_numbered(c)]
        if named:
            return named  # "claimed 7 civilians lives"
        of = of_objects(pred)
        if of:
            return of  # "claimed the lives of 5 people"
        return [c for c in pred.head.children if c.dep_ in SUBJECTS and c.i != pred.i]  # "5 lost their lives"
    if role == "toll":
        return _toll_numbers(pred)
    if role == "noun":
        if any(c.dep_ == "nummod" for c in kids):
            return [pred]  # "12 deaths"
        of = of_objects(pred)
        if of:
            return of  # "the killing of 4 civilians"
        if pred.lemma_ == "death" and pred.dep_ == "pobj" and pred.head.lower_ == "to":
            return _holder(pred.head)  # "stabbed 4 people to death"
        if pred.dep_ == "dobj" and pred.head.lemma_.lower() in terms.suffer_verbs:
            return [c for c in pred.head.children if c.dep_ in SUBJECTS]  # "36 people sustained injuries"
    return []


def shares_with_injuries(pred: Token, victim: Token, terms: CasualtyTerms) -> bool:
    """Whether a death word shares its count with an injury word: "killing and injuring four", "20 killed or wounded"."""
    doc = pred.doc
    partners = [c for c in pred.children if c.dep_ == "conj"] + ([pred.head] if pred.dep_ == "conj" else [])
    for partner in partners:
        if casualty_kind(partner, terms)[0] != "injured":
            continue
        # Coordinated directly ("killed and wounded"), not "3 were killed and 4 injured", and without
        # people of its own ("killed 5 and injured 20").
        lo, hi = sorted((pred.i, partner.i))
        between = all(t.dep_ in ("cc", "punct") for t in doc[lo + 1:hi])
        own = [c for c in partner.children if c.dep_ in _OWN_DEPS and c.i != victim.i]
        count = _own_count(partner)
        if between and not own and (count is None or count.i == victim.i):
            return True
    return False


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
            counts = [g for g in c.children if g.dep_ == "pobj" and is_number(g)]
            if counts:
                return counts[0]
    return None


def dangling_subject(pred: Token) -> Token | None:
    """A number just before a subjectless passive, parsed as a conjunct of an earlier victim."""
    doc = pred.doc
    j = pred.i - 1
    while j >= 0 and doc[j].pos_ in ("AUX", "ADV", "PART") and pred.i - j < 4:
        j -= 1
    if j >= 0 and doc[j].dep_ == "conj" and is_counted(doc[j]) and doc[j].head.i != pred.i:
        return doc[j]
    return None


def _holder(comp: Token) -> list[Token]:
    """Whom a predicate complement describes: "left 7 people dead", "were found dead"."""
    head = comp.head
    if comp.dep_ in ("oprd", "acomp") and head.dep_ in ("dobj", "nsubj", "nsubjpass"):
        return [head]  # "left 15 inmates dead", the complement parsed on the noun
    objects = [c for c in head.children if c.dep_ == "dobj" and c.i != comp.i]
    if objects:
        return objects
    subjects = [c for c in head.children if c.dep_ in SUBJECTS and c.i != comp.i]
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


def of_objects(noun: Token) -> list[Token]:
    """The objects of a noun's "of": "the killing of 4 civilians" -> civilians."""
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _toll_numbers(toll: Token) -> list[Token]:
    """The number a toll reaches: "rose to 12", "stands at 12", "a toll of 12", "the toll was 12",
    "bringing the death toll to 12"."""
    places = [toll]
    if toll.dep_ in SUBJECTS or toll.dep_ == "dobj":
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
    return [t for t in found if is_number(t) or any(c.dep_ == "nummod" for c in t.children)]


def is_negated(pred: Token) -> bool:
    """Whether a casualty word is negated: "were not injured"."""
    return any(c.dep_ == "neg" for c in pred.children)


def is_alleged(pred: Token, terms: CasualtyTerms) -> bool:
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


def reports_no_casualties(pred: Token, terms: CasualtyTerms) -> bool:
    """A casualty word that counts no one hurt in the incident reported: negated, attempted, a charge
    about another event, the toll of an earlier incident the sentence cites, what a crowd protests,
    or a running total over years."""
    return is_negated(pred) or is_attempted(pred, terms) or is_alleged(pred, terms) or is_cited(pred, terms) \
        or is_grievance(pred, terms) or is_running_total(pred, terms) or is_tally(pred, terms) \
        or is_period_count(pred, terms)


def in_present_perfect(verb: Token) -> bool:
    """Whether a verb is in the present perfect: "has killed", "have been killed"."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBP", "VBZ") for c in verb.children)


def is_running_total(pred: Token, terms: CasualtyTerms) -> bool:
    """ "violence which has killed thousands in recent years": a total over years, not an incident's toll."""
    if not in_present_perfect(pred):
        return False
    spans = (g for c in pred.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")
    return any(g.lemma_.lower() in terms.span_nouns or _YEAR.fullmatch(g.text) for g in spans)


def care_place(verb: Token, terms: CasualtyTerms) -> Token | None:
    """The hospital or clinic at or in which the verb puts someone ("died at the Combined Military
    Hospital"), if any."""
    return next((g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "in")
                 for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in terms.care_places), None)


def is_tally(pred: Token, terms: CasualtyTerms) -> bool:
    """ "ASK recorded 87 deaths in political violence in the first nine months of the year": a monitor's
    tally over a stretch of time, not an incident's toll."""
    verb = pred.head if pred.dep_ in ("dobj", "obj") else pred
    if verb.lemma_.lower() not in terms.tally_verbs:
        return False
    spans = (g for holder in (verb, pred) for c in holder.children if c.dep_ == "prep"
             for g in c.children if g.dep_ == "pobj")
    return any(g.lemma_.lower() in terms.tally_spans for g in spans)


def is_period_count(pred: Token, terms: CasualtyTerms) -> bool:
    """ "it had neutralised seven terrorists during the previous week": a count over weeks up to now,
    many incidents' toll, not one's."""
    verb = pred.head if pred.dep_ in ("dobj", "obj") else pred
    spans = (g for holder in (verb, pred) for c in holder.children if c.dep_ == "prep"
             for g in c.children if g.dep_ == "pobj")
    return any(g.lemma_.lower() in terms.period_spans and any(
        a.dep_ == "amod" and a.lower_ in terms.period_adjectives for a in g.children) for g in spans)


def is_grievance(pred: Token, terms: CasualtyTerms) -> bool:
    """ "marched to protest against a spate of killings of women": what a crowd protests, not a toll
    of the event reported."""
    node = pred
    for _ in range(5):
        if node.dep_ not in ("pobj", "prep", "dobj", "pcomp", "compound") or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in terms.grievances:
            return True
    return False


def is_cited(pred: Token, terms: CasualtyTerms) -> bool:
    """ "in retaliation for a rocket attack that killed 12 children": the toll of an earlier incident
    the sentence cites, described in a clause of the noun that names it."""
    if pred.dep_ not in ("relcl", "acl"):
        return False
    incident = pred.head
    if incident.dep_ != "pobj" or incident.head.dep_ != "prep":
        return False
    prep = incident.head
    return prep.lower_ in terms.citing_preps or prep.head.lemma_.lower() in terms.citing_nouns


def is_attempted(pred: Token, terms: CasualtyTerms) -> bool:
    """ "a failed attempt to assassinate", "3 attempted murders": nobody died."""
    if any(c.lemma_.lower() in terms.attempt_words for c in pred.children if c.dep_ in ("amod", "compound")):
        return True
    if pred.dep_ == "advcl" and pred.tag_ == "VBG" and not any(c.lower_ == "to" for c in pred.children):
        return False  # "tried to get in, fatally stabbing an officer": the stabbing happened
    return pred.dep_ in ("xcomp", "acl", "advcl") and pred.head.lemma_.lower() in terms.attempt_words


def is_counted(tok: Token) -> bool:
    """A numbered noun, the number perhaps on a modifier: "over 200 others people"."""
    return is_numbered(tok) or any(is_number(t) for t in tok.doc[tok.left_edge.i:tok.i])


def is_numbered(tok: Token) -> bool:
    """A number, or a noun with a number on it: "15", "15 soldiers"."""
    return is_number(tok) or any(c.dep_ == "nummod" for c in tok.children)


def is_casualty_word(tok: Token, terms: CasualtyTerms) -> bool:
    """Whether a token reports casualties itself ("deaths", "wounded", "killed", "toll")."""
    lemma = tok.lemma_.lower()
    return lemma in terms.nouns or lemma in terms.complements or tok.lower_ in terms.complements \
        or lemma in terms.verbs or lemma in terms.toll_nouns


def is_none(tok: Token) -> bool:
    """ "no one was killed", "none died", "nobody": a zero, not a figure."""
    return tok.lower_ in ("none", "nobody", "noone") or any(
        c.lower_ == "no" and c.dep_ in ("det", "neg", "advmod") for c in tok.children)


def is_personish(tok: Token, terms: CasualtyTerms) -> bool:
    """Whether a seized thing is people: a number, a person noun, or "dozens of villagers"."""
    return is_number(tok) or terms.is_person(tok) or any(
        terms.is_person(g) for c in tok.children if c.dep_ == "prep" for g in c.children)


def is_number(tok: Token) -> bool:
    """Whether a token is a count: a digit, a number word or a vague quantity."""
    # "several dozen more wounded": "dozen" heads its count though it is no number alone
    return tok.like_num or tok.pos_ == "NUM" or tok.lower_ == "dozen" or alone_count(tok) is not None \
        or _reads_as_quantity(tok.text)


@functools.lru_cache(maxsize=4096)
def _reads_as_quantity(text: str) -> bool:
    # Asked for the same few words over and over; the full quantity pattern is the costly part.
    return NumberWords.load().parse(text) is not None


def alone_count(tok: Token) -> int | None:
    """The people a word like "another" counts when it is a whole noun phrase ("and another wounded"), else None."""
    # As a determiner or before a number ("another soldier", "another 29") it only adds to earlier counts.
    if tok.dep_ not in _ALONE_DEPS or any(c.dep_ in ("nummod", "quantmod") for c in tok.children):
        return None
    return NumberWords.load().alone.get(tok.lower_)
