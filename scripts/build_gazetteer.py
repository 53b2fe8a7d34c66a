"""Build marsad/data/gazetteer.tsv.gz, the compact place index, from ../shared/data/gazetteer/places.tsv.

Contains data from GeoNames (https://www.geonames.org), CC BY 4.0.

Only GeoNames values are kept, so the index is CC BY 4.0 alone: country rows
lose their world-countries (ODbL) coordinates and extra Arabic names, and are
placed at their capital (the override of ``marsad/data/places.json`` for a
capital the gazetteer lacks, such as Washington, else the most populous place).
A province's population is its largest town's, so that a bare name compares a
province with towns of other countries by size.

Output columns (tab-separated, no header): geonames id, English name, lat, lon,
rank (country, city, region: see ``marsad.extract.places``), ISO country code,
population, and the ``|``-separated matching keys of its Arabic names.

Run: ``.venv/bin/python scripts/build_gazetteer.py [PATH/TO/places.tsv]``
"""

from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path

from marsad.extract.places import COUNTRY, REGION, SETTLEMENT, capital_overrides, country_names, gazetteer_keys

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "data" / "gazetteer" / "places.tsv"
TARGET = ROOT / "marsad" / "data" / "gazetteer.tsv.gz"


def _rank(row: dict[str, str]) -> str:
    if row["feature_code"] in ("PCLI", "PCLD"):
        return COUNTRY
    return SETTLEMENT if row["feature_class"] == "P" else REGION


def _alternatives(names: list[str]) -> list[str]:
    """Names with an alternative in brackets split in two: ميانمار (بورما) is ميانمار and بورما."""
    split = []
    for name in names:
        outside, _, inside = name.partition("(")
        split += [outside, inside.rstrip(")")] if inside else [name]
    return split


def build(source: Path, target: Path) -> int:
    with source.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    towns = sorted(
        (row for row in rows if row["feature_class"] == "P" and row["lat"]),
        key=lambda row: -int(row["population"] or 0),
    )
    capitals: dict[str, tuple[str, str]] = {}
    for row in towns:
        capitals.setdefault(row["country_code"], (row["lat"], row["lon"]))
    capitals |= {row["country_code"]: (row["lat"], row["lon"]) for row in towns if row["feature_code"] == "PPLC"}
    capitals |= {place.country: (str(place.lat), str(place.lon)) for place in capital_overrides()}
    largest_town: dict[tuple[str, str], str] = {}
    for row in towns:
        largest_town.setdefault((row["country_code"], row["admin1"]), row["population"] or "0")
    extra_country_names = country_names()
    lines = []
    for row in rows:
        rank = _rank(row)
        lat, lon = row["lat"], row["lon"]
        names = row["alt_ar"].split("|")
        population = row["population"] or "0"
        if rank == COUNTRY:
            lat, lon = capitals.get(row["country_code"], ("", ""))
            # the other country names may come from the ODbL source: ours replace them
            names = [row["name_ar"], *extra_country_names.get(row["country_code"], ())]
        elif rank == REGION:
            population = largest_town.get((row["country_code"], row["admin1"]), "0")
        if not lat or not lon:
            continue
        keys = sorted(set().union(*(gazetteer_keys(name) for name in map(str.strip, _alternatives(names)))) - {""})
        if not keys:
            continue
        fields = [row["id"], row["name_en"], lat, lon, rank, row["country_code"], population]
        lines.append("\t".join(fields + ["|".join(keys)]))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    target.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))  # the same bytes on every build
    return len(lines)


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    count = build(source, TARGET)
    print(f"{count} places written to {TARGET.relative_to(ROOT)} ({TARGET.stat().st_size // 1024} KB)")
