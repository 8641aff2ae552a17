from .assignment import TaskAssignment
from .event import TaskEvent
from .reminder import TaskReminder
from .report import MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, ProgressReport, ReportAttachment
from .review import DirectiveReview
from .states import AssignmentState, ReviewStatus, TaskFrequency, TaskState
from .task import DirectiveTask

__all__ = [
    "MAX_ATTACHMENTS",
    "MAX_ATTACHMENT_BYTES",
    "AssignmentState",
    "DirectiveReview",
    "DirectiveTask",
    "ProgressReport",
    "ReportAttachment",
    "ReviewStatus",
    "TaskAssignment",
    "TaskEvent",
    "TaskFrequency",
    "TaskReminder",
    "TaskState",
]
