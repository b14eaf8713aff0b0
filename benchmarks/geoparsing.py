"""Geoparsing on LGL and GeoVirus: toponym recognition P/R, accuracy within 161 km, mean error.

    python -m benchmarks.geoparsing [--limit N] [--gazetteer PATH]

End to end uses our own recognition (find_toponyms on the full spaCy model); "gold toponyms"
resolves the corpus's own spans (demonym spans resolve to their country, as the corpora annotate them). Anchors: Mordecai3 82.7 % @161 km on LGL with gold toponyms.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import time
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

import numpy as np

from benchmarks.datasets import GeoArticle, load_geoparsing
from faultline.config import Settings
from faultline.geo import (
    Gazetteer,
    Geocoder,
    find_toponyms,
    haversine_km,
    load_gazetteer,
)
from faultline.geo.resolver import DEMONYM
from faultline.model import Place, Toponym
from faultline.nlp import load_language

WITHIN_KM = 161.0


@dataclass(slots=True)
class Score:
    """Counts for one corpus and mode."""

    gold: int = 0
    predicted: int = 0
    matched_pred: int = 0
    matched_gold: int = 0
    errors: list[float] = field(default_factory=list)  # km, per gold toponym with coordinates
    unfound: int = 0  # gold toponyms with coordinates our recognition did not find
    unplaced: int = 0  # found (or given) but left unresolved
    contained: int = 0  # a country or state answer beyond 161 km whose unit holds the gold point

    def add(self, other: Score) -> None:
        """Fold another score's counts into this one."""
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched_pred += other.matched_pred
        self.matched_gold += other.matched_gold
        self.errors.extend(other.errors)
        self.unfound += other.unfound
        self.unplaced += other.unplaced
        self.contained += other.contained

    def accuracy(self) -> float:
        """Share of gold toponyms (with coordinates) placed within 161 km; unfound and unplaced ones count as wrong."""
        return self._within(len(self.errors) + self.unplaced + self.unfound)

    def found_accuracy(self) -> float:
        """The same share over the toponyms recognition found (the usual end-to-end measure in the literature)."""
        return self._within(len(self.errors) + self.unplaced)

    def unit_accuracy(self) -> float:
        """accuracy(), also counting a country or state answer right when the gold point lies in it."""
        total = len(self.errors) + self.unplaced + self.unfound
        return (sum(e <= WITHIN_KM for e in self.errors) + self.contained) / total if total else 0.0

    def _within(self, total: int) -> float:
        return sum(e <= WITHIN_KM for e in self.errors) / total if total else 0.0


