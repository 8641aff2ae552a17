"""The demo's people and documents, drawn from the facts in shared/PRODUCT.md.

Names are the placeholders Vietnamese templates use (Nguyễn Văn A, Trần Thị B, …): never a real
person's name. Agencies and provinces come from the data files, not from here."""

from dataclasses import dataclass
from datetime import date

from coordination.organisation.models import Authority, Role

STAFF_GROUP = "Staff"


@dataclass(frozen=True)
class DemoPerson:
    username: str
    family_and_middle: str
    given: str
    agency: str
    unit: str
    roles: tuple[Role, ...]
    position: str = ""
    authority: str = ""
    principal_position: str = ""


_DEPUTY_GD = {"authority": Authority.DEPUTY, "principal_position": "Tổng Giám đốc"}
_DEPUTY_MINISTER = {"authority": Authority.DEPUTY, "principal_position": "Bộ trưởng"}
_DEPUTY_DIRECTOR = {"authority": Authority.DEPUTY, "principal_position": "Giám đốc"}

PEOPLE = (
    DemoPerson("vss.drafter", "Nguyễn Văn", "A", "vss", "CSYT", (Role.DRAFTER,), "Chuyên viên"),
    DemoPerson(
        "vss.reviewer", "Trần Thị", "B", "vss", "CSYT", (Role.REVIEWER,), "Chuyên viên chính"
    ),
    DemoPerson("vss.head", "Lê Văn", "C", "vss", "CSYT", (Role.UNIT_HEAD,), "Trưởng ban"),
    DemoPerson("vss.legal", "Phạm Thị", "D", "vss", "PC", (Role.LEGAL,), "Vụ trưởng"),
    DemoPerson(
        "vss.signer",
        "Hoàng Văn",
        "E",
        "vss",
        "LĐ",
        (Role.SIGNER,),
        "Phó Tổng Giám đốc",
        **_DEPUTY_GD,
    ),
    DemoPerson("vss.clerk", "Vũ Thị", "G", "vss", "VP", (Role.CLERK,), "Văn thư"),
    DemoPerson("moh.drafter", "Đặng Văn", "H", "moh", "BH", (Role.DRAFTER,), "Chuyên viên"),
    DemoPerson("moh.reviewer", "Bùi Thị", "K", "moh", "BH", (Role.REVIEWER,), "Chuyên viên chính"),
    DemoPerson("moh.head", "Đỗ Văn", "L", "moh", "BH", (Role.UNIT_HEAD,), "Vụ trưởng"),
    DemoPerson("moh.legal", "Hồ Thị", "M", "moh", "PC", (Role.LEGAL,), "Vụ trưởng"),
    DemoPerson(
        "moh.signer", "Ngô Văn", "N", "moh", "LĐB", (Role.SIGNER,), "Thứ trưởng", **_DEPUTY_MINISTER
    ),
    DemoPerson("moh.clerk", "Dương Thị", "P", "moh", "VPB", (Role.CLERK,), "Văn thư"),
    DemoPerson("moh.kcb", "Quách Văn", "I", "moh", "KCB", (Role.UNIT_HEAD,), "Phó Cục trưởng"),
    DemoPerson("qnam.reader", "Lý Văn", "Q", "bhxh-49", "VP", (Role.PROVINCIAL_READER,)),
    DemoPerson(
        "qnam.verifier",
        "Mai Thị",
        "R",
        "bhxh-49",
        "GĐBHYT",
        (Role.VERIFICATION_OFFICER, Role.DRAFTER),
        "Giám định viên",
    ),
    DemoPerson(
        "qnam.head", "Trịnh Văn", "S", "bhxh-49", "GĐBHYT", (Role.UNIT_HEAD,), "Trưởng phòng"
    ),
    DemoPerson(
        "qnam.signer",
        "Đinh Thị",
        "T",
        "bhxh-49",
        "BGĐ",
        (Role.SIGNER,),
        "Phó Giám đốc",
        **_DEPUTY_DIRECTOR,
    ),
    DemoPerson("qnam.clerk", "Lâm Văn", "U", "bhxh-49", "VP", (Role.CLERK,), "Văn thư"),
    DemoPerson("nghean.reader", "Tạ Thị", "V", "bhxh-40", "VP", (Role.PROVINCIAL_READER,)),
    DemoPerson(
        "nghean.verifier",
        "Cao Văn",
        "X",
        "bhxh-40",
        "GĐBHYT",
        (Role.VERIFICATION_OFFICER, Role.DRAFTER),
        "Giám định viên",
    ),
    DemoPerson(
        "nghean.head", "Kiều Thị", "Y", "bhxh-40", "GĐBHYT", (Role.UNIT_HEAD,), "Trưởng phòng"
    ),
    DemoPerson(
        "nghean.signer",
        "Phan Văn",
        "Z",
        "bhxh-40",
        "BGĐ",
        (Role.SIGNER,),
        "Phó Giám đốc",
        **_DEPUTY_DIRECTOR,
    ),
    DemoPerson("nghean.clerk", "Lương Thị", "Đ", "bhxh-40", "VP", (Role.CLERK,), "Văn thư"),
    DemoPerson("admin", "Quản trị", "Hệ thống", "vss", "VP", (Role.ADMINISTRATOR,)),
)


