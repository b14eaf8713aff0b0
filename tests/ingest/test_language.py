"""The cheap English check: headlines and short English pass, other languages do not."""

from __future__ import annotations

import pytest

from faultline.errors import LanguageError
from faultline.ingest.language import check_english

ENGLISH = [
    "Gunmen kill 12 in Borno village raid",
    "BREAKING: Explosion reported near Kandahar airport",
    "Protesters clash with police in Dhaka; dozens hurt",
    "Nigeria: Bandits Abduct 30 Villagers - Kaduna Governor | Mali: Drone Strike Hits Market "
    "Near Gao - Army | Sudan: RSF Shells Camp - Medics | Somalia: Car Bomb Kills Four",
    "Security forces said on Tuesday that an armed group had attacked a checkpoint on the road "
    "between the two towns, killing three soldiers and wounding several others before fleeing "
    "into the hills, according to a statement from the regional governor's office.",
    "The commander was quoted in Le Monde saying \"la situation est grave\", but officials in the "
    "capital said that the fighting had eased by the evening and that aid convoys were moving again.",
]

FOREIGN = [
    ("fr", "Selon les autorités locales, des hommes armés ont attaqué un poste de police dans la nuit "
           "de lundi à mardi, tuant trois agents et blessant plusieurs civils dans le village."),
    ("es", "Según las autoridades, un grupo armado atacó un puesto militar en la madrugada del "
           "martes y mató a tres soldados, mientras que los heridos fueron trasladados al hospital."),
    ("de", "Nach Angaben der Behörden wurden bei dem Angriff auf einen Markt in der Stadt am Montag "
           "mindestens fünf Menschen getötet und zahlreiche weitere verletzt, teilte die Polizei mit."),
    ("ru", "По словам местных властей, в понедельник вооруженные люди напали на рынок и убили пять человек."),
    ("ar", "قال مسؤولون محليون إن مسلحين هاجموا سوقا في البلدة يوم الاثنين وقتلوا خمسة أشخاص."),
]


@pytest.mark.parametrize("text", ENGLISH)
def test_english_accepted(text: str) -> None:
    assert check_english(text) == "en"


@pytest.mark.parametrize(("lang", "text"), FOREIGN)
def test_other_languages_refused(lang: str, text: str) -> None:
    with pytest.raises(LanguageError):
        check_english(text)


def test_short_latin_text_is_not_judged() -> None:
    # Too few words to tell: a foreign headline passes rather than risk refusing English ones.
    assert check_english("Attaque à Gao: trois morts") == "en"


def test_long_headline_digest_accepted() -> None:
    digest = " | ".join([
        "Gunmen kill 12 in Borno village raid", "Mali army says drone strike hits convoy near Gao",
        "Sudan: shelling of Omdurman market leaves dozens dead", "Somalia car bomb kills four soldiers",
        "Kenya police disperse protesters in Nairobi", "DRC rebels seize two towns in North Kivu",
        "Pakistan checkpoint attack wounds six", "Yemen airstrikes reported on Hodeidah port",
        "Burkina Faso convoy ambushed on Djibo road", "Mozambique insurgents torch homes in Cabo Delgado",
    ])
    assert len(digest.split()) > 60
    assert check_english(digest) == "en"


def test_unlisted_language_refused_by_hard_floor() -> None:
    swahili = (
        "Watu watano wameuawa katika shambulio lililotokea sokoni jana jioni kwa mujibu wa polisi "
        "wa mkoa huo. Mashahidi wamesema washambuliaji walifika wakiwa na pikipiki na kuanza "
        "kufyatua risasi ovyo kabla ya kukimbilia msituni. Serikali imetuma wanajeshi zaidi "
        "katika eneo hilo na kuahidi kuwasaka wahusika wote. Wakazi wengi wamekimbia makazi yao "
        "wakihofia mashambulizi mengine, na shule zimefungwa kwa muda usiojulikana huku hospitali "
        "ya wilaya ikiwapokea majeruhi kumi na wawili ambao hali zao bado ni mbaya sana."
    )
    assert len(swahili.split()) >= 60
    with pytest.raises(LanguageError):
        check_english(swahili)
