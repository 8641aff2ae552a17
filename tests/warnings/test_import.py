"""Importing a quarter's cost data: every kind of bad file is rejected whole, with each problem
by row and column, and nothing is stored; good files in any accepted form read the same."""

import io
import unicodedata
from typing import Any

import pytest
from openpyxl import Workbook

from django.core.management import CommandError, call_command
from django.utils import translation

from coordination.organisation.models import Facility
from workflows.warnings.exceptions import CostFileRejected, QuarterAlreadyImported, WrongRole
from workflows.warnings.models import CostImport, FacilityCost
from workflows.warnings.quarters import Quarter
from workflows.warnings.services import cost_import_create

from .conftest import HEADER, all_rows, cost_row, cp1258, csv_bytes

Q4 = Quarter(2023, 4)


def _import(office: Any, content: bytes, **extra: Any) -> CostImport:
    extra.setdefault("actor", office.verifier)
    return cost_import_create(
        province=office.province, period=Q4, content=content, source_name="q4.csv", **extra
    )


def _problems(office: Any, content: bytes) -> list[tuple[int | None, str, str]]:
    with pytest.raises(CostFileRejected) as rejected:
        _import(office, content)
    assert CostImport.objects.count() == 0 and FacilityCost.objects.count() == 0
    return [(p.row, p.column, p.message) for p in rejected.value.problems]


def _xlsx(rows: list[list[Any]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def test_a_good_file_is_stored_with_every_figure(office: Any) -> None:
    cost_import = _import(office, csv_bytes(all_rows()))
    assert (cost_import.version, cost_import.is_current, cost_import.row_count) == (1, True, 8)
    cost = FacilityCost.objects.get(facility__code="49012")
    assert (cost.visits_outpatient, cost.visits_inpatient) == (9_000, 1_000)
    assert (cost.total_cost, cost.insurance_paid) == (2_000_000_000, 1_700_000_000)
    assert (cost.rejected_amount, cost.yearly_estimate) == (10_000_000, 8_000_000_000)


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda b: b, id="utf-8"),
        pytest.param(lambda b: b"\xef\xbb\xbf" + b, id="utf-8 with BOM"),
        pytest.param(lambda b: cp1258(b.decode()), id="windows-1258"),
        pytest.param(lambda b: unicodedata.normalize("NFD", b.decode()).encode(), id="NFD"),
    ],
)
def test_encodings_and_normal_forms_read_the_same(office: Any, encode: Any) -> None:
    _import(office, encode(csv_bytes(all_rows())))
    assert FacilityCost.objects.filter(facility__code="49012", total_cost=2_000_000_000).exists()


def test_windows_1258_is_recorded_as_such(office: Any) -> None:
    content = cp1258(csv_bytes(all_rows()).decode())
    assert _import(office, content).encoding == "windows-1258"


def test_a_file_in_another_encoding_is_refused_clearly(office: Any) -> None:
    keys = ["ma_co_so", "ten_co_so", "tuyen"]
    german = csv_bytes([["49012", "Große Klinik", "Huyen"]], header=keys, encoding="cp1252")
    russian = csv_bytes([["49012", "Больница", "Huyen"]], header=keys, encoding="cp1251")
    text = "Mã cơ sở;Tên\n49012;Trung tâm Y tế huyện Thăng Bình\n"
    utf16 = text.encode("utf-16")
    for content in (german, russian):
        (row, _column, message), *_others = _problems(office, content)
        assert row == 2 and "not UTF-8" in message and "Windows-1258" in message
    assert _problems(office, utf16)[0][2].startswith("This is not a CSV text file")


def test_an_xlsx_workbook_is_read_by_its_content_not_its_name(office: Any) -> None:
    rows = [HEADER] + [
        [code, name, level, 9000, 1000, 2_000_000_000.0, "1.700.000.000", 10_000_000, 8e9]
        for code, name, level, *_ in all_rows()
    ]
    cost_import = cost_import_create(
        actor=office.verifier,
        province=office.province,
        period=Q4,
        content=_xlsx(rows),
        source_name="chi-phi.csv",
    )
    assert cost_import.encoding == "xlsx" and cost_import.row_count == 8


def test_a_code_that_a_spreadsheet_took_for_a_number_keeps_its_leading_zero(office: Any) -> None:
    Facility.objects.create(
        code="09001", name="Trạm Y tế xã Tam Thanh", level="commune", province=office.province
    )
    rows = [HEADER, [9001, "Trạm Y tế xã Tam Thanh", "Xã", 900, 0, 90_000_000, 80_000_000, 0, 4e8]]
    _import(office, _xlsx(rows))
    assert FacilityCost.objects.get().facility.code == "09001"


def test_bad_numbers_are_each_reported_with_row_and_column(office: Any) -> None:
    rows = all_rows()
    rows[0][5] = "2,000,000"
    rows[2][3] = "-5"
    rows[3][8] = ""
    rows[4][6] = "1.5e9"
    problems = _problems(office, csv_bytes(rows))
    assert [(row, column) for row, column, _message in problems] == [
        (2, "Tổng chi phí (đồng)"),
        (4, "Lượt khám ngoại trú"),
        (5, "Dự toán giao cả năm (đồng)"),
        (6, "Chi phí BHYT thanh toán (đồng)"),
    ]
    assert "1.477.179" in problems[0][2]


