"""A small corpus of short articles, several reporting the same incidents in other words."""

from __future__ import annotations

from pathlib import Path

TEMPLATES = (
    "On {day} Taliban fighters clashed with police near {town}, officials said. "
    "According to the governor's office, {n} attackers were killed and the road was closed for hours.",
    "Residents of {town} described heavy gunfire overnight. Police clashed with Taliban gunmen on {day}; "
    "a hospital source said {m} people were killed in the fighting.",
    "A roadside bomb struck a police vehicle outside {town} on {day}. Islamic State later claimed the "
    "attack in a statement, and local officials said {n} officers were killed.",
)
TOWNS = ("Jalalabad", "Kabul", "Khorog", "Idlib", "Ariha")


def write_corpus(folder: Path, count: int) -> list[Path]:
    """`count` article files: each incident reported by up to three outlets in different words."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        incident, variant = divmod(i, 3)
        town = TOWNS[incident % len(TOWNS)]
        day = f"2021-{1 + incident // 28:02d}-{1 + incident % 28:02d}"
        text = TEMPLATES[variant].format(day=day, town=town, n=3 + incident % 4, m=4 + incident % 5)
        path = folder / f"report-{i:03d}.txt"
        path.write_text(text + "\n\nThe article continues with background on the province.\n", encoding="utf-8")
        paths.append(path)
    return paths
