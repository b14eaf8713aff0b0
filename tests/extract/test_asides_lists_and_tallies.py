"""Sentences that tell more than one thing: a lead's "a day after" aside, a list of strikes between
semicolons, a headline's second story, a toll brought up to date, a monitor's tally over months, a
government accused of sheltering attackers, a plot foiled, and a state firing weapons by the hundred."""

from __future__ import annotations

import datetime as dt

from faultline import extract_text

PUBLISHED = dt.date(2026, 5, 16)  # a Saturday


def test_a_leads_aside_is_an_event_apart_and_the_story_goes_on_with_the_lead():
    text = ("MOGADISHU (Reuters) — A suicide bomber rammed a car into a police checkpoint in Mogadishu on Friday "
            "morning, killing seven people, police said, a day after al Shabaab militants stormed an army base "
            "north of the city.\n\n"
            "The blast struck a checkpoint at the busy KM4 junction as minibuses queued to pass, police said. He "
            "initially said four people had been killed; by Friday evening he said the toll had risen to seven.\n\n"
            "Al Shabaab claimed responsibility, saying it had targeted apostate forces.\n\n"
            "The bombing came a day after al Shabaab fighters attacked an army base in the village of Masjid Ali "
            "Gaduud, about 20 km north of the town of Mahaday, before dawn on Thursday.")
    events = sorted(extract_text(text, published=PUBLISHED), key=lambda e: e.event_date)
    assert [(e.event_date, e.event_type) for e in events] == [
        ("2026-05-14", "Battles"), ("2026-05-15", "Explosions/Remote violence")]
    bombing = events[1]
    # the claim told after the lead is the bombing's, which the story went on with
    assert (bombing.actor1, bombing.fatalities) == ("Al Shabaab", 7)


def test_strikes_listed_between_semicolons_are_an_event_each():
    text = ("KYIV (AP) — Russian drones hit Kyiv overnight, killing two people, officials said on Wednesday.\n\n"
            "Regional officials reported the following: in Dnipro, a missile struck an industrial enterprise, "
            "killing one man; in Lviv, a missile hit an energy facility, causing a fire but no casualties.")
    events = extract_text(text, published=dt.date(2026, 2, 11))
    assert sorted(e.location for e in events) == ["Dnipro", "Kyiv", "Lviv"]


def test_a_headlines_second_story_adds_nothing_to_the_first_toll():
    text = ("Militants storm Pakistani checkpoint, 13 dead; separatists kill 7 bus passengers in Balochistan\n\n"
            "PESHAWAR (Reuters) — Militants attacked a checkpoint in North Waziristan late on Monday, killing four "
            "soldiers, the military said, in a gunbattle that also left nine attackers dead.")
    (event,) = extract_text(text, published=dt.date(2026, 7, 8))
    assert event.fatalities == 13


def test_a_body_found_later_that_brings_the_toll_up_is_the_same_strike():
    text = ("KYIV (AP) — A Russian drone hit a residential building in Kyiv overnight, killing three people, "
            "officials said on Wednesday.\n\n"
            "Later on Wednesday, rescuers pulled the body of a woman from the rubble of the building in the "
            "Darnytskyi district, bringing the capital's death toll to four.")
    (event,) = extract_text(text, published=dt.date(2026, 2, 11))
    assert event.event_date == "2026-02-10"


def test_a_monitors_tally_over_months_is_no_toll():
    text = ("A youth was hacked to death in a clash between two party factions in Feni on Monday night, police "
            "said. A rights group recorded 87 deaths in political violence in the first nine months of the year.")
    (event,) = extract_text(text, published=dt.date(2026, 10, 15))
    assert event.fatalities == 1


def test_a_government_accused_of_sheltering_the_attackers_did_not_attack():
    text = ("Militants attacked a checkpoint in North Waziristan late on Monday, killing four soldiers, the "
            "military said. It accused the Taliban government in Kabul of sheltering them.")
    (event,) = extract_text(text, published=dt.date(2026, 7, 8))
    assert event.actor1 == "Unidentified Armed Group (Pakistan)"


def test_a_foiled_attack_did_not_happen():
    text = ("The Counter Terrorism Department said on Tuesday it had foiled a planned suicide attack in Quetta, "
            "arresting three suspects in a raid on a house late on Monday.")
    (event,) = extract_text(text, published=dt.date(2026, 7, 8))
    assert event.event_type == "Strategic developments"


def test_a_state_firing_weapons_by_the_hundred_is_its_military():
    text = ("Russia fired hundreds of drones and more than two dozen missiles at Ukraine overnight, killing at "
            "least five people in Kyiv, officials said on Wednesday.")
    (event,) = extract_text(text, published=dt.date(2026, 2, 11))
    assert event.actor1 == "Military Forces of Russia (2000-)"


