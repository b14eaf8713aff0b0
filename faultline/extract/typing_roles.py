"""Reading a trigger's context from the parse: who acts, who is hit, and how salient it is."""

from __future__ import annotations

from spacy.tokens import Span, Token

from faultline.extract.casualty_terms import DEFINITE, CasualtyTerms
from faultline.extract.typing_rules import DocMemo, Lexicon
from faultline.nlp.place_names import is_place_name
from faultline.nlp.text import span_text

# Dependency labels, POS tags and entity labels are spaCy's (ClearNLP / OntoNotes) schemes.
_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "X", "PRON"})
_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "appos"})
_MEANS = frozenset({"in", "with", "by", "using"})  # prepositions of what a verb's doer used
_TARGET_PREPS = frozenset({"on", "at", "against", "upon", "into", "toward", "towards", "targeting",
                           "of", "with", "between"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# Classes of people serving in a force; "former" or "retired" makes them civilians.
_SERVING = frozenset({"state", "armed"})
_CLAUSE_LINKS = frozenset({"advcl", "xcomp", "conj", "pcomp", "ccomp", "relcl"})
# Heads that only count something ("dozens of soldiers", "members of the army"): look inside.
_COUNT_HEADS = frozenset({"member", "members", "dozen", "dozens", "hundred", "hundreds", "number",
                          "scores", "some", "many", "group", "personnel", "unit", "units",
                          "element", "elements", "one", "two", "three", "several", "tens",
                          "thousands", "body", "bodies", "rest", "all", "most", "none", "each",
                          "control", "length", "part", "parts", "much", "side", "half"})


class RoleReader:
    """Classifies the noun phrases around a trigger into the lexicon's word classes."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._word_class: dict[str, frozenset[str]] = {}
        for cls in lexicon.classes:  # a word may belong to several ("village": civilian, place)
            for word in cls.words:
                self._word_class[word] = self._word_class.get(word, frozenset()) | {cls.name}
        # Multi-word class phrases by first word: a phrase can only match where its first
        # word is a whole word of the text, so only those few are tried.
        self._phrases: dict[str, list[tuple[str, str]]] = {}
        for cls in lexicon.classes:
            for phrase in cls.phrases:
                self._phrases.setdefault(phrase.split()[0], []).append((phrase, cls.name))
        self._sentence_classes = DocMemo()
        self._phrase_heads = DocMemo()  # a noun phrase is read for every trigger around it

    def sentence_classes(self, sent: Span) -> frozenset[str]:
        """Every word class mentioned anywhere in the sentence."""
        # Asked for a sentence's triggers and again for each incident it is part of or next to.
        return self._sentence_classes.get(sent.doc, (sent.start, sent.end), self._read_sentence_classes, sent)

    def _read_sentence_classes(self, sent: Span) -> frozenset[str]:
        found = {c for t in sent for c in self.token_class(t)}
        found.update(self._phrase_classes(" " + span_text(sent).lower() + " "))
        if any(t.ent_type_ in _PLACE_ENTS or is_place_name(t) for t in sent):
            found.add("place")
        return frozenset(found)

    def roles(self, span: Span, anchor: Token, *, harm: bool,
              victim_subject: bool = False) -> tuple[frozenset[str], frozenset[str]]:
        """Classes of the trigger's agents (who acts) and targets (who or what is hit)."""
        agents: list[Token] = []
        targets: list[Token] = []
        head = anchor
        if head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head  # "suicide bomb attack": read the roles of "attack"
        elif head.dep_ in ("advmod", "amod") and head.pos_ in ("ADV", "ADJ"):
            head = head.head  # "violently suppressed": read the roles of "suppressed"
        elif all(t.pos_ in ("ADP", "PART") for t in span) and head.head.pos_ == "VERB":
            head = head.head  # a bare particle: "drove the militants out of" is read at "drove"
        if head.pos_ in ("VERB", "AUX"):
            self._verb_roles(span, head, agents, targets)
        else:
            self._noun_roles(head, agents, targets, harm=harm)
        if not targets:
            # "a sniper shot and wounded a 14-year-old girl": words joined on one object share it (the small
            # model may read "shot" as a noun there)
            targets.extend(g for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"
                           for g in c.children if g.dep_ in ("dobj", "obj"))
        if victim_subject and not _acts_on_object(head):  # "four protesters died": the subject is the one hit
            # ... but "were killed by RSF fighters" names who killed them
            named_by = [t for t in agents if t.dep_ == "pobj" and t.head.dep_ == "agent"]
            # (the one who says the clause is no one hit: "a third was wounded ..., police said"; nor the one
            # who gives a toll: "the army spokesman put the toll at 24 civilians killed")
            own = [t for t in agents if t not in named_by and not _says(t, head)
                   and not (head.pos_ == "NOUN" and t.head.lemma_.lower() in CasualtyTerms.load().toll_giving)]
            targets, agents = targets + own, named_by
        hit = self._classes(targets)
        if not hit and any(_nationals(t) for t in targets):
            hit = _CIVILIAN  # "shot dead two Palestinians": people known only by nationality are civilians
        return self._classes(agents), hit

    def governed_by(self, anchor: Token, lemmas: tuple[str, ...]) -> bool:
        """True when the trigger acts in one of these verbs or nouns (or is used in them).

        What a verb is done to does not act in it: "damaged passenger planes", "a jet was shot
        down". Deeper objects still count: "launched a strike with drones".
        """
        if anchor.dep_ in ("dobj", "nsubjpass"):
            return False
        tok, hops = anchor, 0
        while tok.head.i != tok.i and hops < 3:
            if tok.dep_ not in ("nsubj", "nsubjpass", "agent", "pobj", "compound", "amod", "conj",
                                "prep", "dobj", "poss", "nmod"):
                return False
            tok, hops = tok.head, hops + 1
            if tok.lemma_.lower() in lemmas:
                return True
        return False

    def disarmed(self, anchor: Token) -> bool:
        """True when a weapon word is what was found, seized or defused, not what was used.

        A container passes its fate on: "packages containing explosives were found" found the
        explosives, "shells containing poison gas were fired" fired the gas.
        """
        tok, hops = anchor, 0
        while tok.head.i != tok.i and hops < 3:
            if tok.dep_ not in ("dobj", "nsubjpass", "pobj", "compound", "conj", "prep", "appos",
                                "acl", "amod", "nmod"):
                return False
            if tok.dep_ == "prep" and tok.lower_ in _MEANS and tok.head.pos_ == "VERB":
                return False  # "neutralised several terrorists in drone strikes": what was used
            tok = tok.head
            word = tok.lemma_.lower()
            if word in self.lexicon.disarm_words:
                return True
            if word not in self.lexicon.carrier_words:
                hops += 1
        return False

    def salience(self, anchor: Token, *, span: Span | None = None) -> float:
        """Score adjustment: main-clause triggers up; background, irrealis, modifiers down.

        `span`: the matched phrase; a negation inside it is part of its meaning ("did not
        encounter any resistance"), so it does not negate the event.
        """
        lex = self.lexicon
        adjust = 0.0
        depth, tok = 0, anchor
        while tok.head.i != tok.i and depth < 8:
            tok, depth = tok.head, depth + 1
        adjust += {0: 0.1, 1: 0.05}.get(depth, -0.05 if depth >= 4 else 0.0)
        mod = anchor
        while mod.dep_ == "conj" and mod.head.i != mod.i:
            mod = mod.head  # "nuclear and missile programs": a conjunct modifies what its first does
        if mod.dep_ in _MODIFIERS and (mod.head.lower_ in lex.modifier_heads
                                       or mod.head.lemma_.lower() in lex.modifier_heads):
            adjust -= 0.3
        if anchor.dep_ == "acl" and anchor.tag_ == "VBG" and anchor.head.pos_ == "NOUN":
            # "fuel for Russian troops fighting in Ukraine": who they are; "a mine targeting a vehicle
            # went off": what it was for
            adjust -= 0.3
        described = anchor.head if anchor.dep_ == "amod" else anchor if anchor.pos_ == "ADJ" else None
        if anchor.tag_ in ("VBN", "JJ") and described is not None and any(
                c.dep_ == "det" and c.lower_ in DEFINITE for c in described.children):
            # "two of the abducted people were freed", "described the dead as terrorists": people a
            # told event already took
            adjust -= 0.5
        elif anchor.tag_ == "VBN" and anchor.dep_ == "amod":
            # "about 150 displaced people gathered": what they are, from an event told elsewhere if at all
            adjust -= 0.2
        tok, hops = anchor, 0
        while tok.head.i != tok.i and hops < 4:
            child, tok, hops = tok, tok.head, hops + 1
            word = tok.lemma_.lower()
            if tok.dep_ == "prep" and tok.lower_ in lex.background_preps and child.dep_ == "pobj":
                adjust -= 0.2
                break
            if word in lex.background_nouns:
                adjust -= 0.2
                break
            if word in lex.remembrance_nouns:
                adjust -= 0.5
                break
            if word in lex.attribution_words:
                adjust -= 0.35
                break
            if tok.pos_ in ("VERB", "AUX", "ADJ") and word in lex.irrealis_verbs and child.dep_ in (
                    "xcomp", "dobj", "ccomp", "prep", "advcl"):
                adjust -= 0.4  # threatened, planned, denied: not an event that happened
                break
            if tok.pos_ == "VERB" and word in lex.prevented_verbs and child.dep_ in ("dobj", "xcomp"):
                adjust -= 0.8  # foiled: certainly none (how it was foiled, "arresting three", happened)
                break
        inside = range(span.start, span.end) if span is not None else range(0)
        if any((c.dep_ == "neg" or c.lower_ == "no") and c.i not in inside
               for c in anchor.children) or any(
                c.dep_ == "neg" and c.i not in inside
                for c in anchor.head.children if anchor.dep_ in ("dobj", "xcomp")):
            adjust -= 0.45  # "no arrests were made" reports no event, whatever else it reports
        if any(c.lower_ in ("would", "could", "might", "may") for c in anchor.children):
            adjust -= 0.2
        if anchor.pos_ == "NOUN" and any(c.dep_ in ("acl", "amod") and c.tag_ == "VBN"
                                         and c.lemma_.lower() in lex.irrealis_verbs for c in anchor.children):
            adjust -= 0.4  # "a rally planned for Thursday", "a planned attack": not one that happened
        if _tallied(anchor):
            adjust -= 0.5  # "FTDES recorded 270 protest actions in June": a monitor's count, no event
        return adjust

    # ------------------------------------------------------------------ internals
    def _verb_roles(self, span: Span, verb: Token, agents: list[Token], targets: list[Token]) -> None:
        """Subjects act; objects, passive subjects and `on/at/against` objects are hit."""
        for tok in (verb, *[t for t in span if t.i != verb.i]):
            for c in tok.children:
                if c.dep_ == "nsubj":
                    agents.append(c)
                elif c.dep_ == "agent":
                    agents.extend(g for g in c.children if g.dep_ == "pobj")
                elif c.dep_ in ("dobj", "nsubjpass", "dative", "attr"):
                    targets.append(c)
                elif c.dep_ == "prep" and c.lower_ in _TARGET_PREPS:
                    targets.extend(g for g in c.children if g.dep_ == "pobj")
        # "attacked the post, killing 12 soldiers": a participle's actor is the main clause's subject.
        tok, hops = verb, 0
        while not agents and (tok.dep_ in _CLAUSE_LINKS or tok.dep_ == "prep"
                              or tok.head.dep_ == "prep") and hops < 3:
            tok, hops = tok.head, hops + 1
            agents.extend(c for c in tok.children if c.dep_ == "nsubj")
            for c in tok.children:
                if c.dep_ == "agent":
                    agents.extend(g for g in c.children if g.dep_ == "pobj")

    def _noun_roles(self, noun: Token, agents: list[Token], targets: list[Token], *,
                    harm: bool) -> None:
        """`Taliban attack on a checkpoint`, `attack by militants`, `the killing of protesters`."""
        between = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "between"
                   for g in c.children if g.dep_ == "pobj"]
        if between:
            # "fighting between rival armed groups" killed nine: the sides fought each other, whoever died
            sides = [*between, *(g for t in between for g in t.conjuncts)]
            agents.extend(sides)
            targets.extend(sides)
            return
        for c in noun.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod"):
                # (of harm, the modifier is who suffered it, "civilian deaths", unless it names fighters:
                # "a Houthi sniper shot")
                (targets if harm and not self.token_class(c) & _FIGHTERS else agents).append(c)
            elif c.dep_ == "prep" and c.lower_ == "by":
                agents.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "prep" and c.lower_ in _TARGET_PREPS and (harm or c.lower_ != "of"):
                targets.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ == "acl":  # "an attack targeting soldiers", "a bomb planted by rebels"
                for g in c.children:
                    if g.dep_ == "dobj":
                        targets.append(g)
                    elif g.dep_ == "agent":
                        agents.extend(x for x in g.children if x.dep_ == "pobj")
        verb = noun.head
        if noun.dep_ in ("dobj", "attr") and verb.pos_ in ("VERB", "AUX"):
            # "militants launched an attack": the launcher acts.
            agents.extend(c for c in verb.children if c.dep_ == "nsubj")
            targets.extend(g for c in verb.children if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS
                           for g in c.children if g.dep_ == "pobj")
        elif noun.dep_ in ("nsubj", "nsubjpass") and verb.pos_ in ("VERB", "AUX"):
            # "a roadside bomb killed five soldiers", "clashes left 3 militants dead"
            targets.extend(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass"))
        elif noun.dep_ == "pobj" and verb.dep_ == "prep" and verb.head.pos_ in ("VERB", "AUX"):
            # "five soldiers were killed in an ambush"
            targets.extend(c for c in verb.head.children if c.dep_ in ("nsubjpass", "dobj"))

    def _classes(self, toks: list[Token]) -> frozenset[str]:
        """Word classes of the noun phrases headed by `toks` (and their conjuncts)."""
        found: set[str] = set()
        seen: set[int] = set()
        stack = list(toks)
        while stack:
            tok = stack.pop()
            if tok.i in seen:
                continue
            seen.add(tok.i)
            stack.extend(c for c in tok.children if c.dep_ == "conj")
            found.update(self._phrase_heads.get(tok.doc, tok.i, self._np_classes, tok))
        return frozenset(found)

    def _np_classes(self, head: Token) -> set[str]:
        """Classes of one noun phrase: its head, modifiers, and what a counting head counts."""
        toks = list(head.doc[head.left_edge.i: head.i + 1])  # "the Afghan security force members"
        # "seven people, including two soldiers": who the people were
        toks.extend(g for c in head.children if c.dep_ == "prep" and c.lower_ == "including"
                    for g in c.children if g.dep_ == "pobj")
        if head.lower_ in _COUNT_HEADS or head.pos_ == "NUM":
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            toks.extend(head.doc[g.left_edge.i: g.i + 1])
                elif c.dep_ == "prep" and c.lower_ == "over" and head.lower_ == "control":
                    toks.extend(g for g in c.children if g.dep_ == "pobj")
        found = {c for t in toks for c in self.token_class(t)}
        found.update(self._phrase_classes(
            " " + " ".join(t.lower_ for t in sorted(toks, key=lambda t: t.i)) + " "))
        if any(t.ent_type_ in _PLACE_ENTS or is_place_name(t) for t in toks):
            found.add("place")
        if found & _SERVING and any(t.lower_ in self.lexicon.former_words for t in toks):
            found = found - _SERVING | {"civilian"}
        return found

    def _phrase_classes(self, text: str) -> set[str]:
        """Classes of the multi-word phrases in `text` (lowercase, padded with spaces)."""
        found = set()
        for word in set(text.split()).intersection(self._phrases):
            found.update(name for phrase, name in self._phrases[word] if f" {phrase} " in text)
        return found

    def token_class(self, tok: Token) -> frozenset[str]:
        """The word classes of one word ("soldiers": state), by its lemma and its written form."""
        if tok.pos_ not in _NOMINAL or tok.ent_type_ == "DATE":
            return frozenset()  # ("on 2 March 2026": the month, no march)
        if tok.pos_ == "PROPN" and tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
            return frozenset()  # a word inside a name: "National" in "National Guard" names no nationals
        get = self._word_class.get
        empty: frozenset[str] = frozenset()
        lower = tok.lower_  # each spaCy string attribute is a vocabulary lookup: read once
        # Lemma and surface form both: the lemmatizer reads "bases" as "basis".
        found = get(tok.lemma_.lower(), empty) | get(lower, empty)
        return found | get(lower[:-1], empty) if lower.endswith("s") else found


_FIGHTERS = frozenset({"armed", "state"})  # the word classes of who fights


def _tallied(anchor: Token) -> bool:
    """Whether a trigger noun is what a monitor counted over a time: "recorded 270 protest actions"."""
    counted = anchor.head if anchor.dep_ == "compound" else anchor
    return counted.dep_ in ("dobj", "nsubjpass") and counted.head.lemma_.lower() in CasualtyTerms.load().tally_verbs \
        and any(c.dep_ == "nummod" for c in counted.children)


def _acts_on_object(verb: Token) -> bool:
    """An active verb with a direct object: its subject acts on it ("gunmen wounded two guards"),
    where a passive or intransitive one's subject suffers ("two guards were wounded")."""
    return verb.pos_ == "VERB" and any(child.dep_ == "dobj" for child in verb.children)


_CIVILIAN = frozenset({"civilian"})


def _says(subject: Token, clause: Token) -> bool:
    """Whether the subject is that of a verb the clause is the complement of ("police said" over "a third
    was wounded"): the speaker, not a party to what the clause tells."""
    tok = clause
    while tok.head.i != tok.i:
        if tok.dep_ == "ccomp" and tok.head.i == subject.head.i:
            return True
        tok = tok.head
    return False


def _nationals(token: Token) -> bool:
    """A plural nationality or people as a noun: "two Palestinians", "three Afghans"."""
    return token.ent_type_ == "NORP" and token.tag_ in ("NNPS", "NNS")
