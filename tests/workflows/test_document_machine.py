"""The whole lifecycle: review steps by type, the counterpart agency, joint documents signed by
both agencies in either order, withdrawal, and issued documents amended, superseded or revoked."""

from typing import Any

import pytest

from django.utils import timezone

from workflows.documents import services
from workflows.documents.exceptions import ReasonRequired, WrongRole, WrongState
from workflows.documents.models import (
    Document,
    DocumentKind,
    DocumentRelation,
    DocumentState,
    RelationKind,
)
from workflows.documents.selectors import documents_visible_to

from .steps import act, draft, drive, to_state

S = DocumentState


def _path(document: Document) -> list[tuple[str, str]]:
    return list(document.events.values_list("action", "target_state"))


def test_a_directive_goes_through_legal_appraisal(org: Any) -> None:
    document = to_state(org, S.ISSUED, kind=DocumentKind.DIRECTIVE)
    assert [state for _, state in _path(document)] == [
        S.DRAFTING,
        S.INTERNAL_REVIEW,
        S.LEGAL_APPRAISAL,
        S.AWAITING_SIGNATURE,
        S.SIGNED,
        S.ISSUED,
    ]
    assert document.number_symbol == "01/CT-BHXH"


def test_a_letter_with_a_counterpart_is_shared_only_when_its_review_starts(org: Any) -> None:
    document = drive(org, draft(org, counterpart_unit=org.moh_bh), S.INTERNAL_REVIEW)
    assert not documents_visible_to(org.moh_head).filter(pk=document.pk).exists()
    document = act(document, org.head, "approve")
    assert document.state == S.COUNTERPART_REVIEW
    assert document.shared_at is not None
    assert documents_visible_to(org.moh_head).filter(pk=document.pk).exists()
    document = act(document, org.moh_reviewer, "agree", comment="Bộ Y tế không có ý kiến khác.")
    assert document.state == S.AWAITING_SIGNATURE
    assert document.signatures.count() == 0


@pytest.mark.parametrize("first_signer", ["signer", "moh_signer"])
def test_a_joint_circular_needs_both_signers_in_either_order(org: Any, first_signer: str) -> None:
    document = drive(
        org,
        draft(org, kind=DocumentKind.JOINT_CIRCULAR, counterpart_unit=org.moh_bh),
        S.AWAITING_SIGNATURE,
    )
    second = {"signer": org.moh_signer, "moh_signer": org.signer}[first_signer]
    document = act(document, getattr(org, first_signer), "sign")
    assert document.state == S.PARTLY_SIGNED
    with pytest.raises(WrongState):
        act(document, org.clerk, "issue")
    document = act(document, second, "sign")
    assert document.state == S.SIGNED
    document = act(document, org.clerk, "issue")
    year = timezone.localdate().year
    assert document.number_symbol == f"01/{year}/TTLT-BHXH-BYT"
    assert sorted(document.signatures.values_list("agency__symbol", flat=True)) == ["BHXH", "BYT"]
    assert document.signer_name  # the lead agency's signer prints on the right


def test_the_same_agency_cannot_sign_a_joint_document_twice(org: Any) -> None:
    document = drive(
        org,
        draft(org, kind=DocumentKind.JOINT_CIRCULAR, counterpart_unit=org.moh_bh),
        S.PARTLY_SIGNED,
    )
    assert list(document.signatures.values_list("agency", flat=True)) == [org.vss.pk]
    other_vss_signer = org.signer.__class__.objects.create(username="vss.signer2")
    other_vss_signer.memberships.create(unit=org.vss_leaders, role="signer")
    with pytest.raises(WrongRole) as raised:
        act(document, other_vss_signer, "sign")
    assert "Bộ Y tế" in raised.value.message
    document.refresh_from_db()
    assert document.state == S.PARTLY_SIGNED


def test_a_return_voids_signatures_and_resubmitting_freezes_a_new_version(org: Any) -> None:
    document = drive(
        org,
        draft(org, kind=DocumentKind.JOINT_CIRCULAR, counterpart_unit=org.moh_bh),
        S.PARTLY_SIGNED,
    )
    assert document.version_number == 1
    document = act(document, org.moh_signer, "return", comment="Sửa Điều 2.")
    assert document.state == S.DRAFTING
    assert document.assignee == org.drafter
    document = services.document_update(
        document=document, actor=org.drafter, expected_revision=document.revision, body="Mới."
    )
    document = act(document, org.drafter, "submit")
    assert document.version_number == 2
    assert document.signatures_on_current_version().count() == 0
    assert list(document.versions.values_list("body", flat=True))[-1] == "Mới."


