"""Whole wire stories end to end: a headline and its lead, asides inside a story, and what they add up to."""

from __future__ import annotations

import datetime as dt

from faultline import extract_text

PUBLISHED = dt.date(2026, 9, 15)  # a Tuesday


def test_a_lead_tells_its_headlines_event_again_wherever_each_puts_it():
    text = ("Worker killed as police clash with wage protesters near Chittagong\n\n"
            "CHITTAGONG, Sept 15 (AFP) - A garment worker was killed and dozens of people were injured on Monday "
            "when police fired rubber bullets at thousands of workers demanding unpaid wages in Patiya, south of "
            "the port city, police said.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.location == "Patiya" and event.fatalities == 1


def test_a_first_paragraph_of_one_full_sentence_is_a_lead_not_a_headline():
    text = ("Gunmen killed 12 villagers in Zamfara state on Sunday, police said.\n\n"
            "In Kaduna state, troops killed four bandits in a clash on Monday, the army said.")
    events = extract_text(text, published=PUBLISHED)
    assert sorted(e.admin1 for e in events) == ["Kaduna State", "Zamfara State"]


def test_a_scene_only_the_headline_named_opens_an_incident_of_its_own():
    text = ("Worker killed as police clash with wage protesters near Dhaka\n\n"
            "DHAKA, Sept 15 (AFP) - A garment worker was killed on Monday when police fired rubber bullets at "
            "thousands of workers demanding unpaid wages in Gazipur, police said.\n\n"
            "In Dhaka, several hundred students held a peaceful sit-in outside the press club on Monday "
            "afternoon, chanting slogans.")
    events = extract_text(text, published=PUBLISHED)
    assert sorted(e.location for e in events) == ["Dhaka", "Gazipur"]
    sit_in = next(e for e in events if e.location == "Dhaka")
    assert sit_in.sub_event_type == "Peaceful protest" and sit_in.fatalities == 0


def test_a_crowd_that_disperses_by_itself_met_no_intervention():
    text = ("Hundreds of teachers rallied outside parliament in Nairobi on Monday to demand back pay. "
            "The gathering dispersed without incident after two hours.")
    (rally,) = extract_text(text, published=PUBLISHED)
    assert rally.sub_event_type == "Peaceful protest"
    text = "Police fired tear gas to disperse the protesters in Nairobi on Monday."
    (dispersal,) = extract_text(text, published=PUBLISHED)
    assert dispersal.sub_event_type == "Protest with intervention"


def test_an_age_and_what_the_one_named_was_count_no_one_more():
    text = ("Police fired on protesters in Khulna on Monday. Abdul Karim, 31, a rickshaw driver, died of "
            "his wounds in hospital, a doctor said.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.fatalities == 1
    text = "Gunmen shot dead Ahmed Ali, a teacher, and two farmers in Zamfara on Monday."
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.fatalities == 3


def test_the_rest_of_a_total_told_first_adds_nothing_to_it():
    text = ("Rebels killed at least 15 civilians in two villages of Irumu territory in Congo's Ituri province on "
            "Saturday, officials said. The attackers killed 11 people in Bule, the administrator said. They then "
            "moved to nearby Tali, where they killed four more, he said.")
    (attack,) = extract_text(text, published=PUBLISHED)
    assert attack.fatalities == 15


def test_a_toll_left_by_unrest_of_recent_years_is_background():
    text = ("Hundreds of workers protested in Gazipur on Monday to demand unpaid wages, police said. "
            "Wage protests have erupted repeatedly in the area in recent years, sometimes leaving workers dead.")
    (protest,) = extract_text(text, published=PUBLISHED)
    assert protest.fatalities == 0


def test_soldiers_killed_in_a_headline_ambush_are_its_victims():
    text = ("Six soldiers killed in ambush near Gao\n\n"
            "BAMAKO, Sept 15 (Reuters) - Six Malian soldiers were killed on Monday when suspected jihadists "
            "ambushed an army patrol near the northern town of Gao, the army said.")
    (ambush,) = extract_text(text, published=PUBLISHED)
    assert ambush.actor1.startswith("Unidentified Armed Group")
    assert ambush.actor2.startswith("Military Forces of Mali")


def test_a_country_that_struck_with_a_weapon_is_its_forces():
    text = ("Russia struck the city of Zaporizhzhia with ballistic missiles overnight, killing three people, "
            "the regional governor said.")
    (strike,) = extract_text(text, published=PUBLISHED)
    assert strike.actor1.startswith("Military Forces of Russia")


def test_people_taken_before_are_no_new_abduction():
    text = ("Ugandan and Congolese soldiers engaged in a joint operation against the rebels caught up with a group "
            "of the attackers in the forest near Oicha on Sunday, killing three of them, the army said. It said two "
            "of the abducted villagers had been freed.")
    (raid,) = extract_text(text, published=PUBLISHED)
    assert raid.event_type == "Battles"


def test_where_the_official_speaking_sits_is_not_where_it_happened():
    text = ("Militants stormed an army training centre in Maidan Wardak province on Monday, killing 20 soldiers. "
            "\"Twenty soldiers were killed in the explosion,\" said an official in the defence ministry in Kabul.")
    (attack,) = extract_text(text, published=PUBLISHED)
    assert attack.location != "Kabul" and "Wardak" in attack.admin1


def test_the_attackers_are_the_group_another_statement_names_acting():
    text = ("Al Shabaab fighters killed 14 soldiers at a military base in Lower Shabelle on Monday, the army "
            "said. The attackers detonated a car bomb at the gate of the base before storming it, an officer said.")
    (attack,) = extract_text(text, published=PUBLISHED)
    assert attack.actor1 == "Al Shabaab"


def test_a_lead_summing_up_attacks_told_one_by_one_below_counts_none_of_them():
    text = ("RSF shells Kadugli, drone hits market as army says it repelled assault\n\n"
            "KHARTOUM, Oct 6 (Reuters) - The Rapid Support Forces (RSF) shelled residential districts of Kadugli on "
            "Sunday and a drone struck a crowded market in the city on Monday, killing at least 19 civilians over "
            "the two days, a medical group said.\n\n"
            "Artillery shells fell on a neighbourhood in the south of the city on Sunday afternoon, killing seven "
            "people, the group said.\n\n"
            "On Monday morning, a drone hit the city's main market as traders gathered, killing 12 people, the group "
            "said. It blamed the RSF for both attacks.\n\n"
            "The army said its 14th Infantry Division had repelled an RSF assault on the city's eastern defences on "
            "Monday, killing 30 RSF fighters.")
    events = extract_text(text, published=dt.date(2026, 10, 6))
    assert [(e.sub_event_type, e.event_date, e.fatalities) for e in events] == [
        ("Shelling/artillery/missile attack", "2026-10-04", 7), ("Air/drone strike", "2026-10-05", 12),
        ("Armed clash", "2026-10-05", 30)]
    assert events[2].actor1.startswith("Military Forces of Sudan")  # the division is the army's


def test_fighters_named_later_are_who_overran_the_post_on_the_same_day():
    text = ("Junta air strike kills 11 in Chin village\n\n"
            "BANGKOK, May 13 (AFP) - A Myanmar military air strike killed 11 civilians in a village near Matupi on "
            "Tuesday, residents said. The junta said on Wednesday it had struck only terrorists.\n\n"
            "On the same day, resistance fighters overran an army outpost near the town of Mindat, the opposition "
            "government said. Combined PDF units attacked the post before dawn and had taken control of it by "
            "midday, killing nine soldiers, it said.")
    strike, outpost = extract_text(text, published=dt.date(2026, 5, 13))
    assert outpost.actor1 == "PDF: People's Defense Force" and outpost.actor2.startswith("Military Forces of Myanmar")
    assert outpost.event_type == "Battles" and outpost.event_date == strike.event_date == "2026-05-12"
    assert outpost.fatalities == 9


def test_a_separate_incident_earlier_that_day_is_its_own_event():
    text = ("MOGADISHU, March 10 (AP) - An al Shabaab suicide bomber rammed a car into the gate of a hotel in "
            "Mogadishu on Monday evening, killing nine people, police said. Witnesses described several smaller "
            "explosions as special forces fought to clear the building.\n\n"
            "In a separate incident earlier on Monday, two soldiers were killed when a roadside bomb struck their "
            "vehicle on the outskirts of Afgooye, a military officer said.")
    bombing, roadside = extract_text(text, published=dt.date(2026, 3, 10))
    assert (bombing.location, bombing.fatalities) == ("Mogadishu", 9)
    assert (roadside.location, roadside.fatalities, roadside.event_date) == ("Afgooye", 2, "2026-03-09")


def test_a_strike_told_whole_and_then_in_parts_is_whose_the_lead_says_with_its_whole_toll():
    text = ("Russian missile and drone attack on Kharkiv kills four\n\n"
            "KYIV, June 2 (Reuters) - Russia struck Kharkiv with a ballistic missile and a swarm of attack drones "
            "overnight, killing four people and wounding 27, regional officials said on Tuesday.\n\n"
            "A ballistic missile hit a nine-storey apartment building in the Saltivskyi district shortly after "
            "2 a.m., the governor said. Rescuers pulled three bodies from the rubble.\n\n"
            "Around the same time, at least 12 drones struck the city's Kyivskyi district, setting fire to a petrol "
            "station. A 67-year-old man was killed in his house there, the governor said.")
    (strike,) = extract_text(text, published=dt.date(2026, 6, 2))
    assert strike.actor1.startswith("Military Forces of Russia") and strike.actor2 == "Civilians (Ukraine)"
    assert strike.fatalities == 4


def test_bodies_found_the_next_day_belong_to_the_fight_they_fell_in():
    text = ("Police repel Taliban attack on checkpoint\n\n"
            "PESHAWAR, Oct 29 (AP) - Dozens of militants opened fire on a police post near Sarai Naurang in the "
            "Lakki Marwat district late on Tuesday, and officers returned fire for more than an hour, police said.\n\n"
            "Two policemen were killed and three wounded, the district police chief said. He said the bodies of "
            "three militants were found near the checkpoint on Wednesday morning, along with weapons.")
    (clash,) = extract_text(text, published=dt.date(2026, 10, 29))
    assert clash.event_type == "Battles" and clash.fatalities == 5 and clash.event_date == "2026-10-27"


def test_a_fight_told_below_a_lead_summing_it_up_with_another_attack_is_an_event():
    text = ("Fighting rocks Ethiopian town as drone strike on market kills civilians\n\n"
            "ADDIS ABABA, Aug 27 (Reuters) - Fano militiamen and federal troops fought for hours in the town of Mota "
            "on Tuesday, and a drone strike on a market in another town the following day killed at least 17 "
            "civilians, residents said.\n\n"
            "Fano fighters entered Mota early on Tuesday and attacked a military camp, two residents said. "
            "Heavy machine-gun fire continued until early afternoon, when the militiamen withdrew.\n\n"
            "On Wednesday morning, a drone struck the weekly market in Wegel Tena, killing 17 people, a health "
            "official said.")
    fight, strike = extract_text(text, published=dt.date(2026, 8, 27))
    assert fight.event_type == "Battles" and fight.actor1 == "Fano Militia" and fight.event_date == "2026-08-25"
    assert strike.sub_event_type == "Air/drone strike" and strike.fatalities == 17


def test_people_fleeing_follow_the_attack_they_fled():
    text = ("PORT-AU-PRINCE, May 8 (AP) - Gang members armed with assault rifles swept through a neighbourhood of "
            "Croix-des-Bouquets on the northeastern edge of Haiti's capital early Thursday, killing at least nine "
            "people and setting dozens of houses on fire, the town's mayor and residents said.\n\n"
            "The attack on Noailles began shortly before dawn, when gunmen entered from the direction of the Canaan "
            "hillsides, residents said. Many families fled on foot towards Tabarre with only what they could "
            "carry.\n\n"
            "The mayor told local radio that nine bodies had been found, several of them burned inside their homes, "
            "and that about 30 houses and a church were destroyed.")
    events = extract_text(text, published=dt.date(2026, 5, 8))
    assert [e.event_type for e in events] == ["Violence against civilians"]
    assert events[0].fatalities == 9


def test_what_the_sides_claim_to_have_killed_yields_to_a_hospital_count():
    text = ("Militiamen and soldiers fought for hours in the town of Mota on Tuesday, residents said. A medical "
            "worker at the town's hospital said 11 bodies had been brought in by the evening. The government said "
            "security forces had killed more than 50 of the attackers. A Fano spokesman said his forces had killed "
            "dozens of soldiers. Neither claim could be verified.")
    (fight,) = extract_text(text, published=dt.date(2026, 8, 27))
    assert fight.fatalities == 11
    text = ("Militants attacked a police post in Lakki Marwat on Tuesday, police said. Police said officers killed "
            "three of the attackers.")
    (attack,) = extract_text(text, published=dt.date(2026, 8, 27))
    assert attack.fatalities == 3  # no outside count: the side's own count stands
    text = ("A suicide bomber and gunmen attacked a hotel in Mogadishu on Monday. Police said 14 people were "
            "killed and that all five attackers were dead. A doctor at Madina hospital said it had received "
            "17 bodies.")
    (siege,) = extract_text(text, published=dt.date(2026, 8, 27))
    assert siege.fatalities == 19  # attackers the police counted, fewer than the hospital's dead: a count
