from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from workflows.documents.models import Document, PdfStatus

from . import (  # noqa: F401 (the *_hooks modules register hooks)
    exchange_hooks,
    register_views,
    review_hooks,
    views,
    warning_hooks,
)
from .summaries import views as summary_views
from .tasks import document_render_pdf


@hooks.register("document_issued")
def render_issued_document(document_pk: int) -> None:
    Document.objects.filter(pk=document_pk).update(pdf_status=PdfStatus.PENDING)
    document_render_pdf.enqueue(document_pk)


@hooks.register("register_admin_urls")
def register_print_urls() -> list:
    return [
        path(
            "print/documents/<int:pk>/preview/",
            views.document_preview,
            name="reports_document_preview",
        ),
        path("print/documents/<int:pk>/pdf/", views.document_pdf, name="reports_document_pdf"),
        path("print/register/", register_views.register_index, name="reports_register"),
        path("print/register/xlsx/", register_views.register_xlsx, name="reports_register_xlsx"),
        path("print/register/print/", register_views.register_print, name="reports_register_print"),
        path(
            "print/register/<int:pk>/pdf/", register_views.register_pdf, name="reports_register_pdf"
        ),
        path("print/summary/", summary_views.summary_dashboard, name="reports_summary"),
        path("print/summary/print/", summary_views.summary_print, name="reports_summary_print"),
        path("print/summary/<int:pk>/pdf/", summary_views.summary_pdf, name="reports_summary_pdf"),
    ]


@hooks.register("register_admin_menu_item")
def register_register_menu_item() -> MenuItem:
    return MenuItem(
        _("Outgoing register"), reverse("reports_register"), icon_name="list-ul", order=53
    )


@hooks.register("register_admin_menu_item")
def register_summary_menu_item() -> MenuItem:
    return MenuItem(_("Summary report"), reverse("reports_summary"), icon_name="table", order=54)