@dataclass(frozen=True)
class RecordedDocument:
    """A real document named in the background articles, entered as issued before the system.
    Numbers and subjects are the articles'; dates and bodies are illustrative."""

    agency: str
    unit: str
    kind: str
    number: int
    issued_on: date
    subject: str
    body: str
    signer: str
    signer_position: str
    signer_authority: str = ""
    addressees: str = ""


RECORDED = (
    RecordedDocument(
        agency="moh",
        unit="KCB",
        kind="directive",
        number=25,
        issued_on=date(2020, 12, 21),
        subject=(
            "Về việc tiếp tục tăng cường công tác quản lý và nâng cao chất lượng khám bệnh, "
            "chữa bệnh bảo hiểm y tế"
        ),
        body=(
            "Để cụ thể hóa và tổ chức thực hiện quy định tại khoản 6 Điều 22 Luật Bảo hiểm y tế, "
            "Bộ trưởng Bộ Y tế chỉ thị các cơ sở khám bệnh, chữa bệnh thực hiện các nội dung sau:\n"
            "1. Nâng cao chất lượng khám bệnh, chữa bệnh bảo hiểm y tế, bảo đảm quyền lợi của "
            "người tham gia bảo hiểm y tế.\n"
            "2. Tăng cường quản lý, sử dụng hiệu quả quỹ bảo hiểm y tế; không để xảy ra tình "
            "trạng lạm dụng, trục lợi quỹ.\n"
            "3. Phối hợp chặt chẽ với cơ quan bảo hiểm xã hội trong công tác giám định, thanh "
            "toán chi phí khám bệnh, chữa bệnh bảo hiểm y tế."
        ),
        signer="Ngô Văn N",
        signer_position="Thứ trưởng",
        signer_authority="KT. Bộ trưởng",
    ),
    RecordedDocument(
        agency="vss",
        unit="CSYT",
        kind="official_letter",
        number=4055,
        issued_on=date(2020, 12, 29),
        subject="Về việc thực hiện khoản 6 Điều 22 Luật Bảo hiểm y tế",
        body=(
            "Thực hiện quy định tại khoản 6 Điều 22 Luật Bảo hiểm y tế, Bảo hiểm xã hội Việt Nam "
            "đề nghị Bảo hiểm xã hội các tỉnh, thành phố trực thuộc Trung ương hướng dẫn các cơ "
            "sở khám bệnh, chữa bệnh trên địa bàn thực hiện thống nhất.\n"
            "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị phản ánh kịp thời về Bảo hiểm "
            "xã hội Việt Nam (qua Ban Thực hiện chính sách bảo hiểm y tế) để được hướng dẫn."
        ),
        signer="Hoàng Văn E",
        signer_position="Phó Tổng Giám đốc",
        signer_authority="KT. Tổng Giám đốc",
        addressees="Bảo hiểm xã hội các tỉnh, thành phố trực thuộc Trung ương",
    ),
    RecordedDocument(
        agency="bhxh-40",
        unit="GĐBHYT",
        kind="official_letter",
        number=335,
        issued_on=date(2021, 3, 5),
        subject="Về việc hướng dẫn một số nội dung tại Điều 22 Luật Bảo hiểm y tế",
        body=(
            "Thực hiện Công văn số 4055/BHXH-CSYT của Bảo hiểm xã hội Việt Nam, Bảo hiểm xã hội "
            "tỉnh Nghệ An hướng dẫn các cơ sở khám bệnh, chữa bệnh bảo hiểm y tế trên địa bàn "
            "tỉnh một số nội dung sau.\n"
            "Đề nghị các cơ sở khám bệnh, chữa bệnh phối hợp thực hiện."
        ),
        signer="Phan Văn Z",
        signer_position="Phó Giám đốc",
        signer_authority="KT. Giám đốc",
        addressees="Các cơ sở khám bệnh, chữa bệnh bảo hiểm y tế trên địa bàn tỉnh Nghệ An",
    ),
)


