"""Sentences that join two events, scenes set before an event, and clauses told only to date another."""

from __future__ import annotations

import datetime as dt

import pytest

from faultline import extract_text
from faultline.config import Settings
from faultline.extract.numbers import NumberWords
from faultline.geo import Gazetteer, load_gazetteer
from tests.geo.recognition import found_toponyms

PUBLISHED = dt.date(2026, 9, 16)  # a Wednesday


@pytest.fixture(scope="module")
def full_gazetteer() -> Gazetteer:
    """The embedded gazetteer the extraction tests read places from (the geo tests' small one lacks Pakistan)."""
    return Gazetteer(load_gazetteer(Settings()).path)


def test_a_sentence_joining_two_events_in_two_towns_gives_two_events():
    text = ("Thousands of teachers marched through Kumasi on Tuesday, and late in the day rival groups clashed "
            "in Tamale, police said.")
    events = extract_text(text, published=PUBLISHED)
    assert sorted((e.location, e.event_type, e.fatalities) for e in events) == [
        ("Kumasi", "Protests", 0), ("Tamale", "Battles", 0)]


def test_a_sentence_joining_two_events_on_two_days_dates_each():
    text = ("A landmine wrecked a police pickup near Gao on Sunday, killing two officers, while gunmen burned "
            "a market in Menaka on Monday, residents said.")
    events = extract_text(text, published=PUBLISHED)
    assert sorted(e.event_date for e in events) == ["2026-09-13", "2026-09-14"]


def test_a_scene_set_on_another_day_holds_the_event_told_next():
    text = ("Gunmen ambushed a bus near Kaduna on Saturday, killing four passengers, police said.\n\n"
            "Late on Sunday, bandits entered the village of Kagarko in Kaduna state. They shot dead six farmers "
            "and burned granaries, a community leader said.")
    events = extract_text(text, published=PUBLISHED)
    assert sorted((e.event_date, e.fatalities) for e in events) == [("2026-09-12", 4), ("2026-09-13", 6)]


