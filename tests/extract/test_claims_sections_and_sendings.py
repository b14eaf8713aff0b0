"""A group's own claims of harm, headings of a report's sections, lists of things, days written in
figures or set by the day of saying, and places people were sent from or carried to."""

from __future__ import annotations

import datetime as dt

from faultline import extract_text
from faultline.config import Settings
from faultline.extract.dates import find_date
from faultline.geo import Gazetteer, find_toponyms, load_gazetteer


def test_a_group_counting_what_its_own_fighters_did_counts_only_where_no_one_else_does():
    text = ("Gunmen attacked a police checkpost in Lakki Marwat late on Sunday, killing three policemen, "
            "officials said.\n\n"
            "The banned TTP claimed responsibility for the attack in a statement, claiming that its fighters "
            "had killed seven policemen and taken away weapons from the post.")
    (event,) = extract_text(text, published=dt.date(2026, 3, 17))
    assert (event.sub_event_type, event.fatalities) == ("Armed clash", 3)
    text = ("Separatist gunmen stopped two buses on a highway in Balochistan late on Saturday and shot dead at "
            "least seven passengers, officials said.\n\n"
            "It said its fighters had executed 12 personnel of the occupying forces travelling in disguise.")
    (event,) = extract_text(text, published=dt.date(2026, 5, 10))
    assert event.fatalities == 7


def test_a_man_of_no_known_side_and_a_member_a_headline_counted_are_one_death():
    text = ("Israeli strike on car in south Lebanon kills Hezbollah member, army says\n\n"
            "BEIRUT (AP) — An Israeli drone strike hit a car in southern Lebanon on Tuesday, killing one man "
            "and wounding a passerby, Lebanon's Health Ministry said.")
    (event,) = extract_text(text, published=dt.date(2026, 6, 16))
    assert event.fatalities == 1
    text = ("A man attacked three people in a park in Villejuif on Sunday, killing one man and seriously wounding "
            "his wife. A second woman, who was jogging in the area, also received stab wounds.")
    (event,) = extract_text(text, published=dt.date(2026, 6, 16))
    assert event.injured == 2


def test_a_toll_risen_with_the_wounded_who_died_leaves_the_wounded_it_gives():
    text = ("A suicide bomber blew himself up outside a mosque in Kabul on Monday evening, killing six people "
            "and wounding 15, police said.\n\n"
            "On Tuesday, the police spokesman said the toll had risen to eight dead and 19 wounded after two of "
            "the injured died overnight.")
    (event,) = extract_text(text, published=dt.date(2026, 6, 9))
    assert (event.fatalities, event.injured) == (8, 19)


def test_an_army_that_lost_soldiers_counts_them_and_bodies_carry_their_side():
    text = ("JNIM fighters ambushed an army-escorted fuel convoy near Diema on Sunday. The army said it lost four "
            "soldiers and that nine terrorist bodies were counted on the ground. Three drivers were also killed.")
    (event,) = extract_text(text, published=dt.date(2026, 8, 18))
    assert (event.sub_event_type, event.fatalities) == ("Armed clash", 16)


def test_an_unknown_rank_or_office_shot_dead_is_still_one_person():
    for victim in ("a retired army subedar", "a barangay chairman"):
        text = f"Unidentified gunmen shot dead {victim} near Kulachi town on Monday evening, police said."
        (event,) = extract_text(text, published=dt.date(2026, 3, 17))
        assert (event.sub_event_type, event.fatalities) == ("Attack", 1), victim


def test_no_one_hurt_tells_no_attack_beside_a_fire():
    text = ("Late on Sunday night, unidentified persons set fire to four abandoned houses at Kangchup in Imphal "
            "West district. No one was injured.")
    (event,) = extract_text(text, published=dt.date(2026, 7, 13))
    assert event.sub_event_type == "Looting/property destruction"


def test_marchers_stopped_with_tear_gas_shells_and_carrying_torches_are_neither_shelled_nor_arsonists():
    text = ("On Monday, hundreds of women tried to march towards Raj Bhavan in Imphal. The marchers, carrying "
            "torches and placards, were stopped by the police, who fired several rounds of tear gas shells to "
            "disperse them.")
    (event,) = extract_text(text, published=dt.date(2026, 7, 13))
    assert event.sub_event_type == "Protest with intervention"


def test_captives_marched_into_the_forest_are_no_march_and_a_toll_giver_no_victim():
    text = ("Shortly after nine on the evening of 9 June, ADF fighters attacked the village of Mamove in Beni "
            "territory. The provincial army spokesman put the toll at 24 civilians killed. At least 11 people were "
            "marched into the forest as captives.")
    (event,) = extract_text(text, published=dt.date(2026, 7, 5))
    assert (event.event_type, event.fatalities) == ("Violence against civilians", 24)


def test_the_items_of_a_list_of_things_found_tell_no_event():
    text = ("On 18.09.2026, an exchange of fire took place between the security forces and Maoists near "
            "Gangaloor. The bodies of five Maoists were recovered along with the following items:\n"
            "1. INSAS rifle - 01\n"
            "2. BGL launcher - 01, with BGL shells - 06\n")
    (event,) = extract_text(text, published=dt.date(2026, 9, 19))
    assert (event.event_date, event.sub_event_type, event.fatalities) == ("2026-09-18", "Armed clash", 5)