@dataclass(frozen=True)
class DraftDocument:
    """A current-year document taken by the demo's people as far as ``steps`` say."""

    agency: str
    unit: str
    kind: str
    subject: str
    body: str
    addressees: str
    steps: tuple[tuple[str, ...], ...]
    counterpart: tuple[str, str] | None = None  # the other agency's code and unit symbol


_TO_PROVINCES = "Bảo hiểm xã hội các tỉnh, thành phố trực thuộc Trung ương"

DRAFTS = (
    DraftDocument(
        agency="vss",
        unit="CSYT",
        kind="official_letter",
        subject=(
            "Về việc gửi văn bản cảnh báo cơ sở khám bệnh, chữa bệnh có chi phí tăng bất thường"
        ),
        body=(
            "Năm 2023, chi khám bệnh, chữa bệnh bảo hiểm y tế tại một số địa phương vượt dự toán "
            "được giao; tại tỉnh Quảng Nam, chi phí tăng 10,35% trong khi số lượt khám chỉ tăng "
            "2,95% so với năm 2022.\n"
            "Bảo hiểm xã hội Việt Nam đề nghị Bảo hiểm xã hội các tỉnh rà soát, gửi văn bản "
            "cảnh báo hằng quý tới các cơ sở có chi phí tăng bất thường theo Quy trình số "
            "3618/QĐ-BHXH."
        ),
        addressees=_TO_PROVINCES,
        steps=(),
    ),
    DraftDocument(
        agency="vss",
        unit="CSYT",
        kind="official_letter",
        subject="Về việc đẩy mạnh phát triển người tham gia bảo hiểm y tế",
        body=(
            "Đến hết năm 2023, toàn quốc có 93,307 triệu người tham gia bảo hiểm y tế, đạt tỷ lệ "
            "bao phủ 93,35% dân số. Chỉ tiêu năm 2024 là 95,15%, tiến tới 95% năm 2025 theo "
            "Nghị quyết số 20-NQ/TW.\n"
            "Đề nghị Bảo hiểm xã hội các tỉnh xây dựng kế hoạch phát triển người tham gia, "
            "báo cáo kết quả về Bảo hiểm xã hội Việt Nam trước ngày 15 hằng tháng."
        ),
        addressees=_TO_PROVINCES,
        steps=(("vss.drafter", "submit"),),
    ),
    DraftDocument(
        agency="vss",
        unit="CSYT",
        kind="official_letter",
        subject="Về việc phối hợp giải quyết vướng mắc trong thanh toán chi phí khám chữa bệnh",
        body=(
            "Năm 2023, tại tỉnh Quảng Nam, số tiền từ chối thanh toán qua giám định là 10,2 tỷ "
            "đồng; chi khám bệnh, chữa bệnh vượt 7,2% dự toán được giao.\n"
            "Bảo hiểm xã hội Việt Nam đề nghị Bộ Y tế phối hợp hướng dẫn các cơ sở khám bệnh, "
            "chữa bệnh thực hiện thống nhất."
        ),
        addressees="Bộ Y tế",
        steps=(("vss.drafter", "submit"), ("vss.head", "approve")),
        counterpart=("moh", "BH"),
    ),
    DraftDocument(
        agency="vss",
        unit="CSYT",
        kind="official_letter",
        subject="Về việc báo cáo kết quả giám định chi phí khám bệnh, chữa bệnh quý IV năm 2023",
        body=(
            "Năm 2023, tại tỉnh Quảng Nam, số tiền từ chối thanh toán qua giám định là 10,2 tỷ "
            "đồng.\n"
            "Bảo hiểm xã hội Việt Nam đề nghị Bảo hiểm xã hội các tỉnh báo cáo kết quả giám định "
            "quý IV năm 2023 theo Quy trình số 3618/QĐ-BHXH."
        ),
        addressees=_TO_PROVINCES,
        steps=(("vss.drafter", "submit"), ("vss.head", "approve")),
    ),
    DraftDocument(
        agency="moh",
        unit="BH",
        kind="joint_circular",
        subject=(
            "Hướng dẫn thanh toán chi phí khám bệnh, chữa bệnh bảo hiểm y tế giữa các cơ sở "
            "khám bệnh, chữa bệnh"
        ),
        body=(
            "Căn cứ Luật Bảo hiểm y tế số 25/2008/QH12, được sửa đổi, bổ sung bởi Luật số "
            "46/2014/QH13;\n"
            "Bộ trưởng Bộ Y tế và Tổng Giám đốc Bảo hiểm xã hội Việt Nam ban hành Thông tư liên "
            "tịch hướng dẫn thanh toán chi phí khám bệnh, chữa bệnh bảo hiểm y tế.\n"
            "Điều 1. Phạm vi điều chỉnh\n"
            "Thông tư liên tịch này hướng dẫn thanh toán chi phí khám bệnh, chữa bệnh bảo hiểm y "
            "tế khi người bệnh được chuyển tuyến giữa các cơ sở khám bệnh, chữa bệnh."
        ),
        addressees="",
        steps=(
            ("moh.drafter", "submit"),
            ("moh.head", "approve"),
            ("moh.legal", "appraise"),
        ),
        counterpart=("vss", "CSYT"),
    ),
    DraftDocument(
        agency="vss",
        unit="CSYT",
        kind="directive",
        subject="Về việc tăng cường kiểm soát chi phí khám bệnh, chữa bệnh bảo hiểm y tế",
        body=(
            "Năm 2023, quỹ bảo hiểm y tế chi khoảng 124,3 nghìn tỷ đồng cho 174,8 triệu lượt khám "
            "bệnh, chữa bệnh, tăng 23,4 triệu lượt so với năm 2022.\n"
            "Để bảo đảm cân đối quỹ, Tổng Giám đốc yêu cầu Bảo hiểm xã hội các tỉnh tăng cường "
            "giám định, cảnh báo kịp thời các cơ sở có chi phí tăng bất thường."
        ),
        addressees="",
        steps=(
            ("vss.drafter", "submit"),
            ("vss.head", "return", "Bổ sung số liệu chi năm 2023 và căn cứ Quy trình 3618."),
            ("vss.drafter", "edit", "Thực hiện Quy trình giám định số 3618/QĐ-BHXH."),
            ("vss.drafter", "submit"),
            ("vss.head", "approve"),
        ),
    ),
    DraftDocument(
        agency="moh",
        unit="BH",
        kind="plan",
        subject="Triển khai Quy chế phối hợp giữa Bộ Y tế và Bảo hiểm xã hội Việt Nam",
        body=(
            "Thực hiện Quy chế phối hợp giữa Bộ Y tế và Bảo hiểm xã hội Việt Nam trong xây dựng "
            "và tổ chức thực hiện chính sách bảo hiểm y tế, Bộ Y tế ban hành Kế hoạch triển khai.\n"
            "Hai bên thường xuyên cung cấp, trao đổi thông tin và phối hợp xử lý vướng mắc phát "
            "sinh tại các địa phương."
        ),
        addressees="",
        steps=(
            ("moh.drafter", "submit"),
            ("moh.head", "approve"),
            ("moh.signer", "sign"),
            ("moh.clerk", "issue"),
        ),
    ),
)
