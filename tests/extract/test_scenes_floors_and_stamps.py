"""Days a scene or a participle sets, vague counts as floors, tolls over both sides, time stamps and
datelines in other scripts, claims by "the group", fights between rivals, found bodies and counted
animals."""

from __future__ import annotations

import datetime as dt

from faultline import extract_text
from faultline.config import Settings
from faultline.geo import find_toponyms, load_gazetteer
from faultline.nlp import load_language


def test_a_night_a_named_day_comes_with_is_that_day():
    text = ("Overnight, drones hit a grain store in the town of Balakliia shortly after 2 a.m. on Friday, "
            "wounding three workers, the regional governor said.")
    (event,) = extract_text(text, published=dt.date(2026, 10, 16))
    assert event.event_date == "2026-10-16"
    text = "Overnight, drones hit a grain store in the town of Balakliia, wounding three workers, the governor said on Friday."
    (event,) = extract_text(text, published=dt.date(2026, 10, 16))
    assert event.event_date == "2026-10-15"


def test_the_day_of_a_thing_a_participle_describes_is_not_the_event_s():
    text = ("The army said in a statement read on state radio on Friday that an offensive launched on Tuesday had "
            "allowed troops to retake the town of Gorom-Gorom on Wednesday and to kill several militants.")
    (event,) = extract_text(text, published=dt.date(2026, 8, 15))
    assert event.event_date == "2026-08-12"


def test_an_air_force_strikes_the_fighters_it_names_not_the_dead_it_counts():
    text = ("Chad's army said its air force had struck Boko Haram fighters \"gathering\" on an island near "
            "Ngouboua on Monday, killing about 15.")
    (event,) = extract_text(text, published=dt.date(2026, 3, 4))
    assert event.sub_event_type == "Air/drone strike"
    assert event.actor2.startswith("Boko Haram")


def test_a_vague_count_yields_to_a_number_another_sentence_gives_that_side():
    text = ("Rival militants fought near the village of Kolmane this week, killing dozens of fighters, sources "
            "said.\n\nA security official in Bamako said about 28 militants had been killed in the fighting.")
    (event,) = extract_text(text, published=dt.date(2026, 9, 25))
    assert event.fatalities == 28


def test_a_toll_on_both_sides_is_the_fight_s_whole_toll():
    text = ("Fighters of two rival armed groups clashed near the village of Kolmane on Tuesday, residents said. "
            "An official said some 24 fighters had been killed on both sides. A farmer who helped bury the dead "
            "put the toll at 31.")
    (event,) = extract_text(text, published=dt.date(2026, 9, 25))
    assert (event.sub_event_type, event.fatalities) == ("Armed clash", 24)


def test_the_low_end_of_a_range_beats_a_higher_count_and_who_told_it_is_no_first_report():
    text = ("Between 8 and 12 people were killed when a drone struck a cattle market in the town of Kadugli on "
            "Saturday, said a volunteer group that runs first aid posts. The state health ministry said 19 people "
            "had been killed.")
    (event,) = extract_text(text, published=dt.date(2026, 11, 2))
    assert event.fatalities == 8


def test_animals_killed_are_no_casualties():
    text = "Raiders killed 60 head of cattle and two herders near the village of Pibor on Sunday, officials said."
    (event,) = extract_text(text, published=dt.date(2026, 4, 14))
    assert event.fatalities == 2


def test_a_time_stamp_line_dates_no_headline_apart():
    text = ("Car bomb kills six at police station in northwest Pakistan\n\n"
            "Last updated: 14:05 GMT, Saturday 9 May 2026\n\n"
            "TANK, Pakistan, May 9 - A car bomb exploded outside a police station in Tank district late on Friday, killing six people "
            "including four policemen, officials said.")
    (event,) = extract_text(text, published=dt.date(2026, 5, 9))
    assert event.event_date == "2026-05-08"


def test_a_dateline_in_accented_capitals_or_naming_two_bureaus_dates_nothing():
    text = ("MAZATLÁN, Mexico, Oct 13 — Four people were killed on Sunday when gunmen opened fire on a bar in "
            "the town of Escuinapa, prosecutors said.")
    (event,) = extract_text(text, published=dt.date(2026, 10, 13))
    assert event.event_date == "2026-10-11"
    text = ("NAIROBI/KHARTOUM, Nov 10 - Shelling killed seven people in the town of Kadugli on Saturday, "
            "medics said.")
    (event,) = extract_text(text, published=dt.date(2026, 11, 10))
    assert event.event_date == "2026-11-07"


def test_what_the_group_claims_of_its_enemies_yields_to_officials():
    text = ("A suicide bomber drove a car into a police checkpoint near Tank late on Friday, killing seven "
            "people, officials said.\n\n"
            "The TTP claimed responsibility. The group claimed that 18 policemen had been killed.")
    (event,) = extract_text(text, published=dt.date(2026, 5, 9))
    assert event.fatalities == 7


def test_people_killed_in_fighting_between_rivals_died_in_a_clash():
    text = ("Seven people, two of them civilians, were killed in two days of fighting between rival armed groups "
            "in the Libyan city of Zawiya, the health ministry said on Monday.")
    (event,) = extract_text(text, published=dt.date(2026, 4, 6))
    assert event.sub_event_type == "Armed clash"
    text = "Seven people were killed in fighting between the army and rebels near the town of Sake on Sunday."
    (event,) = extract_text(text, published=dt.date(2026, 4, 6))
    assert event.sub_event_type == "Armed clash"