def test_a_scene_no_event_follows_opens_no_incident():
    text = ("Gunmen ambushed a bus near Kaduna on Saturday, killing four passengers, police said. "
            "On Sunday, soldiers entered the town of Zaria. Shops stayed shut.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.fatalities == 4


def test_what_happened_a_day_before_the_rally_is_no_part_of_it():
    text = ("Thousands of people rallied in Yerevan on Tuesday evening, a day after police detained an "
            "opposition leader at his home. The rally ended peacefully and no detentions were reported.")
    events = extract_text(text, published=PUBLISHED)
    rally = next(e for e in events if e.event_type == "Protests")
    assert rally.sub_event_type == "Peaceful protest" and not rally.captured


def test_a_rally_the_day_after_an_arrest_is_told_apart_from_it():
    text = ("Thousands of people rallied in Yerevan on Tuesday evening against the government. The rally "
            "ended peacefully. Opposition leader Armen Sargsyan was detained by police at his flat early on "
            "Monday, his lawyer said.")
    events = extract_text(text, published=PUBLISHED)
    assert sorted((e.event_date, e.sub_event_type) for e in events) == [
        ("2026-09-14", "Arrests"), ("2026-09-15", "Peaceful protest")]


def test_a_toll_since_then_coordinated_with_the_displaced_is_no_event_toll():
    text = ("Rebels shot dead three soldiers at a checkpoint near Beni on Monday, the army said. The conflict began "
            "in 2014. More than 4,000 people have been killed and a million displaced since then, aid groups say.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.fatalities == 3


def test_a_disaster_an_anniversary_march_remembers_is_no_toll():
    text = ("Thousands of people marched through Skopje on Tuesday to mark three years since the fire at a "
            "nightclub that killed 59 people.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.event_type == "Protests" and event.fatalities == 0


def test_overnight_on_a_named_day_is_that_day():
    text = "Police detained dozens of opposition activists in raids across Lahore overnight on Sunday."
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.event_date == "2026-09-13"


def test_people_detained_with_no_number_are_not_counted():
    text = "Police detained opposition activists in raids across Lahore on Sunday."
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.sub_event_type == "Arrests" and not event.captured


def test_several_thousand_is_thousands():
    words = NumberWords.load()
    assert [q.count for q in words.find("several thousand marchers and a few hundred police")] == [3000, 200]


def test_the_end_of_a_place_name_the_gazetteer_lacks_is_no_place_of_its_own(nlp, full_gazetteer):
    text = "Militants attacked a checkpoint in Mir Ali, North Waziristan, on Monday."
    names = found_toponyms(nlp, full_gazetteer, text)
    assert "Ali" not in names and "North Waziristan" in names


def test_an_army_communique_s_neutralised_are_dead():
    text = "The army said its troops had neutralised 14 terrorists in clashes near Djibo on Tuesday."
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.fatalities == 14


def test_where_a_witness_was_reached_is_not_where_it_happened():
    text = ("Gunmen raided a village near Arbinda on Monday, killing nine people, said a resident reached by "
            "telephone in Djibo.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.location != "Djibo"


def test_drones_an_army_calls_its_own_are_that_army_s():
    text = ("Jihadists attacked a convoy near Djibo, in Burkina Faso, on Monday. On Tuesday the army said one of "
            "its drones had struck the fighters north of the town, killing 12 of them.")
    events = extract_text(text, published=PUBLISHED)
    strike = next(e for e in events if e.sub_event_type == "Air/drone strike")
    assert strike.actor1.startswith("Military Forces of Burkina Faso")


def test_a_group_security_sources_blame_is_the_attacker():
    text = ("Gunmen killed 11 villagers near Arbinda in Burkina Faso on Sunday, a local official said. Security "
            "sources blamed Jama'at Nusrat al-Islam wal-Muslimin (JNIM). The group has not claimed the raid.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.actor1.startswith("JNIM")


def test_what_came_days_after_the_event_is_another_event_on_its_own_day():
    text = ("Maoists killed a village head near Bijapur in Chhattisgarh on Monday night, police said, two days "
            "before a gunfight in which nine Maoists were killed.")
    events = extract_text(text, published=PUBLISHED)
    assert sorted((e.event_date, e.fatalities) for e in events) == [("2026-09-14", 1), ("2026-09-16", 9)]


def test_the_event_told_before_in_a_sentence_dating_a_new_one_is_not_it():
    text = ("Gunmen stormed a police post in San Lorenzo, Ecuador, on Monday, killing one officer, police said.\n\n"
            "The assault came two days after a grenade was hurled into a bar in Esmeraldas, wounding seven people.")
    events = extract_text(text, published=PUBLISHED)
    assert sorted((e.location, e.injured or 0) for e in events) == [("Esmeraldas", 7), ("San Lorenzo", 0)]


def test_twenty_km_from_a_town_is_near_it():
    text = ("Police came under fire from Maoists in a forest about 20 km from Bijapur town in Chhattisgarh on "
            "Tuesday, and two officers were killed.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.location.startswith("B") and event.geo_precision == 2


def test_what_a_past_year_s_clause_tells_is_background():
    text = ("Monday's fighting in Tripoli killed six people, health officials said. It was the worst since "
            "May 2025, when the killing of a militia leader set off clashes that left eight people dead.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.fatalities == 6


def test_days_earlier_counts_from_the_event_before():
    text = ("Gunmen attacked a police station in San Lorenzo, Ecuador, early on Saturday, killing one officer.\n\n"
            "Two days earlier, a councillor from Quininde was shot dead by two men on a motorcycle.")
    events = extract_text(text, published=PUBLISHED)
    assert sorted(e.event_date for e in events) == ["2026-09-10", "2026-09-12"]


def test_the_day_said_right_after_the_saying_is_not_the_event_s():
    text = ("Soldiers raided a village near Bali in Cameroon on Friday. A rights group said on Monday it had "
            "documented the rape of five women during the raid.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.event_date == "2026-09-11"


def test_a_headline_over_a_lead_of_two_events_places_neither():
    text = ("Police fire tear gas at protesters in Accra, two shot dead in Tamale\n\n"
            "ACCRA, Sept 16 (Reuters) - Police fired tear gas at hundreds of protesters in Accra on Tuesday, and "
            "two men were shot dead in the northern city of Tamale, a hospital official said.")
    events = extract_text(text, published=PUBLISHED)
    accra = next(e for e in events if e.location == "Accra")
    assert accra.fatalities == 0 and accra.event_type == "Protests"


def test_the_raid_named_again_after_another_event_is_the_raid():
    text = ("Soldiers raided a village near Bali in Cameroon on Friday, and two days later separatists set off a "
            "roadside bomb near Batibo, residents said.\n\n"
            "On Sunday, the bomb wounded three soldiers, the military said.\n\n"
            "A rights group said on Monday it had documented the rape of five women during the raid.")
    events = extract_text(text, published=PUBLISHED)
    raid = next(e for e in events if e.event_date == "2026-09-11")
    assert raid.sub_event_type == "Sexual violence"


def test_a_group_s_claim_of_its_enemies_wounded_yields_to_a_hospital_s_count():
    text = ("A suicide bomber killed five people outside a bank in Jalalabad, Afghanistan, on Wednesday, police "
            "said. A hospital official said the hospital had received 27 wounded people. Islamic State claimed "
            "the attack, saying its fighter had wounded more than 40 soldiers.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.injured == 27


def test_a_march_the_day_before_in_another_town_is_its_own_event():
    text = ("Protesters set fire to a prosecutor's office in Juliaca on Tuesday, police said. Hundreds hurled "
            "stones at police, who responded with tear gas.\n\n"
            "On Monday, some 3,000 people marched peacefully around the main square in Puno.")
    events = extract_text(text, published=PUBLISHED)
    assert sorted((e.event_date, e.location) for e in events) == [("2026-09-14", "Puno"), ("2026-09-15", "Juliaca")]


def test_the_town_a_blocked_road_leads_to_is_not_where_it_happened():
    text = ("Security forces fired on protesters who had blocked the main road to Ahvaz in Susangerd, Iran, on "
            "Tuesday, killing one man.\n\n"
            "On Wednesday, hundreds of people rallied outside the governorate in Ahvaz, and police detained 28.")
    events = extract_text(text, published=PUBLISHED)
    assert sorted(e.location for e in events) == ["Ahvaz", "Sūsangerd"]


def test_a_scene_the_story_goes_back_to_keeps_what_follows():
    text = ("Rioters set fire to a police post in Medan, Indonesia, on Tuesday, while police in Jakarta said they "
            "had detained 400 people in raids.\n\n"
            "In Medan, thousands of students gathered outside the legislature. Some threw rocks at police. A police "
            "spokesman said 31 officers were injured.")
    events = extract_text(text, published=PUBLISHED)
    medan = next(e for e in events if e.location == "Medan")
    assert medan.injured == 31


def test_those_protests_after_a_recalled_one_are_as_old():
    text = ("Thousands of students marched peacefully in Yogyakarta on Tuesday.\n\n"
            "The unrest is the most serious since August 2025, when a driver was killed by a police vehicle in "
            "Jakarta. At least 10 people were killed in those protests.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.fatalities == 0


def test_a_toll_that_rose_dates_the_count_not_the_strike_and_replaces_the_first_report():
    text = ("The number of people killed when Russian aircraft bombed a residential district of Zaporizhzhia, "
            "Ukraine, rose to 11 on Wednesday, the governor said.\n\n"
            "Russian warplanes dropped four guided bombs on the city shortly after 2 p.m. (1200 GMT) on Tuesday, "
            "the governor said. Officials had initially reported seven dead. On Wednesday the governor said four "
            "more bodies had been recovered.")
    (event,) = extract_text(text, published=dt.date(2026, 9, 16))
    assert (event.event_date, event.fatalities) == ("2026-09-15", 11)


def test_a_generic_remark_below_tells_no_event_a_lead_could_sum_up():
    text = ("Russian drones struck Kharkiv on Tuesday, killing three people, officials said.\n\n"
            "Separately, Russian artillery killed a man in Nikopol on Tuesday morning, and a Russian drone hit a "
            "minibus near Bilozerka on Wednesday, killing two passengers, regional officials said.\n\n"
            "\"Drones are cheap and plentiful,\" said an analyst.")
    events = extract_text(text, published=PUBLISHED)
    assert sorted(e.location for e in events) == ["Bilozerka", "Kharkiv", "Nikopol"]


def test_full_control_of_a_town_is_taking_it():
    text = "The Defence Ministry said on Tuesday its troops had taken full control of Stepnohirsk in Ukraine."
    (event,) = extract_text(text, published=PUBLISHED)
    assert "territory" in event.sub_event_type


def test_a_day_told_below_a_lead_s_this_week_is_the_event_s_day():
    text = ("Paramilitaries killed dozens of villagers when they stormed a settlement in North Kordofan this week, "
            "medics said on Wednesday.\n\n"
            "Fighters on motorbikes swept into a village north of Bara on Monday, shooting residents, according to "
            "a medical group. A state official said 31 bodies had been buried.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.event_date == "2026-09-14" and event.time_precision == 1


def test_forces_that_say_they_struck_struck():
    text = ("The U.S. Africa Command said it had carried out an airstrike against al-Shabab fighters about 25 "
            "kilometers northeast of Jilib, Somalia, on Tuesday, killing two militants.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.actor1.startswith("Military Forces of the United States")


def test_a_group_s_record_of_attacks_is_no_event():
    text = ("Al-Shabab fighters attacked a military base near Afgooye, Somalia, on Tuesday, killing nine soldiers. "
            "The group has carried out some of Africa's deadliest attacks.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.fatalities == 9


def test_a_claim_of_responsibility_counts_no_more_than_the_other_sources():
    text = ("ADF militants killed at least 17 people in a village north of Beni, Congo, on Tuesday, the army said. "
            "An army spokesman said 17 bodies had been recovered. Islamic State claimed the attack on Wednesday, "
            "saying its fighters had killed more than 30 Christians.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.fatalities == 17


def test_a_town_named_after_a_person_is_the_whole_name(nlp, full_gazetteer):
    text = "In Dera Ghazi Khan in Punjab province, several hundred people protested."
    names = found_toponyms(nlp, full_gazetteer, text)
    assert "Dera Ghazi Khan" in names


def test_an_event_joined_to_a_clause_that_tells_none_keeps_its_own_place():
    text = ("Jihadists occupied the town of Niafunke in Mali on Sunday after the army left its camp, sources said.\n\n"
            "JNIM fighters rolled into Niafunke on Sunday, while late the same day a drone strike hit a weekly "
            "market near Sokolo, killing at least 12 civilians, residents said.")
    events = extract_text(text, published=PUBLISHED)
    strike = next(e for e in events if e.sub_event_type == "Air/drone strike")
    assert strike.location == "Sokolo" and strike.fatalities == 12



def test_a_headline_over_two_events_still_names_what_one_of_them_was():
    text = ("Suspected thief lynched in Mbour, party office torched in Kaolack\n\n"
            "DAKAR, Sept 16 (AFP) - A man suspected of stealing a motorcycle was beaten to death by a crowd in the "
            "Senegalese town of Mbour on Monday, police said, while the local office of the main opposition party "
            "in the city of Kaolack was set on fire early on Tuesday.")
    events = extract_text(text, published=PUBLISHED)
    assert any(e.sub_event_type == "Mob violence" and e.location == "Mbour" for e in events)


def test_an_event_joined_with_no_day_of_its_own_has_the_day_of_the_first():
    text = ("Tens of thousands marched through Novi Sad on Monday to mark the anniversary, and late in the day "
            "rival groups clashed in Belgrade, police said.")
    events = extract_text(text, published=PUBLISHED)
    assert sorted((e.location, e.event_date) for e in events) == [
        ("Belgrade", "2026-09-14"), ("Novi Sad", "2026-09-14")]


def test_an_air_component_that_struck_is_an_air_strike_of_its_own_day():
    text = ("Insurgents attacked a military base in Marte, Borno State, Nigeria, late on Sunday, killing five "
            "soldiers, military sources said. The statement added that the air component of the operation on "
            "Monday morning struck the fleeing terrorists on the road between Marte and Dikwa, neutralising "
            "dozens more.")
    events = extract_text(text, published=PUBLISHED)
    strike = next(e for e in events if e.sub_event_type == "Air/drone strike")
    assert strike.event_date == "2026-09-14" and strike.actor1.startswith("Military Forces of Nigeria")
