from .comment import CommentVisibility, DocumentComment
from .document import Confidentiality, Document, DocumentKind, DocumentState, PdfStatus, Urgency
from .event import DocumentEvent
from .register import RegisterCounter, RegisterSeries
from .relation import DocumentRelation, RelationKind
from .signature import DocumentSignature
from .version import VERSIONED_FIELDS, DocumentVersion, FrozenVersion

__all__ = [
    "VERSIONED_FIELDS",
    "CommentVisibility",
    "Confidentiality",
    "Document",
    "DocumentComment",
    "DocumentEvent",
    "DocumentKind",
    "DocumentRelation",
    "DocumentSignature",
    "DocumentState",
    "DocumentVersion",
    "FrozenVersion",
    "PdfStatus",
    "RegisterCounter",
    "RegisterSeries",
    "RelationKind",
    "Urgency",
]
