"""Event-location accuracy on UCDP GED: share of events placed within 50 km of the gold point.

    python -m benchmarks.event_location [--limit N] [--gazetteer PATH]

Each non-empty `source_headline` of the GED sample goes through `faultline.extract_text`, alone
("headline") and followed by the event's `where_description` ("+ where"). The first extracted event
with coordinates is compared with the gold `latitude`/`longitude`. Columns:
  coverage   share of headlines that yield a located event
  @50 km     share of ALL headlines whose located event lies within 50 km (no event = a miss)
  @50 located share of located events within 50 km
  prec agree share of located events whose where_prec equals GED's
  median km  median error over located events
Caveat (PROVENANCE.md): GED gives only a headline per event, and one event often aggregates
several reports, so a headline may name a place other than GED's point.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.datasets import load_ucdp
from faultline.geo import haversine_km
from faultline.model import Event

WITHIN_KM = 50.0
Extractor = Callable[[str], list[Event]]


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One GED event with a headline and a point."""

    id: str
    headline: str
    where: str
    latitude: float
    longitude: float
    where_prec: int | None


@dataclass(slots=True)
class Tally:
    """Counts for one text variant."""

    total: int = 0
    errors: list[float] = field(default_factory=list)  # km, per located event
    prec_agree: int = 0
    seconds: float = 0.0

    def row(self, label: str) -> str:
        """One printed table row."""
        located = len(self.errors)
        within = sum(e <= WITHIN_KM for e in self.errors)
        median = statistics.median(self.errors) if self.errors else float("nan")
        return (f"{label:10} {self.total:6d} {located:7d} {_share(located, self.total):>9} {_share(within, self.total):>7} "
                f"{_share(within, located):>11} {_share(self.prec_agree, located):>11} {median:10.0f} {self.seconds:8.1f}")


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "-"


def load_gold(limit: int | None = None) -> list[GoldEvent]:
    """GED events with a non-empty headline and coordinates, in file order."""
    events = []
    for row in load_ucdp():
        headline = (row.get("source_headline") or "").strip()
        if not headline or not row.get("latitude") or not row.get("longitude"):
            continue
        prec = row.get("where_prec") or ""
        events.append(GoldEvent(row["id"], headline, (row.get("where_description") or "").strip(),
                                float(row["latitude"]), float(row["longitude"]), int(float(prec)) if prec else None))
    return events[:limit]


def first_located(events: Sequence[Event]) -> Event | None:
    """The first event that has coordinates."""
    return next((e for e in events if e.latitude is not None and e.longitude is not None), None)


def score(gold: Sequence[GoldEvent], extract: Extractor, *, with_where: bool) -> Tally:
    """Run one text variant over the gold events."""
    tally = Tally()
    started = time.perf_counter()
    for item in gold:
        text = f"{item.headline}. {item.where}" if with_where and item.where else item.headline
        tally.total += 1
        event = first_located(extract(text))
        if event is None:
            continue
        tally.errors.append(haversine_km(item.latitude, item.longitude, event.latitude, event.longitude))
        tally.prec_agree += event.where_prec is not None and event.where_prec == item.where_prec
    tally.seconds = time.perf_counter() - started
    return tally


def build_extractor(gazetteer: Path | None) -> Extractor:
    """faultline.extract_text, or the same pipeline over another gazetteer index."""
    import faultline

    if gazetteer is None:
        return lambda text: faultline.extract_text(text)
    import hashlib

    from faultline.config import Settings
    from faultline.dedup import build_event
    from faultline.model import Article
    from faultline.pipeline import Pipeline

    pipeline = Pipeline.build(Settings(gazetteer_path=gazetteer))

    def extract(text: str) -> list[Event]:
        article = Article(id=hashlib.sha1(text.encode("utf-8")).hexdigest()[:12], text=text, published=None, source=None)
        return [build_event([mention]) for mention in pipeline.process(article).events]

    return extract


def main() -> None:
    """Run both variants and print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="Events (default: all with a headline).")
    parser.add_argument("--gazetteer", type=Path, default=None, help="Gazetteer index (default: Settings).")
    args = parser.parse_args()
    gold = load_gold(args.limit)
    extract = build_extractor(args.gazetteer)
    rows = [("headline", score(gold, extract, with_where=False)), ("+ where", score(gold, extract, with_where=True))]
    header = (f"{'text':10} {'events':>6} {'located':>7} {'coverage':>9} {'@50 km':>7} {'@50 located':>11} "
              f"{'prec agree':>11} {'median km':>10} {'seconds':>8}")
    print(header)
    print("-" * len(header))
    for label, tally in rows:
        print(tally.row(label))
    print(f"UCDP GED sample: {len(gold)} events with a headline. @50 km counts events with no located result as misses.")


if __name__ == "__main__":
    main()
