"""The published columns of a quarterly cost file. A file may head each column with its
Vietnamese header or its key; the order does not matter and other columns are ignored."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str  # "code", "text", "level", "count", "money"
    description: object
    example: str


COLUMNS = (
    Column("ma_co_so", "Mã cơ sở", "code", _("Facility code, as registered (5 digits)."), "49012"),
    Column(
        "ten_co_so",
        "Tên cơ sở",
        "text",
        _("Facility name, as registered."),
        "Trung tâm Y tế huyện Thăng Bình",
    ),
    Column(
        "tuyen",
        "Tuyến",
        "level",
        _("Level: Trung ương, Tỉnh, Huyện or Xã (or central, provincial, district, commune)."),
        "Huyện",
    ),
    Column(
        "luot_ngoai_tru",
        "Lượt khám ngoại trú",
        "count",
        _("Insured outpatient visits in the quarter."),
        "38.120",
    ),
    Column(
        "luot_noi_tru",
        "Lượt điều trị nội trú",
        "count",
        _("Insured inpatient stays in the quarter."),
        "3.110",
    ),
    Column(
        "tong_chi_phi",
        "Tổng chi phí (đồng)",
        "money",
        _("Total cost of insured care in the quarter, in đồng."),
        "8.412.550.000",
    ),
    Column(
        "chi_phi_bhyt",
        "Chi phí BHYT thanh toán (đồng)",
        "money",
        _("Part of the total paid by health insurance, in đồng."),
        "7.150.667.500",
    ),
    Column(
        "tu_choi",
        "Số tiền từ chối thanh toán (đồng)",
        "money",
        _("Amount refused at verification, in đồng."),
        "126.188.250",
    ),
    Column(
        "du_toan_nam",
        "Dự toán giao cả năm (đồng)",
        "money",
        _("Spending estimate assigned to the facility for the whole year, in đồng."),
        "27.500.000.000",
    ),
)
COLUMN_BY_KEY = {column.key: column for column in COLUMNS}
