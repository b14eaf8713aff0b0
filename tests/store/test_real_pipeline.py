"""End to end with the real pipeline: two outlets' reports of one incident become one event."""

from __future__ import annotations

import json

from faultline.store import open_store
from faultline.store.ingestion import ingest

# Two differently worded reports of one attack (different outlets, URLs, days and tolls) and a
# report of another incident in another province.
ARTICLES = [
    {"id": "wire-kunduz", "source": "Sample Wire", "url": "https://wire.example/kunduz",
     "published": "2026-11-17",
     "text": "Gunmen attacked a police checkpoint on the outskirts of Kunduz on Monday night, killing seven "
             "police officers, a provincial police spokesman said. The attackers fled before reinforcements "
             "arrived."},
    {"id": "daily-kunduz", "source": "Northern Daily", "url": "https://daily.example/news/kunduz-post",
     "published": "2026-11-18",
     "text": "At least nine policemen were killed when militants opened fire on a checkpoint at the edge of "
             "Kunduz city late on Monday, a doctor at the provincial hospital said. Residents said the "
             "gunfire lasted for about an hour."},
    {"id": "wire-herat", "source": "Sample Wire", "url": "https://wire.example/herat",
     "published": "2026-11-18",
     "text": "A roadside bomb killed three civilians in Herat on Tuesday, police said. No group has claimed "
             "responsibility for the blast."},
]


def test_real_pipeline_merges_two_outlets_and_keeps_the_other_incident(tmp_path, real_settings, real_pipeline):
    news = tmp_path / "news.jsonl"
    news.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    with open_store(tmp_path / "events.sqlite") as store:
        report = ingest([str(news)], settings=real_settings, store=store, pipeline=real_pipeline)
        assert (report.new, report.rejected) == (3, 0)
        events = list(store.events())
        again = ingest([str(news)], settings=real_settings, store=store, pipeline=real_pipeline)
        assert again.unchanged == 3 and list(store.events()) == events

    assert len(events) == 2
    (merged,) = [e for e in events if len(e.article_ids) == 2]
    (single,) = [e for e in events if e is not merged]
    assert merged.article_ids == ("daily-kunduz", "wire-kunduz")
    assert merged.source == "Northern Daily; Sample Wire"
    assert (merged.event_date, merged.country, merged.location) == ("2026-11-16", "Afghanistan", "Kunduz")
    # the lowest reliable total, with the spread the reports give
    assert (merged.fatalities, merged.fatalities_low, merged.fatalities_high) == (7, 7, 9)
    assert single.article_ids == ("wire-herat",) and single.fatalities == 3
