"""assign_roles / assign_sides: who acted and who was acted on, from the dependency parse."""

from __future__ import annotations

import pytest

from faultline.actors import ActorDictionary, Sides


@pytest.fixture(scope="module")
def sides(nlp, actors: ActorDictionary):
    """The sides of the event at the first occurrence of `trigger` in a one-sentence text."""

    def read(text: str, trigger: str, sub_event_type: str, *, offset: int = 0) -> Sides:
        sent = next(iter(nlp(text).sents))
        start = offset + text.index(trigger)
        found = actors.find_actors(sent, offset)
        return actors.assign_sides(sent, offset, trigger=(start, start + len(trigger)), actors=found,
                                   sub_event_type=sub_event_type)

    return read


def test_border_post_attack(sides) -> None:
    text = ("About twenty militants attacked a Tajik border post on the Afghan border overnight; "
            "border guards and police repelled them")
    result = sides(text, "attacked", "Armed clash")
    assert result.actor1.name == "Unidentified Armed Group (country unknown)"
    assert result.actor1.text == "militants"
    assert (result.actor2.name, result.actor2.kind) == ("Military Forces of Tajikistan (1994-)", "border guards")
    assert [a.name for a in result.assoc_2] == ["Police Forces of Tajikistan (1994-)"]
    assert result.assoc_1 == ()


def test_assign_roles_gives_the_two_main_actors(nlp, actors: ActorDictionary) -> None:
    text = "Taliban fighters attacked Pakistani troops near the border."
    sent = next(iter(nlp(text).sents))
    start = text.index("attacked")
    actor1, actor2 = actors.assign_roles(sent, 0, trigger=(start, start + 8), actors=actors.find_actors(sent, 0),
                                         sub_event_type="Armed clash")
    assert actor1.text == "Taliban fighters" and actor2.text == "Pakistani troops"


def test_passive_by_agent_is_actor1(sides) -> None:
    result = sides("A Pakistani soldier was killed by TTP militants in North Waziristan.", "killed", "Armed clash")
    assert result.actor1.name == "TTP: Tehreek-i-Taliban Pakistan"
    assert result.actor2.name == "Military Forces of Pakistan (2022-)"


def test_clashes_between_two_sides(sides) -> None:
    result = sides("Clashes between Kyrgyz border guards and Tajik troops left two dead.", "Clashes", "Armed clash")
    assert result.actor1.name == "Military Forces of Kyrgyzstan (2021-)"
    assert result.actor2.name == "Military Forces of Tajikistan (1994-)"


def test_clashed_with_names_the_other_side(sides) -> None:
    result = sides("Afghan soldiers clashed with Jamaat Ansarullah near the river.", "clashed", "Armed clash")
    assert (result.actor1.country, result.actor2.name) == ("AF", "Jamaat Ansarullah")


def test_subject_shared_by_coordinated_verbs(sides) -> None:
    result = sides("Militants stormed the checkpoint and killed three policemen.", "killed", "Armed clash")
    assert (result.actor1.text, result.actor2.text) == ("Militants", "policemen")


def test_attack_launched_by_subject(sides) -> None:
    result = sides("Al-Shabaab militants launched an attack on a police station in Mogadishu.", "attack", "Armed clash")
    assert result.actor1.name == "Al Shabaab"
    assert result.actor2.kind == "police"


def test_country_word_on_the_trigger_is_the_attacker(sides) -> None:
    result = sides("A US drone strike killed an al-Shabaab commander.", "strike", "Air/drone strike")
    assert result.actor1.name == "Military Forces of the United States (2025-)"
    assert result.actor1.text == "US"
    assert result.actor2.name == "Al Shabaab"


def test_violence_against_civilians_targets_civilians(sides) -> None:
    result = sides("Gunmen killed five villagers in Zamfara on Sunday, police said.", "killed", "Attack")
    assert (result.actor1.inter, result.actor2.name) == (3, "Civilians (country unknown)")
    assert result.assoc_1 == () and result.assoc_2 == ()  # the police only report it


