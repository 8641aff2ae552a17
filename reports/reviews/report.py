"""The periodic review of a document's tasks as a Decree 30 report (BÁO CÁO, type BC): what was
done and what is late, per task, with an annex table of addressees × tasks (landscape). The same
snapshot gives the HTML preview and the PDF printed by the worker."""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.utils import formats, timezone, translation

from workflows.directives.results import AddresseeResult, Results, TaskResult, document_results
from workflows.directives.standing import Standing
from workflows.documents.models import Document, DocumentKind
from workflows.documents.models.kinds import PRINTED_TITLE

from ..snapshot import (
    Annex,
    DocumentSnapshot,
    Issuer,
    Paragraph,
    SignatureBlock,
    Table,
    nfc,
    place_and_date,
)

ANNEX_TASK_TITLE = 70


def review_snapshot(
    document: Document, *, starts_on: date, ends_on: date, today: date | None = None
) -> DocumentSnapshot:
    today = today or timezone.localdate()
    agency = document.agency
    with translation.override("vi"):
        results = document_results(document, starts_on=starts_on, ends_on=ends_on, today=today)
        paragraphs = (*_opening(document, results), *_per_task(results), *_late(results))
        return DocumentSnapshot(
            issuers=(_issuer(document),),
            number_line=f"Số:        /BC-{agency.symbol}",
            place_date=place_and_date(nfc(agency.place), today, today.year),
            title="BÁO CÁO",
            subject=nfc(_subject(document, results)),
            is_letter=False,
            paragraphs=tuple(_clean(p) for p in (*paragraphs, *_closing(document))),
            signatures=(_signature(document),),
            recipients=(
                "- Các đơn vị được giao nhiệm vụ;",
                f"- Lưu: VT, {nfc(document.unit.symbol)}.",
            ),
            annexes=(_annex(results),),
            annex_reference=f"(Kèm theo Báo cáo số        /BC-{agency.symbol})",
        )


def _signature(document: Document) -> SignatureBlock:
    """Signed at the level that signed the document (its authority and position), the name
    left for the signer."""
    return SignatureBlock(
        authority=nfc(document.signer_authority.upper()),
        position=nfc(document.signer_position.upper()),
        name="",
    )


def _issuer(document: Document) -> Issuer:
    parent = document.agency.parent
    return Issuer(
        name=nfc(document.agency.name.upper()), parent=nfc(parent.name.upper()) if parent else ""
    )


def _document_name(document: Document) -> str:
    """'Chỉ thị số 25/CT-BYT ngày 21/12/2020', as a sentence names it."""
    kind = PRINTED_TITLE[DocumentKind(document.kind)].capitalize() or "Công văn"
    issued = f" ngày {document.issued_on:%d/%m/%Y}" if document.issued_on else ""
    return f"{kind} số {document.number_symbol}{issued}"


def _in_sentence(subject: str) -> str:
    """'Về việc …' as it reads inside a sentence: 'về việc …'."""
    subject = subject.strip()
    return subject[:1].lower() + subject[1:] if subject.startswith("Về ") else subject


def _span(results: Results) -> str:
    start, end = results.starts_on, results.ends_on
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return f"năm {start.year}"
    return f"từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"


def _subject(document: Document, results: Results) -> str:
    kind = PRINTED_TITLE[DocumentKind(document.kind)].capitalize() or "Công văn"
    return f"Kết quả thực hiện {kind} số {document.number_symbol} {_span(results)}"


def _opening(document: Document, results: Results) -> list[Paragraph]:
    addressees = results.addressee_count
    done = results.count(Standing.DONE)
    going = results.count(Standing.ON_TRACK, Standing.REPORT_DUE)
    late = results.count(Standing.LATE)
    return [
        Paragraph(
            "text",
            f"Thực hiện {_document_name(document)} {_in_sentence(document.subject)}, "
            f"{document.agency.name} báo cáo kết quả thực hiện {_span(results)} như sau:",
        ),
        Paragraph("heading", "I. TÌNH HÌNH CHUNG"),
        Paragraph(
            "text",
            f"Văn bản giao {len(results.tasks)} nhiệm vụ cho {addressees} đơn vị. "
            f"Tính đến ngày {results.as_of:%d/%m/%Y}, trong tổng số {done + going + late} lượt "
            f"nhiệm vụ được giao: {done} lượt đã hoàn thành; {going} lượt đang thực hiện đúng "
            f"tiến độ; {late} lượt chậm thực hiện hoặc chậm báo cáo.",
        ),
    ]


def _per_task(results: Results) -> list[Paragraph]:
    paragraphs = [Paragraph("heading", "II. KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ")]
    for result in results.tasks:
        paragraphs.append(Paragraph("article", _task_text(result), lead=f"{result.task.number}."))
    return paragraphs


