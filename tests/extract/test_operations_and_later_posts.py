"""Who a "police operation" names, events a later post tells somewhere else, days that go on, same-day
openers, mixed victims, arrests told as people taken away, claims of a fight, and words traded on a day."""

from __future__ import annotations

import datetime as dt

from faultline import extract_text


def test_a_police_operation_against_a_faction_is_a_fight_between_them():
    text = ("A police operation against the Primeiro Comando da Capital (PCC) faction in the city of Santos killed "
            "six people on Tuesday, the state security department said.")
    (event,) = extract_text(text, published=dt.date(2026, 3, 12))
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Armed clash", "Police Forces of Brazil", "PCC: First Capital Command")


def test_an_army_raid_names_the_army_but_a_drone_strike_names_no_one():
    text = "An army raid on a hideout near the town of Monguno in Borno State killed four insurgents on Friday."
    (event,) = extract_text(text, published=dt.date(2026, 5, 9))
    assert event.actor1.startswith("Military Forces of Nigeria")
    text = "A drone strike on a hideout near the town of Monguno in Borno State killed four insurgents on Friday."
    (event,) = extract_text(text, published=dt.date(2026, 5, 9))
    assert event.actor1 is None or not event.actor1.startswith("Military Forces of Nigeria")


def test_hours_later_is_the_day_of_the_story_before():
    text = ("On Thursday, gunmen shot dead a trader in the market town of Jos, police said.\n\n"
            "Hours later and 40 kilometres away, a bomb exploded outside a bank in the town of Bukuru, wounding "
            "two passers-by.")
    days = sorted(e.event_date for e in extract_text(text, published=dt.date(2026, 4, 13)))
    assert days == ["2026-04-09", "2026-04-09"]


def test_groups_that_still_control_land_take_none():
    text = ("Gunmen killed two farmers near the town of Argelia on Monday. The rebel factions still control large "
            "parts of the countryside in Cauca.")
    events = extract_text(text, published=dt.date(2026, 2, 24))
    assert [e.sub_event_type for e in events] == ["Attack"]


def test_a_later_post_telling_a_new_strike_elsewhere_is_another_event():
    text = ("A woman was killed on Saturday when a drone hit her house in the village of Tetkino, the regional "
            "governor wrote on Telegram.\n\nIn another post on Saturday evening, the governor said a drone had "
            "hit a bakery in the town of Rylsk, wounding a salesman.")
    events = extract_text(text, published=dt.date(2026, 6, 21))
    assert sorted((e.location[:2], e.event_date) for e in events) == [("Ry", "2026-06-20"), ("T\u00ebt"[:2], "2026-06-20")]


def test_attacks_that_went_on_into_the_next_day_are_that_day_s_event():
    text = ("Drones struck a fuel depot in the town of Rylsk on Saturday, the governor said.\n\n"
            "The attacks continued into Sunday. Early on Sunday, a drone hit a bus in the town of Rylsk, wounding "
            "its driver, the governor said.")
    days = sorted(e.event_date for e in extract_text(text, published=dt.date(2026, 6, 22)))
    assert days == ["2026-06-20", "2026-06-21"]


def test_people_killed_including_soldiers_fell_in_a_fight():
    text = ("At least nine people, including four soldiers, were killed when rebels attacked an army camp near "
            "the town of Kidal on Sunday.")
    (event,) = extract_text(text, published=dt.date(2026, 1, 13))
    assert event.sub_event_type == "Armed clash"


def test_men_taken_away_after_their_arrest_was_told_were_arrested():
    text = ("Soldiers searched the Mankon neighbourhood of Bamenda at dawn on Tuesday, arresting nine young men "
            "accused of helping separatists. A father of one of those arrested said his son was taken away "
            "barefoot.")
    (event,) = extract_text(text, published=dt.date(2026, 8, 20))
    assert event.sub_event_type == "Arrests"