def test_what_spokesmen_regularly_announce_is_their_habit():
    text = ('Government spokesmen regularly announce that the army has "neutralised" dozens of terrorists in air '
            "strikes, figures that cannot be independently verified.")
    assert extract_text(text, published=dt.date(2026, 8, 19)) == []


def test_attacks_that_have_continued_this_year_are_a_trend():
    text = "Attacks on trucks on the main roads through the Kayes region have continued this year, unions say."
    assert extract_text(text, published=dt.date(2026, 8, 19)) == []


def test_bodies_recovered_after_a_gunfight_regain_no_ground():
    text = "Police recovered the bodies of seven Maoists after a gunfight in the forest on Sunday, officials said."
    (event,) = extract_text(text, published=dt.date(2026, 2, 26))
    assert event.sub_event_type == "Armed clash"


def test_the_target_of_a_foiled_plot_is_not_where_the_arrests_were():
    text = ("Police say they have foiled a plot to bomb a church in Nairobi after arresting three suspects in a "
            "raid in Mombasa on Saturday night.")
    (event,) = extract_text(text, published=dt.date(2026, 9, 28))
    assert (event.sub_event_type, event.location) == ("Arrests", "Mombasa")


def test_a_raid_somewhere_new_the_next_day_is_its_own_event():
    text = ("MOMBASA (Nation) — Police arrested three suspects in a raid in Mombasa on Saturday night, the regional "
            "commander said.\n\n"
            "Acting on information from the suspects, detectives on Sunday afternoon raided a house in Malindi, "
            "where they recovered 40 kilogrammes of explosives.")
    events = extract_text(text, published=dt.date(2026, 9, 28))
    assert sorted((e.event_date, e.location) for e in events) == [("2026-09-26", "Mombasa"), ("2026-09-27", "Malindi")]


def test_a_story_that_turns_to_a_day_its_lead_told_aside_goes_on_there():
    text = ("RAIPUR (PTI) — Suspected Maoists killed a village sarpanch in Bijapur district on Monday night, police "
            "said, two days before a gunfight in the district's forests in which seven Maoists were killed.\n\n"
            "On Wednesday morning, a joint team of police came under fire in the forests while on an operation, "
            "police said. The exchange of fire continued for several hours.\n\n"
            "Later in the day, the bodies of seven Maoists were recovered along with a cache of weapons.")
    events = sorted(extract_text(text, published=dt.date(2026, 2, 26)), key=lambda e: e.event_date)
    assert [(e.event_date, e.sub_event_type) for e in events] == [("2026-02-23", "Attack"),
                                                                  ("2026-02-25", "Armed clash")]


def test_where_the_wounded_died_is_not_where_they_were_hit():
    text = ("Militants stormed a police checkpost in Lakki Marwat late on Monday, killing four policemen. A "
            "fifth, who had been shot in the chest, died at the Combined Military Hospital in Bannu on Wednesday "
            "evening, his family said.")
    (event,) = extract_text(text, published=dt.date(2026, 5, 21))
    assert event.event_date == "2026-05-18" and "Bannu" not in (event.location or "")


def test_a_first_count_its_sentence_corrects_counts_no_one():
    text = ("Gunmen attacked a checkpoint in Bannu on Monday, killing four policemen. Two attackers were killed. "
            "An initial police statement on Tuesday said at least three militants had died, but officials later "
            "said only two bodies had been recovered.")
    (event,) = extract_text(text, published=dt.date(2026, 5, 21))
    assert event.fatalities == 6


def test_a_separate_incident_on_another_day_is_its_own_whatever_it_tells():
    text = ("Indian and Pakistani troops exchanged fire along the Line of Control on Monday, killing a soldier, "
            "the army said.\n\n"
            "In a separate incident on Sunday, troops shot dead two militants near Uri, the army said.")
    events = extract_text(text, published=dt.date(2026, 7, 8))
    assert sorted(e.event_date for e in events) == ["2026-07-05", "2026-07-06"]


def test_a_plans_target_is_the_place_when_no_other_is_named():
    text = ("The Counter Terrorism Department said on Tuesday it had foiled a planned suicide attack in Quetta, "
            "arresting three suspects in a raid on a house late on Monday.")
    (event,) = extract_text(text, published=dt.date(2026, 7, 8))
    assert event.location == "Quetta"



def test_bodies_found_somewhere_else_the_next_day_are_a_killing_of_their_own():
    text = ("CHILPANCINGO, Mexico (AP) — Gunmen ambushed a convoy of state police on a highway near Arcelia on "
            "Tuesday, killing five officers, authorities said.\n\n"
            "Early Wednesday, residents of Petaquillas found the bodies of six men beside a dirt road. The men had "
            "been shot and their hands were bound.")
    events = sorted(extract_text(text, published=dt.date(2026, 3, 12)), key=lambda e: e.event_date)
    assert [(e.event_date, e.sub_event_type, e.fatalities) for e in events] == [
        ("2026-03-10", "Armed clash", 5), ("2026-03-11", "Attack", 6)]