def test_unknown_foreign_and_duplicate_facilities_are_reported(office: Any) -> None:
    rows = all_rows()
    rows.append(rows[2])
    rows.append(["49999", "Không có", "Huyện", "1", "1", "1", "1", "0", "1"])
    rows.append(
        ["40001", "Bệnh viện Hữu nghị Đa khoa Nghệ An", "Tỉnh", "1", "1", "1", "1", "0", "1"]
    )
    problems = _problems(office, csv_bytes(rows))
    assert [(row, column) for row, column, _m in problems] == [
        (10, "Mã cơ sở"),
        (11, "Mã cơ sở"),
        (12, "Mã cơ sở"),
    ]
    assert "already in row 4" in problems[0][2]
    assert "No registered facility" in problems[1][2]
    assert "Nghệ An" in problems[2][2]


def test_names_and_levels_must_match_the_registry(office: Any) -> None:
    rows = all_rows()
    rows[2][1] = "Trung tâm Y tế huyện Duy Xuyên"
    rows[3][2] = "Tỉnh"
    rows[4][2] = "Tuyến 9"
    problems = _problems(office, csv_bytes(rows))
    assert [(row, column) for row, column, _m in problems] == [
        (4, "Tên cơ sở"),
        (5, "Tuyến"),
        (6, "Tuyến"),
    ]


def test_missing_and_repeated_columns_are_reported_on_the_header_row(office: Any) -> None:
    header = [h for h in HEADER if h != "Tuyến"] + ["ma_co_so"]
    rows = [row[:2] + row[3:] + [row[0]] for row in all_rows()]
    problems = _problems(office, csv_bytes(rows, header=header))
    assert problems == [
        (1, "Mã cơ sở", "This column appears twice."),
        (1, "Tuyến", "This column is missing."),
    ]


def test_amounts_must_be_consistent(office: Any) -> None:
    rows = all_rows()
    rows[0] = cost_row("49001", total=100, paid=200, rejected=300)
    problems = _problems(office, csv_bytes(rows))
    assert [(row, column) for row, column, _m in problems] == [
        (2, "Chi phí BHYT thanh toán (đồng)"),
        (2, "Số tiền từ chối thanh toán (đồng)"),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty."),
        ("Mã cơ sở;Tên cơ sở\n".encode(), "This column is missing."),
        (b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "This is an old Excel (.xls) file."),
        (b"PK\x03\x04garbage", "This is a zip file but not a readable XLSX workbook."),
        (b"%PDF-1.7\x00\x01", "This is not a CSV text file or an XLSX workbook."),
    ],
)
def test_files_that_are_not_cost_tables_are_refused(
    office: Any, content: bytes, message: str
) -> None:
    assert any(m.startswith(message) for _row, _column, m in _problems(office, content))


def test_reimporting_a_quarter_needs_replace_and_keeps_the_previous_version(office: Any) -> None:
    first = _import(office, csv_bytes(all_rows()))
    with pytest.raises(QuarterAlreadyImported):
        _import(office, csv_bytes(all_rows(total=3_000_000_000)))
    second = _import(office, csv_bytes(all_rows(total=3_000_000_000)), replace=True)
    first.refresh_from_db()
    assert (first.version, first.is_current) == (1, False)
    assert (second.version, second.is_current) == (2, True)
    assert first.costs.get(facility__code="49012").total_cost == 2_000_000_000
    assert second.costs.get(facility__code="49012").total_cost == 3_000_000_000


def test_only_the_provinces_verification_officers_may_import(office: Any) -> None:
    for outsider in (office.neighbour_verifier, office.head):
        with pytest.raises(WrongRole.__mro__[1]):
            _import(office, csv_bytes(all_rows()), actor=outsider)
    assert CostImport.objects.count() == 0


def test_the_command_imports_a_file(office: Any, tmp_path: Any) -> None:
    path = tmp_path / "q4.csv"
    path.write_bytes(csv_bytes(all_rows()))
    output = io.StringIO()
    call_command("import_costs", str(path), province="49", quarter="2023Q4", stdout=output)
    assert "8 facilities imported (version 1, utf-8)" in output.getvalue()
    call_command("import_costs", str(path), province="49", quarter="2023Q4", replace=True)
    assert CostImport.objects.filter(year=2023, quarter=4).count() == 2


def test_the_command_exits_non_zero_with_every_problem(office: Any, tmp_path: Any) -> None:
    rows = all_rows()
    rows[0][5] = "abc"
    rows[1][0] = "49999"
    path = tmp_path / "q4.csv"
    path.write_bytes(csv_bytes(rows))
    errors = io.StringIO()
    with translation.override("en"), pytest.raises(CommandError, match="2 problem"):
        call_command("import_costs", str(path), province="49", quarter="2023Q4", stderr=errors)
    assert errors.getvalue().splitlines() == [
        "row 2, Tổng chi phí (đồng): “abc” is not a whole number; write it as 1.477.179 or "
        "1477179.",
        "row 3, Mã cơ sở: No registered facility has the code 49999.",
    ]
    assert CostImport.objects.count() == 0


@pytest.mark.parametrize(
    "arguments",
    [{"province": "99", "quarter": "2023Q4"}, {"province": "49", "quarter": "2023-5"}],
)
def test_the_command_refuses_unknown_provinces_and_quarters(
    office: Any, tmp_path: Any, arguments: dict
) -> None:
    path = tmp_path / "q4.csv"
    path.write_bytes(csv_bytes(all_rows()))
    with pytest.raises(CommandError):
        call_command("import_costs", str(path), **arguments)
