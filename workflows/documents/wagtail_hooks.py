from typing import Any

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

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


@hooks.register("register_admin_urls")
def register_workflow_urls() -> list:
    return [path("workflow/", include(urlpatterns))]


@hooks.register("insert_global_admin_css")
def workflow_admin_css() -> str:
    return format_html('<link rel="stylesheet" href="{}">', static("documents/admin.css"))


@hooks.register("register_admin_menu_item")
def register_workflow_menu_item() -> MenuItem:
    return MenuItem(_("Documents"), reverse("workflow_index"), icon_name="doc-full", order=50)


class WaitingForMePanel(Component):
    """The admin dashboard's first panel: what the signed-in person can move on now."""

    name = "waiting_for_me"
    order = 50
    template_name = "documents/panels/waiting_for_me.html"

    def __init__(self, user: Any) -> None:
        self.user = user

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        documents = selectors.documents_waiting_for(self.user)
        return {"documents": documents[:10], "count": documents.count()}


@hooks.register("construct_homepage_panels")
def add_waiting_for_me_panel(request: Any, panels: list) -> None:
    panels.insert(0, WaitingForMePanel(request.user))
