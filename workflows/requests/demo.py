"""The demo's coordination requests between the provinces and the centre, from the facts in
shared/PRODUCT.md: a hospital's dispute over rejected payments being handled by the MoH, and a
request for figures the VSS is late to answer. Idempotent: a request already there is kept."""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from coordination.organisation.models import Unit
from workflows.documents.models import Document

from . import services
from .models import CoordinationRequest, RequestUrgency


@dataclass(frozen=True)
class DemoRequest:
    requester: str
    from_unit: tuple[str, str]
    to_unit: tuple[str, str]
    subject: str
    description: str
    documents: tuple[str, ...] = ()
    urgency: str = RequestUrgency.NORMAL
    assign: tuple[str, str] | None = None  # the head, and the member they assign it to
    overdue_days: int = 0  # answer due this many days ago


REQUESTS = (
    DemoRequest(
        requester="qnam.verifier",
        from_unit=("bhxh-49", "GĐBHYT"),
        to_unit=("moh", "BH"),
        subject=(
            "Bệnh viện Đa khoa tỉnh Quảng Nam khiếu nại số tiền bị từ chối thanh toán "
            "qua giám định năm 2023"
        ),
        description=(
            "Năm 2023, số tiền từ chối thanh toán qua giám định tại tỉnh Quảng Nam là 10,2 tỷ "
            "đồng. Bệnh viện Đa khoa tỉnh Quảng Nam không đồng ý với một phần số tiền bị từ "
            "chối đối với dịch vụ kỹ thuật thực hiện theo Chỉ thị số 25/CT-BYT.\n"
            "Bảo hiểm xã hội tỉnh Quảng Nam đề nghị Vụ Bảo hiểm y tế hướng dẫn cách áp dụng "
            "để hai bên thống nhất số liệu quyết toán."
        ),
        documents=("25/CT-BYT",),
        urgency=RequestUrgency.URGENT,
        assign=("moh.head", "moh.reviewer"),
    ),
    DemoRequest(
        requester="nghean.verifier",
        from_unit=("bhxh-40", "GĐBHYT"),
        to_unit=("vss", "CSYT"),
        subject="Đề nghị hướng dẫn thanh toán chi phí khám chữa bệnh BHYT vượt dự toán năm",
        description=(
            "Sau 5 tháng, tỉnh Nghệ An đã chi gần 1.600 tỷ đồng cho khám bệnh, chữa bệnh bảo "
            "hiểm y tế, với 2.869.934 người tham gia. Bảo hiểm xã hội tỉnh Nghệ An đề nghị "
            "Ban Thực hiện chính sách bảo hiểm y tế hướng dẫn việc tạm ứng, thanh toán khi chi "
            "vượt dự toán được giao."
        ),
        documents=("4055/BHXH-CSYT",),
        overdue_days=3,
    ),
)


def requests_demo_load() -> str:
    made = sum(_request_upsert(spec) for spec in REQUESTS)
    return f"Requests: {made} demo coordination requests made ({len(REQUESTS)} in the demo)."


def _request_upsert(spec: DemoRequest) -> int:
    if CoordinationRequest.objects.filter(subject=spec.subject).exists():
        return 0
    people = get_user_model().objects
    due_on = timezone.localdate() - timedelta(days=spec.overdue_days) if spec.overdue_days else None
    with transaction.atomic():
        request = services.request_create(
            actor=people.get(username=spec.requester),
            requester_unit=_unit(spec.from_unit),
            unit=_unit(spec.to_unit),
            subject=spec.subject,
            description=spec.description,
            urgency=spec.urgency,
            due_on=due_on,
            documents=Document.objects.filter(number_symbol__in=spec.documents),
        )
        if spec.assign:
            head, member = (people.get(username=name) for name in spec.assign)
            services.request_assign(
                request=request,
                actor=head,
                expected_revision=request.revision,
                assignee=member,
            )
    return 1


def _unit(key: tuple[str, str]) -> Unit:
    return Unit.objects.get(agency__code=key[0], symbol=key[1])
