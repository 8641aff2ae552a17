"""Every change to cost data and warning runs goes through one of these functions."""

from .costs import cost_import_create
from .rendering import (
    warning_letter_store_pdf,
    warning_run_letters_rendered,
    warning_run_render_failed,
    warning_run_render_started,
    warning_run_store_print_file,
)
from .runs import (
    HOOK_WARNING_RUN_ISSUED,
    warning_item_record_response,
    warning_run_add_facility,
    warning_run_approve,
    warning_run_create,
    warning_run_issue,
    warning_run_remove_facility,
    warning_run_render_again,
    warning_run_return,
    warning_run_submit,
)

__all__ = [
    "HOOK_WARNING_RUN_ISSUED",
    "cost_import_create",
    "warning_item_record_response",
    "warning_letter_store_pdf",
    "warning_run_add_facility",
    "warning_run_approve",
    "warning_run_create",
    "warning_run_issue",
    "warning_run_letters_rendered",
    "warning_run_remove_facility",
    "warning_run_render_again",
    "warning_run_render_failed",
    "warning_run_render_started",
    "warning_run_return",
    "warning_run_store_print_file",
    "warning_run_submit",
]