def test_days_written_in_figures_read_day_first_unless_only_the_month_first_can_be(nlp):
    for written, day in (("18.09.2026", "2026-09-18"), ("18/09/2026", "2026-09-18"), ("09/18/2026", "2026-09-18"),
                         ("05.09.2026", "2026-09-05")):
        doc = nlp(f"On {written}, troops clashed with rebels.")
        found = find_date(doc[:], 0, published=dt.date(2026, 9, 20))
        assert found is not None and str(found.date) == day, written


def test_a_decade_is_long_ago(nlp):
    doc = nlp("The group, founded in Uganda in the 1990s, has killed thousands of people.")
    found = find_date(doc[:], 0, published=dt.date(2026, 7, 5))
    assert found is not None and found.year_only and found.date.year == 1990


def test_a_day_the_words_set_on_the_day_of_saying_is_the_events():
    text = ("A suicide bomber killed eight worshippers at a mosque in Kabul on Monday evening.\n\n"
            "The Taliban spokesman said on Tuesday that special forces had, early that morning, raided an "
            "Islamic State hideout in Kabul, killing two militants.")
    events = extract_text(text, published=dt.date(2026, 6, 9))
    assert sorted((e.event_date, e.sub_event_type) for e in events) == [
        ("2026-06-08", "Suicide bomb"), ("2026-06-09", "Armed clash")]


def test_a_statement_released_on_a_day_dates_the_statement():
    text = ("In a statement released on Monday morning, the Arakan Army said its fighters had taken full control "
            "of the regime's base at Ma-Ei on Sunday morning after a final assault.")
    (event,) = extract_text(text, published=dt.date(2026, 8, 18))
    assert event.event_date == "2026-08-16"


def test_a_blast_named_again_somewhere_the_lead_did_not_name_is_the_same_bombing():
    text = ("A suicide bomber blew himself up among worshippers leaving a Shiite mosque in western Kabul on "
            "Monday evening, killing at least six people, officials said.\n\n"
            "The blast struck the Imam Zaman mosque in Dasht-e-Barchi, a neighbourhood of the capital.")
    (event,) = extract_text(text, published=dt.date(2026, 6, 9))
    assert event.sub_event_type == "Suicide bomb"


def test_counted_days_later_a_pursuit_is_another_incident():
    text = ("Fighters of the ADF attacked the village of Mamove on 9 June, killing 24 civilians, the army said.\n\n"
            "Two days later, on 11 June, the army said its soldiers had caught up with a column of the attackers "
            "near Oicha, killing six of them and freeing four hostages.")
    events = extract_text(text, published=dt.date(2026, 7, 5))
    assert sorted((e.event_date, e.sub_event_type) for e in events) == [
        ("2026-06-09", "Attack"), ("2026-06-11", "Armed clash")]


def test_a_report_section_heading_heads_its_paragraph():
    text = ("Rights group condemns wave of violence\n\n"
            "1. The attack on Furcy\n\n"
            "On Friday 17 April, armed men entered the locality of Furcy and shot dead nine residents.\n\n"
            "2. Lynching in Petion-Ville\n\n"
            "On Monday 20 April, in the morning, a crowd in Petion-Ville seized two young men accused of being "
            "informants for the gangs. The two men were beaten, then set on fire.")
    events = extract_text(text, published=dt.date(2026, 4, 21))
    assert sorted(e.event_date for e in events) == ["2026-04-17", "2026-04-20"]


def test_a_headlines_place_yields_to_the_storys_own():
    text = ("2 NPA rebels killed in Negros clash\n\n"
            "BACOLOD CITY - Two suspected members of the New People's Army were killed in a clash with government "
            "troops in the upland village of Carabalan, Himamaylan City, Negros Occidental on Saturday, the "
            "Philippine Army said Monday.")
    (event,) = extract_text(text, published=dt.date(2026, 10, 5))
    assert (event.location, event.geo_precision) == ("Carabalan", 1)


def test_where_the_wounded_were_taken_and_where_a_bomber_was_sent_from_are_not_where_it_happened():
    text = ("A village volunteer was killed in a gunfight near Moirang in Bishnupur district on Sunday morning. "
            "He was rushed to the Regional Institute of Medical Sciences (RIMS) in Imphal, but died on the way.\n\n"
            "On Monday, hundreds of women marched in Imphal.")
    events = extract_text(text, published=dt.date(2026, 7, 13))
    assert sorted((e.event_date, e.location) for e in events) == [("2026-07-12", "Moirāng"),
                                                                   ("2026-07-13", "Imphal")]
    text = ("A suicide bomber killed eight worshippers at a mosque in Kabul on Monday evening. The spokesman said "
            "the bomber had been trained and sent from across the border in Pakistan.")
    (event,) = extract_text(text, published=dt.date(2026, 6, 9))
    assert event.country == "Afghanistan"


