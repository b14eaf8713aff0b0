"""Clustering reports into incidents: merge rules and order independence."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from faultline.dedup import cluster, compatible, mention_key, partition
from faultline.model import Actor, Span
from tests.dedup.factory import mention, place

D = dt.date(2021, 5, 28)


def _keys(clusters):
    return sorted(sorted(mention_key(m) for m in c) for c in clusters)


def test_same_incident_from_two_articles_merges():
    assert compatible(mention("a"), mention("b", day=D + dt.timedelta(days=1)))


def test_exact_dates_two_days_apart_do_not_merge():
    assert not compatible(mention("a"), mention("b", day=D + dt.timedelta(days=2)))


def test_week_precision_widens_the_window():
    assert compatible(mention("a"), mention("b", day=D + dt.timedelta(days=3), prec=2))
    assert compatible(mention("a"), mention("b", day=D + dt.timedelta(days=12), prec=3))


def test_distance_depends_on_precision():
    far_town = place("Jalalabad", lat=34.70)  # ~30 km north
    assert not compatible(mention("a"), mention("b", where=far_town))
    coarse = place("Jalalabad", where_prec=4, lat=34.70)
    assert compatible(mention("a"), mention("b", where=coarse))


def test_same_admin1_at_coarse_precision():
    far = place("Jalalabad", where_prec=4, lat=35.9, lon=71.5)  # ~190 km, same admin1 name
    assert compatible(mention("a"), mention("b", where=far))


def test_different_country_or_type_or_actor_blocks_merge():
    assert not compatible(mention("a", where="Idlib"), mention("b", where="Jalalabad"))
    assert not compatible(mention("a"), mention("b", sub="Peaceful protest"))
    assert compatible(mention("a"), mention("b", sub="Remote explosive/landmine/IED"))
    assert not compatible(mention("a"), mention("b", actor1="Islamic State (ISIS)"))
    assert compatible(mention("a"), mention("b", actor1=None))


def test_roles_swapped_still_merge():
    swapped = mention("b", actor1="Police Forces of Afghanistan (2021-)", actor2="Taliban")
    assert compatible(mention("a"), swapped)


def test_unknown_place_needs_country_and_same_actors():
    unplaced = mention("b", where=None, written="Jalalabad city")
    assert compatible(mention("a"), unplaced)  # country from the police actor, similar names
    no_country = mention("c", where=None, actor2=None)
    assert not compatible(mention("a"), no_country)
    assert not compatible(mention("a"), mention("d", where=None, written="Kandahar"))


def test_same_article_never_merges_even_through_a_chain():
    a1 = mention("a", trigger_at=10)
    a2 = mention("a", trigger_at=300, day=D + dt.timedelta(days=1))
    b = mention("b")
    clusters = partition([a1, a2, b])
    assert len(clusters) == 2
    assert all(len({m.article_id for m in c}) == len(c) for c in clusters)


def test_negated_and_undated_reports():
    assert cluster([mention("a", modality="negated")]) == []
    undated = [mention("a", day=None), mention("b", day=None)]
    assert len(cluster(undated)) == 2


def test_blocked_clustering_equals_pairwise_partition():
    ms = [mention(f"art{i}", day=D + dt.timedelta(days=i % 5), where=w)
          for i, w in enumerate(["Jalalabad", "Kabul", "Jalalabad", "Idlib", "Ariha", "Jalalabad"])]
    assert _keys(cluster(ms)) == _keys(partition(ms))


_MENTIONS = st.builds(
    lambda art, trig, day, where, sub, a1, prec: mention(
        f"art{art}", trigger_at=trig, day=D + dt.timedelta(days=day), where=where, sub=sub,
        actor1=a1, prec=prec),
    art=st.integers(0, 6), trig=st.sampled_from([10, 200]), day=st.integers(0, 6),
    where=st.sampled_from(["Jalalabad", "Kabul", "Idlib", "Ariha", None]),
    sub=st.sampled_from(["Armed clash", "Remote explosive/landmine/IED", "Attack"]),
    a1=st.sampled_from(["Taliban", "Islamic State (ISIS)", None]), prec=st.sampled_from([1, 1, 2]),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_MENTIONS, max_size=14, unique_by=mention_key), st.randoms(use_true_random=False))
def test_any_permutation_gives_the_same_events(mentions, rnd):
    shuffled = list(mentions)
    rnd.shuffle(shuffled)
    assert _keys(cluster(mentions)) == _keys(cluster(shuffled))
    assert _keys(cluster(mentions)) == _keys(partition(mentions))


def test_state_forces_of_one_country_match_across_wordings():
    police = mention("b", actor2="Police Forces of Afghanistan (2021-)")
    army = Actor(name="Military Forces of Afghanistan", text="the army", inter=1, span=Span(0, 8, "the army"))
    assert not compatible(dataclasses.replace(police, article_id="a", actor2=army), police)  # no country
    afghan_army = dataclasses.replace(army, country="AF")
    assert compatible(dataclasses.replace(police, article_id="a", actor2=afghan_army), police)
    tajik_army = dataclasses.replace(army, country="TJ")
    assert not compatible(dataclasses.replace(police, article_id="a", actor2=tajik_army), police)
