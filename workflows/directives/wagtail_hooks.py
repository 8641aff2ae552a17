from typing import Any

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

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


@hooks.register("register_admin_urls")
def register_directive_urls() -> list:
    return [path("directives/", include(urlpatterns))]


@hooks.register("insert_global_admin_css")
def directives_admin_css() -> str:
    return format_html('<link rel="stylesheet" href="{}">', static("directives/admin.css"))


@hooks.register("register_admin_menu_item")
def register_directive_menu_item() -> MenuItem:
    return MenuItem(_("Assigned tasks"), reverse("directives_index"), icon_name="tasks", order=56)


class TasksToReportPanel(Component):
    """On the admin dashboard: the tasks given to the person's agency that still need reports."""

    name = "directive_tasks"
    order = 65
    template_name = "directives/panels/to_report.html"

    def __init__(self, user: Any) -> None:
        self.user = user

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        waiting = selectors.assignments_to_report(self.user)
        return {"lines": selectors.with_positions(waiting[:10]), "count": waiting.count()}


@hooks.register("construct_homepage_panels")
def add_tasks_to_report_panel(request: Any, panels: list) -> None:
    panels.append(TasksToReportPanel(request.user))
