"""The six socio-economic regions the matrix filters by, read from ``data/regions.csv`` (a
province code per line): data, not code, as provinces merge."""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import get_language

DATA = Path(__file__).resolve().parent / "data" / "regions.csv"


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    name_en: str

    @property
    def label(self) -> str:
        return self.name_en if (get_language() or "vi").startswith("en") else self.name


@cache
def _table() -> tuple[dict[str, Region], dict[str, str]]:
    regions: dict[str, Region] = {}
    provinces: dict[str, str] = {}
    with DATA.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            regions.setdefault(row["region"], Region(row["region"], row["name"], row["name_en"]))
            provinces[row["province"]] = row["region"]
    return regions, provinces


def regions_all() -> list[Region]:
    return list(_table()[0].values())


def region_of(province_code: str) -> Region | None:
    regions, provinces = _table()
    code = provinces.get(province_code)
    return regions[code] if code else None


def provinces_in(region_code: str) -> list[str]:
    return [province for province, region in _table()[1].items() if region == region_code]
