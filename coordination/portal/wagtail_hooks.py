"""The portal's side of Wagtail: publishing issued documents, keeping each page's search entry
in step with what editors publish, and the editors' screens for topics and relations."""

from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from workflows.documents.models import Document
from workflows.requests.models import CoordinationRequest
from workflows.staff_screens import staff_screens_register

from .faq import staff as faq_staff
from .faq.selectors import faq_may_manage, faq_may_publish
from .models import DocumentPage, DocumentRelation, FaqEntry, QuestionDesk, Topic
from .publishing import document_entry_refresh, portal_generation_bump
from .tasks import document_page_publish_task


@hooks.register("document_issued")
def publish_issued_document(document_pk: int) -> None:
    """Every issued document but a confidential one gets its page."""
    if Document.objects.filter(pk=document_pk, confidentiality="").exists():
        document_page_publish_task.enqueue(document_pk)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
@hooks.register("after_publish_page")
@hooks.register("after_unpublish_page")
def refresh_document_entry(request: HttpRequest, page: Any) -> None:
    """An editor's publish, unpublish or revert rebuilds the entry from the page as it is now."""
    if isinstance(page.specific, DocumentPage):
        document_entry_refresh(page=page.specific)


@hooks.register("after_delete_page")
def forget_deleted_page(request: HttpRequest, page: Any) -> None:
    portal_generation_bump()


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def relation_changed(request: HttpRequest, instance: Any) -> None:
    if isinstance(instance, DocumentRelation | Topic):
        portal_generation_bump()


@hooks.register("after_delete_snippet")
def relations_deleted(request: HttpRequest, instances: Any) -> None:
    portal_generation_bump()


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug"]
    panels = [FieldPanel("name"), FieldPanel("slug")]


class DocumentRelationViewSet(SnippetViewSet):
    model = DocumentRelation
    icon = "link"
    menu_label = _("Relations between documents")
    list_display = ["source", "kind", "target", "created_at"]
    panels = [FieldPanel("source"), FieldPanel("kind"), FieldPanel("target")]


class QuestionDeskViewSet(SnippetViewSet):
    model = QuestionDesk
    icon = "help"
    menu_label = _("Question desks")
    list_display = ["agency", "unit"]
    panels = [FieldPanel("agency"), FieldPanel("unit")]


register_snippet(TopicViewSet)
register_snippet(DocumentRelationViewSet)
register_snippet(QuestionDeskViewSet)


@hooks.register("document_public_urls")
def document_page_urls(document_pks: list[int]) -> dict[int, str]:
    """The live portal page of each workflow document that has one."""
    pages = DocumentPage.objects.live().filter(source_document_id__in=document_pks)
    return {page.source_document_id: page.url for page in pages}


faq_urlpatterns = [
    path("", faq_staff.faq_index, name="portal_faq_staff"),
    path("new/<int:request_pk>/", faq_staff.faq_new, name="portal_faq_staff_new"),
    path("<int:pk>/", faq_staff.faq_entry, name="portal_faq_staff_entry"),
    path("<int:pk>/<slug:action>/", faq_staff.faq_entry_state, name="portal_faq_staff_state"),
]


staff_screens_register(
    prefix="faq/",
    urlpatterns=faq_urlpatterns,
    menu_label=_("Frequent questions"),
    menu_url_name="portal_faq_staff",
    icon="help",
    order=56,
)


@hooks.register("request_page_links")
def faq_links_for_request(request: CoordinationRequest, user: Any) -> list[tuple[str, str]]:
    """On a request's page: its frequent-question entry, or the way to publish it."""
    entry = FaqEntry.objects.filter(request=request).select_related("unit").first()
    if entry is not None:
        if not faq_may_manage(entry, user):
            return []
        label = gettext("Frequent question: %(state)s") % {"state": entry.get_state_display()}
        return [(label, reverse("portal_faq_staff_entry", args=[entry.pk]))]
    if faq_may_publish(request, user):
        url = reverse("portal_faq_staff_new", args=[request.pk])
        return [(gettext("Publish as a frequent question"), url)]
    return []


@hooks.register("register_admin_menu_item")
def receipts_menu_item() -> MenuItem:
    return MenuItem(
        _("Provinces' receipts"), reverse("portal_dashboard"), icon_name="tasks", order=900
    )
