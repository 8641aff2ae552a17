from .entries import (
    DocumentEntry,
    DocumentRelation,
    DocumentStatus,
    PortalGeneration,
    RelationKind,
    Topic,
)
from .faq import FaqEntry, FaqEvent, FaqState
from .pages import (
    PAGE_SIZE,
    DocumentAnnex,
    DocumentDisplay,
    DocumentIndexPage,
    DocumentPage,
    HomePage,
    shown_pages,
)
from .receipts import Acknowledgement, Question, QuestionDesk

__all__ = [
    "PAGE_SIZE",
    "Acknowledgement",
    "DocumentAnnex",
    "DocumentDisplay",
    "DocumentEntry",
    "DocumentIndexPage",
    "DocumentPage",
    "DocumentRelation",
    "DocumentStatus",
    "FaqEntry",
    "FaqEvent",
    "FaqState",
    "HomePage",
    "PortalGeneration",
    "Question",
    "QuestionDesk",
    "RelationKind",
    "Topic",
    "shown_pages",
]
