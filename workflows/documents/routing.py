"""Which review steps a document needs, read by the machine's dynamic targets.

Legal appraisal is required for normative and directing documents (directives, decisions,
regulations, joint circulars) and skipped for letters, plans, reports and notices. The
counterpart step happens whenever a counterpart unit is named (always for a joint document).
"""

from typing import TYPE_CHECKING

from .models.kinds import DocumentKind
from .models.states import DocumentState

if TYPE_CHECKING:
    from .models import Document

NEEDS_LEGAL_APPRAISAL = frozenset(
    {
        DocumentKind.DIRECTIVE,
        DocumentKind.DECISION,
        DocumentKind.REGULATION,
        DocumentKind.JOINT_CIRCULAR,
    }
)
AFTER_INTERNAL_REVIEW = [
    DocumentState.LEGAL_APPRAISAL,
    DocumentState.COUNTERPART_REVIEW,
    DocumentState.AWAITING_SIGNATURE,
]
AFTER_LEGAL_APPRAISAL = AFTER_INTERNAL_REVIEW[1:]


def needs_legal_appraisal(document: "Document") -> bool:
    return document.kind in NEEDS_LEGAL_APPRAISAL


def after_internal_review(document: "Document") -> str:
    if needs_legal_appraisal(document):
        return DocumentState.LEGAL_APPRAISAL
    return after_legal_appraisal(document)


def after_legal_appraisal(document: "Document") -> str:
    if document.counterpart_unit_id is not None:
        return DocumentState.COUNTERPART_REVIEW
    return DocumentState.AWAITING_SIGNATURE


def steps_of(document: "Document") -> list[str]:
    """The states this document will pass through, in order, for the progress bar."""
    steps = [DocumentState.DRAFTING, DocumentState.INTERNAL_REVIEW]
    if needs_legal_appraisal(document):
        steps.append(DocumentState.LEGAL_APPRAISAL)
    if document.counterpart_unit_id is not None:
        steps.append(DocumentState.COUNTERPART_REVIEW)
    steps.append(DocumentState.AWAITING_SIGNATURE)
    if document.is_joint:
        steps.append(DocumentState.PARTLY_SIGNED)
    return [*steps, DocumentState.SIGNED, DocumentState.ISSUED]
