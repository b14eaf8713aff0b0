"""The articles benchmark: its files agree with each other, and records pair with events one to one."""

import dataclasses
import datetime as dt

from benchmarks.articles import MEASURES, agreements, load_articles, pair
from faultline.config import Settings
from faultline.dedup import build_event
from faultline.pipeline import Pipeline

EVENT_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments"}


def test_every_article_has_its_text_day_and_records_in_acled_terms():
    cases = load_articles()
    assert cases
    for article, records, _ in cases:
        assert article.text.strip() and article.published is not None
        for record in records:
            assert record["event_type"] in EVENT_TYPES, record
            assert dt.date.fromisoformat(record["date"]) <= article.published, record
            assert int(record["fatalities"]) >= 0


def test_records_pair_with_the_events_that_agree_best_and_never_twice():
    (article, _, _), = load_articles(["x1"])
    pipeline = Pipeline.build(Settings())
    (event,) = [build_event([m]) for m in pipeline.process(dataclasses.replace(
        article, text="Gunmen shot dead two farmers in the village of Kulundu in Batken on Monday."))
        .events]
    day = event.event_date
    right = {"date": day, "event_type": event.event_type, "sub_event_type": event.sub_event_type,
             "fatalities": event.fatalities, "location": event.location, "admin1": ""}
    wrong_day = {**right, "date": "2000-01-01"}
    pairs = pair([wrong_day, right, dict(right)], [event])
    assert [e is event for _, e in pairs] == [False, True, False]
    assert agreements(right, event) == dict.fromkeys(MEASURES, True)
