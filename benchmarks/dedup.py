"""Deduplication: pairwise merge accuracy, and store ingest cost as the store grows.

    python -m benchmarks.dedup [--events 100000] [--seed 7]

1. Accuracy. Hand-written families of reports of the same incidents (different outlets, dates a
   day apart, actor names spelt differently, disputed tolls) plus distinct nearby incidents that
   must stay apart; then reports generated from the UCDP GED sample (../shared/data/ucdp-ged):
   1-4 reports per GED event with perturbed dates (+-1 day), nearby coordinates, fatality counts
   drawn from low/best/high, actor names written differently, and a "twin" incident for some
   events (same actors and place, 3-6 days later) that must NOT merge. Pairwise precision,
   recall and F1 of "these two reports are the same incident".
2. Throughput. Synthetic EventMentions straight into a SqliteStore (no NLP) until it holds
   `--events` events; the cost per 10,000-event bucket must stay flat (blocking, not all-pairs).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import functools
import random
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pycountry

from benchmarks.datasets import DATA_DIR
from faultline.dedup import cluster, mention_key
from faultline.model import Actor, Article, Attribution, EventMention, Figure, Place, Span, Toponym
from faultline.store import open_store

GED = DATA_DIR / "ucdp-ged" / "ucdpged_sample_ged231.csv"
BUCKET = 10_000

# Differently written names of the same actor, as outlets write them.
SPELLINGS = {
    "Taleban": ["Taliban", "Taleban", "taliban"],
    "IS": ["Islamic State", "IS", "Islamic State (ISIS)"],
    "Syrian insurgents": ["Syrian insurgents", "Syrian Insurgents", "insurgents Syrian"],
}
VIOLENCE_TYPES = {
    "1": ("Battles", "Armed clash", "Political violence"),
    "2": ("Battles", "Armed clash", "Political violence"),
    "3": ("Violence against civilians", "Attack", "Political violence"),
}


def _span(text: str) -> Span:
    return Span(0, len(text), text)


def _actor(name: str, inter: int, country: str | None = None) -> Actor:
    state = name.startswith(("Government of", "Military Forces of"))
    return Actor(name=name, text=name, inter=1 if state else inter, span=_span(name),
                 country=country if state else None)


def _spelling(name: str, rnd: random.Random) -> str:
    """One way an outlet might write an actor's name."""
    if name in SPELLINGS:
        return rnd.choice(SPELLINGS[name])
    if name.startswith("Government of "):
        country = name.removeprefix("Government of ").split(" (")[0]
        return rnd.choice([name, f"Military Forces of {country}", f"Government of {country}"])
    return rnd.choice([name, name.lower()])


@functools.cache
def _iso2(country: str) -> str:
    """ISO2 for a GED country name, or a stable stand-in when pycountry does not know it."""
    try:
        return pycountry.countries.search_fuzzy(country.split(" (")[0])[0].alpha_2
    except LookupError:
        return country[:2].upper()


def report(article: str, *, types: tuple[str, str, str], day: dt.date, prec: int, lat: float, lon: float,
           where_prec: int, country: str, iso2: str, admin1: str, actor1: str, actor2: str | None,
           killed: int, outlet: str, said_by: str) -> EventMention:
    """One outlet's report of an incident, as the pipeline would give it."""
    event_type, sub, disorder = types
    place = Place(name=admin1 or country, latitude=lat, longitude=lon, country=country, iso2=iso2,
                  geo_precision=1 if where_prec <= 2 else 2 if where_prec == 3 else 3,
                  where_prec=where_prec, admin1=admin1 or None)
    fig = Figure(kind="killed", count=killed, low=killed, high=killed, span=_span(f"{killed} killed"),
                 sentence=_span("s"), attribution=Attribution(source=said_by, kind="official"))
    return EventMention(
        article_id=article, event_type=event_type, sub_event_type=sub, disorder_type=disorder,
        trigger=Span(10, 15, "fight"), actor1=_actor(actor1, 2, iso2),
        actor2=_actor(actor2, 2, iso2) if actor2 else None,
        figures=(fig,) if killed else (), fatalities=killed, event_date=day, time_precision=prec,
        location=Toponym(text=admin1 or country, start=20, end=30, role="event"), place=place,
        source=outlet,
    )