def test_unnamed_victims_become_civilians(sides) -> None:
    result = sides("Bandits abducted a local tailor in Katsina.", "abducted", "Abduction/forced disappearance")
    assert result.actor2.inter == 7 and result.actor2.text == "a local tailor"


def test_peaceful_protest_has_no_second_actor(sides) -> None:
    result = sides("Hundreds of protesters rallied peacefully in Bishkek.", "rallied", "Peaceful protest")
    assert result.actor1.kind == "protesters" and result.actor2 is None


def test_protest_with_intervention(sides) -> None:
    result = sides("Police dispersed demonstrators outside parliament.", "dispersed", "Protest with intervention")
    assert (result.actor1.kind, result.actor2.kind) == ("protesters", "police")


def test_excessive_force_puts_the_force_first(sides) -> None:
    result = sides("Police fired live rounds at demonstrators in Nairobi.", "fired",
                   "Excessive force against protesters")
    assert (result.actor1.kind, result.actor2.kind) == ("police", "protesters")


def test_coordinated_forces_join_the_attacker(sides) -> None:
    result = sides("Nigerian soldiers and vigilantes killed ten Boko Haram fighters.", "killed", "Armed clash")
    assert result.actor1.name == "Military Forces of Nigeria (2023-)"
    assert [a.kind for a in result.assoc_1] == ["communal militia"]
    assert result.actor2.text == "Boko Haram fighters"


def test_roles_work_at_article_offsets(sides) -> None:
    result = sides("Gunmen killed two worshippers.", "killed", "Attack", offset=500)
    assert result.actor1.span.start == 500 and result.actor2.span.start == 500 + len("Gunmen killed two ")


def test_mutual_fighting_inside_one_subject(sides) -> None:
    result = sides("Kyrgyz and Tajik border guards exchanged fire near Dostuk.", "exchanged", "Armed clash")
    assert (result.actor1.country, result.actor2.country) == ("KG", "TJ")


def test_victims_named_before_the_trigger(sides) -> None:
    result = sides("Three civilians were killed when Russian artillery shelled Kharkiv.", "shelled",
                   "Shelling/artillery/missile attack")
    assert (result.actor1.country, result.actor2.kind) == ("RU", "civilians")


def test_whoever_protests_is_coded_as_protesters(sides) -> None:
    result = sides("Afghan refugees protested outside the embassy.", "protested", "Peaceful protest")
    assert (result.actor1.name, result.actor1.inter, result.actor1.text) == ("Protesters (Afghanistan)", 6,
                                                                              "Afghan refugees")


def test_relative_clause_subject_is_the_noun_described(sides) -> None:
    result = sides("Police arrested the gunmen who attacked a Tajik border post.", "attacked", "Armed clash")
    assert result.actor1.text == "gunmen"
    assert result.actor2.name == "Military Forces of Tajikistan (1994-)"


def test_organisation_named_as_the_agent_is_kept_as_written(sides) -> None:
    # no armed-group word and not in the catalogue: the parse alone says it attacked
    result = sides("The Kurdistan Freedom Falcons attacked a police station in Van.", "attacked", "Armed clash")
    assert (result.actor1.name, result.actor1.inter) == ("Kurdistan Freedom Falcons", 3)


def test_police_near_a_bombing_are_not_the_bomber(sides) -> None:
    text = "Near the police headquarters, a bomb exploded in the market, killing four people."
    result = sides(text, "bomb exploded", "Remote explosive/landmine/IED")
    assert result.actor1.name == "Unidentified Armed Group (country unknown)"


def test_police_named_as_the_agent_still_act_in_a_bombing(sides) -> None:
    result = sides("Police detonated a bomb found near the market.", "detonated", "Remote explosive/landmine/IED")
    assert result.actor1.name.startswith("Police Forces")


