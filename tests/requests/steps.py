"""Moving a test request along its lifecycle with the right person at each step."""

from typing import Any

from workflows.requests import services
from workflows.requests.models import CoordinationRequest, RequestState


def raise_request(org: Any, qnam: Any, **fields: Any) -> CoordinationRequest:
    """Quảng Nam's verification officer asks the MoH's health-insurance department."""
    fields.setdefault("subject", "Bệnh viện đa khoa tỉnh khiếu nại số tiền bị từ chối thanh toán")
    fields.setdefault("description", "Đề nghị Vụ Bảo hiểm y tế hướng dẫn áp dụng Thông tư.")
    return services.request_create(
        actor=fields.pop("actor", qnam.officer),
        requester_unit=fields.pop("requester_unit", qnam.unit),
        unit=fields.pop("unit", org.moh_bh),
        **fields,
    )


def act(request: CoordinationRequest, actor: Any, verb: str, **kwargs: Any) -> Any:
    service = getattr(services, f"request_{verb}")
    return service(request=request, actor=actor, expected_revision=request.revision, **kwargs)


def to_state(org: Any, qnam: Any, state: RequestState) -> CoordinationRequest:
    """A request from Quảng Nam, assigned by the MoH unit head to its reviewer, up to ``state``."""
    assign = (org.moh_head, "assign", {"assignee": org.moh_reviewer})
    answer = (org.moh_reviewer, "answer", {"comment": "Trả lời: áp dụng khoản 6 Điều 22."})
    paths = {
        RequestState.SUBMITTED: [],
        RequestState.ASSIGNED: [assign],
        RequestState.WAITING_FOR_REQUESTER: [
            assign,
            (org.moh_reviewer, "ask", {"comment": "Đề nghị gửi số liệu quý IV."}),
        ],
        RequestState.ANSWERED: [assign, answer],
        RequestState.ACCEPTED: [assign, answer, (qnam.officer, "accept", {})],
    }
    request = raise_request(org, qnam)
    for actor, verb, kwargs in paths[state]:
        request = act(request, actor, verb, **kwargs)
    assert request.state == state
    return request
