"""find_actors: named aliases, state forces by demonym, generic actors, unknown named groups."""

from __future__ import annotations

import pytest

from faultline.actors import ActorDictionary
from tests.actors.conftest import by_text


@pytest.mark.parametrize(("text", "written", "name"), [
    ("IGIL claimed responsibility for the bombing.", "IGIL", "Islamic State (ISIS)"),
    ("The Islamic State group banned in Russia claimed the attack.", "Islamic State group", "Islamic State (ISIS)"),
    ("Islamskoye Gosudarstvo supporters were detained in Moscow.", "Islamskoye Gosudarstvo", "Islamic State (ISIS)"),
    ("Daesh fighters ambushed a convoy.", "Daesh fighters", "Islamic State (ISIS)"),
    ("ISIS-K claimed the suicide bombing in Kabul.", "ISIS-K", "Islamic State (Afghanistan)"),
    ("Vilayat Khorasan cells recruited in Tajikistan.", "Vilayat Khorasan", "Islamic State (Afghanistan)"),
    ("Al-Kaida leaders met in Idlib.", "Al-Kaida", "Al Qaeda"),
    ("Jabhat al-Nusra militants shelled the town.", "Jabhat al-Nusra militants", "Military Forces of Syria (2024-)"),
    ("The Taleban seized the district.", "Taleban", "Military Forces of Afghanistan (2021-)"),
    ("Tehrik-i-Taliban Pakistan fighters attacked a checkpoint.", "Tehrik-i-Taliban Pakistan fighters",
     "TTP: Tehreek-i-Taliban Pakistan"),
    ("Ansar Allah fired a missile at a ship.", "Ansar Allah", "Military Forces of Yemen (2017-) Houthi"),
    ("Jamaat Ansarullah members crossed the river.", "Jamaat Ansarullah", "Jamaat Ansarullah"),
    ("The AFU shelled Donetsk overnight.", "AFU", "Military Forces of Ukraine (2019-)"),
])
def test_named_actors_and_translated_renderings(find, text: str, written: str, name: str) -> None:
    assert by_text(find(text), written).name == name


def test_acronyms_do_not_match_ordinary_words(find) -> None:
    assert find("The situation is tense and officials let the convoy pass.") == []
    assert by_text(find("IS claimed the attack."), "IS").inter == 2


def test_a_name_written_out_before_a_known_acronym_is_that_actor(find) -> None:
    found = find("Fighters from the National Liberation Army (ELN) attacked an army post.")
    assert [a.name for a in found if a.inter != 1] == ["ELN: National Liberation Army"]


def test_longest_alias_wins(find) -> None:
    found = find("Pakistani Taliban commanders fled.")
    assert [a.name for a in found] == ["TTP: Tehreek-i-Taliban Pakistan"]


@pytest.mark.parametrize(("text", "written", "name", "kind"), [
    ("Tajik border guards opened fire.", "Tajik border guards", "Military Forces of Tajikistan (1994-)",
     "border guards"),
    ("Tajikistan's border guards opened fire.", "Tajikistan's border guards", "Military Forces of Tajikistan (1994-)",
     "border guards"),
    ("Kyrgyz police detained four men.", "Kyrgyz police", "Police Forces of Kyrgyzstan (2021-)", "police"),
    ("Afghan government forces retreated.", "Afghan government forces", "Military Forces of Afghanistan (2021-)",
     "government forces"),
    ("Troops of Uzbekistan moved south.", "Troops of Uzbekistan", "Military Forces of Uzbekistan (2016-)", "military"),
    ("Nigerian soldiers repelled the raid.", "Nigerian soldiers", "Military Forces of Nigeria (2023-)", "military"),
    ("Russian warplanes struck the village.", "Russian warplanes", "Military Forces of Russia (2000-)",
     "military aircraft"),
    ("Congolese soldiers fled.", "Congolese soldiers", "Military Forces of the Democratic Republic of Congo (2019-)",
     "military"),
    ("Icelandic police closed the road.", "Icelandic police", "Police Forces of Iceland", "police"),
    ("Polish air defences tracked the rocket.", "Polish air defences", "Military Forces of Poland", "military"),
    ("Egypt's air defence systems fired twice.", "Egypt's air defence systems", "Military Forces of Egypt (2014-)",
     "military"),
])
def test_state_forces_from_demonyms(find, text: str, written: str, name: str, kind: str) -> None:
    actor = by_text(find(text), written)
    assert (actor.name, actor.kind, actor.inter) == (name, kind, 1)
    assert actor.country is not None


def test_state_forces_without_a_country_stay_unknown(find) -> None:
    actor = by_text(find("Police arrested two men near the market."), "Police")
    assert (actor.country, actor.name, actor.inter) == (None, "Police Forces (country unknown)", 1)


def test_vague_words_need_a_country(find) -> None:
    assert [a.text for a in find("The forces of nature are strong.")] == []
    assert by_text(find("Turkish forces crossed the border."), "Turkish forces").country == "TR"


def test_state_facility_stands_for_its_force(find) -> None:
    actor = by_text(find("Gunmen stormed a police station in Kano."), "police station")
    assert actor.kind == "police" and actor.inter == 1


def test_actor_words_used_as_modifiers_are_not_actors(find) -> None:
    assert find("The military spokesman visited the army hospital.") == []


def test_state_forces_word_modifying_an_act_names_who_acted(find) -> None:
    found = find("The military operation followed a police raid and a militant attack by drone strike.")
    assert [(a.text, a.kind) for a in found] == [("military", "military"), ("police", "police")]


