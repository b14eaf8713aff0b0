"""Briefs told item by item, tolls one source gives against another's count, a day's violence told beside
another day's, who a force fought when repelling an attack, and words that tell no agreement or no day."""

from __future__ import annotations

import datetime as dt

from faultline import extract_text


def test_each_dated_item_of_a_brief_is_an_event_on_its_day():
    text = ("Weekly digest of incidents, North Kivu\n\n"
            "- 03/03, approx. 22:00 - Mabalako (west of Beni): Armed men attacked the village, killing 4 civilians.\n\n"
            "- 04/03, approx. 07:30 - Mabalako: Army units engaged the attackers in the forest. 2 assailants were "
            "killed.\n\n"
            "- 04/03, approx. 19:00 - Butembo: A grenade thrown into a bar injured 5 people.")
    events = extract_text(text, published=dt.date(2026, 3, 6))
    assert sorted((e.event_date, e.sub_event_type) for e in events) == [
        ("2026-03-03", "Attack"), ("2026-03-04", "Armed clash"), ("2026-03-04", "Grenade")]


def test_a_day_written_with_a_slash_counts_no_one():
    text = ("- 12/05, late evening - Outskirts of Kasindi: A shopkeeper was shot dead by unidentified armed men, "
            "who took his motorcycle.")
    (event,) = extract_text(text, published=dt.date(2026, 5, 14))
    assert (event.event_date, event.fatalities) == ("2026-05-12", 1)


def test_another_source_s_toll_is_a_rival_count_of_the_same_dead():
    text = ("A rocket struck a market in the town of Marib on Sunday. Four civilians were killed and 9 wounded, a "
            "local health official said. A government news agency put the death toll at six.")
    (event,) = extract_text(text, published=dt.date(2026, 8, 11))
    assert event.fatalities == 4


def test_a_toll_that_rose_is_no_rival_count():
    text = ("A rocket struck a market in the town of Marib on Sunday. Four civilians were killed, a local health "
            "official said. The death toll later rose to six, the government news agency said.")
    (event,) = extract_text(text, published=dt.date(2026, 8, 11))
    assert event.fatalities == 6


def test_a_day_apart_a_group_firing_a_missile_is_another_event():
    text = ("Jets hit Hodeidah port after rebel missile kills three at Marib camp\n\n"
            "CAIRO (AP) - Warplanes struck the port city of Hodeidah late Monday and hit targets in the north early "
            "Tuesday, a day after a rebel missile slammed into a camp for displaced families in the city of Marib."
            "\n\nThe health ministry said six people were killed in the strikes on the port.\n\n"
            "The action came after the rebels fired a missile on Sunday evening at Marib. Three civilians were "
            "killed, a local official said.")
    events = extract_text(text, published=dt.date(2026, 8, 12))
    assert sorted((e.event_date, e.fatalities) for e in events) == [("2026-08-09", 3), ("2026-08-10", 6)]


def test_a_headline_s_after_clause_tells_another_story_than_its_count():
    text = ("Air strikes hit Hodeidah port after rebel missile kills three in Marib\n\n"
            "Warplanes struck the port of Hodeidah late on Monday. The health ministry said eight people were "
            "killed in the strikes on the port.")
    events = extract_text(text, published=dt.date(2026, 8, 11))
    assert [e.fatalities for e in events if e.event_date == "2026-08-10"] == [8]


def test_the_group_that_attacked_is_whom_the_army_fought():
    text = ("Night attack on camp: CODECO militiamen raided the Lodha displacement camp north of Bunia on Tuesday; 3 "
            "displaced people killed, several shelters burned. Army troops posted at the camp repelled the attack "
            "after an exchange of fire lasting half an hour; 1 soldier killed.")
    (event,) = extract_text(text, published=dt.date(2026, 7, 2))
    assert {event.actor1, event.actor2} >= {"CODECO: Cooperative for the Development of Congo"}


