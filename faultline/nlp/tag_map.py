"""The attribute ruler's one-token rules as a lookup table: the stock results, without the Matcher.

en_core_web_sm's attribute_ruler maps most tokens by exact attribute values ("TAG": "NN" -> POS
and morph, "LOWER" + "TAG" -> lemma). Run through spaCy's Matcher and a Span per match, those
rules cost about a tenth of the whole model; looked up by each token's (TAG, LOWER, DEP, IS_SPACE)
they cost a dict lookup. Multi-token and other patterns keep going through a Matcher.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs
from spacy.vocab import Vocab

# spaCy forbids dots in factory names, so the versioned name uses underscores.
FACTORY = "faultline_tag_map_v1"
# Token attributes a table rule may test (by exact value), in the order of the lookup key.
_KEY_ATTRS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_KEY_COLUMNS = list(_KEY_ATTRS.values())


_Test = dict[int, Callable[[int], bool]]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class _Rule:
    """One AttributeRuler entry (its id orders rules: a later one overrides an earlier one)."""

    rule_id: int
    attrs: dict[Any, Any]
    index: int


@dataclass(frozen=True, slots=True)
class _Plan:
    """The table rules a token key matches, their attributes merged in rule order, and whether the
    token can start one of the Matcher's patterns."""

    rules: list[_Rule]
    attrs: dict[Any, Any]
    starts_match: bool


class _ByValue(Generic[T]):
    """Items filed under one exact value their pattern requires (see TagMap._bucket), so that a key
    reads the few filed under its own values, not all of them."""

    def __init__(self) -> None:
        self._filed: dict[tuple[int, int], list[T]] = {}
        self._unfiled: list[T] = []

    def add(self, bucket: tuple[int, int] | None, item: T) -> None:
        (self._unfiled if bucket is None else self._filed.setdefault(bucket, [])).append(item)

    def candidates(self, key: tuple[int, ...]) -> list[T]:
        """The items a token with this key may pass: those filed under its TAG or LOWER, and the unfiled."""
        return [*self._filed.get((0, key[0]), ()), *self._filed.get((1, key[1]), ()), *self._unfiled]


