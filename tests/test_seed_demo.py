"""`manage.py seed_demo` builds the demo from PRODUCT.md's facts and is idempotent."""

from io import StringIO

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command

from coordination import demo
from coordination.organisation.models import Agency, Membership, Role, Unit
from workflows.documents.models import Document, DocumentEvent, DocumentState

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


def _counts() -> list[int]:
    models = (get_user_model(), Membership, Agency, Unit, Document, DocumentEvent)
    return [model.objects.count() for model in models]


def test_seed_demo_twice_changes_nothing() -> None:
    call_command("seed_demo", stdout=StringIO())
    first = _counts()
    call_command("seed_demo", stdout=StringIO())
    assert _counts() == first


def test_every_role_exists_in_both_centres_and_both_provinces() -> None:
    call_command("seed_demo", stdout=StringIO())

    def roles_of(agency_code: str) -> set[str]:
        return set(
            Membership.objects.filter(unit__agency__code=agency_code).values_list("role", flat=True)
        )

    assert roles_of("vss") >= CENTRAL_ROLES
    assert roles_of("moh") >= CENTRAL_ROLES
    assert roles_of("bhxh-49") >= PROVINCIAL_ROLES
    assert roles_of("bhxh-40") >= PROVINCIAL_ROLES
    assert Membership.objects.filter(role=Role.ADMINISTRATOR).exists()


def test_the_real_examples_are_issued_and_the_drafts_are_in_several_states() -> None:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    numbers = set(Document.objects.values_list("number_symbol", flat=True))
    assert {"25/CT-BYT", "4055/BHXH-CSYT", "335/BHXH-GĐBHYT"} <= numbers
    states = set(Document.objects.values_list("state", flat=True))
    assert {
        DocumentState.DRAFTING,
        DocumentState.INTERNAL_REVIEW,
        DocumentState.AWAITING_SIGNATURE,
        DocumentState.ISSUED,
    } <= states
    assert "vss.drafter" in out.getvalue()


def test_demo_people_carry_only_placeholder_names() -> None:
    call_command("seed_demo", stdout=StringIO())
    allowed = {f"{p.family_and_middle} {p.given}" for p in demo.PEOPLE}
    for user in get_user_model().objects.all():
        assert f"{user.last_name} {user.first_name}" in allowed
