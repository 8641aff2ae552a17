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
    ENTRY_SEARCH_COLUMNS,
    PAGE_SIZE,
    DocumentAnnex,
    DocumentDisplay,
    DocumentIndexPage,
    DocumentPage,
    HomePage,
)
from .receipts import Acknowledgement, Question, QuestionDesk

__all__ = [
    "ENTRY_SEARCH_COLUMNS",
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
]
