"""The demo's question from a province, answered and published as a frequent question: Quảng Nam's
office asks about 4055/BHXH-CSYT on its page, VSS's CSYT unit answers, the office accepts and the
unit head publishes it. Also each central agency's question desk. Idempotent."""

from django.contrib.auth import get_user_model
from django.db import transaction

from coordination.organisation.models import Agency, Unit
from workflows.requests import services as request_services

from ..models import DocumentPage, Question, QuestionDesk
from ..questions import question_ask
from . import services

DESKS = {"vss": "CSYT", "moh": "BH"}
NUMBER = "4055/BHXH-CSYT"
ASKED = (
    "Đề nghị hướng dẫn: từ ngày 01/01/2021, người có thẻ bảo hiểm y tế tự đến điều trị nội trú "
    "tại bệnh viện tuyến tỉnh, không có giấy chuyển tuyến, thì cơ sở khám chữa bệnh đề nghị "
    "thanh toán theo mức hưởng đúng tuyến hay trái tuyến? Bệnh viện Đa khoa tỉnh Quảng Nam "
    "đang đề nghị thanh toán 100% theo mức hưởng."
)
ANSWERED = (
    "Theo khoản 6 Điều 22 Luật Bảo hiểm y tế, từ ngày 01/01/2021 quỹ bảo hiểm y tế thanh toán "
    "chi phí điều trị nội trú theo phạm vi quyền lợi và mức hưởng như trường hợp đúng tuyến "
    "cho người tự đi khám bệnh, chữa bệnh không đúng tuyến tại cơ sở tuyến tỉnh trong phạm vi "
    "cả nước; không yêu cầu giấy chuyển tuyến. Đề nghị Bảo hiểm xã hội tỉnh hướng dẫn Bệnh "
    "viện thực hiện theo Công văn số 4055/BHXH-CSYT."
)
PUBLIC_QUESTION = (
    "Người tham gia bảo hiểm y tế tự đến điều trị nội trú tại bệnh viện tuyến tỉnh, không có "
    "giấy chuyển tuyến, có được quỹ bảo hiểm y tế thanh toán như đúng tuyến không?"
)
PUBLIC_ANSWER = (
    "Có. Từ ngày 01/01/2021, theo khoản 6 Điều 22 Luật Bảo hiểm y tế, quỹ bảo hiểm y tế "
    "thanh toán chi phí điều trị nội trú theo phạm vi quyền lợi và mức hưởng như trường hợp "
    "đúng tuyến khi người bệnh tự đến cơ sở khám bệnh, chữa bệnh tuyến tỉnh trong phạm vi cả "
    "nước, không cần giấy chuyển tuyến.\n"
    "Chi phí khám bệnh ngoại trú trái tuyến tại tuyến tỉnh không thuộc trường hợp này."
)


def faq_demo_load() -> int:
    """The question desks, then the published question; returns how many entries were made."""
    for agency, unit in DESKS.items():
        QuestionDesk.objects.get_or_create(
            agency=Agency.objects.get(code=agency),
            defaults={"unit": Unit.objects.get(agency__code=agency, symbol=unit)},
        )
    page = DocumentPage.objects.live().filter(number_symbol=NUMBER).first()
    if page is None or Question.objects.filter(page=page).exists():
        return 0
    with transaction.atomic():
        _ask_answer_publish(page)
    return 1


def _ask_answer_publish(page: DocumentPage) -> None:
    names = ("qnam.reader", "vss.head", "vss.reviewer")
    people = {p.username: p for p in get_user_model().objects.filter(username__in=names)}
    request = question_ask(page=page, actor=people["qnam.reader"], text=ASKED).request
    steps = (
        ("vss.head", request_services.request_assign, {"assignee": people["vss.reviewer"]}),
        ("vss.reviewer", request_services.request_answer, {"comment": ANSWERED}),
        ("qnam.reader", request_services.request_accept, {}),
    )
    for username, service, extra in steps:
        request = service(
            request=request, actor=people[username], expected_revision=request.revision, **extra
        )
    services.faq_publish(
        request=request,
        actor=people["vss.head"],
        expected_revision=request.revision,
        question=PUBLIC_QUESTION,
        answer=PUBLIC_ANSWER,
        pages=[page],
    )
