from typing import Any

from django.db.models import QuerySet
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from workflows.staff_screens import WaitingPanel, staff_screens_register

from . import selectors, views
from .tasks import requests_answer_with_document_task

urlpatterns = [
    path("", views.request_index, name="requests_index"),
    path("new/", views.request_create, name="requests_create"),
    path("draft-answer/", views.request_draft_answer, name="requests_draft_answer"),
    path("<int:pk>/", views.request_detail, name="requests_detail"),
    path(
        "<int:pk>/files/<int:attachment_pk>/",
        views.request_attachment,
        name="requests_attachment",
    ),
    path("<int:pk>/link/", views.request_link_document, name="requests_link_document"),
    path("<int:pk>/<slug:action>/", views.request_act, name="requests_act"),
]


@hooks.register("document_issued")
def answer_requests_with_issued_document(document_pk: int) -> None:
    requests_answer_with_document_task.enqueue(document_pk)


staff_screens_register(
    prefix="requests/",
    urlpatterns=urlpatterns,
    menu_label=_("Requests"),
    menu_url_name="requests_index",
    icon="comment",
    order=55,
)


class RequestsWaitingPanel(WaitingPanel):
    """On the admin dashboard: the coordination requests the signed-in person can move on."""

    name = "requests_waiting"
    order = 60
    template_name = "requests/panels/waiting_for_me.html"
    listed = "requests"

    def waiting(self) -> QuerySet[Any]:
        return selectors.requests_waiting_for(self.user)


@hooks.register("construct_homepage_panels")
def add_requests_waiting_panel(request: Any, panels: list) -> None:
    panels.append(RequestsWaitingPanel(request.user))