def hand_families() -> list[tuple[str, EventMention]]:
    """Hand-written families: (true incident, report)."""
    afg = dict(country="Afghanistan", iso2="AF", where_prec=1)
    battle = VIOLENCE_TYPES["1"]
    out = []
    # Family A: a clash near Jalalabad, reported by three outlets over two days.
    for i, (day, actor, killed, lat) in enumerate(
        [(28, "Taliban", 17, 34.43), (28, "Taleban", 19, 34.44), (29, "taliban", 15, 34.42)]
    ):
        out.append(("A", report(f"A{i}", types=battle, day=dt.date(2021, 5, day), prec=1, lat=lat, lon=70.45,
                                admin1="Nangarhar", actor1="Military Forces of Afghanistan", actor2=actor,
                                killed=killed, outlet=f"outlet{i}", said_by="officials", **afg)))
    # Family B: the same actors in the same town three days later: a different clash.
    for i in range(2):
        out.append(("B", report(f"B{i}", types=battle, day=dt.date(2021, 6, 1), prec=1, lat=34.43, lon=70.45,
                                admin1="Nangarhar", actor1="Military Forces of Afghanistan", actor2="Taliban",
                                killed=4 + i, outlet=f"outlet{i}", said_by="police", **afg)))
    # Family C: an IED reported as an explosion and as a battle, week precision in one report.
    ied = ("Explosions/Remote violence", "Remote explosive/landmine/IED", "Political violence")
    out.append(("C", report("C0", types=ied, day=dt.date(2021, 5, 28), prec=1, lat=34.53, lon=69.17,
                            admin1="Kabul", actor1="Islamic State", actor2=None, killed=3, outlet="x",
                            said_by="ministry", **afg)))
    out.append(("C", report("C1", types=battle, day=dt.date(2021, 5, 30), prec=2, lat=34.52, lon=69.18,
                            admin1="Kabul", actor1="Islamic State (ISIS)", actor2=None, killed=5, outlet="y",
                            said_by="a witness", **afg)))
    # Family D: a different group in Kabul on the same day as C: must stay apart.
    out.append(("D", report("D0", types=battle, day=dt.date(2021, 5, 28), prec=1, lat=34.53, lon=69.17,
                            admin1="Kabul", actor1="Military Forces of Afghanistan", actor2="Haqqani Network",
                            killed=2, outlet="z", said_by="officials", **afg)))
    return out


def ged_families(rnd: random.Random) -> list[tuple[str, EventMention]]:
    """Perturbed reports of each UCDP GED event, plus twins that must not merge."""
    out = []
    with GED.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        if not row["latitude"] or not row["date_start"]:
            continue
        gid = row["id"]
        base = dt.date.fromisoformat(row["date_start"])
        lat, lon = float(row["latitude"]), float(row["longitude"])
        where_prec = int(float(row["where_prec"]))
        date_prec = int(float(row["date_prec"]))
        prec = 1 if date_prec == 1 else 2 if date_prec <= 3 else 3
        counts = sorted({int(float(row[k])) for k in ("low", "best", "high")})
        iso2, types = _iso2(row["country"]), VIOLENCE_TYPES[row["type_of_violence"].split(".")[0]]
        common = dict(types=types, where_prec=where_prec, country=row["country"], iso2=iso2,
                      admin1=row["adm_1"])
        for i in range(rnd.randint(1, 4)):
            jitter = 0.03 if where_prec <= 2 else 0.1  # ~3 km / ~10 km
            out.append((gid, report(
                f"ged{gid}-{i}", day=base + dt.timedelta(days=rnd.choice([0, 0, 1, -1]) if prec == 1 else 0),
                prec=prec, lat=lat + rnd.uniform(-jitter, jitter), lon=lon + rnd.uniform(-jitter, jitter),
                actor1=_spelling(row["side_a"], rnd), actor2=_spelling(row["side_b"], rnd) or None,
                killed=rnd.choice(counts), outlet=f"outlet{rnd.randint(0, 20)}", said_by=row["source_original"] or "media",
                **common)))
        if prec == 1 and rnd.random() < 0.3:  # a distinct incident: same actors and place, days later
            out.append((f"{gid}-twin", report(
                f"ged{gid}-twin", day=base + dt.timedelta(days=rnd.randint(4, 7)), prec=1, lat=lat, lon=lon,
                actor1=row["side_a"], actor2=row["side_b"] or None, killed=1, outlet="outlet0",
                said_by="media", **common)))
    return out


