"""A table of the illegal transitions: wrong state, wrong role, wrong agency, self-approval.
Each refusal leaves the state, the revision and the audit trail exactly as they were."""

from typing import Any

import pytest

from workflows.documents.exceptions import (
    SelfApprovalForbidden,
    WrongAgency,
    WrongRole,
    WrongState,
)
from workflows.documents.models import DocumentEvent, DocumentKind, DocumentSignature
from workflows.documents.models import DocumentState as S

from .steps import act, draft, drive

JOINT = {"kind": DocumentKind.JOINT_CIRCULAR}
ILLEGAL = [
    # wrong state
    (S.DRAFTING, "head", "approve", WrongState, {}),
    (S.DRAFTING, "legal", "appraise", WrongState, JOINT),
    (S.INTERNAL_REVIEW, "moh_head", "agree", WrongState, JOINT),
    (S.INTERNAL_REVIEW, "signer", "sign", WrongState, {}),
    (S.LEGAL_APPRAISAL, "head", "approve", WrongState, JOINT),
    (S.COUNTERPART_REVIEW, "clerk", "issue", WrongState, JOINT),
    (S.AWAITING_SIGNATURE, "drafter", "submit", WrongState, {}),
    (S.PARTLY_SIGNED, "clerk", "issue", WrongState, JOINT),
    (S.SIGNED, "drafter", "withdraw", WrongState, {}),
    (S.ISSUED, "clerk", "issue", WrongState, {}),
    (S.ISSUED, "head", "return", WrongState, {}),
    # wrong role
    (S.INTERNAL_REVIEW, "drafter", "approve", WrongRole, {}),
    (S.LEGAL_APPRAISAL, "head", "appraise", WrongRole, JOINT),
    (S.COUNTERPART_REVIEW, "moh_drafter", "agree", WrongRole, JOINT),
    (S.AWAITING_SIGNATURE, "clerk", "sign", WrongRole, {}),
    (S.SIGNED, "signer", "issue", WrongRole, {}),
    (S.INTERNAL_REVIEW, "clerk", "withdraw", WrongRole, {}),
    # wrong agency
    (S.DRAFTING, "moh_drafter", "submit", WrongAgency, {}),
    (S.INTERNAL_REVIEW, "moh_head", "approve", WrongAgency, {}),
    (S.LEGAL_APPRAISAL, "moh_legal", "appraise", WrongAgency, JOINT),
    (S.COUNTERPART_REVIEW, "head", "agree", WrongAgency, JOINT),
    (S.AWAITING_SIGNATURE, "moh_signer", "sign", WrongAgency, {}),
    (S.SIGNED, "moh_clerk", "issue", WrongAgency, JOINT),
    # self-approval: the person who drafted it holds the next step's role too
    (S.INTERNAL_REVIEW, "head_who_drafts", "approve", SelfApprovalForbidden, {}),
    (S.LEGAL_APPRAISAL, "legal_who_drafts", "appraise", SelfApprovalForbidden, JOINT),
    (S.AWAITING_SIGNATURE, "signer_who_drafts", "sign", SelfApprovalForbidden, {}),
]


def _ids(row: tuple) -> str:
    return f"{row[0]}-{row[1]}-{row[2]}"


@pytest.mark.parametrize(
    ("state", "who", "verb", "refusal", "fields"), ILLEGAL, ids=[_ids(r) for r in ILLEGAL]
)
def test_an_illegal_transition_changes_nothing(
    org: Any, state: S, who: str, verb: str, refusal: type, fields: dict
) -> None:
    author = _author(org, who)
    if fields.get("kind") == DocumentKind.JOINT_CIRCULAR:
        fields = {**fields, "counterpart_unit": org.moh_bh}
    document = drive(org, draft(org, actor=author, **fields), state)
    before = (
        document.state,
        document.revision,
        DocumentEvent.objects.count(),
        DocumentSignature.objects.count(),
    )
    actor = author if who.endswith("_who_drafts") else getattr(org, who)
    kwargs = {"comment": "Lý do"} if verb in ("return", "withdraw") else {}
    with pytest.raises(refusal) as raised:
        act(document, actor, verb, **kwargs)
    assert raised.value.message
    document.refresh_from_db()
    after = (
        document.state,
        document.revision,
        DocumentEvent.objects.count(),
        DocumentSignature.objects.count(),
    )
    assert after == before


def _author(org: Any, who: str) -> Any:
    """The drafter, or for the self-approval rows someone who drafts and also holds the role."""
    if who == "head_who_drafts":
        return org.head_who_drafts
    if who == "legal_who_drafts":
        org.legal.memberships.create(unit=org.csyt, role="drafter")
        return org.legal
    if who == "signer_who_drafts":
        org.signer.memberships.create(unit=org.csyt, role="drafter")
        return org.signer
    return org.drafter
