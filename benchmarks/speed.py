"""Throughput: Faultline's extraction against a plain en_core_web_sm pass over the same texts.

    python -m benchmarks.speed [--limit N]

General news (LGL articles) should run at least 3x faster than the plain pass, since only
sentences with event cues (and their neighbours) reach the full model; conflict-dense text (CASE
2021 snippets) should be no slower than the plain pass. Both are timed in the same run.
"""

from __future__ import annotations

import argparse
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
    args = parser.parse_args()
    settings = Settings()
    pipeline = Pipeline.build(settings)
    pipeline.process(Article(id="warm-up", text="Gunmen killed two soldiers in Kabul on Monday."))
    corpora = {
        "LGL (general news)": [a.text for a in load_geoparsing("lgl")][: args.limit],
        "CASE 2021 (conflict-dense)": [text for _, text, _ in load_case2021()][: args.limit],
    }
    print(f"{'corpus':28} {'texts':>6} {'words':>8} {'plain s':>8} {'ours s':>8} "
          f"{'plain w/s':>10} {'ours w/s':>10} {'ours art/s':>10} {'speed-up':>8} {'events':>7}")
    for name, texts in corpora.items():
        words = sum(len(t.split()) for t in texts)
        plain = time_plain(texts, settings)
        ours, events = time_faultline(texts, pipeline)
        print(f"{name:28} {len(texts):6d} {words:8d} {plain:8.2f} {ours:8.2f} {words / plain:10.0f} "
              f"{words / ours:10.0f} {len(texts) / ours:10.1f} {plain / ours:7.2f}x {events:7d}")


if __name__ == "__main__":
    main()
