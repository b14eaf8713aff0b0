"""Sentences grouped into incidents and their totals, end to end (faultline.extract.extractor)."""

from __future__ import annotations

import datetime as dt

from faultline import extract_text

PUBLISHED = dt.date(2026, 3, 2)


def test_an_unnumbered_headline_does_not_undercut_the_count_in_the_body():
    text = ("Air raids kill civilians near Idlib\n\n"
            "Jets pounded the town of Maarat al-Numan south of Idlib on Sunday, killing at least eight "
            "civilians, including three children, the Syrian Observatory for Human Rights said.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert (event.fatalities, event.fatalities_low) == (8, 8)
    sources = {f.attribution.source for f in event.figures if f.attribution}
    assert sources == {"Syrian Observatory for Human Rights"}


def test_a_bare_group_beside_a_count_adds_nothing():
    text = "A roadside bomb killed 9 soldiers and allied tribal fighters near Ramadi on Monday."
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.fatalities == 9


def test_bombs_set_off_are_reported_not_forecast():
    text = "Two car bombs were set off outside a police station in Kirkuk on Monday, killing 4 policemen."
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.fatalities == 4


def test_separately_and_a_scene_set_somewhere_new_start_other_incidents():
    # Same kinds of event throughout: only the opener or the scene tells the incidents apart.
    separately = ("Gunmen killed five villagers in Kano on Sunday, police said. "
                  "Separately, gunmen killed two traders in Katsina, residents said.")
    assert [(e.location, e.fatalities) for e in extract_text(separately, published=PUBLISHED)] == [
        ("Kano", 5), ("Katsina", 2)]
    scene = ("Police fired tear gas at protesters in Lagos on Monday. "
             "In the city of Ibadan, protesters marched peacefully to the governor's office.")
    lagos, ibadan = extract_text(scene, published=PUBLISHED)
    assert (lagos.location, ibadan.location) == ("Lagos", "Ibadan")
    # The second scene states no day of its own: it happened on the story's Monday.
    assert (ibadan.event_date, ibadan.time_precision) == (lagos.event_date, 1) == ("2026-03-02", 1)


def test_a_scene_set_in_a_place_already_named_continues_the_incident():
    text = ("Soldiers clashed with militants near Bama in Borno state on Sunday, the army said. "
            "In Borno state, the fighting killed seven militants and two soldiers.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.fatalities == 9


def test_an_unnamed_crowd_is_coded_as_protesters_and_the_police_who_met_it_as_the_other_side():
    peaceful = extract_text("Hundreds marched peacefully through Mombasa on Monday against a fuel tax.",
                            published=PUBLISHED)
    assert [(e.sub_event_type, e.actor1) for e in peaceful] == [("Peaceful protest", "Protesters (Kenya)")]
    text = ("Rioters looted shops and torched cars in Mombasa on Monday. "
            "Police fired tear gas at the crowd, witnesses said.")
    (riot,) = extract_text(text, published=PUBLISHED)
    assert riot.actor1.startswith("Rioters (Kenya)") and riot.actor2.startswith("Police Forces of Kenya")


def test_a_group_claiming_an_unattributed_attack_is_its_actor():
    bombing = "A car bomb exploded at a checkpoint in Mogadishu on Saturday, killing five people, police said."
    (claimed,) = extract_text(bombing + " Al-Shabaab claimed responsibility for the attack.", published=PUBLISHED)
    assert claimed.actor1 == "Al Shabaab"
    (unclaimed,) = extract_text(bombing + " No group has claimed responsibility for the attack.", published=PUBLISHED)
    assert unclaimed.actor1.startswith("Unidentified Armed Group")


def test_the_attackers_named_again_are_the_same_incident():
    text = ("Gunmen abducted 20 passengers from a bus near Katsina on Monday, police said. "
            "The gunmen shot dead the driver at a roadblock outside the village of Danmusa.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert (event.captured, event.fatalities) == (20, 1)
    # Gunmen not yet met ("gunmen", no "the") in another place may be another incident.
    other = text.replace("The gunmen shot dead", "In the village of Danmusa, gunmen shot dead").replace(
        " at a roadblock outside the village of Danmusa", "")
    assert len(extract_text(other, published=PUBLISHED)) == 2


def test_a_dateline_is_parsed_apart_from_the_lede():
    text = ("OUAGADOUGOU, Feb 14 - Jihadist fighters killed at least 20 soldiers in an ambush near the town of "
            "Djibo on Monday, two security sources said.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.actor1.startswith("Unidentified Armed Group")
    assert {a.source for a in event.attribution} == {"two security sources"}
    # With no day of its own, the lede happened on the dateline's day.
    (undated,) = extract_text("HERAT, Feb 27 (AFP) - Gunmen attacked a police checkpoint, killing two officers.",
                              published=PUBLISHED)
    assert (undated.event_date, undated.time_precision) == ("2026-02-27", 1)


def test_a_dateline_after_a_headline_is_parsed_apart_from_both():
    # With no full stop the headline shares a sentence with the dateline on the next line.
    shelling = extract_text("Army shells rebel town\nKHARTOUM (AP) — Sudan's army said its troops shelled the town "
                            "of Kadugli on Monday, killing nine fighters.", published=PUBLISHED)
    assert [(e.actor1.startswith("Military Forces of Sudan"), e.fatalities) for e in shelling] == [(True, 9)]
    assert [(a.source, a.kind) for a in shelling[0].attribution] == [("Sudan's army", "military")]
    (ambush,) = extract_text("Ambush on army convoy\nMOGADISHU, Jan 5 (Reuters) - Al Shabaab militants killed six "
                             "soldiers in an ambush on Tuesday, a military officer said.", published=PUBLISHED)
    assert ambush.fatalities == 6 and {a.source for a in ambush.attribution} == {"military officer"}
    # After a headline's full stop, on the same line.
    (raid,) = extract_text("Villagers die in night raid. BENI, Congo (Reuters) - Local officials said rebels killed "
                           "14 villagers on Sunday.", published=PUBLISHED)
    assert {a.source for a in raid.attribution} == {"Local officials"}


def test_an_event_that_names_no_place_is_placed_at_its_dateline():
    (ambush,) = extract_text("Ambush on army convoy\nMOGADISHU, Jan 5 (Reuters) - Al Shabaab militants killed six "
                             "soldiers in an ambush on Tuesday, a military officer said.", published=PUBLISHED)
    assert (ambush.location, ambush.country) == ("Mogadishu", "Somalia")
    (named,) = extract_text("NAIROBI, Jan 5 (Reuters) - Al Shabaab militants killed six soldiers in an ambush "
                            "near Afmadow on Tuesday, a military officer said.", published=PUBLISHED)
    assert named.location != "Nairobi"


def test_each_story_of_a_roundup_takes_its_own_dateline():
    roundup = ("HERAT, Afghanistan, Feb 26 (AP) — A suicide bomber killed seven people at a police checkpoint, "
               "officials said.\n\n"
               "KISMAYO, Somalia, Feb 24 (AP) — A suicide bomber killed three guests at a hotel, police said.")
    herat, kismayo = extract_text(roundup, published=PUBLISHED)
    assert (herat.location, herat.country, herat.event_date, herat.fatalities) == (
        "Herāt", "Afghanistan", "2026-02-26", 7)
    assert (kismayo.location, kismayo.country, kismayo.event_date, kismayo.fatalities) == (
        "Kismayo", "Somalia", "2026-02-24", 3)


def test_an_incident_before_any_dateline_takes_no_dateline():
    # More than a headline's single line comes before the dateline: another story.
    text = ("Gunmen stormed a hotel, killing four guests, police said.\nThe attackers fled on motorbikes.\n\n"
            "HERAT, Afghanistan, Feb 26 (AP) — A suicide bomber killed seven people at a police checkpoint.")
    hotel, checkpoint = extract_text(text, published=PUBLISHED)
    assert (hotel.location, hotel.event_date, hotel.time_precision) == ("", "2026-03-02", 2)
    assert (checkpoint.location, checkpoint.event_date) == ("Herāt", "2026-02-26")


def test_a_dateline_of_an_unknown_place_keeps_its_own_day_and_takes_no_other_place():
    unknown = "QWERTYVILLE, Feb 26 (AP) — A suicide bomber killed seven people at a police checkpoint."
    known = "KISMAYO, Somalia, Feb 24 (AP) — Gunmen stormed a hotel, killing three guests, police said."
    checkpoint, hotel = extract_text(unknown + "\n\n" + known, published=PUBLISHED)
    assert (checkpoint.location, checkpoint.event_date) == ("", "2026-02-26")
    assert (hotel.location, hotel.event_date) == ("Kismayo", "2026-02-24")
    # Filed after a known place, a story from an unknown one takes neither its place nor its day.
    _, checkpoint = extract_text(known + "\n\n" + unknown.replace("Feb 26", "Feb 27"), published=PUBLISHED)
    assert (checkpoint.location, checkpoint.event_date) == ("", "2026-02-27")


def test_a_heading_in_capitals_is_no_dateline():
    text = ("KISMAYO, Somalia, Feb 24 (AP) — Gunmen stormed a hotel, killing three guests, police said.\n\n"
            "UPDATE: In the town of Jamaame, a suicide bomber killed seven people at a police checkpoint.")
    _, checkpoint = extract_text(text, published=PUBLISHED)
    assert (checkpoint.location, checkpoint.event_date) == ("Jamaame", "2026-02-24")


def test_a_new_dateline_does_not_carry_the_story_day_into_the_next_story():
    text = ("KISMAYO, Somalia (AP) — Police fired tear gas at protesters in Kismayo on Sunday.\n\n"
            "HERAT, Afghanistan (AP) — In the city of Herat, protesters marched peacefully to the governor's office.")
    kismayo, herat = extract_text(text, published=PUBLISHED)
    assert kismayo.event_date == "2026-03-01"
    assert (herat.location, herat.event_date, herat.time_precision) == ("Herāt", "2026-03-02", 2)


def test_the_attackers_after_a_named_group_tell_more_of_its_incident():
    text = ("Suspected Boko Haram militants killed 12 farmers in an overnight raid near Gwoza, a local "
            "official said on Tuesday. The attackers stormed Ngoshe village late on Sunday and burned "
            "dozens of homes, residents said.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert (event.sub_event_type, event.fatalities) == ("Attack", 12)
    assert event.actor1.startswith("Boko Haram")


def test_relative_days_count_from_the_stories_dateline():
    text = ("KANO, Nigeria, Feb 24 (Reuters) - Gunmen killed five traders at a market in Kano overnight, "
            "police said.")
    (event,) = extract_text(text, published=PUBLISHED)  # filed a week before it was published
    assert (event.event_date, event.time_precision) == ("2026-02-23", 1)


def test_people_abducted_in_a_deadly_raid_are_a_detail_of_the_killing():
    text = ("Gunmen killed nine villagers in a raid on Kurmin village in Kaduna state on Friday, "
            "police said. Four women were also kidnapped.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert (event.sub_event_type, event.fatalities) == ("Attack", 9)


def test_actors_are_named_for_the_day_of_the_attack():
    text = "Taliban fighters attacked an army checkpoint in Kunduz on Sunday, killing five Afghan soldiers."
    (insurgency,) = extract_text(text, published=dt.date(2019, 6, 10))
    assert (insurgency.actor1, insurgency.inter1) == ("Taliban", 2)
    assert (insurgency.actor2, insurgency.inter2) == ("Military Forces of Afghanistan (2014-2021)", 1)
    assert insurgency.interaction == 12
    (emirate,) = extract_text(text, published=dt.date(2023, 6, 10))
    assert (emirate.actor1, emirate.inter1) == ("Military Forces of Afghanistan (2021-)", 1)


def test_a_statement_without_a_date_takes_its_incidents_day_for_its_actors():
    # published the day after Kabul fell, about the Saturday before
    text = ("Taliban fighters attacked a police post in Kunduz, killing four Afghan policemen. "
            "The attack took place on Saturday, officials said.")
    (event,) = extract_text(text, published=dt.date(2021, 8, 16))
    assert event.event_date == "2021-08-14"
    assert (event.actor1, event.inter1) == ("Taliban", 2)
    assert event.actor2 == "Police Forces of Afghanistan (2014-2021)"


def test_a_seat_of_government_is_an_actor_and_never_the_place():
    kremlin = extract_text("The Kremlin said Ukrainian drones struck an oil depot in Belgorod on Sunday, "
                           "killing two people.", published=PUBLISHED)
    assert [(e.location, e.actor1) for e in kremlin] == [("Belgorod", "Military Forces of Ukraine (2019-)")]
    (pentagon,) = extract_text("The Pentagon launched airstrikes on militia positions in eastern Syria on Tuesday.",
                               published=PUBLISHED)
    assert pentagon.actor1 == "Military Forces of the United States (2025-)"
    # The White House is also a town in Tennessee: read as a place, it would draw Paris there.
    (shooting,) = extract_text("The White House said a gunman killed 12 people in Paris on Friday.",
                               published=PUBLISHED)
    assert (shooting.location, shooting.country) == ("Paris", "France")


def test_a_clash_with_a_new_side_is_an_incident_apart_placed_where_the_story_is():
    text = ("NAIROBI, Feb 28 (Reuters) - Shelling by al-Shabaab killed nine civilians in the town of Beledweyne "
            "on Friday, residents said. The army said its troops repelled an al-Shabaab attack on the town's "
            "northern edge, killing 14 fighters.")
    shelling, clash = extract_text(text, published=PUBLISHED)
    assert (shelling.sub_event_type, shelling.fatalities) == ("Shelling/artillery/missile attack", 9)
    assert (clash.sub_event_type, clash.fatalities) == ("Armed clash", 14)
    assert clash.location == shelling.location == "Beledweyne"  # the story's place, not the bureau's
    # Arrests after an attack stay with it.
    followed = text.split(" The army")[0] + " Police later arrested three suspects, residents said."
    assert len(extract_text(followed, published=PUBLISHED)) == 1


def test_protests_in_listed_towns_are_an_event_each_and_a_riot_outranks_the_crowd_it_began_as():
    text = ("Police fired tear gas at thousands of protesters in Eldoret on Monday as demonstrators tried to "
            "storm the county offices. Protesters set a police post on fire and clashed with police. "
            "Protests also took place in Kitale, Kakamega and Bungoma, local media reported.")
    riot, *protests = extract_text(text, published=PUBLISHED)
    assert (riot.sub_event_type, riot.actor1, riot.location) == (
        "Violent demonstration", "Rioters (Kenya)", "Eldoret")
    assert riot.actor2.startswith("Police Forces of Kenya")
    assert [(p.sub_event_type, p.location) for p in protests] == [
        ("Peaceful protest", "Kitale"), ("Peaceful protest", "Kakamega"), ("Peaceful protest", "Bungoma")]
    assert len({p.event_id_cnty for p in protests}) == 3
    # A town with its country after it is no list.
    (one,) = extract_text("Hundreds protested in Kitale, Kenya, on Monday against fuel prices.", published=PUBLISHED)
    assert one.location == "Kitale"



def test_a_group_claiming_an_attack_by_unnamed_gunmen_is_its_actor():
    text = ("Gunmen opened fire on a wedding party in a village near Baidoa on Saturday, killing seven "
            "people, police said. Al-Shabaab claimed responsibility for the attack.")
    (claimed,) = extract_text(text, published=PUBLISHED)
    assert claimed.actor1 == "Al Shabaab"


def test_a_later_statement_that_names_the_attacker_names_the_incidents_actor():
    text = ("Shelling kills 14 in Sudan's El Obeid, medics say\n\n"
            "Shelling by the Rapid Support Forces killed at least 14 people at a market in El Obeid on "
            "Saturday, a medical group said.")
    (shelling,) = extract_text(text, published=PUBLISHED)
    assert shelling.actor1 == "Rapid Support Forces"


def test_a_toll_updated_days_later_stays_with_the_attack_and_its_day():
    text = ("Gunmen stormed a hotel in Mogadishu on Thursday, killing 12 people, police said. "
            "The death toll rose to 15 on Sunday, the health ministry said.")
    (siege,) = extract_text(text, published=PUBLISHED)
    assert siege.event_date == "2026-02-26"


def test_someone_who_has_left_the_forces_is_attacked_as_a_civilian():
    text = "Gunmen shot dead a retired army officer outside his home in Kandahar on Saturday, his son said."
    (killing,) = extract_text(text, published=PUBLISHED)
    assert (killing.event_type, killing.sub_event_type) == ("Violence against civilians", "Attack")
    assert killing.actor2.startswith("Civilians (Afghanistan)")
    serving = "Gunmen shot dead an army officer outside his home in Kandahar on Saturday, his son said."
    (clash,) = extract_text(serving, published=PUBLISHED)
    assert clash.event_type == "Battles" and clash.actor2.startswith("Military Forces of Afghanistan")


def test_the_day_a_statement_gives_for_the_attack_beats_the_day_another_was_said():
    text = ("Gang members killed 20 people in the town of Saint-Marc, the United Nations said on Friday. "
            "The gunmen opened fire on residents early on Wednesday and burned homes, a UN spokesperson said.")
    (attack,) = extract_text(text, published=PUBLISHED)
    assert attack.event_date == "2026-02-25"



def test_armed_gangs_killing_residents_are_political_violence():
    text = "Gang members killed 14 residents in the town of Mirebalais on Friday, a local official said."
    (attack,) = extract_text(text, published=PUBLISHED)
    assert (attack.event_type, attack.fatalities) == ("Violence against civilians", 14)
    assert extract_text("Police arrested two gang members in Mirebalais on Friday for drug trafficking.",
                        published=PUBLISHED) == []


def test_a_headline_listing_the_countries_of_a_roundup_holds_no_story_together():
    text = ("Sahel roundup: attacks in Mali, Niger and Burkina Faso\n\n"
            "Gunmen killed seven villagers near Mopti in central Mali on Monday, officials said.\n\n"
            "In Niger, jihadists ambushed an army patrol near Tillaberi on Tuesday, killing four soldiers, "
            "the army said.")
    mali, niger = extract_text(text, published=PUBLISHED)
    assert (mali.country, mali.fatalities, mali.event_type) == ("Mali", 7, "Violence against civilians")
    assert (niger.country, niger.fatalities, niger.event_type) == ("Niger", 4, "Battles")


def test_a_mob_named_by_its_trigger_word_is_the_side_not_the_police_who_arrested_it():
    text = ("Mob kills man accused of theft in Jhelum\n\n"
            "A mob beat to death a young man accused of stealing a motorcycle in the city of Jhelum on Sunday, "
            "police said. Police arrested 15 suspects.")
    (lynching,) = extract_text(text, published=PUBLISHED)
    assert (lynching.event_type, lynching.sub_event_type) == ("Riots", "Mob violence")
    assert lynching.actor1 == "Rioters (Pakistan)" and lynching.actor2 == "Civilians (Pakistan)"


def test_a_town_taken_after_fighting_is_overtaken_from_the_side_it_fought():
    text = ("M23 rebels seize mining town in eastern Congo, residents flee\n\n"
            "M23 rebels said on Wednesday they had taken control of the town of Rubaya in North Kivu province "
            "after heavy fighting with the Congolese army. Residents said the rebels entered the town on "
            "Tuesday after army troops withdrew.")
    (seizure,) = extract_text(text, published=PUBLISHED)
    assert seizure.sub_event_type == "Non-state actor overtakes territory"
    assert seizure.actor1.startswith("M23") and seizure.actor2.startswith("Military Forces of the Democratic")


def test_a_bare_strike_beside_armed_actors_is_the_strike_the_body_reports():
    text = ("Israeli strike on Beirut suburb kills Hezbollah commander, army says\n\n"
            "An Israeli air strike on Beirut's southern suburbs on Monday evening killed a senior Hezbollah "
            "commander, the Israeli military said.")
    (strike,) = extract_text(text, published=PUBLISHED)  # not a second, actorless clash for the headline
    assert strike.sub_event_type == "Air/drone strike" and strike.actor1.startswith("Military Forces of Israel")


def test_aircraft_words_modifying_the_one_that_struck_read_the_sides_at_it():
    text = "Air force jets struck fleeing militants near the town of Djibo on Sunday, Burkina Faso's army said."
    (strike,) = extract_text(text, published=PUBLISHED)
    assert strike.actor1.startswith("Military Forces of Burkina Faso")
    assert strike.actor2 == "Unidentified Armed Group (Burkina Faso)"


def test_the_force_another_trigger_of_the_main_statement_names_meets_the_crowd():
    text = ("Hundreds march in Nairobi over fuel prices; police fire tear gas\n\n"
            "Hundreds of traders marched through central Nairobi on Saturday, and police fired tear gas to "
            "disperse them near parliament. Similar rallies were held in the coastal city of Mombasa.")
    nairobi, mombasa = extract_text(text, published=PUBLISHED)
    assert nairobi.sub_event_type == "Protest with intervention" and nairobi.actor2 == "Police Forces of Kenya (2022-)"
    assert (mombasa.location, mombasa.sub_event_type) == ("Mombasa", "Peaceful protest")


def test_an_incident_added_elsewhere_that_names_no_one_has_the_sides_of_the_one_it_adds_to():
    text = ("Militia seizes town in Ethiopia's Amhara region\n\n"
            "Fighters from the Fano militia took control of the town of Debre Tabor on Friday after clashes "
            "with the army, residents said. Heavy fighting was also reported in Bahir Dar, where at least five "
            "people were killed, a doctor said.")
    seizure, fighting = extract_text(text, published=PUBLISHED)
    assert (fighting.location, fighting.event_type) == ("Bahir Dar", "Battles")
    assert (fighting.actor1, fighting.actor2) == (seizure.actor1, seizure.actor2)
    assert fighting.actor1.startswith("Fano")


def test_a_strike_reported_twice_has_the_civilians_the_fuller_report_says_it_hit():
    text = ("Myanmar military air strike on village kills 30, residents say\n\n"
            "An air strike by Myanmar's military on a village in the Sagaing region killed at least 30 people "
            "on Saturday, residents said. Two fighter jets bombed the village of Kanan in Tamu township "
            "during a festival, a member of a local militia told reporters.")
    (strike,) = extract_text(text, published=PUBLISHED)
    assert strike.actor1.startswith("Military Forces of Myanmar") and strike.actor2 == "Civilians (Myanmar)"
    assert strike.assoc_actor_1 == ""  # the jets are the military again, not an associate


def test_a_place_in_a_locative_phrase_beats_a_country_word_on_the_trigger():
    text = ("U.S. strike kills al Shabaab fighters, AFRICOM says\n\n"
            "The U.S. military said it had carried out an air strike that killed three al Shabaab fighters near "
            "the town of Jilib in southern Somalia on Monday.")
    (strike,) = extract_text(text, published=PUBLISHED)
    assert (strike.location, strike.country) == ("Jilib", "Somalia")


def test_a_raid_that_killed_villagers_is_no_weapons_find():
    text = ("Rebels of the Allied Democratic Forces killed 22 civilians with machetes and guns in an overnight "
            "raid on the village of Masala in North Kivu province, officials said on Saturday.")
    (raid,) = extract_text(text, published=PUBLISHED)
    assert (raid.event_type, raid.sub_event_type) == ("Violence against civilians", "Attack")


def test_an_attacker_inferred_for_a_headline_yields_to_the_forces_the_lead_names():
    text = ("Two Palestinians killed in Israeli raid on Nablus\n\n"
            "Israeli forces killed two Palestinians during a raid on the old city of Nablus in the occupied "
            "West Bank on Tuesday, the Palestinian health ministry said.")
    (raid,) = extract_text(text, published=PUBLISHED)
    assert raid.actor1.startswith("Military Forces of Israel")


def test_an_unnamed_target_yields_to_the_group_another_report_of_the_strike_names():
    text = ("Turkish drone strike kills 3 Kurdish fighters in northeast Syria\n\n"
            "A Turkish drone strike on a car near the town of Qamishli killed three members of the Syrian "
            "Democratic Forces on Thursday, the group said.")
    (strike,) = extract_text(text, published=PUBLISHED)
    assert strike.actor2.endswith("Syrian Democratic Forces") and strike.fatalities == 3


def test_a_separate_incident_placed_by_a_town_of_the_first_is_still_separate():
    text = ("Heavy shelling by the Rapid Support Forces on the city of El Fasher killed at least 27 people on "
            "Saturday, medics said. In a separate incident, RSF fighters stormed the village of Abu Zariga, "
            "30 km west of El Fasher, on Friday, killing at least 12 villagers, a local leader said.")
    shelling, raid = extract_text(text, published=PUBLISHED)
    assert (shelling.fatalities, raid.fatalities) == (27, 12)
    assert raid.location == "Abu Zariga"


def test_a_fight_of_another_kind_on_the_next_day_with_its_own_toll_is_another_incident():
    text = ("Heavy shelling by the Rapid Support Forces on the city of El Fasher killed at least 27 people on "
            "Saturday as the paramilitary pressed its assault on the army's last stronghold in Darfur, medics "
            "said. The army said its troops had repelled an RSF attack on the city's eastern flank on Sunday "
            "morning, killing 40 fighters.")
    shelling, clash = extract_text(text, published=PUBLISHED)
    assert (shelling.sub_event_type, shelling.fatalities) == ("Shelling/artillery/missile attack", 27)
    assert (clash.sub_event_type, clash.fatalities) == ("Armed clash", 40)


def test_an_armed_group_modifying_the_trigger_acts_whoever_owns_it():
    text = ("Dozens dead as Sudan's RSF shells El Fasher\n\n"
            "Shelling on the city of El Fasher killed at least 27 civilians on Saturday, medics said.")
    (shelling,) = extract_text(text, published=PUBLISHED)
    assert shelling.actor1 == "Rapid Support Forces"


def test_a_wire_storys_lead_tells_what_happened_not_a_detail_told_later():
    text = ("Three Palestinians killed in Israeli raid on Tubas\n\n"
            "TUBAS, West Bank, March 2 (Reuters) - Israeli forces killed three Palestinians during a raid on "
            "the town of Tubas in the occupied West Bank on Monday, the Palestinian health ministry said.\n\n"
            "The Israeli military said an explosive device had been thrown at its troops during the raid.")
    (raid,) = extract_text(text, published=PUBLISHED)
    assert raid.event_type == "Violence against civilians" and raid.actor1.startswith("Military Forces of Israel")
    assert raid.fatalities == 3


def test_a_statement_set_back_in_an_earlier_incidents_place_returns_to_it():
    text = ("Police fired tear gas at thousands of protesters who marched on the presidency in Lilongwe on "
            "Monday. Protests also took place peacefully in Blantyre and Zomba, where crowds carried placards. "
            "The police spokesman said 40 people had been arrested in Lilongwe.")
    events = extract_text(text, published=PUBLISHED)
    by_place = {e.location: e for e in events}
    assert by_place["Lilongwe"].sub_event_type == "Protest with intervention"
    assert by_place["Lilongwe"].captured == 40
    for town in ("Blantyre", "Zomba"):
        peaceful = by_place[town]
        assert (peaceful.sub_event_type, peaceful.actor1, peaceful.actor2) == (
            "Peaceful protest", "Protesters (Malawi)", "")


def test_a_riot_always_names_who_rioted():
    text = ("Honduras prison riot leaves 12 inmates dead\n\n"
            "Fighting between rival gangs inside a prison in the town of Tela left at least 12 inmates dead and "
            "nine injured, officials said on Wednesday. The clashes broke out on Tuesday night, when inmates "
            "armed with rifles and machetes fought for control of a wing.")
    (riot,) = extract_text(text, published=PUBLISHED)
    assert riot.event_type == "Riots" and riot.actor1 and riot.fatalities == 12


def test_who_supplies_what_was_hit_is_no_ally_of_who_hit_it():
    text = ("Ukrainian drones struck a fuel depot in Russia's Kursk region overnight, the regional governor said. "
            "Ukraine's General Staff said its forces had hit the depot, which it said supplied fuel to Russian "
            "troops.")
    (strike,) = extract_text(text, published=PUBLISHED)
    assert strike.actor1.startswith("Military Forces of Ukraine")
    assert "Russia" not in strike.assoc_actor_1


def test_what_happened_later_of_another_kind_elsewhere_is_another_incident():
    text = ("An Israeli air strike on a school sheltering displaced families in Nuseirat refugee camp killed at "
            "least 14 people on Monday, the civil defence agency said. The Israeli military said its aircraft "
            "had targeted Hamas militants. Later on Monday, Israeli tanks pushed into the western part of Rafah, "
            "residents said, as fighting with Hamas gunmen continued.")
    strike, fighting = extract_text(text, published=PUBLISHED)
    assert strike.sub_event_type == "Air/drone strike" and "Rafah" not in strike.location
    assert fighting.event_type == "Battles" and fighting.location.startswith("Rafa")


def test_a_later_claim_names_the_attacker_after_a_statement_that_no_one_was_named():
    text = ("Militants attacked a police checkpoint in Pakistan's Bannu district on Sunday, killing six "
            "policemen, officials said. Police did not say which group was behind the assault.\n\n"
            "The Pakistani Taliban claimed responsibility in a message to reporters.")
    (attack,) = extract_text(text, published=PUBLISHED)
    assert attack.actor1.startswith("TTP")


def test_a_raid_whose_attackers_withdrew_took_no_ground():
    text = ("Insurgents overran an army base in the Macomia district on Sunday night, killing seven soldiers, "
            "and seized weapons before withdrawing, security sources said.")
    (raid,) = extract_text(text, published=PUBLISHED)
    assert raid.sub_event_type == "Armed clash"


def test_troops_pursuing_the_attackers_fight_another_battle():
    text = ("Gunmen killed nine villagers in an attack on the village of Kukawa in Borno state on Sunday, "
            "residents said. Troops later pursued the attackers and killed five of them in a gunfight, the "
            "army said.")
    attack, pursuit = extract_text(text, published=PUBLISHED)
    assert (attack.sub_event_type, attack.fatalities) == ("Attack", 9)
    assert (pursuit.sub_event_type, pursuit.fatalities) == ("Armed clash", 5)
    assert pursuit.actor1.startswith("Military Forces of Nigeria")


def test_civilians_killed_by_a_side_after_it_took_a_town_are_violence_of_their_own():
    text = ("The Rapid Support Forces said on Sunday it had captured the town of Um Rawaba in North Kordofan "
            "from the army after heavy fighting. Local activists said at least 30 civilians were killed by RSF "
            "fighters after they entered the town.")
    capture, killing = extract_text(text, published=PUBLISHED)
    assert capture.event_type == "Battles" and capture.fatalities == 0
    assert (killing.sub_event_type, killing.actor1, killing.fatalities) == ("Attack", "Rapid Support Forces", 30)
    assert killing.location == capture.location


def test_a_town_the_model_takes_for_a_person_is_still_a_place_taken():
    # The small model tags "Goma" a PERSON; the gazetteer knows it as a city.
    (capture,) = extract_text("M23 rebels said on Sunday they had taken control of Goma.", published=PUBLISHED)
    assert (capture.sub_event_type, capture.location) == ("Non-state actor overtakes territory", "Goma")


def test_a_statement_reports_what_it_tells_beside_what_is_expected():
    text = ("Displaced families are expected to return to Bama in the coming weeks, a day after gunmen stormed "
            "the nearby village of Kukawa, killing 12 villagers.")
    (attack,) = extract_text(text, published=PUBLISHED)
    assert (attack.sub_event_type, attack.fatalities, attack.location) == ("Attack", 12, "Kukawa")


def test_smaller_crowds_elsewhere_are_protests_of_their_own():
    text = ("Thousands of people marched through Yerevan on Sunday to protest against the border deal, and the "
            "rally was peaceful, police said. Smaller demonstrations were held in Gyumri and Vanadzor.")
    events = extract_text(text, published=PUBLISHED)
    assert sorted(e.location for e in events) == ["Gyumri", "Vanadzor", "Yerevan"]
    assert {(e.sub_event_type, e.event_date) for e in events} == {("Peaceful protest", "2026-03-01")}


def test_a_place_named_again_as_only_near_the_event_gives_its_precision():
    text = ("Iraqi troops retake villages from Islamic State in Kirkuk\n\n"
            "Iraqi troops recaptured three villages from Islamic State militants south of Kirkuk on Sunday, "
            "killing seven militants, a military statement said.")
    (retaken,) = extract_text(text, published=PUBLISHED)
    assert retaken.location == "Kirkuk" and retaken.geo_precision == 2


def test_a_bare_count_of_victims_is_who_another_report_of_the_strike_names():
    text = ("Suicide bomber kills 11 at army recruitment centre\n\n"
            "A suicide bomber killed at least 11 soldiers at an army recruitment centre in the town of Baidoa on "
            "Sunday, a military officer said, in an attack claimed by the militant group al Shabaab.")
    (bombing,) = extract_text(text, published=PUBLISHED)
    assert bombing.actor1 == "Al Shabaab" and bombing.actor2.startswith("Military Forces of Somalia")


def test_farmers_met_by_police_are_the_crowd_and_where_they_marched_to_is_not_the_place():
    text = ("Police fired tear gas and rubber bullets on Sunday to stop thousands of farmers marching towards "
            "Lahore at a highway toll plaza near Gujranwala, injuring dozens, farmer leaders said.")
    (event,) = extract_text(text, published=PUBLISHED)
    assert event.event_type in ("Protests", "Riots") and event.actor1.startswith(("Protesters", "Rioters"))
    assert event.actor2.startswith("Police Forces of Pakistan") and event.location != "Lahore"


def test_forces_of_no_stated_country_are_no_allies_of_another_state_striking_there():
    text = ("Turkish warplanes struck 20 Kurdistan Workers Party (PKK) targets in northern Iraq on Sunday night, "
            "the defence ministry said. Two attackers were killed by security forces.")
    events = extract_text(text, published=PUBLISHED)
    strike = next(e for e in events if e.sub_event_type == "Air/drone strike")
    assert strike.actor1.startswith("Military Forces of Turkey") and "Iraq" not in strike.assoc_actor_1
