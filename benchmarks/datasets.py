"""Readers for the public evaluation sets in ../shared/data (never copied into the project)."""

from __future__ import annotations

import csv
import json
import os
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(os.environ.get("FAULTLINE_EVAL_DATA", Path(__file__).resolve().parents[1] / ".." / "shared" / "data"))


@dataclass(frozen=True, slots=True)
class GoldToponym:
    """A gold toponym: its character span and coordinates (None when the corpus gives none)."""

    start: int
    end: int
    phrase: str
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True, slots=True)
class GeoArticle:
    """A geoparsing article with its gold toponyms."""

    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


def load_geoparsing(name: str) -> list[GeoArticle]:
    """LGL ("lgl") or GeoVirus ("GeoVirus") articles with gold toponyms."""
    root = ElementTree.parse(DATA_DIR / "geoparsing" / f"{name}.xml").getroot()
    articles = []
    for index, node in enumerate(root.iter("article")):
        text = node.findtext("text") or ""
        toponyms = []
        for top in [*node.iter("toponym"), *node.iter("location")]:
            lat = top.findtext("gaztag/lat") or top.findtext("lat")
            lon = top.findtext("gaztag/lon") or top.findtext("lon")
            start, end = top.findtext("start"), top.findtext("end")
            if start is None or end is None:
                continue
            toponyms.append(GoldToponym(
                int(start), int(end), top.findtext("phrase") or top.findtext("name") or "",
                float(lat) if lat else None, float(lon) if lon else None,
            ))
        articles.append(GeoArticle(node.get("docid") or f"{name}-{index}", text, tuple(sorted(toponyms, key=lambda t: t.start))))
    return articles


def load_case2021() -> list[tuple[str, str, str]]:
    """CASE 2021 task 2 snippets as (id, text, label)."""
    path = DATA_DIR / "case2021-task2" / "test_set_final_release_with_labels.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(row["id"], row["EventSnippet"], row["SubType"].strip()) for row in rows]


def load_wiki_terror() -> list[dict]:
    """Wikipedia terrorist-incident descriptions with Dead/Injured/Country/Perpetrator."""
    return json.loads((DATA_DIR / "wiki-terror-incidents" / "incidents.json").read_text(encoding="utf-8"))


def load_ucdp() -> list[dict]:
    """UCDP GED sample events (all columns as strings)."""
    path = DATA_DIR / "ucdp-ged" / "ucdpged_sample_ged231.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass(frozen=True, slots=True)
class GoldArgument:
    """An event argument: its role, its span, and the spans of every mention of the same entity."""

    role: str
    start: int
    end: int
    text: str
    entity_type: str | None  # WikiEvents' PER/ORG/GPE/FAC/...; RAMS gives none
    mentions: tuple[tuple[int, int], ...]  # (start, end) of each coreferent mention, itself included


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """An annotated event mention: type, trigger span, the trigger's sentence, and arguments."""

    event_type: str  # as the corpus spells it: "Conflict.Attack.DetonateExplode", "life.die.n/a"
    start: int
    end: int
    text: str
    sentence: int  # index into ArgumentDoc.sentences
    arguments: tuple[GoldArgument, ...]


@dataclass(frozen=True, slots=True)
class ArgumentDoc:
    """A text rebuilt from the corpus tokens, with gold events whose offsets index that text."""

    id: str
    text: str
    sentences: tuple[tuple[int, int], ...]
    events: tuple[GoldEvent, ...]


# Characters the corpus tokenised apart that written English attaches to the previous token.
_NO_SPACE_BEFORE = frozenset(",.;:!?%)]}") | {"'s", "'re", "'ve", "'ll", "'d", "'m", "n't", "’s", "''"}
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``"})
_SENTENCE_END = tuple(".!?\"'”’)")


def _join_sentences(sentences: list[tuple[str, int]]) -> tuple[str, list[int]]:
    """Join sentences as an article would: a paragraph break after a headline (no closing stop) or
    where the corpus left a wider gap, a space otherwise. Returns the text and each sentence's start.

    `sentences` holds each sentence's text and the gap the corpus left before it.
    """
    parts: list[str] = []
    starts: list[int] = []
    position = 0
    for index, (sentence, gap) in enumerate(sentences):
        if index:
            previous = parts[-1].rstrip()
            separator = " " if gap <= 1 and previous.endswith(_SENTENCE_END) else "\n\n"
            parts.append(separator)
            position += len(separator)
        starts.append(position)
        parts.append(sentence)
        position += len(sentence)
    return "".join(parts), starts