def test_an_attack_on_residents_leads_the_houses_burned_in_it():
    text = ("Armed men entered the village of Mamove on Friday night, attacking residents with machetes. At least "
            "12 houses were set on fire.")
    (event,) = extract_text(text, published=dt.date(2026, 7, 4))
    assert event.sub_event_type == "Attack"


def test_police_negotiating_a_road_open_is_no_agreement():
    text = ("About 200 motorcycle-taxi drivers held a sit-in in Beni on Monday to protest the killing of a "
            "colleague. Police negotiated the reopening of the road.")
    (event,) = extract_text(text, published=dt.date(2026, 7, 7))
    assert event.event_type == "Protests"


def test_a_crowd_carrying_banners_protests():
    text = ("On Saturday, dozens of residents gathered in the main square of Misrata, carrying banners against the "
            "militias.")
    (event,) = extract_text(text, published=dt.date(2026, 7, 5))
    assert event.sub_event_type == "Peaceful protest"


def test_fighting_that_spread_by_a_day_is_that_day_s_event():
    text = ("Clashes erupted late on Thursday in the village of Al-Harsha between two armed groups; one fighter was "
            "killed.\n\nBy Friday morning the fighting had spread into the city of Zawiya, where four people were "
            "killed.")
    events = extract_text(text, published=dt.date(2026, 10, 24))
    assert sorted(e.event_date for e in events) == ["2026-10-22", "2026-10-23"]


def test_a_count_by_a_day_is_still_no_event_s_day():
    text = ("Gunmen attacked the village of Kalunguta on Monday. Eleven bodies had been recovered by Wednesday "
            "evening, the administrator said.")
    (event,) = extract_text(text, published=dt.date(2026, 7, 9))
    assert event.event_date == "2026-07-06"


def test_a_town_abroad_does_not_refine_a_place_the_story_bears_out():
    text = ("Fighting west of Sweida kills nine, officials say\n\n"
            "AMMAN, Sept 14 - Clashes between government forces and Druze gunmen killed nine people on Saturday in "
            "villages west of the southern Syrian city of Sweida, health officials said.\n\n"
            "The violence began in al-Mazraa, a village on the main road linking Sweida to Damascus, after an army "
            "patrol came under fire.")
    events = extract_text(text, published=dt.date(2026, 9, 14))
    assert [e.country for e in events if e.event_date == "2026-09-12"] == ["Syria"]


def test_militants_sent_to_hell_are_dead():
    text = ("Security forces engaged militants near Mir Ali on Monday; eleven militants were sent to hell, the military "
            "said.")
    (event,) = extract_text(text, published=dt.date(2026, 11, 5))
    assert event.fatalities == 11


def test_soldiers_who_embraced_shahadat_are_dead():
    text = ("Four soldiers, having fought gallantly, embraced shahadat in an exchange of fire with militants near Mir "
            "Ali on Monday, the military said.")
    (event,) = extract_text(text, published=dt.date(2026, 11, 5))
    assert event.fatalities == 4


def test_fighters_who_returned_a_day_later_and_looted_made_another_event():
    text = ("RSF fighters attacked the Abu Shouk camp on Friday, killing 12 displaced people. The fighters returned to "
            "the camp on Saturday and looted the food store.")
    events = extract_text(text, published=dt.date(2026, 11, 5))
    assert sorted((e.event_date, e.sub_event_type) for e in events) == [
        ("2026-10-30", "Attack"), ("2026-10-31", "Looting/property destruction")]


def test_the_group_a_scene_brought_is_who_the_unnamed_fighters_are():
    text = ("Attack on Kazgil displacement site\n\nOn the afternoon of Friday 30 October, RSF fighters travelling in "
            "pickup trucks entered the Kazgil displacement site, located roughly 40 km south of El Obeid in Sheikan "
            "locality, North Kordofan State. Survivors described fighters firing at people as they fled, setting "
            "fire to shelters.\n\nThe local Emergency Response Room reported 17 people killed.\n")
    (event,) = extract_text(text, published=dt.date(2026, 11, 5))
    assert (event.actor1, event.sub_event_type) == ("Rapid Support Forces", "Attack")


