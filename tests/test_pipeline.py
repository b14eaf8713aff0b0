"""The pipeline as a whole: batching, worker processes, and failures contained per article."""

import dataclasses
import datetime as dt

import pytest

from faultline.config import Settings
from faultline.model import Article, Span
from faultline.pipeline import Pipeline

TEXTS = [
    "Gunmen killed three police officers at a checkpoint in Kandahar on Monday, officials said.",
    "The city council approved a new budget for parks on Tuesday.",
    "Protesters marched through Nairobi on Wednesday; police fired tear gas and arrested 12 people.",
    "A roadside bomb killed two soldiers near Maiduguri yesterday, the army said.",
]


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline.build(Settings(published=dt.date(2026, 5, 14), batch_size=2))


def articles():
    return [Article(id=f"a{i}", text=text) for i, text in enumerate(TEXTS)]


def summary(results):
    return [(r.article.id, [(e.sub_event_type, e.fatalities, e.event_date) for e in r.events]) for r in results]


def test_results_come_in_input_order_with_the_settings_publication_date(pipeline):
    results = list(pipeline.process_many(articles()))
    assert [r.article.id for r in results] == ["a0", "a1", "a2", "a3"]
    assert all(r.article.published == dt.date(2026, 5, 14) for r in results)
    assert results[1].events == []
    assert results[0].events[0].fatalities == 3


def test_worker_processes_give_the_same_results(pipeline):
    serial = summary(pipeline.process_many(articles()))
    parallel = Pipeline(
        dataclasses.replace(pipeline.settings, workers=2), parser=pipeline.parser, extractor=pipeline.extractor,
        actors=pipeline.actors, geocoder=pipeline.geocoder,
    )
    assert summary(parallel.process_many(articles())) == serial


def test_a_failing_article_becomes_a_rejection_and_the_rest_go_on(pipeline, monkeypatch):
    original = pipeline.extractor.extract

    def fragile(article, windows, toponyms):
        if article.id == "a2":
            raise ValueError("boom")
        return original(article, windows, toponyms)

    monkeypatch.setattr(pipeline.extractor, "extract", fragile)
    results = list(pipeline.process_many(articles()))
    assert [r.article.id for r in results] == ["a0", "a1", "a2", "a3"]
    assert results[2].rejections and results[2].rejections[0].stage == "extract"
    assert "boom" in results[2].rejections[0].reason
    assert results[3].events


def test_an_events_country_is_refined_only_by_a_place_inside_it(pipeline):
    (refined,) = pipeline.process(Article(id="r", text="Fighting in Afghanistan killed 12 people in Kunduz on Monday.")).events
    assert (refined.place.name, refined.place.iso2) == ("Kunduz", "AF")
    (kept,) = pipeline.process(Article(id="k", text=(
        "Militants killed six soldiers in Mali on Monday, according to diplomats in Dakar."))).events
    assert kept.place.iso2 == "ML"


def test_a_foreign_states_forces_overtake_territory_a_government_regains_its_own(pipeline):
    (foreign,) = pipeline.process(Article(id="f", text=(
        "Armenian troops captured the village of Sadakhlo in the Kvemo Kartli region on Friday, Georgian "
        "officials said."))).events
    assert foreign.place.iso2 == "GE"
    assert (foreign.event_type, foreign.sub_event_type, foreign.disorder_type) == (
        "Battles", "Non-state actor overtakes territory", "Political violence")
    (own,) = pipeline.process(Article(id="o", text=(
        "Georgian troops recaptured the village of Sadakhlo in the Kvemo Kartli region on Friday."))).events
    assert own.sub_event_type == "Government regains territory"


def test_an_interception_is_placed_where_the_interceptor_is_not_where_the_drones_came_from(pipeline):
    (stopped,) = pipeline.process(Article(id="i", text=(
        "Moldova's air force said it shot down 12 of the 15 drones launched by Belarus on Friday."))).events
    assert stopped.sub_event_type == "Disrupted weapons use"
    assert stopped.actor1.country == "MD" and stopped.actor2.country == "BY"
    assert stopped.place.iso2 == "MD"


def test_a_town_named_like_a_county_the_article_names_yields_to_a_town_inside_that_county(pipeline):
    (riot,) = pipeline.process(Article(id="c", text=(
        "Protesters torch police post in Kenya's Kisumu\n\nHundreds of protesters stormed a police post in "
        "the town of Ahero in Kisumu County on Monday and set it on fire, police said."))).events
    assert (riot.place.name, riot.place.geo_precision) == ("Ahero", 1)
    assert riot.place.admin1 == "Kisumu County"
    (county,) = pipeline.process(Article(id="k", text=(
        "Youths burned tyres and stoned police in Kisumu County on Monday, police said."))).events
    assert county.place.feature == "A.ADM1" and county.place.geo_precision == 3