def test_whom_a_recalled_attack_was_blamed_on_names_no_one_now():
    text = ("In a separate incident, unidentified gunmen on motorbikes opened fire at the weekly market of "
            "Mangaize on Saturday, killing six civilians, residents said. In March 2025, an attack on a mosque in "
            "the village of Fambita killed 44 worshippers, according to the government, which blamed the Islamic "
            "State Sahel Province.")
    (event,) = extract_text(text, published=dt.date(2026, 10, 19))
    assert event.actor1.startswith("Unidentified Armed Group") and event.fatalities == 6


def test_what_a_headline_adds_with_as_is_the_story_below():
    text = ("Gangs kill eight in Kenscoff as vigilantes lynch two in Petion-Ville\n\n"
            "PORT-AU-PRINCE, Haiti (AP) — Gunmen stormed hillside neighbourhoods of Kenscoff overnight from "
            "Wednesday to Thursday, killing at least eight people, officials said.")
    (event,) = extract_text(text, published=dt.date(2026, 5, 30))
    assert (event.sub_event_type, event.fatalities) == ("Attack", 8)


def test_where_a_witness_fled_to_and_when_a_count_stood_are_no_new_scene():
    text = ("PORT-AU-PRINCE, Haiti (AP) — Gunmen stormed hillside neighbourhoods of Kenscoff overnight from "
            "Wednesday to Thursday, killing at least eight people, officials said.\n\n"
            '"They shot my uncle in front of his house," said a woman who fled with her two children towards '
            "Petion-Ville. A rights group said at least 15 people were killed, while a municipal official said 11 "
            "bodies had been recovered by Friday evening.")
    (event,) = extract_text(text, published=dt.date(2026, 5, 30))
    assert event.event_date == "2026-05-27"


def test_a_sentence_opening_on_its_day_sets_the_scene_of_the_next():
    text = ("PORT-AU-PRINCE, Haiti (AP) — Police clashed with armed men in Thomassin on Thursday afternoon, killing "
            "six of them, a spokesman said.\n\n"
            "On Friday morning, members of a neighbourhood self-defence brigade in Petion-Ville stopped two young "
            "men on a motorcycle at a barricade, accusing them of scouting for the gangs. A crowd beat the men and "
            "set them on fire, witnesses said.")
    events = sorted(extract_text(text, published=dt.date(2026, 5, 30)), key=lambda e: e.event_date)
    assert [e.event_date for e in events] == ["2026-05-28", "2026-05-29"]


def test_a_region_hit_since_a_past_year_is_its_record():
    text = "Sagaing Region has been among the areas worst hit by air strikes since the 2021 coup."
    assert extract_text(text, published=dt.date(2026, 6, 18)) == []


def test_junta_artillery_is_the_military():
    text = "Junta artillery shelled villages near Mawlaik on Monday, wounding three civilians."
    (event,) = extract_text(text, published=dt.date(2026, 6, 18))
    assert event.actor1 == "Military Forces of Myanmar (2021-)"


def test_bodies_found_riddled_with_bullets_are_no_weapons_find():
    text = "The bullet-riddled bodies of three labourers were found near the highway west of Nushki on Saturday."
    assert all(e.sub_event_type != "Disrupted weapons use" for e in extract_text(text, published=dt.date(2026, 10, 12)))


def test_bodies_found_after_a_clash_are_the_clashs_dead_not_an_earlier_killing():
    text = ("On May 9, armed men shot dead four members of a family in a hamlet near Tumaco, officials said.\n\n"
            "On May 14, fighters of the ELN and the Clan del Golfo clashed in the rural area of Santa Rosa del Sur. "
            "The army said troops later found the bodies of six combatants.")
    events = sorted(extract_text(text, published=dt.date(2026, 6, 4)), key=lambda e: e.event_date)
    assert [(e.event_date, e.fatalities) for e in events] == [("2026-05-09", 4), ("2026-05-14", 6)]


def test_a_sides_claims_yield_to_what_a_resident_saw_told_as_he_said():
    text = ("On Friday, heavy fighting broke out in and around Merawi, residents said. A spokesman for the Amhara "
            "Fano National Force said its fighters had killed more than 40 soldiers. The government said in a "
            'statement that "more than 50 extremists" had been killed.\n\n'
            "A Merawi resident said the fighting lasted from dawn until late afternoon. \"I saw at least six bodies "
            'in the street near the bus station," he said.')
    (event,) = extract_text(text, published=dt.date(2026, 4, 5))
    assert event.fatalities == 6