def test_a_number_of_separate_engagements_is_a_series():
    from faultline.config import Settings
    from faultline.extract.places import load_place_role_cues
    from faultline.nlp.parser import load_fast_language

    nlp, cues = load_fast_language(Settings()), load_place_role_cues()
    (sent,) = nlp("Security forces killed 16 militants in three separate engagements over two days.").sents
    assert cues.names_a_series(sent, 0, [])
    (sent,) = nlp("Security forces killed 16 militants in an engagement over two days.").sents
    assert not cues.names_a_series(sent, 0, [])


def test_a_march_hours_before_the_sit_in_police_broke_up_is_another_event():
    text = ("Police fired tear gas on Tuesday night to break up a sit-in outside the phosphate plant in Metlaoui, "
            "hours after thousands of people marched through the centre of Gafsa to demand jobs.")
    events = extract_text(text, published=dt.date(2026, 11, 25))
    assert sorted((e.sub_event_type, e.location) for e in events) == [
        ("Peaceful protest", "Gafsa"), ("Protest with intervention", "Metlaoui")]


def test_a_crowd_gathered_by_the_day_before_is_that_day_s_protest():
    text = ("Police fired tear gas on Tuesday night to break up a sit-in outside the phosphate plant in Metlaoui, "
            "witnesses said.\n\nBy Monday afternoon, several hundred pupils and parents had gathered in front of a "
            "school in Redeyef, chanting slogans.")
    events = extract_text(text, published=dt.date(2026, 11, 25))
    assert sorted(e.event_date for e in events) == ["2026-11-23", "2026-11-24"]


def test_bodies_found_hours_before_a_gunfight_elsewhere_are_a_killing_of_their_own():
    text = ("Seven gunmen and a soldier were killed in a firefight near the town of Eldorado in Sinaloa on Monday, "
            "officials said.\n\nHours before the gunfight, on Monday morning, police found five bodies dumped on "
            "the highway just outside Navolato, the state prosecutor's office said.")
    events = extract_text(text, published=dt.date(2026, 9, 8))
    assert sorted((e.sub_event_type, e.fatalities) for e in events) == [("Armed clash", 8), ("Attack", 5)]


def test_separately_gunmen_who_shot_a_man_in_the_same_city_did_something_else():
    text = ("Gunmen shot dead two shopkeepers in a market in Culiacan on Monday morning, officials said.\n\n"
            "Separately, gunmen shot dead a man outside a car wash in Culiacan on Monday night, the prosecutor's "
            "office said.")
    events = extract_text(text, published=dt.date(2026, 9, 8))
    assert sorted(e.fatalities for e in events) == [1, 2]


def test_the_early_hours_of_a_day_open_the_scene_of_the_raid_told_next():
    text = ("In the early hours of Thursday, fighters loyal to Islamic State Mozambique Province entered Mucojo from "
            "the bush to the west, residents said. They went house to house. Three men were beheaded near the "
            "market, according to two residents.")
    (event,) = extract_text(text, published=dt.date(2026, 11, 23))
    assert event.event_date == "2026-11-19"


def test_a_lead_that_tells_no_event_now_still_tells_the_story_s_day():
    text = ("Court jails activist over 2024 protests; four detained outside courthouse\n\n"
            "TBILISI, Nov 5 - A Tbilisi court on Wednesday sentenced an opposition activist to four years in prison "
            "for his role in the street protests of December 2024.\n\n"
            "As the verdict was read, about 200 supporters gathered outside the courthouse, chanting slogans. Riot "
            "police moved in to clear the entrance and detained four people.")
    (event,) = extract_text(text, published=dt.date(2026, 11, 5))
    assert event.event_date == "2026-11-04"


