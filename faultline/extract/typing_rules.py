"""The event-trigger lexicon and ACLED taxonomy as typed records, loaded from faultline/data."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from spacy.tokens import Doc

from faultline.data import read_toml
from faultline.errors import DataFileError

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
TRIGGERS_PATH = DATA_DIR / "triggers.toml"
EVENT_TYPES_PATH = DATA_DIR / "event_types.toml"
A = TypeVar("A")
T = TypeVar("T")

EVENT_TYPES: tuple[str, ...] = (
    "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
    "Strategic developments",
)
DISORDER_TYPES: tuple[str, ...] = (
    "Political violence", "Demonstrations", "Strategic developments",
    "Political violence; Demonstrations",
)
TAGS: frozenset[str] = frozenset({
    "battle", "attack", "harm", "lethal", "territory", "withdraw", "explosion", "air", "sexual",
    "abduct", "protest", "intervention", "riot", "mob", "agreement", "arrest", "capture", "change",
    "weapon_find", "hq", "loot", "other",
})
BLOCK_KINDS: frozenset[str] = frozenset({
    "disaster", "health", "accident", "crime", "diplomacy", "attribution",
})
DROP = "none"  # an agent/target mapping value that discards the trigger
KEEP = "keep"  # an agent/target mapping value that keeps the rule's own reading, unconfirmed

# Words that never inflect when a phrase is expanded (inflecting them only adds noise).
_FUNCTION_WORDS = frozenset({
    "a", "an", "the", "of", "on", "in", "into", "to", "up", "by", "for", "from", "with", "at",
    "and", "or", "his", "her", "their", "its", "out", "off", "down", "back", "under", "over",
    "as", "-", "all", "new",
})


@dataclass(frozen=True, slots=True)
class SubEventType:
    """One of ACLED's 25 sub-event types with its event type and disorder type."""

    name: str
    event_type: str
    disorder_type: str
    by_foreign_state: str | None = None  # coded instead when a foreign state's forces are actor1
    at_home: bool = False  # actor1, a state's forces, acts in its own country


@dataclass(frozen=True, slots=True)
class Rule:
    """One trigger entry of triggers.toml."""

    id: str
    sub_event_type: str
    weight: float
    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    pos: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    agent: Mapping[str, str] | None = None
    target: Mapping[str, str] | None = None
    requires_target: tuple[str, ...] = ()
    requires_context: tuple[str, ...] = ()
    civilian_targeting: bool = False
    cue: bool = True
    confirmed_weight: float | None = None  # weight once agent/target classes confirm the reading
    exclude: frozenset[str] = frozenset()  # case-sensitive surface forms that never fire ("March")
    victim_subject: bool = False  # the subject suffers the event ("protesters died")
    requires_head: tuple[str, ...] = ()  # the trigger must act in one of these (lemmas)
    found_by: tuple[str, ...] = ()  # the trigger must be what one of these verbs (lemmas) was done to
    excluded_destinations: frozenset[str] = frozenset()  # "to" objects that make it no event ("taken to hospital")


@dataclass(frozen=True, slots=True)
class Block:
    """Out-of-scope signal words (disasters, crime, diplomacy, attribution) and their weight."""

    kind: str
    weight: float
    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    beats: frozenset[str] = frozenset()  # trigger ids this signal overrules whatever their score
    pos: frozenset[str] = frozenset()  # the signal word's coarse POS must be one of these
    penalty: float = 0.0  # >0: only lowers the triggers of its own sentence by this much
    yields: bool = False  # gives way to clear political violence (attackers or arms named)
    yields_to_protest: bool = False  # gives way to a protest the incident is about