def test_unnamed_victims_of_a_bombing_are_civilians(sides) -> None:
    text = "Twin bombs exploded near the finish line, killing three people and injuring more than 260 others."
    result = sides(text, "bombs exploded", "Remote explosive/landmine/IED")
    assert (result.actor2.name, result.actor2.text) == ("Civilians (country unknown)", "three people")


def test_actor_of_a_reported_trigger_is_no_source(sides) -> None:
    # the walk up from "army" meets the trigger before the reporting verb: the army acts, it does not report
    text = "The Afghan army's shelling of the village was reported on Monday."
    result = sides(text, "shelling", "Shelling/artillery/missile attack")
    assert result.actor1.name == "Military Forces of Afghanistan (2021-)"


def test_a_trigger_noun_in_the_subject_acts_with_the_actor_beside_it(sides) -> None:
    result = sides("Shabaab fighters and suicide bombers stormed a hotel in Mogadishu.", "suicide bombers", "Suicide bomb")
    assert result.actor1.text == "Shabaab fighters"
    assert [a.text for a in result.assoc_1] == ["suicide bombers"] and result.actor2 is None


def test_generals_are_military_and_opposition_forces_an_armed_group(sides) -> None:
    result = sides("Two Russian generals were killed by opposition forces near Idlib.", "killed", "Armed clash")
    assert (result.actor1.text, result.actor1.inter) == ("opposition forces", 3)
    assert result.actor2.name.startswith("Military Forces of Russia")


@pytest.mark.parametrize(("text", "trigger", "sub_event_type", "country"), [
    ("Israel struck targets in Gaza overnight, killing 12 people.", "struck", "Air/drone strike", "Israel"),
    ("Moscow launched a missile strike on Kharkiv, killing four.", "missile strike", "Shelling/artillery/missile attack",
     "Russia"),
    ("Ukraine shot down 20 drones overnight.", "shot down", "Disrupted weapons use", "Ukraine"),
])
def test_a_country_or_its_capital_that_strikes_stands_for_its_military(sides, text, trigger, sub_event_type,
                                                                        country) -> None:
    result = sides(text, trigger, sub_event_type)
    assert result.actor1.name.startswith(f"Military Forces of {country}")


def test_a_country_that_only_speaks_takes_no_side(sides) -> None:
    result = sides("Kenya said two soldiers were killed in Lamu.", "killed", "Armed clash")
    assert result.actor1 is None or not result.actor1.text.startswith("Kenya")


def test_people_killed_in_an_attack_on_civilians_are_its_civilian_side(sides) -> None:
    text = "Gunmen opened fire at a wedding in the village, killing nine people and wounding four others"
    result = sides(text, "opened fire", "Attack")
    assert result.actor1.text == "Gunmen"
    assert (result.actor2.kind, result.actor2.text) == ("civilians", "nine people")


def test_an_interception_is_done_by_the_speaker_a_pronoun_stands_for(sides) -> None:
    text = "Moldova's air force said it shot down 12 of the 15 drones launched by Belarus on Friday."
    result = sides(text, "shot down", "Disrupted weapons use")
    assert result.actor1.name.startswith("Military Forces of Moldova")
    assert result.actor1.text == "Moldova's air force"
    assert result.actor2.name.startswith("Military Forces of Belarus")


def test_the_launcher_a_relative_clause_names_is_the_other_side(sides) -> None:
    text = "Polish air defences downed three of the rockets that Belarus fired at dawn."
    result = sides(text, "downed", "Disrupted weapons use")
    assert result.actor1.name.startswith("Military Forces of Poland")
    assert result.actor2.name.startswith("Military Forces of Belarus")


def test_intercepted_weapons_of_a_named_side(sides) -> None:
    result = sides("Egyptian air defences intercepted two Houthi drones over the Red Sea coast.", "intercepted",
                   "Disrupted weapons use")
    assert result.actor1.name == "Military Forces of Egypt (2014-)"
    assert result.actor2.name == "Military Forces of Yemen (2017-) Houthi"