def test_fighting_that_shifted_elsewhere_on_the_next_day_is_that_day_s_event():
    text = ("Government forces and Druze gunmen clashed on Saturday in the village of al-Mazraa in Sweida province, "
            "killing nine people.\n\nOn Sunday the fighting shifted to the nearby town of Shahba, where tribal "
            "fighters battled Druze gunmen; eight fighters were killed.")
    events = extract_text(text, published=dt.date(2026, 9, 14))
    assert sorted((e.event_date, e.fatalities) for e in events) == [("2026-09-12", 9), ("2026-09-13", 8)]


def test_the_mortars_fighters_battled_with_do_not_make_a_shelling():
    text = ("Tribal fighters battled Druze gunmen for several hours with machine guns and mortars near the town of "
            "Shahba on Sunday, killing eight.")
    (event,) = extract_text(text, published=dt.date(2026, 9, 14))
    assert event.sub_event_type == "Armed clash"


def test_a_dateline_written_as_a_name_is_no_victim():
    text = ("Roadside bomb kills two soldiers in Diyala\n\nBaghdad - Two soldiers were killed when a roadside bomb "
            "struck their convoy in Diyala province on Friday, officials said.\n")
    (event,) = extract_text(text, published=dt.date(2026, 9, 27))
    assert event.fatalities == 2


def test_a_firefight_that_lasted_minutes_before_the_rebels_withdrew_is_one_event_where_it_was():
    text = ("Two rebels were killed in an encounter with government troops near the village of Las Navas in Northern "
            "Samar on Wednesday. The firefight lasted some 20 minutes before the rebels withdrew toward the town of "
            "Catubig, leaving behind two rifles.")
    (event,) = extract_text(text, published=dt.date(2026, 11, 13))
    assert (event.event_date, event.location) == ("2026-11-11", "Las Navas")


def test_a_province_that_has_seen_a_spate_of_attacks_tells_its_record():
    text = ("Gunmen shot dead a village chief in Datu Piang on Thursday, police said. Maguindanao del Sur has seen a "
            "spate of shootings and grenade attacks this year, many linked to family feuds.")
    (event,) = extract_text(text, published=dt.date(2026, 11, 13))
    assert event.sub_event_type == "Attack"


def test_a_march_told_again_after_an_aside_goes_back_to_the_lead_s_riot():
    text = ("More than 40 people were injured on Wednesday when a march in Imphal turned violent, police said.\n\n"
            "The two men went missing on Monday while driving a truck near Kangpokpi; police said they were "
            "abducted by armed men.\n\nThousands of people marched towards the governor's residence on Wednesday "
            "to demand the men's release. When they were stopped at barricades, sections of the crowd threw stones "
            "and set two police vehicles on fire. Police fired tear gas.")
    events = extract_text(text, published=dt.date(2026, 11, 12))
    assert sorted((e.event_date, e.event_type) for e in events) == [
        ("2026-11-09", "Violence against civilians"), ("2026-11-11", "Riots")]


def test_a_brief_s_items_opening_on_a_day_and_a_dash_are_events_of_their_own():
    text = ("Sahel weekly\n\nSaturday, Sept 26 - JNIM fighters attacked army positions in Djibo at dawn. Security "
            "sources said dozens of soldiers were killed.\n\nMonday, Sept 28 - The army said its aircraft had struck "
            "a column of fighters near Djibo, killing 12.")
    events = extract_text(text, published=dt.date(2026, 10, 2))
    assert sorted((e.event_date, e.sub_event_type) for e in events) == [
        ("2026-09-26", "Armed clash"), ("2026-09-28", "Air/drone strike")]


def test_a_month_s_day_counts_no_one_and_a_group_s_claimed_toll_is_its_claim():
    from faultline.config import Settings
    from faultline.extract.figures import find_figures
    from faultline.nlp.parser import load_fast_language

    nlp = load_fast_language(Settings())
    (sent,) = nlp("Saturday, Sept 26 - JNIM fighters attacked army positions in Djibo at dawn.").sents
    assert find_figures(sent, 0, attribution=None) == []
    (sent,) = nlp("JNIM claimed 40 dead in a statement on Tuesday.").sents
    (figure,) = find_figures(sent, 0, attribution=None)
    assert (figure.count, figure.attribution.kind, figure.attribution.source) == (40, "group_claim", "JNIM")


