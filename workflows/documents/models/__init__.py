from .document import Document, DocumentKind, DocumentState, PdfStatus, Urgency
from .event import DocumentEvent
from .register import RegisterCounter, RegisterSeries

__all__ = [
    "Document",
    "DocumentEvent",
    "DocumentKind",
    "DocumentState",
    "PdfStatus",
    "RegisterCounter",
    "RegisterSeries",
    "Urgency",
]
