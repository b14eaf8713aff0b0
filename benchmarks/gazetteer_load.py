"""Streaming a large GeoNames dump: time and peak memory for a generated 1-million-row file.

    python -m benchmarks.gazetteer_load [--rows N]

The file is written in the real 19-column format to a temp folder, zipped like the downloads,
then loaded with `load_dumps`; peak RSS comes from resource.getrusage (the generator writes
line by line, so the peak is the loader's).
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
import zipfile
from pathlib import Path

from faultline.geo import Gazetteer, load_dumps

SYLLABLES = ("ka", "la", "i", "khu", "mb", "dar", "vaz", "sho", "bod", "ish", "ko", "shim", "ru", "gh", "an", "ta", "zi", "pol")
LIMIT_MIB = 1024


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def write_dump(path: Path, rows: int, *, seed: int = 7) -> None:
    """A zipped allCountries-style table with `rows` populated places."""
    rng = random.Random(seed)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive, \
            archive.open("allCountries.txt", "w") as raw:
        for gid in range(1, rows + 1):
            name = _name(rng)
            alternates = ",".join((name + "obod", name.replace("k", "q"), _name(rng)))
            fields = [str(gid), name, name, alternates, f"{rng.uniform(-60, 70):.5f}", f"{rng.uniform(-180, 180):.5f}",
                      "P", "PPL", rng.choice(("TJ", "AF", "UZ", "KG")), "", f"{rng.randint(1, 9):02d}", "", "", "",
                      str(rng.randint(0, 50000)), "", "", "Asia/Dushanbe", "2024-01-01"]
            raw.write(("\t".join(fields) + "\n").encode())


def main() -> None:
    """Generate, load, and print time, throughput and peak memory."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        dump, index = Path(folder) / "allCountries.zip", Path(folder) / "gazetteer.sqlite"
        started = time.perf_counter()
        write_dump(dump, args.rows)
        written = time.perf_counter() - started
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        stats = load_dumps([dump], index_path=index, show_progress=False)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        started = time.perf_counter()
        with Gazetteer(index) as gazetteer:
            gazetteer.lookup("Kalaikhumb")
        opened = time.perf_counter() - started
        size = index.stat().st_size / 2**20
    print(f"{'rows':>10} {'names':>10} {'load s':>8} {'rows/s':>8} {'peak RSS MiB':>13} {'index MiB':>10} {'open+lookup s':>14}")
    print(f"{stats.places:10d} {stats.names:10d} {stats.seconds:8.1f} {stats.places / stats.seconds:8.0f} "
          f"{peak:13.0f} {size:10.0f} {opened:14.3f}")
    print(f"(dump written in {written:.1f} s; RSS before loading {rss_before:.0f} MiB; limit {LIMIT_MIB} MiB: "
          f"{'OK' if peak < LIMIT_MIB else 'OVER'})")


if __name__ == "__main__":
    main()
