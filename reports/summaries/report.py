"""The summary report: its frame is an ordinary Decree 30 report (header, BÁO CÁO, the closing),
its body the figures with their charts. The same HTML is the staff dashboard's content and,
rendered by the worker, the PDF."""

from django.template.loader import render_to_string
from django.utils import timezone

from coordination.organisation.models import Agency, Province

from ..snapshot import DocumentSnapshot, Issuer, SignatureBlock, nfc, place_and_date
from .charts import Series, bar_chart
from .figures import SummaryFigures, summary_figures

SUBJECT = "Tình hình thực hiện chính sách bảo hiểm y tế và công tác phối hợp"


def summary_frame(*, agency: Agency) -> DocumentSnapshot:
    today = timezone.localdate()
    return DocumentSnapshot(
        issuers=(Issuer(name=nfc(agency.name.upper())),),
        number_line=f"Số:        /BC-{agency.symbol}",
        place_date=place_and_date(nfc(agency.place), today, today.year),
        title="BÁO CÁO",
        subject=SUBJECT,
        is_letter=False,
        paragraphs=(),
        signatures=(SignatureBlock(authority="", position="", name=""),),
        recipients=("- Bộ Y tế;", "- Lưu: VT."),
    )


def summary_charts(figures: SummaryFigures) -> dict[str, str]:
    coverage = [row for row in figures.coverage if row.place == "Toàn quốc"]
    charts = {
        "coverage": bar_chart(
            labels=tuple(str(row.year) for row in coverage),
            series=(
                Series("Tỷ lệ bao phủ (%)", tuple(row.coverage_percent for row in coverage)),
                Series("Chỉ tiêu (%)", tuple(row.target_percent for row in coverage)),
            ),
            unit="%",
            title="Bao phủ bảo hiểm y tế toàn quốc",
        ),
        "steps": bar_chart(
            labels=tuple(str(i + 1) for i in range(len(figures.steps))),
            series=(
                Series("Đang xử lý", tuple(row.documents for row in figures.steps)),
                Series("Quá hạn", tuple(row.overdue for row in figures.steps)),
            ),
            unit="văn bản",
            title="Văn bản theo bước",
        ),
    }
    if figures.quarters:
        labels = tuple(row.label for row in figures.quarters)
        charts["spending"] = bar_chart(
            labels=labels,
            series=(
                Series("Chi phí (triệu đồng)", tuple(r.total_cost / 1e6 for r in figures.quarters)),
                Series("Từ chối (triệu đồng)", tuple(r.rejected / 1e6 for r in figures.quarters)),
            ),
            unit="triệu đồng",
            title="Chi phí và từ chối thanh toán theo quý",
        )
        charts["visits"] = bar_chart(
            labels=labels,
            series=(Series("Lượt khám chữa bệnh", tuple(r.visits for r in figures.quarters)),),
            unit="lượt",
            title="Lượt khám chữa bệnh theo quý",
        )
    return charts


def summary_context(*, province: Province | None) -> dict[str, object]:
    figures = summary_figures(province=province)
    return {"figures": figures, "charts": summary_charts(figures)}


def summary_html(*, agency: Agency, province: Province | None) -> str:
    context = {"doc": summary_frame(agency=agency), **summary_context(province=province)}
    return render_to_string("reports/summary.html", context)
