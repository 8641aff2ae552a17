"""The organisation is data: loaded from files, normalised, all or nothing."""

import unicodedata
from pathlib import Path

import pytest

from coordination.organisation.loading import (
    DATA_DIR,
    DataFileError,
    facilities_load,
    organisation_load,
    provinces_load,
)
from coordination.organisation.models import Agency, AgencyKind, Facility, Province, Unit

pytestmark = pytest.mark.django_db


def test_the_seed_files_load_63_provinces_and_their_agencies() -> None:
    counts = organisation_load()
    assert counts.provinces == Province.objects.count() == 63
    assert Agency.objects.filter(kind=AgencyKind.PROVINCIAL_SOCIAL_SECURITY).count() == 63
    assert Agency.objects.filter(kind=AgencyKind.PROVINCIAL_HEALTH).count() == 63
    quang_nam = Agency.objects.get(code="bhxh-49")
    assert quang_nam.name == "Bảo hiểm xã hội tỉnh Quảng Nam"
    assert quang_nam.parent.code == "vss"
    assert Unit.objects.get(agency=quang_nam, symbol="GĐBHYT").name
    assert Agency.objects.get(code="syt-49").parent.name == "Ủy ban nhân dân tỉnh Quảng Nam"
    assert Agency.objects.get(code="bhxh-79").place == "Thành phố Hồ Chí Minh"
    assert Facility.objects.filter(province__code="49", is_contracted=True).count() == 65


def test_loading_twice_changes_nothing() -> None:
    organisation_load()
    before = [m.objects.count() for m in (Province, Agency, Unit, Facility)]
    organisation_load()
    assert [m.objects.count() for m in (Province, Agency, Unit, Facility)] == before


def test_a_province_no_longer_active_gets_no_agencies() -> None:
    """Provinces merge (2025): an inactive province keeps its row but gets no new offices."""
    provinces_load(DATA_DIR / "provinces.csv")
    Province.objects.filter(code="49").update(is_active=False)
    organisation_load()
    assert not Agency.objects.filter(province__code="49").exists()
    assert Agency.objects.filter(province__code="40").count() == 3


def test_decomposed_vietnamese_is_stored_composed(tmp_path: Path) -> None:
    path = tmp_path / "provinces.csv"
    name = unicodedata.normalize("NFD", "Quảng Nam")
    path.write_text(f"code,name,is_city,place\n49,{name},0,\n", encoding="utf-8")
    provinces_load(path)
    assert Province.objects.get(code="49").name == "Quảng Nam"


def test_a_bad_row_names_file_row_and_column_and_nothing_is_stored(tmp_path: Path) -> None:
    provinces_load(DATA_DIR / "provinces.csv")
    path = tmp_path / "facilities.csv"
    path.write_text(
        "code,name,level,province,address\n"
        "49001,Bệnh viện A,provincial,49,\n"
        "49002,Bệnh viện B,galactic,49,\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"facilities.csv, row 3, column 'level'"):
        from django.db import transaction

        with transaction.atomic():
            facilities_load(path)
    assert not Facility.objects.exists()