def test_a_ceasefire_holding_after_the_killing_a_lead_tells_is_no_agreement_of_it():
    text = ("Seven people were killed in two days of clashes between rival militias in the Libyan city of Zawiya, "
            "officials said on Monday, as a ceasefire agreed late on Sunday appeared to hold.")
    (event,) = extract_text(text, published=dt.date(2026, 4, 6))
    assert event.event_type == "Battles"


def test_a_faith_before_a_parish_is_no_place():
    nlp = load_language(Settings())
    doc = nlp("On Sunday, about 200 people gathered at the Catholic parish in Komanda for a memorial mass.")
    found = [t.text for t in find_toponyms(doc, 0, load_gazetteer(Settings()))]
    assert not any("Catholic" in text for text in found)


def test_bodies_found_with_a_count_between_the_words_are_a_killing_of_their_own():
    text = ("Gunmen from two cartels fought for three hours in the village of Tepuche on Sunday, leaving six "
            "dead, prosecutors said.\n\n"
            "Separately, farmers found four bodies early on Monday beside a dirt road near the town of Navolato. "
            "The men had their hands bound, police said.")
    events = extract_text(text, published=dt.date(2026, 10, 13))
    assert sorted((e.event_date, e.sub_event_type) for e in events) == [
        ("2026-10-11", "Armed clash"), ("2026-10-12", "Attack")]


def test_a_day_opening_a_scene_dates_the_undated_killing_told_after_it():
    text = ("Marie Kavira keeps her son's school bag on a nail by the door.\n\n"
            "On the night of Friday, May 8, she was cooking when she heard the first shots.\n\n"
            "By the time the attackers left the village of Mangodomu, they had set fire to dozens of houses. "
            "Local officials say 27 people were killed.\n\n"
            "On Saturday morning, some 300 people from Mangodomu marched to the administrator's office in Beni "
            "to demand protection.")
    events = extract_text(text, published=dt.date(2026, 6, 6))
    assert sorted((e.event_date, e.event_type) for e in events) == [
        ("2026-05-08", "Violence against civilians"), ("2026-06-06", "Protests")]


def test_a_junta_s_jets_are_its_military():
    text = "Junta jets bombed the village of Let Pan Hla in Sagaing Region on Wednesday, killing five civilians."
    (event,) = extract_text(text, published=dt.date(2026, 2, 12))
    assert event.actor1.startswith("Military Forces of Myanmar")


def test_a_place_where_blamed_groups_are_based_is_no_place_of_the_event():
    text = ("One person was killed when armed rioters opened fire on Sunday, the state news agency reported, "
            "blaming groups based in northern Iraq.")
    (event,) = extract_text(text, published=dt.date(2026, 3, 10))
    assert event.country != "Iraq"


def test_a_wounded_man_flown_by_helicopter_to_hospital_is_no_air_strike():
    text = ("Gunmen shot dead two road workers in the district of Intan Jaya on Friday. A third worker was "
            "flown by helicopter to a hospital in Timika.")
    (event,) = extract_text(text, published=dt.date(2026, 4, 20))
    assert event.sub_event_type == "Attack"


def test_protests_a_monitor_counted_over_a_month_are_no_event():
    text = "A rights forum recorded 310 protest actions across the country in May, up from 240 in April."
    assert extract_text(text, published=dt.date(2026, 6, 10)) == []


def test_a_sniper_who_shot_a_girl_attacked_a_civilian():
    text = ("A rebel sniper shot and wounded a 12-year-old girl on Sunday as she was fetching water in the "
            "village of Al-Hasha, a local source said.")
    (event,) = extract_text(text, published=dt.date(2026, 8, 3))
    assert event.sub_event_type == "Attack"


def test_a_member_of_a_group_killed_by_a_bomb_is_the_group_hit():
    text = "A member of the Syrian Democratic Forces was killed on Friday when a roadside bomb went off in Diban."
    (event,) = extract_text(text, published=dt.date(2026, 4, 11))
    assert (event.actor2, event.fatalities) == ("QSD: Syrian Democratic Forces", 1)



def test_a_sentence_opening_on_yesterday_after_a_linking_word_sets_its_paragraph_s_day():
    text = ("Gunmen attacked a checkpoint in the district of Nahrin on Monday, killing one policeman.\n\n"
            "Also, yesterday, Tuesday, hundreds of farmers had gathered in the centre of the district of Jurm "
            "against the destruction of their fields. Witnesses said security forces opened fire on the "
            "protesters, killing two of them.")
    events = extract_text(text, published=dt.date(2026, 5, 6))
    assert ("2026-05-05", "Protests") in {(e.event_date, e.event_type) for e in events}


def test_a_weekly_brief_s_bullet_gives_its_day_without_a_year():
    text = ("- 07/05: Fighting broke out between militias of two sub-clans near Bandiradley over a water point. "
            "Elders said five people were killed.")
    (event,) = extract_text(text, published=dt.date(2026, 5, 11))
    assert event.event_date == "2026-05-07"
