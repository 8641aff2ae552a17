from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views

urlpatterns = [
    path("", views.document_index, name="workflow_index"),
    path("new/", views.document_create, name="workflow_document_create"),
    path("<int:pk>/", views.document_detail, name="workflow_document"),
    path("<int:pk>/edit/", views.document_edit, name="workflow_document_edit"),
    path("<int:pk>/<slug:action>/", views.document_act, name="workflow_document_act"),
]


@hooks.register("register_admin_urls")
def register_workflow_urls() -> list:
    return [path("workflow/", include(urlpatterns))]


@hooks.register("register_admin_menu_item")
def register_workflow_menu_item() -> MenuItem:
    return MenuItem(_("Documents"), reverse("workflow_index"), icon_name="doc-full", order=50)
