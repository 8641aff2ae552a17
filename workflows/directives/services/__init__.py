"""Every change to a document's tasks goes through one of these functions: each checks the
actor, then in one transaction locks the row, compares the revision the actor saw, changes it
and writes the audit row; notices and printing follow the commit."""

from .assignments import assignment_reopen, assignment_withdraw, report_submit
from .reminders import assignment_remind, document_remind_late, reminders_send_overdue
from .reviews import HOOK_REVIEW_REQUESTED, review_request
from .tasks import Addressee, task_add_addressees, task_cancel, task_create, task_update

__all__ = [
    "HOOK_REVIEW_REQUESTED",
    "Addressee",
    "assignment_remind",
    "assignment_reopen",
    "assignment_withdraw",
    "document_remind_late",
    "reminders_send_overdue",
    "report_submit",
    "review_request",
    "task_add_addressees",
    "task_cancel",
    "task_create",
    "task_update",
]