def test_gunmen_firing_from_slopes_above_a_village_were_at_the_village():
    text = ("Around 5.30 pm on Sunday, gunmen firing from the forested slopes above Phubala village, near Moirang "
            "in Bishnupur district, killed a farmer, police said.")
    (event,) = extract_text(text, published=dt.date(2026, 6, 23))
    assert event.admin1 == "Manipur"


def test_an_office_of_a_district_is_no_place_and_a_municipality_or_commune_of_a_name_is(nlp):
    gazetteer = Gazetteer(load_gazetteer(Settings()).path)
    doc = nlp("District Police Officer Nazir Ahmad Khan told Dawn that militants attacked the checkpost.")
    assert not find_toponyms(doc, 0, gazetteer)
    doc = nlp("Gunmen opened fire in the municipality of Aguililla and in the commune of Kenscoff on Monday.")
    assert {"Aguililla", "Kenscoff"} <= {t.text for t in find_toponyms(doc, 0, gazetteer)}


def test_a_village_in_a_municipality_is_the_namesake_inside_it():
    text = ("A National Guard patrol was ambushed on Monday just outside the village of El Aguaje, in the "
            "municipality of Aguililla, in western Michoacan state, and returned fire.")
    (event,) = extract_text(text, published=dt.date(2026, 3, 10))
    assert event.admin1 == "Michoacán"


def test_what_was_said_the_day_before_an_event_tells_another_and_a_wars_toll_none():
    text = ("A drone hit the livestock market in El Obeid on Sunday morning, killing 19 people, the health ministry "
            "said.\n\n"
            "On Saturday, the army said its troops had repelled a large-scale attack by RSF fighters on their "
            "positions around Um Sumeima, killing dozens of militia members.\n\n"
            "On Monday, artillery shells hit a neighbourhood of Dilling, killing four civilians. Tens of thousands "
            "of people have been killed and millions displaced in the war.")
    events = extract_text(text, published=dt.date(2026, 6, 9))
    assert sorted((e.event_date, e.fatalities) for e in events) == [
        ("2026-06-06", 12), ("2026-06-07", 19), ("2026-06-08", 4)]


def test_kosovo_has_a_name():
    text = "Gunmen fired on a police patrol near the village of Zupce in northern Kosovo on Sunday night."
    (event,) = extract_text(text, published=dt.date(2026, 10, 21))
    assert (event.country, event.actor2) == ("Kosovo", "Police Forces of Kosovo (2021-)")


def test_the_group_unnamed_attackers_belonged_to_is_who_attacked():
    text = ("Gunmen attacked a police station in the Ecuadoran town of San Lorenzo early on Saturday, killing an "
            "officer. Police commanders said the attackers belonged to Los Tiguerones, a gang allied with Los Lobos "
            "that is fighting for control of drug routes.")
    (event,) = extract_text(text, published=dt.date(2026, 6, 8))
    assert (event.actor1, event.country) == ("Los Tiguerones", "Ecuador")


def test_a_wounded_guard_who_died_after_a_neighbours_statement_adds_to_the_attacks_toll():
    text = ("Armed men attacked a Kyrgyz border outpost in the Batken region shortly before midnight on Tuesday, "
            "killing three border guards, the GKNB said on Wednesday. Four of the attackers were killed. Two other "
            "border guards were wounded and flown to hospital.\n\n"
            "Tajikistan's border troops said in a statement that they had reinforced their own posts along the "
            "section.\n\n"
            "On Wednesday evening the Border Service said one of the two wounded guards had died in hospital. "
            "A member of parliament from Batken wrote on Facebook that six guards had been killed.")
    events = extract_text(text, published=dt.date(2026, 3, 19))
    attack = next(e for e in events if e.event_type == "Battles")
    assert attack.fatalities == 8
    assert all(e.fatalities == 0 for e in events if e is not attack)


def test_a_toll_brought_to_a_count_is_the_count():
    text = ("Narsingdi factional clash: death toll rises to two\n\n"
            "Another man injured in a clash between two factions in Narsingdi's Raipura upazila on Sunday died "
            "early yesterday, raising the death toll to two.\n\n"
            "Rubel Mia, 28, a farmer, was hacked to death on the spot during the clash.")
    (event,) = extract_text(text, published=dt.date(2026, 4, 21))
    assert event.fatalities == 2


def test_each_sides_dead_counted_by_two_sources_under_two_nouns_are_counted_once():
    text = ("Gunmen attacked a security checkpoint near Jableh on Sunday and killed four members of the security "
            "forces and three of the attackers, Syria's Interior Ministry said.\n\n"
            "The Britain-based Syrian Observatory for Human Rights put the toll higher, saying six security "
            "personnel had been killed. Five gunmen were also killed, it said.")
    (event,) = extract_text(text, published=dt.date(2026, 3, 18))
    assert event.fatalities == 7


def test_a_toll_another_source_puts_higher_is_that_sources():
    text = ("An air strike by Myanmar's military on a village market in the Sagaing region killed at least 17 "
            "people on Tuesday, a local resistance group and residents said, while a volunteer rescue team put "
            "the toll at 22.")
    (event,) = extract_text(text, published=dt.date(2026, 3, 19))
    assert event.fatalities == 17