@dataclass(frozen=True, slots=True)
class WordClass:
    """A class of actors or objects: single words and multi-word phrases, lowercase."""

    name: str
    words: frozenset[str]
    phrases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the event typer knows, as loaded from the data files."""

    version: str
    taxonomy: Mapping[str, SubEventType]
    rules: tuple[Rule, ...]
    blocks: tuple[Block, ...]
    classes: tuple[WordClass, ...]  # in precedence order
    irregular: Mapping[str, tuple[str, ...]]
    background_preps: frozenset[str]
    background_nouns: frozenset[str]
    remembrance_nouns: frozenset[str]
    irrealis_verbs: frozenset[str]
    prevented_verbs: frozenset[str]
    modifier_heads: frozenset[str]
    attribution_words: frozenset[str]
    disarm_words: frozenset[str]
    former_words: frozenset[str] = frozenset()  # "a former police officer" is a civilian now
    carrier_words: frozenset[str] = frozenset()  # "packages containing explosives": see through
    violence_words: frozenset[str] = frozenset()  # attackers' arms, whatever their part of speech
    cue_words: tuple[str, ...] = ()  # cue-regex words beyond the cued rules' own


def load_taxonomy(path: Path | None = None) -> dict[str, SubEventType]:
    """Read event_types.toml: sub-event type name -> SubEventType."""
    path = path or EVENT_TYPES_PATH
    data = read_toml(path, what="the event-type lexicon")
    out: dict[str, SubEventType] = {}
    for entry in data.get("sub_event", []):
        name, etype, dtype = entry.get("name"), entry.get("event_type"), entry.get("disorder_type")
        if etype not in EVENT_TYPES or dtype not in DISORDER_TYPES or not name:
            raise DataFileError(f"bad sub_event entry {entry!r}", subject=str(path))
        if name in out:
            raise DataFileError(f"duplicate sub_event {name!r}", subject=str(path))
        at_home = entry.get("at_home", False)
        if not isinstance(at_home, bool):
            raise DataFileError(f"at_home of {name!r} must be true or false", subject=str(path))
        out[name] = SubEventType(name, etype, dtype, entry.get("by_foreign_state"), at_home)
    if len(out) != 25:
        raise DataFileError(f"expected ACLED's 25 sub-event types, found {len(out)}", subject=str(path))
    for sub in out.values():
        if sub.by_foreign_state is not None and sub.by_foreign_state not in out:
            raise DataFileError(f"{sub.name!r}: unknown by_foreign_state {sub.by_foreign_state!r}", subject=str(path))
    return out


def load_lexicon(path: Path | None = None, *, taxonomy_path: Path | None = None) -> Lexicon:
    """Read and validate triggers.toml against the taxonomy."""
    path = path or TRIGGERS_PATH
    taxonomy = load_taxonomy(taxonomy_path)
    data = read_toml(path, what="the event-type lexicon")
    where = str(path)
    classes = tuple(
        WordClass(name, frozenset(w for w in words if " " not in w),
                  tuple(w for w in words if " " in w))
        for name, words in _table(data, "classes", where).items()
    )
    class_names = {c.name for c in classes}
    rules = tuple(_rule(entry, taxonomy, class_names, where) for entry in data.get("trigger", []))
    ids = [r.id for r in rules]
    if len(set(ids)) != len(ids):
        raise DataFileError("duplicate trigger ids", subject=where)
    blocks = tuple(_block(entry, set(ids), where) for entry in data.get("block", []))
    context = _table(data, "context", where)
    irregular = {k: tuple(v) for k, v in _table(data, "irregular", where).items()}
    return Lexicon(
        version=str(data.get("version", "")),
        taxonomy=taxonomy,
        rules=rules,
        blocks=blocks,
        classes=classes,
        irregular=irregular,
        background_preps=frozenset(context.get("background_preps", ())),
        background_nouns=frozenset(context.get("background_nouns", ())),
        remembrance_nouns=frozenset(context.get("remembrance_nouns", ())),
        irrealis_verbs=frozenset(context.get("irrealis_verbs", ())),
        prevented_verbs=frozenset(context.get("prevented_verbs", ())),
        modifier_heads=frozenset(context.get("modifier_heads", ())),
        attribution_words=frozenset(context.get("attribution_words", ())),
        former_words=frozenset(context.get("former_words", ())),
        disarm_words=frozenset(context.get("disarm_words", ())),
        carrier_words=frozenset(context.get("carrier_words", ())),
        violence_words=frozenset(context.get("violence_words", ())),
        cue_words=_strings(_table(data, "cue", where), "words", where),
    )


def phrase_words(phrase: str) -> list[str]:
    """Split a lexicon phrase the way spaCy's English tokenizer splits it (hyphens are tokens)."""
    words: list[str] = []
    for piece in phrase.lower().split():
        words.extend(w for w in re.split(r"(?<=[a-z])(-)(?=[a-z])", piece) if w)
    return words


