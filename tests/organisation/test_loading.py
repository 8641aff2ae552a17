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
    provincial_agencies_load,
)
from coordination.organisation.models import (
    Agency,
    AgencyKind,
    Facility,
    FacilityLevel,
    Province,
    Unit,
)

pytestmark = pytest.mark.django_db

TEMPLATE_HEADER = "kind,code,name,name_en,symbol,parent,units,edxml_code\n"


def test_the_seed_files_load_63_provinces_and_their_agencies() -> None:
    counts = organisation_load()
    assert counts.provinces == Province.objects.count() == 63
    assert set(Province.objects.filter(is_city=True).values_list("code", flat=True)) == {
        "01",
        "31",
        "48",
        "79",
        "92",
    }
    for kind in (
        AgencyKind.PROVINCIAL_SOCIAL_SECURITY,
        AgencyKind.PROVINCIAL_HEALTH,
        AgencyKind.PEOPLES_COMMITTEE,
    ):
        assert Agency.objects.filter(kind=kind).count() == 63
    assert counts.agencies == Agency.objects.count() == 2 + 3 * 63
    assert counts.units == Unit.objects.count()


def test_each_province_gets_its_social_security_office_and_department_of_health() -> None:
    organisation_load()
    quang_nam = Agency.objects.get(code="bhxh-49")
    assert quang_nam.name == "Bảo hiểm xã hội tỉnh Quảng Nam"
    assert (quang_nam.symbol, quang_nam.place, quang_nam.parent.code) == (
        "BHXH",
        "Quảng Nam",
        "vss",
    )
    assert set(quang_nam.units.values_list("symbol", flat=True)) == {"GĐBHYT", "VP", "BGĐ"}
    health = Agency.objects.get(code="syt-49")
    assert (health.name, health.symbol) == ("Sở Y tế", "SYT")
    assert health.parent.name == "Ủy ban nhân dân tỉnh Quảng Nam"
    assert Agency.objects.get(code="bhxh-01").name == "Bảo hiểm xã hội thành phố Hà Nội"
    assert Agency.objects.get(code="bhxh-79").place == "Thành phố Hồ Chí Minh"


def test_quang_nam_has_its_65_contracted_facilities_and_nghe_an_a_few() -> None:
    organisation_load()
    quang_nam = Facility.objects.filter(province__code="49", is_contracted=True)
    assert quang_nam.count() == 65
    assert all(facility.code.startswith("49") and len(facility.code) == 5 for facility in quang_nam)
    assert set(quang_nam.values_list("level", flat=True)) == set(FacilityLevel.values)
    assert quang_nam.filter(name__startswith="Trung tâm Y tế").count() == 18
    assert 3 <= Facility.objects.filter(province__code="40").count() <= 5


def test_loading_twice_changes_nothing() -> None:
    organisation_load()
    before = [m.objects.count() for m in (Province, Agency, Unit, Facility)]
    organisation_load()
    assert [m.objects.count() for m in (Province, Agency, Unit, Facility)] == before


def test_a_province_no_longer_active_gets_no_agencies() -> None:
    """Provinces merge (2025): an inactive province keeps its row but gets no new offices."""
    provinces_load(path=DATA_DIR / "provinces.csv")
    Province.objects.filter(code="49").update(is_active=False)
    organisation_load()
    assert not Agency.objects.filter(province__code="49").exists()
    assert Agency.objects.filter(province__code="40").count() == 3


@pytest.mark.parametrize("path", sorted(DATA_DIR.glob("*.csv")), ids=lambda path: path.name)
def test_the_data_files_are_composed_utf8(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text)


def test_decomposed_vietnamese_is_stored_composed(tmp_path: Path) -> None:
    path = tmp_path / "provinces.csv"
    name = unicodedata.normalize("NFD", "Quảng Nam")
    path.write_text(f"code,name,is_city,place\n49,{name},0,\n", encoding="utf-8")
    provinces_load(path=path)
    assert Province.objects.get(code="49").name == "Quảng Nam"


def test_a_bad_row_names_file_row_and_column_and_nothing_is_stored(tmp_path: Path) -> None:
    provinces_load(path=DATA_DIR / "provinces.csv")
    path = tmp_path / "facilities.csv"
    path.write_text(
        "code,name,level,province,address\n"
        "49001,Bệnh viện A,provincial,49,\n"
        "49002,Bệnh viện B,galactic,49,\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"facilities.csv, row 3, column 'level'"):
        facilities_load(path=path)
    assert not Facility.objects.exists()


def test_a_facility_in_an_unknown_province_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "facilities.csv"
    path.write_text(
        "code,name,level,province,address\n99001,Bệnh viện A,district,99,\n", encoding="utf-8"
    )
    with pytest.raises(DataFileError, match=r"row 2, column 'province': no province"):
        facilities_load(path=path)


@pytest.mark.parametrize(
    ("row", "column"),
    [
        ("provincial_health,syt-{code},Sở Y tế {district},,SYT,,VP:Văn phòng", "name"),
        ("ministry,syt-{code},Sở Y tế,,SYT,,VP:Văn phòng", "kind"),
        ("provincial_health,syt-{code},Sở Y tế,,SYT,ubnd-{code},VP:Văn phòng", "parent"),
        ("provincial_health,syt-{code},Sở Y tế,,SYT,,Văn phòng", "units"),
    ],
)
def test_a_bad_agency_template_names_its_column(tmp_path: Path, row: str, column: str) -> None:
    provinces_load(path=DATA_DIR / "provinces.csv")
    path = tmp_path / "provincial_agencies.csv"
    path.write_text(TEMPLATE_HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"row 2, column '{column}'"):
        provincial_agencies_load(path=path)
    assert not Agency.objects.exists()


def test_a_file_without_a_required_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "provinces.csv"
    path.write_text("code,name\n49,Quảng Nam\n", encoding="utf-8")
    with pytest.raises(
        DataFileError, match=r"provinces.csv: missing columns \['is_city', 'place'\]"
    ):
        provinces_load(path=path)


def test_agencies_get_their_exchange_codes_and_contacts() -> None:
    """The ministry's code is its public one; the Social Security codes follow the pattern of
    Decision 20/2020/QĐ-TTg (a central agency's office in a province: the province in the third
    group)."""
    organisation_load()
    moh, vss = Agency.objects.get(code="moh"), Agency.objects.get(code="vss")
    assert (moh.edxml_code, moh.website) == ("000.00.00.G18", "https://moh.gov.vn")
    assert vss.address.startswith("Số 7 Tràng Thi")
    assert Agency.objects.get(code="bhxh-49").edxml_code == f"000.00.49.{vss.edxml_code[-3:]}"
    assert not Agency.objects.get(code="syt-49").edxml_code
    codes = [code for code in Agency.objects.values_list("edxml_code", flat=True) if code]
    assert len(codes) == len(set(codes)) == 2 + 63


def test_a_malformed_exchange_code_is_refused(tmp_path: Path) -> None:
    provinces_load(path=DATA_DIR / "provinces.csv")
    path = tmp_path / "provincial_agencies.csv"
    path.write_text(
        TEMPLATE_HEADER + "provincial_health,syt-{code},Sở Y tế,,SYT,,VP:Văn phòng,49.G18\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"row 2, column 'edxml_code'"):
        provincial_agencies_load(path=path)
    assert not Agency.objects.exists()