def _task_text(result: TaskResult) -> str:
    task = result.task
    going = result.count(Standing.ON_TRACK, Standing.REPORT_DUE)
    text = (
        f"{task.title.strip()} (thời hạn {task.due_on:%d/%m/%Y}, báo cáo "
        f"{task.get_frequency_display().lower()}): giao {len(result.addressees)} đơn vị; "
        f"{result.count(Standing.DONE)} đơn vị đã hoàn thành, {going} đơn vị đang thực hiện, "
        f"{result.count(Standing.LATE)} đơn vị chậm."
    )
    if result.percent_mean is not None:
        text += f" Tỷ lệ hoàn thành bình quân theo báo cáo: {_number(result.percent_mean, 1)}%."
    if task.measure_label and result.quantity_total is not None:
        unit = f" {task.measure_unit}" if task.measure_unit else ""
        text += (
            f" {task.measure_label}: {_number(result.quantity_total, 0)}{unit} "
            f"(tổng số các đơn vị đã báo cáo)."
        )
    return text


def _late(results: Results) -> list[Paragraph]:
    paragraphs = [Paragraph("heading", "III. ĐƠN VỊ CHẬM THỰC HIỆN, CHẬM BÁO CÁO")]
    late = [result for result in results.tasks if result.late]
    if not late:
        return [*paragraphs, Paragraph("text", "Không có đơn vị chậm thực hiện, chậm báo cáo.")]
    for result in late:
        groups = _late_groups(result)
        paragraphs.append(Paragraph("text", f"Nhiệm vụ {result.task.number}: {groups}."))
    return paragraphs


def _late_groups(result: TaskResult) -> str:
    """'chậm 246 ngày: Hà Giang, Cao Bằng; chậm 63 ngày: Nghệ An', the latest first; each
    name carries its agency's kind when the task went to several kinds in a province."""
    mixed = len({addressee.kind for addressee in result.addressees}) > 1
    by_days: dict[int, list[str]] = defaultdict(list)
    for addressee in result.late:
        name = (
            f"{addressee.kind} {addressee.label}" if mixed and addressee.kind else addressee.label
        )
        by_days[addressee.position.days].append(name)
    return "; ".join(
        f"chậm {days} ngày: {', '.join(names)}"
        for days, names in sorted(by_days.items(), reverse=True)
    )


def _closing(document: Document) -> list[Paragraph]:
    return [
        Paragraph("heading", "IV. KIẾN NGHỊ"),
        Paragraph(
            "text",
            "Đề nghị các đơn vị chưa hoàn thành, chậm báo cáo khẩn trương thực hiện các nhiệm vụ "
            f"được giao và báo cáo kết quả về {document.agency.name} (qua {document.unit.name}).",
        ),
        Paragraph("text", "Kết quả thực hiện của từng đơn vị tại Phụ lục kèm theo Báo cáo này."),
    ]


def _annex(results: Results) -> Annex:
    header = ("Địa phương, đơn vị", *(_column(result) for result in results.tasks))
    cells: dict[tuple[int, str], list[AddresseeResult]] = defaultdict(list)
    for result in results.tasks:
        for addressee in result.addressees:
            cells[(result.task.pk, addressee.place)].append(addressee)
    rows = tuple(
        (nfc(place.label), *(_cell(cells[(r.task.pk, place.key)]) for r in results.tasks))
        for place in results.places
    )
    title = f"KẾT QUẢ THỰC HIỆN NHIỆM VỤ CỦA CÁC ĐƠN VỊ (đến ngày {results.as_of:%d/%m/%Y})"
    return Annex(title=title, table=Table(header=header, rows=rows))


def _column(result: TaskResult) -> str:
    title = result.task.title.strip()
    if len(title) > ANNEX_TASK_TITLE:
        title = title[: ANNEX_TASK_TITLE - 1].rstrip() + "…"
    return nfc(f"{result.task.number}. {title}")


def _cell(addressees: list[AddresseeResult]) -> str:
    if not addressees:
        return "—"
    if len(addressees) == 1:
        return _standing(addressees[0])
    return "; ".join(f"{a.kind}: {_standing(a)}" for a in addressees)


def _standing(addressee: AddresseeResult) -> str:
    position = addressee.position
    if position.standing == Standing.DONE:
        return "Hoàn thành"
    if position.standing == Standing.LATE:
        return f"Chậm {position.days} ngày"
    if addressee.percent is not None:
        return f"Đang thực hiện ({addressee.percent}%)"
    return "Đang thực hiện"


def _number(value: Decimal, places: int) -> str:
    """'1.234' or '62,5' (Vietnamese separators), without a trailing ',0'."""
    rounded = round(value, places)
    if rounded == rounded.to_integral_value():
        places = 0
    return formats.number_format(rounded, places, use_l10n=True, force_grouping=True)


def _clean(paragraph: Paragraph) -> Paragraph:
    return Paragraph(paragraph.kind, nfc(paragraph.text), nfc(paragraph.lead))