def test_a_signed_release_is_no_agreement_and_martyred_soldiers_were_killed():
    text = ("Separatists attacked an army checkpoint in the town of Batibo on Monday.\n\n"
            "In a release signed on Tuesday, the defence ministry said three soldiers were martyred.")
    (event,) = extract_text(text, published=dt.date(2026, 8, 20))
    assert (event.sub_event_type, event.fatalities) == ("Armed clash", 3)


def test_the_group_that_claims_a_fight_is_its_unnamed_side():
    text = ("Four soldiers were martyred when militants attacked a Frontier Corps post in the town of Kalat on "
            "Sunday night.\n\nThe Balochistan Liberation Army claimed responsibility for the attack.")
    (event,) = extract_text(text, published=dt.date(2026, 9, 8))
    assert (event.sub_event_type, event.actor1) == ("Armed clash", "BLA: Balochistan Liberation Army")
    assert event.actor2.startswith("Military Forces of Pakistan")


def test_the_day_two_capitals_traded_accusations_is_when_it_was_said():
    text = ("Baku and Yerevan traded accusations on Friday after soldiers exchanged fire on the border near the "
            "village of Sotk on Thursday, leaving one serviceman dead.")
    (event,) = extract_text(text, published=dt.date(2026, 10, 17))
    assert event.event_date == "2026-10-15"


def test_police_a_report_cites_did_not_attack():
    text = ("The toll from Sunday night's attack on farming settlements outside the town of Panyam has risen to "
            "18, police said on Tuesday.\n\nYesterday's report, citing police, put the death toll at 17.")
    (event,) = extract_text(text, published=dt.date(2026, 4, 7))
    assert event.actor1 is None or not event.actor1.startswith("Police")


def test_the_army_s_own_forces_act_whoever_backs_them():
    text = ("The Somali National Army said on Wednesday that its forces, supported by local clan fighters, killed "
            "more than 30 al-Shabaab militants near the town of Afgooye on Tuesday.")
    (event,) = extract_text(text, published=dt.date(2026, 4, 16))
    assert event.actor1.startswith("Military Forces of Somalia")


def test_a_strike_attributed_to_a_group_is_that_group_s():
    text = ("A drone struck a crowded market in the town of Bara on Sunday, killing nine people. State authorities "
            "attributed the strike to the Rapid Support Forces.")
    (event,) = extract_text(text, published=dt.date(2026, 5, 28))
    assert event.actor1 == "Rapid Support Forces"


def test_allied_troops_listed_together_do_not_fight_each_other():
    text = ("On Wednesday, Congolese and Ugandan troops tracked the attackers and engaged them in the forest north "
            "of the town of Beni, an army spokesman said.")
    (event,) = extract_text(text, published=dt.date(2026, 1, 22))
    sides = {event.actor1, event.actor2}
    assert not {"Military Forces of Uganda (1986-)", "Military Forces of the Democratic Republic of Congo (2019-)"} <= sides


def test_a_day_is_no_target_of_air_strikes():
    text = ("On Monday, the army carried out air strikes on columns of fighters withdrawing north of the town of "
            "Djibo, killing dozens of them.")
    (event,) = extract_text(text, published=dt.date(2026, 6, 23))
    assert not event.actor2.startswith("Civilians")


def test_an_anniversary_of_a_massacre_is_no_event():
    text = ("Relatives gathered in the town of Tikrit on Friday, as Iraq marked the twelfth anniversary of the Camp "
            "Speicher massacre.")
    assert [e.event_type for e in extract_text(text, published=dt.date(2026, 6, 13))] != ["Violence against civilians"]


def test_workers_marched_into_the_forest_by_gunmen_staged_no_march():
    text = "Gunmen marched seven construction workers into the forest near the town of Kenyam on Tuesday."
    assert "Protests" not in [e.event_type for e in extract_text(text, published=dt.date(2026, 1, 19))]
