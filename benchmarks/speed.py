"""Throughput: Faultline's extraction against a plain en_core_web_sm pass over the same texts.

    python -m benchmarks.speed [--limit N]

General news (LGL articles) should run at least 3x faster than the plain pass, since only
sentences with event cues (and their neighbours) reach the full model; conflict-dense text (CASE
2021 snippets) should be no slower than the plain pass. All rows are timed in the same run; the
plain pass uses one process, and the parallel row shows what `--workers` adds on this machine.
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from collections.abc import Sequence

from benchmarks.datasets import load_case2021, load_geoparsing
from faultline.config import Settings
from faultline.model import Article
from faultline.nlp import load_language
from faultline.pipeline import Pipeline


def time_plain(texts: Sequence[str], settings: Settings) -> float:
    """Seconds for a plain full-model pass over every text."""
    language = load_language(settings)
    started = time.perf_counter()
    for _ in language.pipe(texts, batch_size=settings.batch_size):
        pass
    return time.perf_counter() - started


def time_faultline(texts: Sequence[str], pipeline: Pipeline) -> tuple[float, int]:
    """Seconds for full extraction (parse, extract, geocode) and the number of events found."""
    articles = [Article(id=str(i), text=text) for i, text in enumerate(texts)]
    started = time.perf_counter()
    events = sum(len(result.events) for result in pipeline.process_many(articles))
    return time.perf_counter() - started, events


def main() -> None:
    """Print the throughput table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None, help="use only the first N texts of each corpus")
    parser.add_argument("--workers", type=int, default=2, help="worker processes for the parallel row")
    args = parser.parse_args()
    settings = Settings()
    pipeline = Pipeline.build(settings)
    pipeline.process(Article(id="warm-up", text="Gunmen killed two soldiers in Kabul on Monday."))
    parallel = Pipeline(
        dataclasses.replace(settings, workers=args.workers), parser=pipeline.parser,
        extractor=pipeline.extractor, actors=pipeline.actors, geocoder=pipeline.geocoder,
    )
    corpora = {
        "LGL (general news)": [a.text for a in load_geoparsing("lgl")][: args.limit],
        "CASE 2021 (conflict-dense)": [text for _, text, _ in load_case2021()][: args.limit],
    }
    print(f"{'corpus':28} {'texts':>6} {'words':>8} {'run':>24} {'seconds':>8} {'words/s':>9} "
          f"{'articles/s':>10} {'vs plain':>8} {'events':>7}")
    for name, texts in corpora.items():
        words = sum(len(t.split()) for t in texts)
        plain = time_plain(texts, settings)
        rows = [("plain en_core_web_sm", plain, None)]
        for label, runner in (("faultline, 1 process", pipeline), (f"faultline, {args.workers} workers", parallel)):
            seconds, events = time_faultline(texts, runner)
            rows.append((label, seconds, events))
        for label, seconds, events in rows:
            print(f"{name:28} {len(texts):6d} {words:8d} {label:>24} {seconds:8.2f} {words / seconds:9.0f} "
                  f"{len(texts) / seconds:10.1f} {plain / seconds:7.2f}x {events if events is not None else '-':>7}")


if __name__ == "__main__":
    main()
