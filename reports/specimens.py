"""One specimen of each printed document type, with fixed dates and the demo's facts: the
reference pages of the golden tests, the benchmark's input and `manage.py print_specimens`."""

from datetime import date

from .letters.body import body_paragraphs
from .letters.warning import FacilityFigures, WarningLetter, warning_letter_snapshot
from .snapshot import Annex, DocumentSnapshot, Issuer, SignatureBlock, Table, place_and_date

VSS = Issuer(name="BẢO HIỂM XÃ HỘI VIỆT NAM")
MOH = Issuer(name="BỘ Y TẾ")
DAY = date(2026, 1, 5)
PROVINCES = "- Bảo hiểm xã hội các tỉnh, thành phố trực thuộc Trung ương;"
VSS_SIGNER = SignatureBlock("KT. TỔNG GIÁM ĐỐC", "PHÓ TỔNG GIÁM ĐỐC", "Hoàng Văn E")
MOH_SIGNER = SignatureBlock("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Ngô Văn N")

_DECISION_BODY = """TỔNG GIÁM ĐỐC BẢO HIỂM XÃ HỘI VIỆT NAM
Căn cứ Luật Bảo hiểm y tế ngày 14 tháng 11 năm 2008, được sửa đổi, bổ sung một số điều theo Luật số 46/2014/QH13;
Căn cứ Nghị định số 89/2020/NĐ-CP quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bảo hiểm xã hội Việt Nam;
Theo đề nghị của Trưởng Ban Thực hiện chính sách bảo hiểm y tế.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy trình giám định bảo hiểm y tế.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
Điều 3. Chánh Văn phòng, Trưởng Ban Thực hiện chính sách bảo hiểm y tế, Giám đốc Bảo hiểm xã hội các tỉnh, thành phố trực thuộc Trung ương chịu trách nhiệm thi hành Quyết định này."""

_REGULATION_BODY = """Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định nguyên tắc, nội dung và trách nhiệm phối hợp giữa Bộ Y tế và Bảo hiểm xã hội Việt Nam trong xây dựng và tổ chức thực hiện chính sách bảo hiểm y tế.
Điều 2. Nguyên tắc phối hợp
Hai bên thường xuyên cung cấp, trao đổi thông tin; phối hợp xử lý kịp thời các vướng mắc phát sinh tại địa phương.
Chương II
NỘI DUNG PHỐI HỢP
Điều 3. Phối hợp xây dựng văn bản quy phạm pháp luật
Hai bên phối hợp soạn thảo, góp ý các văn bản hướng dẫn thực hiện Luật Bảo hiểm y tế."""

_PLAN_BODY = """I. MỤC ĐÍCH, YÊU CẦU
Phấn đấu đạt tỷ lệ bao phủ bảo hiểm y tế 95,15% dân số năm 2024, tiến tới 95% năm 2025 theo Nghị quyết số 20-NQ/TW.
II. NỘI DUNG
1. Đẩy mạnh tuyên truyền, phát triển người tham gia bảo hiểm y tế hộ gia đình.
2. Phối hợp với ngành y tế nâng cao chất lượng khám bệnh, chữa bệnh bảo hiểm y tế."""

_REPORT_BODY = """Đến hết năm 2023, toàn quốc có 93,307 triệu người tham gia bảo hiểm y tế, đạt tỷ lệ bao phủ 93,35% dân số; có 174,8 triệu lượt khám bệnh, chữa bệnh bảo hiểm y tế, tăng 23,4 triệu lượt so với năm 2022; chi khám bệnh, chữa bệnh khoảng 124,3 nghìn tỷ đồng.
Năm 2008, cả nước mới có 39,7 triệu người tham gia, đạt 46,1% dân số."""


def _snapshot(
    title: str, number: str, subject: str, body: str, **extra: object
) -> DocumentSnapshot:
    fields: dict = {
        "issuers": (VSS,),
        "number_line": f"Số: {number}",
        "place_date": place_and_date("Hà Nội", DAY, DAY.year),
        "title": title,
        "subject": subject,
        "is_letter": title == "",
        "paragraphs": body_paragraphs(body),
        "signatures": (VSS_SIGNER,),
        "recipients": ("- Như trên;", "- Bộ Y tế (để phối hợp);", "- Lưu: VT, CSYT."),
    }
    fields.update(extra)
    return DocumentSnapshot(**fields)


def specimen_warning_letter() -> DocumentSnapshot:
    return warning_letter_snapshot(
        WarningLetter(
            parent_agency="Bảo hiểm xã hội Việt Nam",
            agency="Bảo hiểm xã hội tỉnh Quảng Nam",
            place="Quảng Nam",
            unit_symbol="GĐBHYT",
            number_symbol="12/BHXH-GĐBHYT",
            issued_on=DAY,
            quarter="IV/2025",
            facility_name="Trung tâm Y tế huyện Thăng Bình",
            figures=(
                FacilityFigures("Tổng chi phí (đồng)", "8.412.550.000", "7.623.100.000", "+10,35%"),
                FacilityFigures("Số lượt khám, chữa bệnh", "41.230", "40.050", "+2,95%"),
                FacilityFigures(
                    "Chi phí bình quân một lượt (đồng)", "204.040", "190.340", "+7,20%"
                ),
            ),
            reasons=(
                "Tổng chi phí tăng 10,35% so với cùng kỳ năm trước, vượt ngưỡng cảnh báo 10%.",
                "Chi phí bình quân một lượt khám cao hơn 1,8 lần trung vị các cơ sở cùng tuyến.",
            ),
            reply_by="20/01/2026",
            signer_authority="KT. Giám đốc",
            signer_position="Phó Giám đốc",
            signer_name="Đinh Thị T",
        )
    )