class Containment:
    """The country and state a point lies in, read as those of the nearest town (the index keeps no borders)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        with sqlite3.connect(f"file:{gazetteer.path}?mode=ro", uri=True) as conn:
            rows = conn.execute("SELECT latitude, longitude, country, admin1 FROM places WHERE fclass = 'P'").fetchall()
        self._lat = np.radians([r[0] for r in rows])
        self._lon = np.radians([r[1] for r in rows])
        self._units = [(r[2], r[3]) for r in rows]
        self._gazetteer = gazetteer

    def holds(self, place: Place, latitude: float, longitude: float) -> bool:
        """Whether a country or first-level unit answer contains the point."""
        if place.feature not in ("A.PCLI", "A.ADM1", DEMONYM):
            return False
        lat, lon = np.radians(latitude), np.radians(longitude)
        # Haversine to every town; argmin over the squared chord is the nearest.
        chord = (np.sin((self._lat - lat) / 2) ** 2
                 + np.cos(lat) * np.cos(self._lat) * np.sin((self._lon - lon) / 2) ** 2)
        country, admin1 = self._units[int(np.argmin(chord))]
        if country != place.iso2:
            return False
        return place.feature != "A.ADM1" or self._gazetteer.admin_name(country, admin1) == place.admin1


class TimedGazetteer:
    """Wraps a Gazetteer and counts the time spent in name lookups."""

    def __init__(self, inner: Gazetteer) -> None:
        self.inner = inner
        self.seconds = 0.0

    def lookup(self, name: str, *, limit: int = 200, exact: bool = False):
        """Gazetteer.lookup, timed."""
        started = time.perf_counter()
        try:
            return self.inner.lookup(name, limit=limit, exact=exact)
        finally:
            self.seconds += time.perf_counter() - started

    def __getattr__(self, name: str):
        return getattr(self.inner, name)


def aligned(article: GeoArticle) -> GeoArticle:
    """The article with gold spans that index its text (GeoVirus offsets are one past the phrase)."""
    fixed = []
    for gold in article.toponyms:
        if article.text[gold.start:gold.end] != gold.phrase:
            start = article.text.find(gold.phrase, max(0, gold.start - 5))
            if start >= 0:
                gold = replace(gold, start=start, end=start + len(gold.phrase))
        fixed.append(gold)
    return replace(article, toponyms=tuple(fixed))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(articles: list[GeoArticle], nlp, gazetteer: TimedGazetteer, geocoder: Geocoder,
             containment: Containment) -> list[tuple[Score, Score]]:
    """(end-to-end, gold-toponym) scores per article of one corpus."""
    score_one = partial(_score_one, containment=containment)
    scores = []
    docs = nlp.pipe((a.text for a in articles), batch_size=32)
    for article, doc in zip(articles, docs):
        end_to_end, given = Score(), Score()
        scores.append((end_to_end, given))
        predicted = find_toponyms(doc, 0, gazetteer, demonyms=geocoder.demonyms)
        results = geocoder.resolve_all(predicted, text=article.text)
        end_to_end.gold += len(article.toponyms)
        end_to_end.predicted += len(predicted)
        end_to_end.matched_pred += sum(any(_overlaps((p.start, p.end), (g.start, g.end)) for g in article.toponyms)
                                       for p in predicted)
        for gold in article.toponyms:
            hits = [r for p, r in zip(predicted, results) if _overlaps((p.start, p.end), (gold.start, gold.end))]
            end_to_end.matched_gold += bool(hits)
            if hits:
                score_one(end_to_end, gold, hits[0])
            elif gold.latitude is not None:
                end_to_end.unfound += 1
        spans = [Toponym(article.text[g.start:g.end], g.start, g.end) for g in article.toponyms]
        # The corpora annotate demonyms ("Russian") as toponyms of their country: asked what place a gold
        # span refers to, the geocoder answers with that country (never an event's place in the pipeline).
        for gold, result in zip(article.toponyms, geocoder.resolve_all(spans, text=article.text, demonyms=True)):
            given.gold += 1
            score_one(given, gold, result)
    return scores


def merged(scores: list[tuple[Score, Score]]) -> tuple[Score, Score]:
    """The summed (end-to-end, gold-toponym) score of some articles."""
    end_to_end, given = Score(), Score()
    for e2e, gold in scores:
        end_to_end.add(e2e)
        given.add(gold)
    return end_to_end, given


def _score_one(score: Score, gold, result, *, containment: Containment) -> None:
    if gold.latitude is None:
        return
    if isinstance(result, Place):
        error = haversine_km(gold.latitude, gold.longitude, result.latitude, result.longitude)
        score.errors.append(error)
        score.contained += error > WITHIN_KM and containment.holds(result, gold.latitude, gold.longitude)
    else:
        score.unplaced += 1


def main() -> None:
    """Run both corpora and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="Articles per corpus (default: all).")
    parser.add_argument("--gazetteer", type=Path, default=None, help="Gazetteer index (default: Settings).")
    args = parser.parse_args()
    settings = Settings() if args.gazetteer is None else Settings(gazetteer_path=args.gazetteer)
    index = load_gazetteer(settings)
    nlp = load_language(settings)
    containment = Containment(index)
    rows = []
    for corpus in ("lgl", "GeoVirus"):
        articles = [aligned(a) for a in load_geoparsing(corpus)[: args.limit]]
        gazetteer = TimedGazetteer(Gazetteer(index.path))  # a cold lookup cache per corpus
        geocoder = Geocoder(gazetteer)  # type: ignore[arg-type]
        started = time.perf_counter()
        scores = evaluate(articles, nlp, gazetteer, geocoder, containment)
        total = time.perf_counter() - started
        share = gazetteer.seconds / total
        # Even and odd articles apart: a change tuned to single items shows as a gap between the halves.
        for label, part in ((corpus, scores), ("  even", scores[0::2]), ("  odd", scores[1::2])):
            rows.append((label, len(part), *merged(part), share, total))
    header = (f"{'corpus':9} {'docs':>5} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6} {'e2e@161':>8} {'found@161':>9} {'e2e km':>8} "
              f"{'gold@161':>9} {'gold+unit':>9} {'gold km':>8} {'lookup share':>12} {'seconds':>8}")
    print(header)
    print("-" * len(header))
    for corpus, docs, e2e, given, share, total in rows:
        precision = e2e.matched_pred / e2e.predicted if e2e.predicted else 0.0
        recall = e2e.matched_gold / e2e.gold if e2e.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{corpus:9} {docs:5d} {e2e.gold:5d} {precision:6.1%} {recall:6.1%} {f1:6.1%} {e2e.accuracy():8.1%} "
              f"{e2e.found_accuracy():9.1%} {statistics.fmean(e2e.errors) if e2e.errors else 0:8.0f} {given.accuracy():9.1%} "
              f"{given.unit_accuracy():9.1%} {statistics.fmean(given.errors) if given.errors else 0:8.0f} {share:12.1%} {total:8.1f}")
    print("P/R: predicted spans overlapping a gold toponym. e2e@161: share of gold toponyms (with coordinates) "
          "that our own recognition found AND placed within 161 km; found@161: the same over the gold toponyms it found; "
          "gold@161: resolving the gold spans; gold+unit: the same, also counting a country or state answer "
          "right when the gold point lies in it (the corpora's own reference point for a country may be 500 km "
          "from GeoNames'; diagnostic only). km: mean error over placed toponyms.")


if __name__ == "__main__":
    main()