def test_a_pronoun_reporting_its_own_act_stands_for_the_speaker(sides) -> None:
    result = sides("Kenyan police said they arrested nine suspects in Garissa.", "arrested", "Arrests")
    assert result.actor1.name.startswith("Police Forces of Kenya")
    assert result.actor1.text == "Kenyan police"


def test_forces_a_speaker_calls_its_own_act_for_it_and_the_launcher_is_the_other_side(sides) -> None:
    text = "The French navy said its frigates shot down four drones launched by the Houthis near Aden on Friday."
    result = sides(text, "shot down", "Disrupted weapons use")
    assert result.actor1.name.startswith("Military Forces of France")
    assert result.actor2.name == "Military Forces of Yemen (2017-) Houthi"


def test_a_country_word_on_the_weapon_that_struck_names_the_attacker(sides) -> None:
    result = sides("An Iranian rocket struck a fuel depot near Erbil, killing two guards.", "rocket struck",
                   "Shelling/artillery/missile attack")
    assert result.actor1.name.startswith("Military Forces of Iran")
    assert result.actor1.text == "Iranian"


def test_a_crowd_that_riots_is_coded_as_rioters_whatever_it_was_called(sides) -> None:
    result = sides("Police fired tear gas as protesters broke through barricades and burned tyres.",
                   "barricades", "Violent demonstration")
    assert result.actor1 is not None and result.actor1.kind == "rioters"


def test_a_trigger_that_names_its_perpetrator_is_the_perpetrator_not_a_target(sides) -> None:
    result = sides("A suicide bomber blew up a car near the checkpoint.", "suicide bomber", "Suicide bomb")
    assert result.actor1 is not None and result.actor1.text == "suicide bomber" and not result.actor1.inferred
    assert result.actor2 is None or result.actor2.name != result.actor1.name


def test_a_country_word_on_the_first_word_of_the_trigger_names_the_striker(sides) -> None:
    result = sides("A Turkish drone strike on a car near the town of Qamishli in northeastern Syria killed three "
                   "members of the Syrian Democratic Forces on Thursday.", "drone strike", "Air/drone strike")
    assert result.actor1 is not None and result.actor1.name.startswith("Military Forces of Turkey")


def test_who_comes_under_fire_is_hit_by_whoever_fired(sides) -> None:
    result = sides("Soldiers came under fire from gunmen near the village on Monday.", "came under fire",
                   "Armed clash")
    assert result.actor1 is not None and result.actor1.text == "gunmen"
    assert result.actor2 is not None and result.actor2.text == "Soldiers"


@pytest.mark.parametrize(("text", "trigger"), [
    ("Troops repelled an attack on an army base near the border, killing 14 insurgents.", "repelled"),
    ("Police officers fought off an assault on a police station on Friday, killing six gunmen.", "fought"),
])
def test_who_the_defenders_killed_is_the_other_side_not_their_own_post(sides, text, trigger) -> None:
    result = sides(text, trigger, "Armed clash")
    assert result.actor1 is not None and result.actor1.inter in (1, 2)
    assert result.actor2 is not None and result.actor2.inter == 3


def test_whoever_fired_the_shells_fired_them(sides) -> None:
    text = "Two children were killed when shells fired by Houthi forces hit a neighbourhood of Taiz."
    result = sides(text, "shells", "Shelling/artillery/missile attack")
    assert result.actor1 is not None and "Houthi" in result.actor1.name


def test_allies_backing_the_soldiers_are_on_their_side(sides) -> None:
    text = ("Soldiers backed by local vigilantes tracked the kidnappers into a forest and exchanged fire "
            "with them.")
    result = sides(text, "exchanged fire", "Armed clash")
    assert result.actor1.inter == 1
    assert result.actor2 is not None and result.actor2.text == "kidnappers"
    assert [a.text for a in result.assoc_1] == ["vigilantes"]
