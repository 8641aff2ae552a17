"""The printing side's part in cost surveillance: render a warning run's letters when it is
issued, and preview a letter as it will be printed. Registered from reports/wagtail_hooks.py."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path

from wagtail import hooks

from workflows.warnings.models import WarningItem
from workflows.warnings.selectors import runs_visible_to

from .documents import snapshot_html
from .warning_tasks import warning_item_snapshot, warning_run_render


@hooks.register("warning_run_issued")
def render_issued_warning_run(run_pk: int) -> None:
    warning_run_render.enqueue(run_pk)


def warning_letter_preview(request: HttpRequest, pk: int) -> HttpResponse:
    items = WarningItem.objects.filter(run__in=runs_visible_to(request.user)).select_related(
        "run__agency__parent", "run__unit", "facility", "cost", "previous_cost"
    )
    item = get_object_or_404(items, pk=pk)
    return HttpResponse(snapshot_html(warning_item_snapshot(item), preview=True))


@hooks.register("register_admin_urls")
def register_warning_print_urls() -> list:
    return [
        path(
            "print/warnings/letters/<int:pk>/preview/",
            warning_letter_preview,
            name="reports_warning_letter_preview",
        )
    ]