class TagMap:
    """An AttributeRuler whose one-token patterns are applied by table lookup."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler") -> None:
        self.vocab = vocab
        self.name = name
        self.matcher = Matcher(vocab)
        self._rules: list[_Rule] = []
        # The table's alternative patterns (rule, test): planning a new key reads a few rules, not the whole table.
        self._table: _ByValue[tuple[_Rule, _Test]] = _ByValue()
        # Tests on the first token of the Matcher's patterns; None once one cannot be a test.
        self._starts: _ByValue[_Test] | None = _ByValue()
        self._plans: dict[tuple[int, ...], _Plan] = {}

    def add_patterns(self, patterns: Iterable[Mapping[str, Any]]) -> None:
        """Add rules in AttributeRuler.patterns' format (patterns, attrs, index), in order."""
        for pattern in patterns:
            rule = _Rule(len(self._rules), normalize_token_attrs(self.vocab, pattern["attrs"]),
                         pattern.get("index", 0))
            self._rules.append(rule)
            token_patterns = pattern["patterns"]
            tests = [self._test(p[0]) if len(p) == 1 else None for p in token_patterns]
            if "_" not in rule.attrs and all(test is not None for test in tests):
                for token_pattern, test in zip(token_patterns, tests):
                    self._table.add(self._bucket(token_pattern[0]), (rule, test))
                continue
            self.matcher.add(str(rule.rule_id), token_patterns)
            for token_pattern in token_patterns:
                start = self._test(token_pattern[0]) if token_pattern else None
                if start is None:
                    self._starts = None
                elif self._starts is not None:
                    self._starts.add(self._bucket(token_pattern[0]), start)
        self._plans.clear()

    def _test(self, spec: Mapping[str, Any]) -> _Test | None:
        """One token's pattern as key-position -> test of the value there; None if the key cannot decide it."""
        names = list(_KEY_ATTRS)
        test = {}
        for name, value in spec.items():
            name = str(name).upper()
            check = self._value_test(value) if name in _KEY_ATTRS else None
            if check is None:
                return None
            test[names.index(name)] = check
        return test

    def _bucket(self, spec: Mapping[str, Any]) -> tuple[int, int] | None:
        """(key position, string hash) of an exact LOWER or TAG value the pattern requires, if any."""
        values = {str(name).upper(): value for name, value in spec.items()}
        for name in ("LOWER", "TAG"):
            if isinstance(values.get(name), str):
                return list(_KEY_ATTRS).index(name), self.vocab.strings.add(values[name])
        return None

    def _value_test(self, value: Any) -> Callable[[int], bool] | None:
        """The Matcher's test of one attribute value (a string hash or a flag), as a function."""
        if isinstance(value, bool):
            return int(value).__eq__
        if isinstance(value, str):
            return self.vocab.strings.add(value).__eq__
        if not isinstance(value, Mapping) or len(value) != 1:
            return None
        (operator, argument), = value.items()
        if operator in ("IN", "NOT_IN") and all(isinstance(v, str) for v in argument):
            hashes = frozenset(self.vocab.strings.add(v) for v in argument)
            return hashes.__contains__ if operator == "IN" else (lambda h: h not in hashes)
        if operator == "REGEX" and isinstance(argument, str):
            regex = re.compile(argument)
            return lambda h: regex.search(self.vocab.strings[h]) is not None
        return None

    def __call__(self, doc: Doc) -> Doc:
        """Set the attributes every rule gives, later rules overriding earlier ones, as the stock ruler does."""
        plans = []
        for key in doc.to_array(_KEY_COLUMNS).tolist():
            key = tuple(key)
            plan = self._plans.get(key)
            if plan is None:
                plan = self._plans[key] = self._plan(key)
            plans.append(plan)
        extra = self._matched(doc) if any(plan.starts_match for plan in plans) else {}
        for i, plan in enumerate(plans):
            if i in extra:
                token = doc[i]
                for rule in sorted([*plan.rules, *extra[i]], key=lambda r: r.rule_id):
                    set_token_attrs(token, rule.attrs)
            elif plan.attrs:
                set_token_attrs(doc[i], plan.attrs)
        return doc

    def _plan(self, key: tuple[int, ...]) -> _Plan:
        """What the table does to a token with this key."""
        matched = {rule.rule_id: rule for rule, test in self._table.candidates(key) if _passes(test, key)}
        rules = [matched[rule_id] for rule_id in sorted(matched)]
        merged: dict[Any, Any] = {}
        for rule in rules:
            merged.update(rule.attrs)
        starts = self._starts is None or any(_passes(test, key) for test in self._starts.candidates(key))
        return _Plan(rules, merged, starts)

    def _matched(self, doc: Doc) -> dict[int, list[_Rule]]:
        """Token index -> the Matcher's rules that set its attributes."""
        targets: dict[int, list[_Rule]] = {}
        for match_id, start, end in self.matcher(doc, allow_missing=True, as_spans=False):
            rule = self._rules[int(self.vocab.strings[match_id])]
            length = end - start
            if not -length <= rule.index < length:
                raise ValueError(f"attribute rule {rule.rule_id}: index {rule.index} outside a match of {length}")
            targets.setdefault(start + rule.index % length, []).append(rule)
        return targets


def _passes(test: _Test, key: tuple[int, ...]) -> bool:
    # A loop, not all() over a generator: every new word's key is tested against a dozen rules.
    for position, check in test.items():
        if not check(key[position]):
            return False
    return True


def make_tag_map(nlp: Language, name: str) -> TagMap:
    """spaCy factory for TagMap (patterns are added after creation, from the ruler it replaces)."""
    return TagMap(nlp.vocab, name)


def use_tag_map(language: Language) -> Language:
    """Replace the pipeline's attribute_ruler by a TagMap holding the same patterns, in place."""
    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, func=make_tag_map)
    name = next((n for n, pipe in language.pipeline if isinstance(pipe, AttributeRuler)), None)
    if name is None:
        return language
    patterns = language.get_pipe(name).patterns
    tag_map = language.replace_pipe(name, FACTORY)
    tag_map.add_patterns(patterns)
    return language
