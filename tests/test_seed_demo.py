"""`manage.py seed_demo` builds the demo from PRODUCT.md's facts and is idempotent."""

import re
from io import StringIO

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.models import Page

from coordination.organisation.models import Agency, Facility, Membership, Province, Role, Unit
from coordination.portal.models import FaqEntry, FaqEvent, FaqState, Question, QuestionDesk
from workflows.documents.models import Document, DocumentEvent, DocumentState
from workflows.requests.models import CoordinationRequest, RequestEvent, RequestState

pytestmark = pytest.mark.django_db(transaction=True)

CENTRAL_ROLES = {
    Role.DRAFTER,
    Role.REVIEWER,
    Role.UNIT_HEAD,
    Role.LEGAL,
    Role.SIGNER,
    Role.CLERK,
}
PROVINCIAL_ROLES = {
    Role.PROVINCIAL_READER,
    Role.VERIFICATION_OFFICER,
    Role.UNIT_HEAD,
    Role.SIGNER,
    Role.CLERK,
}
# A family name, Văn or Thị, and one capital letter: the placeholders of Vietnamese templates.
PLACEHOLDER_NAME = re.compile(r"^\w+ (Văn|Thị) [A-ZĐ]$")
ADMINISTRATOR_NAME = "Quản trị Hệ thống"


def _seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def _counts() -> dict[str, int]:
    models = (
        get_user_model(),
        Group,
        Membership,
        Province,
        Agency,
        Unit,
        Facility,
        Document,
        DocumentEvent,
        Page,
        CoordinationRequest,
        RequestEvent,
        Question,
        QuestionDesk,
        FaqEntry,
        FaqEvent,
    )
    return {model.__name__: model.objects.count() for model in models}


def test_seed_demo_twice_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The second run adds no row, and a changed DEMO_PASSWORD does not reset passwords."""
    _seed()
    first = _counts()
    monkeypatch.setenv("DEMO_PASSWORD", "another-password")
    second_output = _seed()
    assert _counts() == first
    assert "0 recorded and 0 new documents" in second_output
    assert get_user_model().objects.get(username="vss.drafter").check_password("demo-2026")


def test_every_role_exists_in_both_centres_and_both_provinces() -> None:
    _seed()

    def roles_of(agency_code: str) -> set[str]:
        return set(
            Membership.objects.filter(unit__agency__code=agency_code).values_list("role", flat=True)
        )

    assert roles_of("vss") >= CENTRAL_ROLES
    assert roles_of("moh") >= CENTRAL_ROLES
    assert roles_of("bhxh-49") >= PROVINCIAL_ROLES
    assert roles_of("bhxh-40") >= PROVINCIAL_ROLES
    assert get_user_model().objects.get(username="admin").is_superuser
    signer = Membership.objects.get(user__username="vss.signer", role=Role.SIGNER)
    assert (signer.unit.symbol, signer.position, signer.authority, signer.principal_position) == (
        "LĐ",
        "Phó Tổng Giám đốc",
        "KT.",
        "Tổng Giám đốc",
    )


def test_every_demo_user_may_open_the_admin() -> None:
    _seed()
    for user in get_user_model().objects.all():
        assert user.has_perm("wagtailadmin.access_admin"), user.username


def test_the_real_examples_are_issued_and_the_drafts_are_in_several_states() -> None:
    output = _seed()
    numbers = set(Document.objects.values_list("number_symbol", flat=True))
    assert {"25/CT-BYT", "4055/BHXH-CSYT", "335/BHXH-GĐBHYT"} <= numbers
    states = set(Document.objects.values_list("state", flat=True))
    assert {
        DocumentState.DRAFTING,
        DocumentState.INTERNAL_REVIEW,
        DocumentState.AWAITING_SIGNATURE,
        DocumentState.ISSUED,
    } <= states
    for document in Document.objects.all():
        assert document.events.exists(), document.subject
    assert "vss.drafter" in output
    assert "Demo logins (password: demo-2026)" in output


def test_demo_people_and_signers_carry_only_placeholder_names() -> None:
    _seed()
    names = {user.get_full_name() for user in get_user_model().objects.all()}
    assert ADMINISTRATOR_NAME in names
    for name in names - {ADMINISTRATOR_NAME}:
        assert PLACEHOLDER_NAME.match(name), name
    signers = set(Document.objects.exclude(signer_name="").values_list("signer_name", flat=True))
    assert signers <= names


def test_the_demo_has_a_published_question_a_dispute_in_progress_and_a_late_request() -> None:
    _seed()
    question = Question.objects.select_related("request", "page").get(
        page__number_symbol="4055/BHXH-CSYT"
    )
    assert (question.asked_by.username, question.request.unit.symbol) == ("qnam.reader", "CSYT")
    assert question.request.state == RequestState.ACCEPTED
    entry = FaqEntry.objects.get(request=question.request)
    assert entry.state == FaqState.PUBLISHED
    assert list(entry.pages.values_list("number_symbol", flat=True)) == ["4055/BHXH-CSYT"]
    dispute = CoordinationRequest.objects.get(subject__contains="khiếu nại")
    assert (dispute.state, dispute.unit.symbol) == (RequestState.ASSIGNED, "BH")
    assert [r.is_overdue for r in CoordinationRequest.objects.order_by("pk")].count(True) == 1