@pytest.mark.parametrize(
    "state", [S.DRAFTING, S.INTERNAL_REVIEW, S.LEGAL_APPRAISAL, S.COUNTERPART_REVIEW]
)
def test_a_draft_can_be_withdrawn_with_a_reason_and_then_nothing_more(
    org: Any, state: DocumentState
) -> None:
    document = drive(
        org, draft(org, kind=DocumentKind.DECISION, counterpart_unit=org.moh_bh), state
    )
    with pytest.raises(ReasonRequired):
        act(document, org.drafter, "withdraw", comment="")
    document = act(document, org.drafter, "withdraw", comment="Không còn cần thiết.")
    assert document.state == S.WITHDRAWN
    assert document.number is None
    with pytest.raises(WrongState):
        act(document, org.drafter, "submit")


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (RelationKind.AMENDS, S.AMENDED),
        (RelationKind.SUPERSEDES, S.SUPERSEDED),
        (RelationKind.REVOKES, S.REVOKED),
        (RelationKind.IMPLEMENTS, S.ISSUED),
    ],
)
def test_issuing_a_later_document_changes_the_earlier_one(
    org: Any, kind: RelationKind, expected: DocumentState
) -> None:
    earlier = to_state(org, S.ISSUED, kind=DocumentKind.DECISION)
    later = draft(org, kind=DocumentKind.DECISION, subject="Quyết định sửa đổi")
    services.document_relate(document=later, actor=org.drafter, target=earlier, kind=kind)
    later = drive(org, later, S.ISSUED)
    earlier.refresh_from_db()
    assert earlier.state == expected
    assert earlier.number_symbol == "01/QĐ-BHXH"  # keeps its number
    if expected != S.ISSUED:
        event = earlier.events.order_by("-pk").first()
        assert (event.action, event.comment) == (
            {S.AMENDED: "amend", S.SUPERSEDED: "supersede", S.REVOKED: "revoke"}[expected],
            later.number_symbol,
        )
    relation = DocumentRelation.objects.get(source=later)
    assert relation.applied_at is not None


def test_a_revoked_document_cannot_be_revoked_again_and_nothing_is_issued(org: Any) -> None:
    earlier = to_state(org, S.ISSUED, kind=DocumentKind.DECISION)
    first = draft(org, kind=DocumentKind.DECISION, subject="Bãi bỏ lần 1")
    services.document_relate(document=first, actor=org.drafter, target=earlier, kind="revokes")
    drive(org, first, S.ISSUED)
    second = draft(org, kind=DocumentKind.DECISION, subject="Bãi bỏ lần 2")
    services.document_relate(document=second, actor=org.drafter, target=earlier, kind="revokes")
    second = drive(org, second, S.SIGNED)
    with pytest.raises(WrongState):
        act(second, org.clerk, "issue")
    second.refresh_from_db()
    assert (second.state, second.number) == (S.SIGNED, None)


def test_a_relation_points_at_an_issued_document(org: Any) -> None:
    not_issued = draft(org)
    later = draft(org, subject="Văn bản khác")
    with pytest.raises(WrongState):
        services.document_relate(
            document=later, actor=org.drafter, target=not_issued, kind="amends"
        )


def test_confidential_documents_have_their_own_series_and_stay_inside(org: Any) -> None:
    ordinary = to_state(org, S.ISSUED)
    secret = to_state(org, S.ISSUED, confidentiality="mat")
    assert (ordinary.number, secret.number) == (1, 1)
    assert (ordinary.series, secret.series) == ("ordinary", "confidential")
    outsider = org.signer.__class__.objects.create(username="vss.other")
    outsider.memberships.create(unit=org.vss_office, role="drafter")
    visible = documents_visible_to(outsider)
    assert visible.filter(pk=ordinary.pk).exists()
    assert not visible.filter(pk=secret.pk).exists()
    assert not documents_visible_to(org.moh_drafter).filter(pk=secret.pk).exists()
