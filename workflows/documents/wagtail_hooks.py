from typing import Any

from django.db.models import QuerySet
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from workflows.staff_screens import WaitingPanel, staff_screens_register

from . import selectors
from .views import documents as views
from .views import review

urlpatterns = [
    path("", views.document_index, name="workflow_index"),
    path("new/", views.document_create, name="workflow_document_create"),
    path("<int:pk>/", views.document_detail, name="workflow_document"),
    path("<int:pk>/edit/", views.document_edit, name="workflow_document_edit"),
    path("<int:pk>/take/", review.document_take, name="workflow_document_take"),
    path("<int:pk>/deadline/", review.document_deadline, name="workflow_document_deadline"),
    path("<int:pk>/comment/", review.document_comment, name="workflow_document_comment"),
    path(
        "<int:pk>/comment/<int:comment_pk>/resolve/",
        review.document_comment_resolve,
        name="workflow_comment_resolve",
    ),
    path("<int:pk>/relate/", review.document_relate, name="workflow_document_relate"),
    path("<int:pk>/compare/", review.document_compare, name="workflow_document_compare"),
    path("<int:pk>/history.csv", review.document_history_csv, name="workflow_document_history"),
    path("<int:pk>/<slug:action>/", views.document_act, name="workflow_document_act"),
]


staff_screens_register(
    prefix="workflow/",
    urlpatterns=urlpatterns,
    menu_label=_("Documents"),
    menu_url_name="workflow_index",
    icon="doc-full",
    order=50,
    stylesheet="documents/admin.css",
)


class WaitingForMePanel(WaitingPanel):
    """The admin dashboard's first panel: what the signed-in person can move on now."""

    name = "waiting_for_me"
    order = 50
    template_name = "documents/panels/waiting_for_me.html"
    listed = "documents"

    def waiting(self) -> QuerySet[Any]:
        return selectors.documents_waiting_for(self.user)


@hooks.register("construct_homepage_panels")
def add_waiting_for_me_panel(request: Any, panels: list) -> None:
    panels.insert(0, WaitingForMePanel(request.user))