def test_unnamed_armed_groups_take_the_event_country_later(find) -> None:
    actor = by_text(find("Afghan militants crossed the river."), "Afghan militants")
    assert (actor.name, actor.country, actor.inter) == ("Unidentified Armed Group (country unknown)", None, 3)


def test_civilians_take_their_nationality(find) -> None:
    actor = by_text(find("Afghan refugees were beaten."), "Afghan refugees")
    assert (actor.name, actor.country, actor.inter) == ("Civilians (Afghanistan)", "AF", 7)


@pytest.mark.parametrize(("text", "written", "inter", "kind"), [
    ("Villagers fled the raid.", "Villagers", 7, "civilians"),
    ("Worshippers were inside the mosque.", "Worshippers", 7, "civilians"),
    ("Demonstrators blocked the road.", "Demonstrators", 6, "protesters"),
    ("Rioters set fire to shops.", "Rioters", 5, "rioters"),
    ("Unidentified armed men abducted a priest.", "Unidentified armed men", 3, "unidentified"),
    ("Vigilantes captured the thieves.", "Vigilantes", 4, "communal militia"),
    ("UN peacekeepers patrolled the town.", "UN peacekeepers", 8, "peacekeepers"),
])
def test_generic_actor_types(find, text: str, written: str, inter: int, kind: str) -> None:
    actor = by_text(find(text), written)
    assert (actor.inter, actor.kind) == (inter, kind)


def test_ethnic_militia_keeps_its_group(find) -> None:
    actor = by_text(find("Fulani militia attacked farmers in Benue."), "Fulani militia")
    assert (actor.name, actor.inter) == ("Fulani Ethnic Militia", 4)


@pytest.mark.parametrize(("text", "written", "inter"), [
    ("Fighters of the Free Mountain Brigade looted the depot.", "Free Mountain Brigade", 3),
    ("The Mountain Liberation Front claimed the ambush.", "Mountain Liberation Front", 2),
])
def test_unknown_named_groups_kept_as_written(find, text: str, written: str, inter: int) -> None:
    actor = by_text(find(text), written)
    assert (actor.name, actor.inter, actor.country) == (written, inter, None)


def test_country_plus_state_words_is_state_not_a_group(find) -> None:
    actor = by_text(find("The Afghan National Army withdrew."), "Afghan National Army")
    assert (actor.name, actor.inter) == ("Military Forces of Afghanistan (2021-)", 1)


def test_capitalised_generic_phrase_is_not_a_named_group(find) -> None:
    actor = by_text(find("Security Forces Kill Five In Raid"), "Security Forces")
    assert actor.inter == 1 and actor.kind == "security forces"


def test_named_actor_absorbs_its_fighters(find) -> None:
    found = find("Militants of the Islamic State and Taliban fighters clashed.")
    assert [a.text for a in found] == ["Militants of the Islamic State", "Taliban fighters"]


def test_place_described_by_a_group_is_not_an_actor(find) -> None:
    assert find("Ships docked at the Houthi-controlled port.") == []


def test_a_group_that_only_describes_another_is_not_an_actor(find) -> None:
    found = find("The al Qaeda-linked group JNIM said it had carried out the ambush.")
    assert [a.text for a in found] == ["JNIM"]
    assert find("The Islamic State-affiliated group said it was behind the bombing.") == []


def test_unknown_state_forces_share_the_sentence_country(find) -> None:
    found = find("Tajik troops and border guards repelled the attack.")
    assert by_text(found, "border guards").country == "TJ"
    assert by_text(found, "border guards").name == "Military Forces of Tajikistan (1994-)"


def test_two_state_countries_leave_unknown_forces_unknown(find) -> None:
    found = find("Tajik troops, Afghan soldiers and police exchanged fire.")
    assert by_text(found, "police").country is None


def test_spans_are_absolute_article_offsets(nlp, actors: ActorDictionary) -> None:
    article = "Earlier reports were vague. Tajik border guards and police repelled about twenty militants."
    offset = article.index("Tajik")
    window = nlp(article[offset:])
    found = actors.find_actors(next(iter(window.sents)), offset)
    assert [a.text for a in found] == ["Tajik border guards", "police", "militants"]
    for actor in found:
        assert article[actor.span.start:actor.span.end] == actor.text == actor.span.text


def test_find_is_fast(nlp, actors: ActorDictionary) -> None:
    import time
    text = " ".join(["Tajik border guards and police repelled about twenty militants overnight."] * 200)
    sents = list(nlp(text).sents)
    started = time.perf_counter()
    for sent in sents:
        actors.find_actors(sent, 0)
    # generous bound for a slow CI machine: about 0.2 ms a sentence here
    assert (time.perf_counter() - started) / len(sents) < 0.01


def test_coordinated_country_words_give_one_actor_each(find) -> None:
    found = find("Uzbek, Kyrgyz and Tajik police met at the crossing.")
    assert [(a.text, a.country) for a in found] == [("Uzbek", "UZ"), ("Kyrgyz", "KG"), ("Tajik police", "TJ")]
    assert {a.kind for a in found} == {"police"}


def test_a_named_unit_listed_with_state_forces_is_one_of_theirs(find) -> None:
    found = find("A joint team of the District Reserve Guard (DRG), the Special Task Force (STF) and the CRPF's "
                 "CoBRA unit came under fire in the forests, police said.")
    assert by_text(found, "Special Task Force").name == by_text(found, "District Reserve Guard (DRG)").name


def test_a_named_group_that_fought_the_army_is_no_unit_of_it(find) -> None:
    found = find("Fighters of the Bravo Brigade and the army clashed near Sirte on Monday.")
    assert by_text(found, "Bravo Brigade").inter != 1