def _coref_clusters(split: str) -> dict[str, list[list[str]]]:
    path = DATA_DIR / "wikievents" / "coref" / f"{split}.jsonlines"
    with path.open(encoding="utf-8") as handle:
        return {row["doc_key"]: row["clusters"] for row in map(json.loads, handle)}


def load_wikievents(split: str) -> list[ArgumentDoc]:
    """WikiEvents ("dev" or "test") full articles with KAIROS event mentions and arguments."""
    clusters = _coref_clusters(split)
    with (DATA_DIR / "wikievents" / f"{split}.jsonl").open(encoding="utf-8") as handle:
        return [_wikievents_doc(row, clusters.get(row["doc_id"], [])) for row in map(json.loads, handle)]


def _wikievents_doc(row: dict, clusters: list[list[str]]) -> ArgumentDoc:
    # Token offsets index the corpus text, whose sentence gaps we rebuild; keep each sentence's
    # own offsets and move them to where the sentence lands in our text.
    placed, origins, previous_end = [], [], 0
    for tokens, sentence in row["sentences"]:
        first, first_start, _ = tokens[0]
        origin = first_start - sentence.index(first)
        placed.append((sentence, origin - previous_end))
        origins.append(origin)
        previous_end = origin + len(sentence)
    text, starts = _join_sentences(placed)
    spans: list[tuple[int, int]] = []
    token_sentence: list[int] = []
    for index, (tokens, _) in enumerate(row["sentences"]):
        shift = starts[index] - origins[index]
        spans.extend((start + shift, end + shift) for _, start, end in tokens)
        token_sentence.extend([index] * len(tokens))
    entities = {e["id"]: e for e in row["entity_mentions"]}

    def char_span(entity: dict) -> tuple[int, int]:
        return spans[entity["start"]][0], spans[entity["end"] - 1][1]

    cluster_of = {m: c for c in clusters for m in c}
    events = []
    for mention in row["event_mentions"]:
        trigger = mention["trigger"]
        start, end = char_span(trigger)
        arguments = []
        for argument in mention["arguments"]:
            entity = entities[argument["entity_id"]]
            a_start, a_end = char_span(entity)
            same = cluster_of.get(entity["id"], [entity["id"]])
            arguments.append(GoldArgument(argument["role"], a_start, a_end, text[a_start:a_end],
                                          entity["entity_type"], tuple(sorted(char_span(entities[m]) for m in same))))
        events.append(GoldEvent(mention["event_type"], start, end, text[start:end],
                                token_sentence[trigger["start"]], tuple(arguments)))
    sentence_spans = tuple((s, s + len(sentence)) for s, (sentence, _) in zip(starts, placed))
    return ArgumentDoc(row["doc_id"], text, sentence_spans, tuple(events))


def load_rams(split: str) -> list[ArgumentDoc]:
    """RAMS ("dev" or "test") five-sentence windows, each with its one annotated event."""
    docs = []
    with (DATA_DIR / "rams" / f"{split}.jsonlines").open(encoding="utf-8") as handle:
        for row in map(json.loads, handle):
            pieces: list[str] = []
            spans: list[tuple[int, int]] = []
            sentence_spans: list[tuple[int, int]] = []
            token_sentence: list[int] = []
            position = 0
            for index, sentence in enumerate(row["sentences"]):
                sentence_start = position + (1 if index else 0)
                for number, token in enumerate(sentence):
                    glued = not pieces or token in _NO_SPACE_BEFORE or pieces[-1] in _NO_SPACE_AFTER
                    if not glued or (index and not number):
                        pieces.append(" ")
                        position += 1
                    spans.append((position, position + len(token)))
                    token_sentence.append(index)
                    pieces.append(token)
                    position += len(token)
                sentence_spans.append((sentence_start, position))
            text = "".join(pieces)
            (t_first, t_last, [[event_type, _]]), = row["evt_triggers"]
            start, end = spans[t_first][0], spans[t_last][1]
            arguments = []
            for _, (a_first, a_last), label in row["gold_evt_links"]:
                a_start, a_end = spans[a_first][0], spans[a_last][1]
                role = label.split("arg", 1)[1].lstrip("0123456789")
                arguments.append(GoldArgument(role, a_start, a_end, text[a_start:a_end], None, ((a_start, a_end),)))
            event = GoldEvent(event_type, start, end, text[start:end], token_sentence[t_first], tuple(arguments))
            docs.append(ArgumentDoc(row["doc_key"], text, tuple(sentence_spans), (event,)))
    return docs