def inflect(word: str, irregular: Mapping[str, Iterable[str]]) -> set[str]:
    """A word's regular inflections (plural/3sg, past, -ing) plus its irregular forms."""
    w = word.lower()
    if w in _FUNCTION_WORDS or not w.isalpha():
        return {w}
    if w.endswith("e"):
        forms = {w, w + "s", w + "d", w[:-1] + "ing"}
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        forms = {w, w + "es", w + "ed", w + "ing"}
    elif w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        forms = {w, w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
    else:
        forms = {w, w + "s", w + "ed", w + "ing"}
    # Doubled final consonant after a single vowel: stab -> stabbed; patrol -> patrolled.
    if len(w) >= 3 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    forms |= set(irregular.get(w, ()))
    return forms


def phrase_forms(phrase: str, irregular: Mapping[str, Iterable[str]]) -> list[set[str]]:
    """Per-token sets of lowercase forms a phrase may take in text."""
    return [inflect(w, irregular) for w in phrase_words(phrase)]


def trie_regex(alternatives: Iterable[str]) -> str:
    """A regex alternation built as a trie, so matching cost does not grow with the word count."""
    trie: dict[str, Any] = {}
    for alt in alternatives:
        node = trie
        for ch in alt:
            node = node.setdefault(ch, {})
        node[""] = True
    return _trie_to_regex(trie)


def _trie_to_regex(node: dict[str, Any]) -> str:
    end = "" in node
    branches = [re.escape(ch) + _trie_to_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        body = "(?:" + body + ")?"
    return body


def _table(data: Mapping[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise DataFileError(f"[{key}] must be a table", subject=where)
    return value


def _strings(entry: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(f"{key!r} must be a list of non-empty strings in {entry.get('id')!r}",
                            subject=where)
    return tuple(v.lower() for v in value)


def _rule(entry: Mapping[str, Any], taxonomy: Mapping[str, SubEventType], class_names: set[str],
          where: str) -> Rule:
    rid = entry.get("id")
    sub = entry.get("sub_event_type")
    weight = entry.get("weight")
    if not isinstance(rid, str) or not rid:
        raise DataFileError(f"trigger without id: {entry!r}", subject=where)
    if sub not in taxonomy:
        raise DataFileError(f"{rid}: unknown sub_event_type {sub!r}", subject=where)
    if not isinstance(weight, (int, float)) or not 0 < weight <= 1:
        raise DataFileError(f"{rid}: weight must be in (0, 1]", subject=where)
    words, phrases = _strings(entry, "words", where), _strings(entry, "phrases", where)
    if not words and not phrases:
        raise DataFileError(f"{rid}: no words or phrases", subject=where)
    tags = frozenset(_strings(entry, "tags", where))
    if tags - TAGS:
        raise DataFileError(f"{rid}: unknown tags {sorted(tags - TAGS)}", subject=where)
    maps = {}
    for key in ("agent", "target"):
        mapping = entry.get(key) or {}
        for cls, value in mapping.items():
            if cls not in class_names or (value not in (DROP, KEEP) and value not in taxonomy):
                raise DataFileError(f"{rid}: bad {key} mapping {cls!r} -> {value!r}", subject=where)
        maps[key] = dict(mapping) or None
    for key in ("requires_target", "requires_context"):
        unknown = set(_strings(entry, key, where)) - class_names
        if unknown:
            raise DataFileError(f"{rid}: {key} names unknown classes {sorted(unknown)}", subject=where)
    return Rule(
        id=rid, sub_event_type=sub, weight=float(weight), words=words, phrases=phrases,
        pos=frozenset(p.upper() for p in _strings(entry, "pos", where)), tags=tags,
        agent=maps["agent"], target=maps["target"],
        requires_target=_strings(entry, "requires_target", where),
        requires_context=_strings(entry, "requires_context", where),
        civilian_targeting=bool(entry.get("civilian_targeting", False)),
        cue=bool(entry.get("cue", True)),
        confirmed_weight=_weight(entry, "confirmed_weight", rid, where),
        exclude=frozenset(entry.get("exclude", [])),
        victim_subject=bool(entry.get("victim_subject", False)),
        requires_head=_strings(entry, "requires_head", where),
        found_by=_strings(entry, "found_by", where),
        excluded_destinations=frozenset(_strings(entry, "excluded_destinations", where)),
    )


def _weight(entry: Mapping[str, Any], key: str, rid: str, where: str) -> float | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, (int, float)) or not 0 < value <= 1:
        raise DataFileError(f"{rid}: {key} must be in (0, 1]", subject=where)
    return float(value)


def _block(entry: Mapping[str, Any], rule_ids: set[str], where: str) -> Block:
    kind, weight = entry.get("kind"), entry.get("weight")
    if kind not in BLOCK_KINDS:
        raise DataFileError(f"unknown block kind {kind!r}", subject=where)
    if not isinstance(weight, (int, float)) or not 0 < weight <= 1:
        raise DataFileError(f"block {kind}: weight must be in (0, 1]", subject=where)
    words, phrases = _strings(entry, "words", where), _strings(entry, "phrases", where)
    if not words and not phrases:
        raise DataFileError(f"block {kind}: no words or phrases", subject=where)
    beats = frozenset(entry.get("beats", []))
    if beats - rule_ids:
        raise DataFileError(f"block {kind}: beats unknown triggers {sorted(beats - rule_ids)}",
                            subject=where)
    penalty = entry.get("penalty", 0.0)
    if not isinstance(penalty, (int, float)) or not 0 <= penalty <= 1:
        raise DataFileError(f"block {kind}: penalty must be in [0, 1]", subject=where)
    pos = frozenset(p.upper() for p in _strings(entry, "pos", where))
    yields = entry.get("yields_to_violence", False)
    to_protest = entry.get("yields_to_protest", False)
    if not isinstance(yields, bool) or not isinstance(to_protest, bool):
        raise DataFileError(f"block {kind}: yields_to_violence and yields_to_protest must be true or false",
                            subject=where)
    return Block(kind, float(weight), words, phrases, beats, pos, float(penalty), yields, to_protest)


class DocMemo:
    """Values computed once per key (a sentence's or a word's position) of the doc being read.

    Typing reads a sentence for its own triggers, then again as a neighbour of every incident
    near it, and a noun phrase for every trigger around it. The memo holds the last doc by
    reference (not by id), so it never answers for another doc, and drops it when another comes.
    """

    def __init__(self) -> None:
        self._doc: object = None
        self._values: dict[Hashable, Any] = {}

    def get(self, doc: Doc, key: Hashable, compute: Callable[[A], T], arg: A) -> T:
        """`compute(arg)`, computed on the first call for `key` in `doc`."""
        if doc is not self._doc:
            self._doc, self._values = doc, {}
        values = self._values
        if key not in values:
            values[key] = compute(arg)
        return values[key]


class PhraseIndex:
    """Finds lexicon phrases in a token sequence by lowercase form: a dict lookup per token.

    spaCy's Matcher evaluates every pattern's first-token predicate at every token, which costs
    ~40 ms a sentence with this lexicon's thousands of inflected patterns; a hash on the first
    word keeps triggers() in the tens of microseconds.
    """

    def __init__(self) -> None:
        self._first: dict[str, list[tuple[tuple[frozenset[str], ...], str]]] = {}

    def add(self, label: str, forms: Sequence[set[str]]) -> None:
        """Register one phrase (per-token form sets) under `label`."""
        rest = tuple(frozenset(fs) for fs in forms[1:])
        for form in forms[0]:
            self._first.setdefault(form, []).append((rest, label))

    def find(self, words: Sequence[str]) -> list[tuple[str, int, int]]:
        """(label, start, end) of every phrase occurrence in lowercase `words`."""
        out = []
        n = len(words)
        first = self._first
        for i, word in enumerate(words):
            entries = first.get(word)
            if entries is None:
                continue
            for rest, label in entries:
                # Most phrases are one word, and most longer ones fail on their second word:
                # check those before the general loop.
                if not rest:
                    out.append((label, i, i + 1))
                    continue
                end = i + 1 + len(rest)
                if end <= n and words[i + 1] in rest[0] and all(
                        words[i + 1 + k] in fs for k, fs in enumerate(rest)):
                    out.append((label, i, end))
        return out