def specimens() -> dict[str, DocumentSnapshot]:
    annex = Annex(
        title="Tỷ lệ bao phủ bảo hiểm y tế năm 2023",
        table=Table(
            header=("Địa phương", "Người tham gia", "Đạt kế hoạch", "Tỷ lệ bao phủ"),
            rows=(
                ("Toàn quốc", "93.307.000", "—", "93,35%"),
                ("Quảng Nam", "1.477.179", "100,32%", "96,80%"),
                ("Nghệ An (06/2021)", "2.869.934", "97,61%", "—"),
            ),
        ),
    )
    return {
        "official_letter": _snapshot(
            "",
            "4055/BHXH-CSYT",
            "Về việc thực hiện khoản 6 Điều 22 Luật Bảo hiểm y tế",
            "Thực hiện khoản 6 Điều 22 Luật Bảo hiểm y tế, Bảo hiểm xã hội Việt Nam đề nghị "
            "Bảo hiểm xã hội các tỉnh hướng dẫn các cơ sở khám bệnh, chữa bệnh thực hiện.",
            addressees=("Bảo hiểm xã hội các tỉnh, thành phố trực thuộc Trung ương",),
            urgency="KHẨN",
        ),
        "directive": _snapshot(
            "CHỈ THỊ",
            "25/CT-BYT",
            "Về việc tiếp tục tăng cường công tác quản lý và nâng cao chất lượng khám bệnh, "
            "chữa bệnh bảo hiểm y tế",
            "Để nâng cao chất lượng khám bệnh, chữa bệnh bảo hiểm y tế, Bộ trưởng Bộ Y tế chỉ thị:\n"
            "1. Các cơ sở khám bệnh, chữa bệnh bảo đảm quyền lợi người tham gia bảo hiểm y tế.",
            issuers=(MOH,),
            signatures=(MOH_SIGNER,),
            recipients=(
                "- Các Thứ trưởng (để chỉ đạo);",
                "- Các Vụ, Cục thuộc Bộ Y tế;",
                "- Sở Y tế các tỉnh, thành phố trực thuộc Trung ương;",
                "- Bảo hiểm xã hội Việt Nam (để phối hợp);",
                "- Lưu: VT, BH.",
            ),
        ),
        "decision": _snapshot(
            "QUYẾT ĐỊNH",
            "3618/QĐ-BHXH",
            "Ban hành Quy trình giám định bảo hiểm y tế",
            _DECISION_BODY,
            signatures=(SignatureBlock("", "TỔNG GIÁM ĐỐC", "Nguyễn Văn A"),),
            recipients=("- Như Điều 3;", "- Bộ Y tế (để phối hợp);", "- Lưu: VT, CSYT."),
        ),
        "plan": _snapshot(
            "KẾ HOẠCH",
            "47/KH-BCĐ",
            "Phát triển người tham gia bảo hiểm y tế năm 2024",
            _PLAN_BODY,
            recipients=(PROVINCES, "- Lưu: VT, CSYT."),
        ),
        "report": _snapshot(
            "BÁO CÁO",
            "15/BC-BHXH",
            "Kết quả thực hiện chính sách bảo hiểm y tế năm 2023",
            _REPORT_BODY,
            annexes=(annex,),
            recipients=("- Bộ Y tế;", PROVINCES, "- Lưu: VT, CSYT."),
            annex_reference="Phụ lục kèm theo Báo cáo số 15/BC-BHXH, ký lúc 2026-01-05T09:30:00+07:00",
        ),
        "regulation": _snapshot(
            "QUY CHẾ",
            "01/QC-BYT-BHXH",
            "Phối hợp giữa Bộ Y tế và Bảo hiểm xã hội Việt Nam",
            _REGULATION_BODY,
            recipients=("- Các đơn vị thuộc Bộ Y tế;", PROVINCES, "- Lưu: VT, CSYT."),
        ),
        "joint_circular": _snapshot(
            "THÔNG TƯ LIÊN TỊCH",
            "15/2026/TTLT-BYT-BHXH",
            "Hướng dẫn thanh toán chi phí khám bệnh, chữa bệnh bảo hiểm y tế",
            "Căn cứ Luật Bảo hiểm y tế;\nBộ trưởng Bộ Y tế và Tổng Giám đốc Bảo hiểm xã hội Việt "
            "Nam ban hành Thông tư liên tịch hướng dẫn thanh toán.\nĐiều 1. Phạm vi điều chỉnh",
            issuers=(MOH, VSS),
            recipients=(
                "- Văn phòng Chính phủ;",
                "- Sở Y tế các tỉnh, thành phố trực thuộc Trung ương;",
                PROVINCES,
                "- Lưu: VT Bộ Y tế, VT Bảo hiểm xã hội Việt Nam.",
            ),
            signatures=(
                SignatureBlock(
                    "KT. TỔNG GIÁM ĐỐC",
                    "PHÓ TỔNG GIÁM ĐỐC",
                    "Hoàng Văn E",
                    agency="BẢO HIỂM XÃ HỘI VIỆT NAM",
                    anchor="signature-2",
                ),
                SignatureBlock(
                    "KT. BỘ TRƯỞNG",
                    "THỨ TRƯỞNG",
                    "Ngô Văn N",
                    agency="BỘ Y TẾ",
                    anchor="signature-1",
                ),
            ),
        ),
        "warning_letter": specimen_warning_letter(),
    }
