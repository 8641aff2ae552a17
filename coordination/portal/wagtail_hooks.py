"""The portal's side of Wagtail: publishing issued documents, keeping each page's search entry
in step with what editors publish, and the editors' screens for topics and relations."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import DocumentPage, DocumentRelation, Topic
from .publishing import document_entry_refresh, portal_generation_bump
from .tasks import document_page_publish_task


@hooks.register("document_issued")
def publish_issued_document(document_pk: int) -> None:
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


register_snippet(TopicViewSet)
register_snippet(DocumentRelationViewSet)


@hooks.register("register_admin_menu_item")
def receipts_menu_item() -> MenuItem:
    return MenuItem(
        _("Provinces' receipts"), reverse("portal_dashboard"), icon_name="tasks", order=900
    )
