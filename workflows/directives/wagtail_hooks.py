from typing import Any

from django.db.models import QuerySet
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from workflows.staff_screens import WaitingPanel, staff_screens_register

from . import selectors
from .views import assignments, follow, index, tasks

urlpatterns = [
    path("", index.directive_index, name="directives_index"),
    path("choose/", index.directive_choose, name="directives_choose"),
    path("documents/<int:pk>/", follow.document_follow_up, name="directives_document"),
    path("documents/<int:pk>/remind/", follow.document_remind, name="directives_remind"),
    path("documents/<int:pk>/review/", follow.document_review, name="directives_review"),
    path(
        "documents/<int:document_pk>/tasks/new/", tasks.task_create, name="directives_task_create"
    ),
    path("tasks/<int:pk>/", tasks.task_edit, name="directives_task_edit"),
    path("tasks/<int:pk>/update/", tasks.task_update, name="directives_task_update"),
    path("tasks/<int:pk>/add/", tasks.task_add, name="directives_task_add"),
    path("tasks/<int:pk>/cancel/", tasks.task_cancel, name="directives_task_cancel"),
    path("assigned/<int:pk>/", assignments.assignment_detail, name="directives_assignment"),
    path("assigned/<int:pk>/report/", assignments.assignment_report, name="directives_report"),
    path(
        "assigned/<int:pk>/files/<int:attachment_pk>/",
        assignments.report_attachment,
        name="directives_attachment",
    ),
    path(
        "assigned/<int:pk>/<slug:action>/",
        assignments.assignment_act,
        name="directives_assignment_act",
    ),
    path("reviews/<int:pk>/pdf/", follow.review_pdf, name="directives_review_pdf"),
]


staff_screens_register(
    prefix="directives/",
    urlpatterns=urlpatterns,
    menu_label=_("Assigned tasks"),
    menu_url_name="directives_index",
    icon="tasks",
    order=56,
    stylesheet="directives/admin.css",
)


class TasksToReportPanel(WaitingPanel):
    """On the admin dashboard: the tasks given to the person's agency that still need reports,
    each with how it stands."""

    name = "directive_tasks"
    order = 65
    template_name = "directives/panels/to_report.html"

    def waiting(self) -> QuerySet[Any]:
        return selectors.assignments_to_report(self.user)

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        waiting = self.waiting()
        return {"lines": selectors.with_positions(waiting[: self.shown]), "count": waiting.count()}


@hooks.register("construct_homepage_panels")
def add_tasks_to_report_panel(request: Any, panels: list) -> None:
    panels.append(TasksToReportPanel(request.user))
