"""Moving a test document along its lifecycle with the right person at each step."""

from typing import Any

from workflows.documents import services
from workflows.documents.models import Document, DocumentKind, DocumentState


def draft(org: Any, actor: Any = None, unit: Any = None, **fields: Any) -> Document:
    fields.setdefault("kind", DocumentKind.OFFICIAL_LETTER)
    fields.setdefault("subject", "Về việc gửi văn bản cảnh báo chi phí khám chữa bệnh BHYT")
    fields.setdefault("body", "Đề nghị Bảo hiểm xã hội các tỉnh rà soát các cơ sở y tế.")
    return services.document_create(actor=actor or org.drafter, unit=unit or org.csyt, **fields)


def act(document: Document, actor: Any, verb: str, **kwargs: Any) -> Document:
    service = getattr(services, f"document_{verb}")
    return service(document=document, actor=actor, expected_revision=document.revision, **kwargs)


def next_step(org: Any, document: Document) -> tuple[Any, str]:
    """Who takes the document's current step, and with which verb (VSS drafts, MoH is the
    counterpart)."""
    lead_is_vss = document.agency_id == org.vss.pk
    signers = [org.signer, org.moh_signer] if lead_is_vss else [org.moh_signer, org.signer]
    by_state = {
        DocumentState.DRAFTING: (document.created_by, "submit"),
        DocumentState.INTERNAL_REVIEW: (org.head if lead_is_vss else org.moh_head, "approve"),
        DocumentState.LEGAL_APPRAISAL: (org.legal if lead_is_vss else org.moh_legal, "appraise"),
        DocumentState.COUNTERPART_REVIEW: (org.moh_head if lead_is_vss else org.head, "agree"),
        DocumentState.AWAITING_SIGNATURE: (signers[0], "sign"),
        DocumentState.PARTLY_SIGNED: (signers[1], "sign"),
        DocumentState.SIGNED: (org.clerk if lead_is_vss else org.moh_clerk, "issue"),
    }
    return by_state[DocumentState(document.state)]


def drive(org: Any, document: Document, until: DocumentState) -> Document:
    """Take steps until the document reaches ``until``."""
    for _ in range(10):
        if document.state == until:
            return document
        actor, verb = next_step(org, document)
        document = act(document, actor, verb)
    raise AssertionError(f"{until} not reached; stuck in {document.state}")


def to_state(org: Any, state: DocumentState, **fields: Any) -> Document:
    return drive(org, draft(org, **fields), state)
