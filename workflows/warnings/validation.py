"""Checking every row of a cost file against the registry before anything is stored. Every
problem is collected, each with its row and column; one problem rejects the whole file."""

import re
import unicodedata
from dataclasses import dataclass

from anyascii import anyascii

from django.utils.translation import gettext as _

from coordination.organisation.models import Facility, FacilityLevel, Province

from .columns import COLUMNS, Column
from .costfile import Problem, RawTable
from .exceptions import CostFileRejected
from .numerals import whole_number_parse

LEVEL_WORDS = {
    FacilityLevel.CENTRAL: ("trung uong", "central"),
    FacilityLevel.PROVINCIAL: ("tinh", "provincial"),
    FacilityLevel.DISTRICT: ("huyen", "district"),
    FacilityLevel.COMMUNE: ("xa", "commune"),
}
_LEVEL_BY_WORD = {word: level for level, words in LEVEL_WORDS.items() for word in words}
_SEPARATORS = re.compile(r"[\s_]+")
CODE_DIGITS = 5


@dataclass(frozen=True)
class CostRow:
    row: int
    facility_id: int
    visits_outpatient: int
    visits_inpatient: int
    total_cost: int
    insurance_paid: int
    rejected_amount: int
    yearly_estimate: int


def fold(text: object) -> str:
    """Compare names without case, accents or spacing: 'Tuyến' and 'tuyen ' are the same."""
    folded = anyascii(unicodedata.normalize("NFC", str(text or ""))).casefold()
    return _SEPARATORS.sub(" ", folded).strip()


def cost_rows_validate(table: RawTable, *, province: Province) -> list[CostRow]:
    """Every row checked; raises CostFileRejected listing every problem, or returns the rows."""
    positions, problems = _header_positions(table.header)
    if problems:
        raise CostFileRejected(problems)
    facilities = _facilities_by_code(table, positions["ma_co_so"])
    checker = _RowChecker(province=province, facilities=facilities, positions=positions)
    rows = [checker.check(number, cells) for number, cells in table.rows]
    if not table.rows:
        checker.problems.append(Problem(None, "", _("The file has headers but no rows.")))
    if checker.problems:
        raise CostFileRejected(checker.problems)
    return [row for row in rows if row is not None]


def _header_positions(header: list[str]) -> tuple[dict[str, int], list[Problem]]:
    wanted = {fold(c.header): c for c in COLUMNS} | {fold(c.key): c for c in COLUMNS}
    positions: dict[str, int] = {}
    problems = []
    for index, cell in enumerate(header):
        column = wanted.get(fold(cell))
        if column is None:
            continue
        if column.key in positions:
            message = _("This column appears twice.")
            problems.append(Problem(1, column.header, message))
        positions[column.key] = index
    for column in COLUMNS:
        if column.key not in positions:
            problems.append(Problem(1, column.header, _("This column is missing.")))
    return positions, problems


def _code(cells: list[object], position: int) -> str:
    """A spreadsheet that took the code for a number drops its leading zero: 1001 is 01001."""
    code = _text(cells, position)
    return code.zfill(CODE_DIGITS) if code.isdigit() else code


def _facilities_by_code(table: RawTable, position: int) -> dict[str, Facility]:
    codes = {_code(cells, position) for _number, cells in table.rows}
    found = Facility.objects.filter(code__in=codes - {""}).select_related("province")
    return {facility.code: facility for facility in found}


def _text(cells: list[object], position: int) -> str:
    value = cells[position] if position < len(cells) else None
    if value is None:
        return ""
    if isinstance(value, float) and value == int(value):
        value = int(value)
    return unicodedata.normalize("NFC", str(value)).strip()


class _RowChecker:
    def __init__(
        self, *, province: Province, facilities: dict[str, Facility], positions: dict[str, int]
    ) -> None:
        self.province, self.facilities, self.positions = province, facilities, positions
        self.seen: dict[str, int] = {}
        self.problems: list[Problem] = []

    def check(self, number: int, cells: list[object]) -> CostRow | None:
        before = len(self.problems)
        facility = self._facility(number, cells)
        values = {
            column.key: self._number(number, cells, column)
            for column in COLUMNS
            if column.kind in ("count", "money")
        }
        numbers_read = len(self.problems) == before
        if facility is not None:
            self._same_name_and_level(number, cells, facility)
        if numbers_read:
            self._consistent(number, values)
        if len(self.problems) > before or facility is None:
            return None
        return CostRow(
            row=number,
            facility_id=facility.pk,
            visits_outpatient=values["luot_ngoai_tru"],
            visits_inpatient=values["luot_noi_tru"],
            total_cost=values["tong_chi_phi"],
            insurance_paid=values["chi_phi_bhyt"],
            rejected_amount=values["tu_choi"],
            yearly_estimate=values["du_toan_nam"],
        )

    def _add(self, number: int, key: str, message: str) -> None:
        header = next(column.header for column in COLUMNS if column.key == key)
        self.problems.append(Problem(number, header, message))

    def _cell(self, cells: list[object], key: str) -> object:
        position = self.positions[key]
        return cells[position] if position < len(cells) else None

    def _facility(self, number: int, cells: list[object]) -> Facility | None:
        code = _code(cells, self.positions["ma_co_so"])
        if not code:
            self._add(number, "ma_co_so", _("The facility code is empty."))
            return None
        if code in self.seen:
            message = _("Facility %(code)s is already in row %(row)s.")
            self._add(number, "ma_co_so", message % {"code": code, "row": self.seen[code]})
            return None
        self.seen[code] = number
        facility = self.facilities.get(code)
        if facility is None:
            message = _("No registered facility has the code %(code)s.") % {"code": code}
            self._add(number, "ma_co_so", message)
        elif facility.province_id != self.province.pk:
            message = _("Facility %(code)s belongs to %(province)s, not %(this)s.") % {
                "code": code,
                "province": facility.province.name,
                "this": self.province.name,
            }
            self._add(number, "ma_co_so", message)
            return None
        return facility

    def _same_name_and_level(self, number: int, cells: list[object], facility: Facility) -> None:
        name = _text(cells, self.positions["ten_co_so"])
        if fold(name) != fold(facility.name):
            message = _("The name “%(name)s” is not the registered name “%(registered)s”.")
            self._add(number, "ten_co_so", message % {"name": name, "registered": facility.name})
        level_text = _text(cells, self.positions["tuyen"])
        level = _LEVEL_BY_WORD.get(fold(level_text))
        if level is None:
            message = _("Unknown level “%(level)s”: write Trung ương, Tỉnh, Huyện or Xã.")
            self._add(number, "tuyen", message % {"level": level_text})
        elif level != facility.level:
            message = _("The facility is registered at the %(level)s, not this one.")
            self._add(number, "tuyen", message % {"level": facility.get_level_display().lower()})

    def _number(self, number: int, cells: list[object], column: Column) -> int:
        value = self._cell(cells, column.key)
        if value is None or str(value).strip() == "":
            self._add(number, column.key, _("The value is empty."))
            return 0
        try:
            return whole_number_parse(value)
        except ValueError:
            message = _("“%(value)s” is not a whole number; write it as 1.477.179 or 1477179.")
            self._add(number, column.key, message % {"value": value})
            return 0

    def _consistent(self, number: int, values: dict[str, int]) -> None:
        total = values["tong_chi_phi"]
        if values["chi_phi_bhyt"] > total:
            message = _("The amount paid by insurance is larger than the total cost.")
            self._add(number, "chi_phi_bhyt", message)
        if values["tu_choi"] > total:
            message = _("The rejected amount is larger than the total cost.")
            self._add(number, "tu_choi", message)
