"""The casualty vocabulary: words that report deaths, injuries and captures, and the sides victim nouns hint at."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from pathlib import Path

from spacy.tokens import Token

from faultline.data import read_toml
from faultline.errors import DataFileError

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "casualty_terms.toml"

SIDES = ("perpetrators", "state", "civilians")
# Determiners that make a noun refer back to people already met rather than count new ones.
DEFINITE = frozenset({"the", "these", "those", "this", "that", "both", "all", "each"})


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
            # verb lemma -> (the words after it, the kind, whose role it is to suffer)
            self.idioms: dict[str, list[tuple[tuple[str, ...], str, str]]] = defaultdict(list)
            for kind, lists in data["kinds"].items():
                for name, role in (("idioms", "intransitive"), ("object_idioms", "verb")):
                    for idiom in lists.get(name, ()):
                        verb, *rest = idiom.lower().split()
                        self.idioms[verb].append((tuple(rest), kind, role))
            self.life_nouns = frozenset(data["lives"]["nouns"])
            self.life_verbs = frozenset(data["lives"]["verbs"])
            self.toll_nouns = frozenset(data["toll"]["nouns"])
            self.first_reports = frozenset(data["toll"]["first_reports"])
            self.corrections = frozenset(data["toll"]["corrections"])
            self.toll_rises = frozenset(data["toll"]["rises"])
            self.toll_giving = frozenset(data["toll"]["giving"])
            self.rival_accounts = tuple(data["toll"]["rival_accounts"])
            self.toll_mods = {w: "killed" for w in data["toll"]["killed"] if w}
            self.toll_mods.update(dict.fromkeys(data["toll"]["injured"], "injured"))
            self.needs_person = frozenset(data["needs_person"]["verbs"])
            self.animals = frozenset(data["animals"]["nouns"])
            self.attempt_words = frozenset(data["attempts"]["words"])
            self.allegations = frozenset(data["allegations"]["words"])
            self.citing_nouns = frozenset(data["cited"]["nouns"])
            self.citing_preps = frozenset(data["cited"]["preps"])
            self.grievances = frozenset(data["cited"]["grievances"])
            self.span_nouns = frozenset(data["cumulative"]["span_nouns"])
            self.care_places = frozenset(data["care"]["places"])
            self.care_verbs = frozenset(data["care"]["verbs"])
            self.tally_verbs = frozenset(data["cumulative"]["tally_verbs"])
            self.tally_spans = frozenset(data["cumulative"]["tally_spans"])
            self.period_spans = frozenset(data["cumulative"]["period_spans"])
            self.period_adjectives = frozenset(data["cumulative"]["period_adjectives"])
            self.weak_injury = frozenset(data["weak_injury"]["verbs"])
            self.suffer_verbs = frozenset(data["weak_injury"]["suffer_verbs"])
            self.count_preps = frozenset(data["weak_injury"]["count_preps"])
            self.machine_particles = frozenset(data["weak_injury"]["machine_particles"])
            self.participant_verbs = frozenset(data["participants"]["verbs"])
            self.crowd_verbs = frozenset(data["participants"]["crowd_verbs"])
            self.crowd_nouns = frozenset(data["participants"]["nouns"])
            sides = data["sides"]
            self.sides = {w: side for side in SIDES for w in sides[side]}
            self.generic = frozenset(sides["generic"])
            self.additive = frozenset(sides["additive"])
            self.more = frozenset(sides["more"])
            self.persons = frozenset(sides["persons"])
            # Every word (lemma or form) without which no casualty figure can be read: a sentence
            # with none of them is skipped unread. "lives" because the parser may read it as "live".
            self.figure_words = frozenset(
                {*self.verbs, *self.intransitive, *self.complements, *self.nouns, *self.weak_injury,
                 *self.life_nouns, *self.life_verbs, *self.toll_nouns, *self.idioms, "lives"})
        except (KeyError, TypeError, AttributeError) as exc:
            raise DataFileError(f"casualty terms lack or mistype {exc}", subject=str(DATA_PATH)) from exc

    def idiom_kind(self, verb: Token) -> tuple[str | None, str]:
        """The kind an idiom of this verb reports ("embraced martyrdom"), with whose role it is to suffer,
        where the idiom's other words follow the verb in its phrase; else (None, "")."""
        after = [t.lower_ for t in verb.subtree if t.i > verb.i]
        for rest, kind, role in self.idioms.get(verb.lemma_.lower(), ()):
            if any(tuple(after[i:i + len(rest)]) == rest for i in range(len(after) - len(rest) + 1)):
                return kind, role
        return None, ""

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

    def names_a_toll(self, text: str) -> bool:
        """Whether a phrase names a toll ("the death toll", "bringing the toll to four")."""
        return not self.toll_nouns.isdisjoint(re.findall(r"[a-z]+", text.lower()))

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
        # A headline's capitalised plural ("Forty-Six Insurgents Killed") is tagged a proper noun and
        # keeps its plural lemma: its singular still names the side.
        own = (self.sides.get(noun.lemma_.lower()) or self.sides.get(noun.lower_)
               or self.sides.get(normalise_word(noun.lower_)))
        if own:
            return own
        # "four members of the security forces": whose members they are (a name, "of the Syrian Democratic
        # Forces", says no side by its words)
        whole = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"), None)
        return self.side_of(whole) if whole is not None else None

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

    def counts_animals(self, tok: Token) -> bool:
        """Whether a counted noun is creatures, not people: "cattle", "a hundred head of cattle"."""
        words = (tok, *(g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children))
        return any(w.lemma_.lower() in self.animals or w.lower_ in self.animals for w in words)

    def is_person(self, tok: Token) -> bool:
        """Whether a noun names people (so a singular one counts as 1)."""
        low, lemma, single = tok.lower_, tok.lemma_.lower(), normalise_word(tok.lower_)
        return (lemma in self.persons or low in self.persons or lemma in self.sides or low in self.sides
                or single in self.persons or single in self.sides
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