def test_each_clause_of_a_sentence_with_two_sources_keeps_its_own():
    text = ("JNIM fighters attacked army positions in Djibo on Saturday. Two security sources told us dozens of "
            "soldiers had been killed; JNIM claimed 40 dead in a statement on Tuesday.")
    (event,) = extract_text(text, published=dt.date(2026, 10, 2))
    assert event.fatalities == 12


def test_violence_somewhere_after_a_march_told_nowhere_is_another_event():
    text = ("Hundreds of residents marched through the town on Saturday morning to demand security after the "
            "bombing. The march ended peacefully.\n\nLate on Saturday, at least three explosive charges were "
            "dropped by drones on the police station in Suarez, the police said. Two officers were wounded.")
    events = extract_text(text, published=dt.date(2026, 10, 25))
    assert sorted(e.sub_event_type for e in events) == ["Air/drone strike", "Peaceful protest"]


def test_an_aside_that_names_the_told_bombing_again_is_no_other_bombing():
    text = ("Militants claim Friday bombing of Shia mosque in Baghlan\n\nThe Taliban say their forces killed three "
            "militants in a raid near Pul-e Khumri, two days after a suicide bombing at a Shia mosque in the city.\n\n"
            "A police spokesman said the bomber detonated his explosives inside the mosque in Pul-e Khumri during "
            "Friday prayers. Seven people were killed and 15 wounded, he said.")
    events = extract_text(text, published=dt.date(2026, 11, 2))
    assert [e.event_date for e in events if e.sub_event_type == "Suicide bomb"] == ["2026-10-30"]


def test_a_count_over_the_past_weeks_is_no_toll_of_the_incident_told():
    text = ("Turkish aircraft bombed hillsides near the village of Kani Masi in Duhok province on Sunday night. "
            "Local officials reported no casualties.\n\n"
            "Turkey's Defence Ministry said it had \"neutralised\" seven \"terrorists\" during the previous week.")
    (event,) = extract_text(text, published=dt.date(2026, 11, 4))
    assert event.fatalities == 0


def test_a_count_over_the_past_hours_is_the_incident_s_toll():
    text = ("Gunmen attacked a police checkpoint in Bannu on Monday. In the past 24 hours, five policemen were "
            "killed in the fighting, officials said.")
    (event,) = extract_text(text, published=dt.date(2026, 11, 4))
    assert event.fatalities == 5


def test_what_a_side_typically_means_by_a_word_counts_no_one():
    text = ("Turkish aircraft bombed hillsides near the village of Kani Masi in Duhok province on Sunday night. "
            "Local officials reported no casualties. Ankara typically uses the term for militants killed, "
            "captured or surrendered.")
    (event,) = extract_text(text, published=dt.date(2026, 11, 4))
    assert event.fatalities == 0


def test_a_source_giving_a_different_picture_counts_the_same_dead_otherwise():
    text = ("A drone struck a pickup truck on the road between Sidakan and Bradost in Erbil province on Monday. "
            "The Counter-Terrorism Directorate said in a statement that three PKK members were killed. The mayor of "
            "Sidakan gave a different picture: two men died and a third was taken to hospital with burns.")
    (event,) = extract_text(text, published=dt.date(2026, 11, 4))
    assert event.fatalities == 2


def test_counts_of_two_groups_from_two_sources_still_add_up():
    text = ("Gunmen attacked a police checkpoint in Bannu on Monday. Police said three officers were killed. "
            "Hospital staff said two civilians caught in the crossfire also died.")
    (event,) = extract_text(text, published=dt.date(2026, 11, 4))
    assert event.fatalities == 5