def pairwise_scores(truth: dict[str, str], clusters: Sequence[Sequence[EventMention]]) -> tuple[float, float, float]:
    """Pairwise precision, recall, F1 of merging (counted from cluster sizes, not all pairs)."""
    pairs = lambda n: n * (n - 1) // 2  # noqa: E731
    predicted = sum(pairs(len(c)) for c in clusters)
    actual = sum(pairs(n) for n in Counter(truth.values()).values())
    both = sum(pairs(n) for c in clusters for n in Counter(truth[mention_key(m)] for m in c).values())
    precision = both / predicted if predicted else 1.0
    recall = both / actual if actual else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def accuracy(seed: int) -> None:
    """Print the accuracy table."""
    print("Merge accuracy (pairwise over reports)")
    print(f"{'set':<26}{'reports':>9}{'incidents':>11}{'clusters':>10}{'precision':>11}{'recall':>8}{'F1':>7}")
    for name, labelled in (("hand-written families", hand_families()),
                           ("UCDP GED sample, perturbed", ged_families(random.Random(seed)))):
        truth = {mention_key(m): label for label, m in labelled}
        clusters = cluster(m for _, m in labelled)
        p, r, f = pairwise_scores(truth, clusters)
        print(f"{name:<26}{len(labelled):>9}{len(set(truth.values())):>11}{len(clusters):>10}"
              f"{p:>11.3f}{r:>8.3f}{f:>7.3f}")


def synthetic_stream(rnd: random.Random):  # noqa: ANN201 - a generator of (Article, [EventMention])
    """Articles of one report each; 30% of incidents get a second report from another outlet."""
    countries = [c.alpha_2 for c in list(pycountry.countries)[:60]]
    start, i = dt.date(2015, 1, 1), 0
    types = VIOLENCE_TYPES["1"]
    while True:
        iso2 = rnd.choice(countries)
        day = start + dt.timedelta(days=i // 100)  # ~100 incidents a day across 60 countries
        lat, lon = rnd.uniform(-40, 60), rnd.uniform(-20, 120)
        actors = (f"Military Forces of {iso2}", f"Armed group {rnd.randint(0, 30)}")
        n = 2 if rnd.random() < 0.3 else 1
        for k in range(n):
            aid = f"syn{i}-{k}"
            m = report(aid, types=types, day=day + dt.timedelta(days=k), prec=1, lat=lat + 0.01 * k, lon=lon,
                       where_prec=1, country=iso2, iso2=iso2, admin1=f"{iso2}-{rnd.randint(1, 9)}",
                       actor1=actors[0], actor2=actors[1], killed=rnd.randint(0, 9), outlet="wire",
                       said_by="officials")
            yield Article(id=aid, text=f"synthetic article {aid}", published=day), [m]
        i += 1


def throughput(target: int, seed: int) -> None:
    """Print the ingest cost per 10,000-event bucket as the store grows to `target` events."""
    print(f"\nIngest throughput, synthetic reports straight into SQLite (0 -> {target:,} events)")
    print(f"{'events':>16}{'articles':>10}{'seconds':>9}{'events/s':>10}{'ms/article':>12}")
    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.sqlite") as store:
        stream = synthetic_stream(rnd)
        events, bucket_start, t0, articles = 0, 0, time.perf_counter(), 0
        while events < target:
            article, mentions = next(stream)
            outcome = store.save_article(article, events=mentions)
            events += len(outcome.created) - len(outcome.deleted)
            articles += 1
            if events >= bucket_start + BUCKET:
                elapsed = time.perf_counter() - t0
                print(f"{bucket_start:>7,}-{events:>8,}{articles:>10,}{elapsed:>9.1f}"
                      f"{(events - bucket_start) / elapsed:>10.0f}{1000 * elapsed / articles:>12.2f}", flush=True)
                bucket_start, t0, articles = events, time.perf_counter(), 0
        total = store.counts()
        print(f"store: {total['articles']:,} articles, {total['mentions']:,} reports, {total['events']:,} events")


def main() -> None:
    """Run both parts and print their tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    accuracy(args.seed)
    throughput(args.events, args.seed)


if __name__ == "__main__":
    main()
