"""The quarterly warning letter from a provincial Social Security office to a health facility
whose insurance costs rise abnormally (Procedure No. 3618/QĐ-BHXH)."""

from dataclasses import dataclass
from datetime import date

from ..snapshot import (
    DocumentSnapshot,
    Issuer,
    Paragraph,
    SignatureBlock,
    Table,
    nfc,
    place_and_date,
)


@dataclass(frozen=True)
class FacilityFigures:
    label: str
    this_quarter: str
    same_quarter_last_year: str
    change: str


@dataclass(frozen=True)
class WarningLetter:
    """Plain data of one letter; the cost-surveillance side fills it from its warning run."""

    parent_agency: str
    agency: str
    place: str
    unit_symbol: str
    number_symbol: str
    issued_on: date | None
    quarter: str
    facility_name: str
    figures: tuple[FacilityFigures, ...]
    reasons: tuple[str, ...]
    reply_by: str
    signer_authority: str
    signer_position: str
    signer_name: str


def warning_letter_subject(quarter: str) -> str:
    """'Về việc …' of the letters of a quarter (``quarter`` as 'IV/2023')."""
    return (
        f"Về việc cảnh báo chi phí khám bệnh, chữa bệnh bảo hiểm y tế tăng bất thường quý {quarter}"
    )


def warning_letter_snapshot(letter: WarningLetter) -> DocumentSnapshot:
    year = letter.issued_on.year if letter.issued_on else int(letter.quarter[-4:])
    return DocumentSnapshot(
        issuers=(
            Issuer(name=nfc(letter.agency.upper()), parent=nfc(letter.parent_agency.upper())),
        ),
        number_line=f"Số: {letter.number_symbol}",
        place_date=place_and_date(nfc(letter.place), letter.issued_on, year),
        title="",
        subject=nfc(warning_letter_subject(letter.quarter)),
        is_letter=True,
        paragraphs=_paragraphs(letter),
        signatures=(
            SignatureBlock(
                authority=nfc(letter.signer_authority.upper()),
                position=nfc(letter.signer_position.upper()),
                name=nfc(letter.signer_name),
            ),
        ),
        recipients=("- Như trên;", "- Sở Y tế (để phối hợp);", f"- Lưu: VT, {letter.unit_symbol}."),
        addressees=(nfc(letter.facility_name),),
        figures=Table(
            header=("Chỉ tiêu", f"Quý {letter.quarter}", "Cùng kỳ năm trước", "Tăng/giảm"),
            rows=tuple(
                (nfc(f.label), f.this_quarter, f.same_quarter_last_year, f.change)
                for f in letter.figures
            ),
            caption="Một số chỉ tiêu chi phí khám bệnh, chữa bệnh bảo hiểm y tế",
        ),
    )


def _paragraphs(letter: WarningLetter) -> tuple[Paragraph, ...]:
    opening = (
        f"Thực hiện Quy trình giám định bảo hiểm y tế ban hành kèm theo Quyết định số "
        f"3618/QĐ-BHXH, qua phân tích dữ liệu đề nghị thanh toán quý {letter.quarter}, "
        f"{nfc(letter.agency)} nhận thấy chi phí khám bệnh, chữa bệnh bảo hiểm y tế tại "
        f"{nfc(letter.facility_name)} có dấu hiệu gia tăng bất thường, cụ thể:"
    )
    reasons = [Paragraph("text", f"- {nfc(reason)}") for reason in letter.reasons]
    closing = (
        f"Đề nghị {nfc(letter.facility_name)} rà soát nguyên nhân, chấn chỉnh việc chỉ định "
        f"dịch vụ, thuốc, vật tư y tế và gửi văn bản giải trình về {nfc(letter.agency)} "
        f"trước ngày {letter.reply_by}."
    )
    return (Paragraph("text", opening), *reasons, Paragraph("text", closing))
