"""build_event: one ACLED record from the reports of one incident."""

from __future__ import annotations

import datetime as dt
import itertools

from faultline.dedup import build_event
from faultline.model import ACLED_COLUMNS, Actor, Span
from tests.dedup.factory import killed, mention, place


def _two_reports():
    a = mention("art-a", figures=(killed(15, "attackers", "officials"), killed(2, "officers", "officials")),
                source="Pajhwok")
    b = mention("art-b", figures=(killed(19, "people", "a witness"),), day=dt.date(2021, 5, 29),
                source="Reuters")
    return a, b


def test_single_report_fills_acled_fields():
    a, _ = _two_reports()
    e = build_event([a])
    assert e.event_id_cnty.startswith("AFG") and e.event_id_cnty[3:].isdigit()
    assert (e.event_date, e.year, e.time_precision) == ("2021-05-28", 2021, 1)
    assert (e.event_type, e.sub_event_type, e.disorder_type) == ("Battles", "Armed clash", "Political violence")
    assert (e.actor1, e.inter1, e.actor2, e.inter2, e.interaction) == (
        "Taliban", 2, "Police Forces of Afghanistan (2021-)", 1, 12)
    assert (e.country, e.admin1, e.location, e.iso, e.region) == (
        "Afghanistan", "Nangarhar", "Jalalabad", 4, "Southern Asia")
    assert e.fatalities == 17 and (e.fatalities_low, e.fatalities_high) == (17, 17)
    assert "15 attackers and 2 officers killed according to officials" in e.notes
    assert e.source == "Pajhwok" and e.source_scale == "National"
    assert e.article_ids == ("art-a",)


def test_notes_give_the_toll_then_its_parts_by_side():
    report = mention("art-t", fatalities=17, figures=(
        killed(17, None, at=0), killed(15, "attackers", "officials", at=40), killed(2, "officers", at=80)))
    notes = build_event([report]).notes
    assert "17 people killed. By side: 15 attackers killed according to officials; 2 officers killed." in notes


def test_notes_say_a_count_once_with_its_source():
    report = mention("art-h", fatalities=9, figures=(killed(9, None, at=0), killed(9, None, "police", at=40)))
    notes = build_event([report]).notes
    assert "9 people killed according to police." in notes and notes.count("9 people killed") == 1


def test_merge_keeps_lowest_reliable_total_and_all_figures():
    a, b = _two_reports()
    e = build_event([a, b])
    assert e.fatalities == 17 and (e.fatalities_low, e.fatalities_high) == (17, 19)
    assert [f.count for f in e.figures] == [15, 2, 19]
    assert {x.source for x in e.attribution} == {"officials", "a witness"}
    assert e.source == "Pajhwok; Reuters" and e.source_scale == "National-International"
    assert e.article_ids == ("art-a", "art-b")
    assert "17 to 19" in e.notes


def test_precise_figure_beats_vague_and_silence():
    vague = mention("v", figures=(killed(12, "people", approximate=True),))
    precise = mention("p", figures=(killed(20, "people"),))
    silent = mention("s", fatalities=0)
    e = build_event([vague, precise, silent])
    assert (e.fatalities, e.fatalities_low, e.fatalities_high) == (20, 12, 20)
    assert build_event([silent]).fatalities == 0


def test_order_independent_and_id_stable_under_permutation():
    a, b = _two_reports()
    c = mention("art-c", source="AFP", figures=(killed(18, "people"),), day=dt.date(2021, 5, 27))
    built = {build_event(list(p)) for p in itertools.permutations([a, b, c])}
    assert len(built) == 1


def test_date_most_precise_then_earliest():
    month = mention("m", day=dt.date(2021, 5, 15), prec=3)
    late = mention("l", day=dt.date(2021, 5, 29))
    early = mention("e", day=dt.date(2021, 5, 28))
    e = build_event([month, late, early])
    assert (e.event_date, e.time_precision) == ("2021-05-28", 1)


def test_majority_type_with_deterministic_tie_break():
    ied = mention("x", sub="Remote explosive/landmine/IED")
    clash = mention("y")
    assert build_event([ied, clash]).event_type == build_event([clash, ied]).event_type == "Battles"
    assert build_event([ied, clash, mention("z", sub="Remote explosive/landmine/IED")]).event_type == (
        "Explosions/Remote violence")


def test_unresolved_place_uses_written_name_and_unknown_iso():
    m = mention("u", where=None, written="Dara-i-Nur")
    e = build_event([m])
    assert e.location == "Dara-i-Nur" and e.country == "" and e.latitude is None
    assert e.event_id_cnty.startswith("XXX")
    assert build_event([mention("n", where=None)]).location == ""


def test_actor_alone_and_assoc_actors():
    helper = Actor(name="Haqqani Network", text="Haqqani", inter=2, span=Span(0, 7, "Haqqani"))
    m = mention("a", actor2=None, assoc_actor_1=(helper,))
    e = build_event([m])
    assert (e.actor2, e.interaction, e.assoc_actor_1) == ("", 20, "Haqqani Network")


def test_most_precise_place_wins():
    coarse = mention("c", where=place("Jalalabad", where_prec=4))
    fine = mention("f", where=place("Jalalabad", where_prec=1, lat=34.43))
    assert build_event([coarse, fine]).latitude == 34.43


def test_timestamp_from_latest_publication():
    a, b = _two_reports()
    e = build_event([a, b], published={"art-a": dt.date(2021, 5, 29), "art-b": dt.date(2021, 5, 30)})
    assert e.timestamp == int(dt.datetime(2021, 5, 30, tzinfo=dt.UTC).timestamp())
    assert build_event([a]).timestamp == 0


def test_civilian_targeting_and_record_columns():
    m = mention("v", sub="Attack", actor2="Civilians (Afghanistan)", civilian_targeting=True)
    e = build_event([m])
    assert e.civilian_targeting == "Civilian targeting" and e.interaction == 27
    assert list(e.to_record())[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)


def test_notes_name_the_stated_figure_not_a_bare_headline_default():
    from faultline.dedup import build_event
    from faultline.model import Attribution, EventMention, Figure, Span

    sentence = Span(0, 60, "x" * 60)
    bare = Figure(kind="killed", count=3, low=None, high=None, span=Span(0, 14, "kill civilians"),
                  sentence=sentence, who="civilians", side="civilians", approximate=True)
    stated = Figure(kind="killed", count=6, low=6, high=None, span=Span(20, 42, "killing six civilians"),
                    sentence=sentence, who="civilians", side="civilians",
                    attribution=Attribution("the monitor", "ngo"))
    mention = EventMention(
        article_id="a", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        disorder_type="Political violence", trigger=Span(0, 4, "kill"), figures=(bare, stated), fatalities=6,
    )
    notes = build_event([mention]).notes
    assert "6 civilians killed" in notes
    assert "3 civilians" not in notes