def test_a_headline_town_named_like_the_state_of_the_body_town_yields_to_it(pipeline):
    (attack,) = pipeline.process(Article(id="g", text=(
        "Gunmen kill seven at party in Mexico's Guanajuato\n\nArmed men opened fire at a party in the city of "
        "Celaya on Sunday night, killing seven people, police said."))).events
    assert (attack.place.name, attack.place.admin1) == ("Celaya", "Guanajuato")


def test_an_event_at_sea_is_coded_to_the_country_the_story_is_about(pipeline):
    (attack,) = pipeline.process(Article(id="s", text=(
        "Gunmen in speedboats attacked a fishing boat in the Red Sea on Monday, killing two fishermen, "
        "Eritrean officials said. The boat had left the port of Massawa on Sunday."))).events
    assert (attack.place.name, attack.place.feature, attack.place.iso2) == ("Red Sea", "H.SEA", "ER")
    assert attack.actor1.name == "Unidentified Armed Group (Eritrea)"


def test_a_land_place_the_story_names_does_not_move_an_attack_at_sea(pipeline):
    (attack,) = pipeline.process(Article(id="m", text=(
        "Yemen's Houthis said on Thursday they had attacked a cargo ship in the Red Sea with missiles. "
        "The Houthis say their attacks are in solidarity with Palestinians in Gaza."))).events
    assert (attack.place.name, attack.place.feature) == ("Red Sea", "H.SEA")


def test_a_place_the_gazetteer_lacks_takes_no_point_from_a_country_the_article_does_not_bear_out():
    from types import SimpleNamespace

    from faultline.model import Place, Toponym, Unresolved
    from faultline.pipeline import _locate

    def town(name, iso2, lat, start):
        return Place(name, lat, -70.0, name, iso2, 1, 1, span=None), Toponym(name, start, start + len(name))

    province = Toponym("Caraveli province", 0, 17)
    pueblo, pueblo_name = town("Pueblo", "US", 38.0, 100)
    resolved = {(0, 17): Unresolved("Caraveli province", 0, 17, "not in the gazetteer"), (100, 106): pueblo}
    for i, name in enumerate(("Arequipa", "Juliaca", "Lima")):
        place, written = town(name, "PE", -16.0, 200 + 20 * i)
        resolved[(written.start, written.end)] = place
    event = SimpleNamespace(location=province, place_candidates=(province, pueblo_name))
    place, unresolved = _locate(event, resolved)
    assert place is None and unresolved.text == "Caraveli province"


def test_a_town_in_a_country_nothing_else_names_is_a_namesake_read_abroad(pipeline):
    from faultline.model import Place, Span

    def town(name, iso2, start):
        return Place(name, 15.0, -88.0, name, iso2, 1, 1, span=Span(start, start + len(name), name))

    colonia = town("Colonia", "UY", 120)
    text = ("Soldiers came under fire in the Colonia Lomas del Carmen of San Pedro Sula; police in Choloma were on "
            "alert.")
    hondurans = [town("San Pedro Sula", "HN", 150), town("Choloma", "HN", 190)]
    assert pipeline._astray(colonia, [colonia, *hondurans], text)
    assert not pipeline._astray(colonia, [colonia, hondurans[0]], text)  # (one town elsewhere is no story's focus)


def test_a_province_written_as_one_is_refined_only_by_a_place_inside_it():
    from types import SimpleNamespace

    from faultline.model import Place, Toponym
    from faultline.pipeline import _locate

    province = Toponym("Hasakah province", 0, 16)
    unit = Place("Al-Hasakah", 36.5, 40.7, "Syria", "SY", 2, 4, admin1="Al-Hasakah", feature="A.ADM1",
                 span=Span(0, 16, "Hasakah province"))
    town = Toponym("Zakho", 100, 105)
    abroad = Place("Zakho", 37.1, 42.7, "Iraq", "IQ", 1, 1, admin1="Duhok", feature="P.PPL",
                   span=Span(100, 105, "Zakho"))
    resolved: dict = {(0, 16): unit, (100, 105): abroad}
    for i, name in enumerate(("Erbil", "Duhok")):  # the article's places lie in Iraq more than in Syria
        resolved[(200 + 20 * i, 205 + 20 * i)] = Place(name, 36.0, 44.0, "Iraq", "IQ", 1, 1, feature="P.PPL")
    event = SimpleNamespace(location=province, place_candidates=(province, town))
    assert _locate(event, resolved)[0] is unit
    inside = dataclasses.replace(abroad, name="Tall Tamr", iso2="SY", country="Syria", admin1="Al-Hasakah")
    assert _locate(event, {**resolved, (100, 105): inside})[0] is inside
