from .entries import (
    DocumentEntry,
    DocumentRelation,
    DocumentStatus,
    PortalGeneration,
    RelationKind,
    Topic,
)
from .pages import PAGE_SIZE, DocumentDisplay, DocumentIndexPage, DocumentPage, HomePage
from .receipts import Acknowledgement, Question

__all__ = [
    "PAGE_SIZE",
    "Acknowledgement",
    "DocumentDisplay",
    "DocumentEntry",
    "DocumentIndexPage",
    "DocumentPage",
    "DocumentRelation",
    "DocumentStatus",
    "HomePage",
    "PortalGeneration",
    "Question",
    "RelationKind",
    "Topic",
]
