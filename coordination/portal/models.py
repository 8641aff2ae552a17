"""The public portal's pages. A page for an issued document shows the document's row live:
workflow state never lives in page revisions, so re-publishing an old revision cannot undo an
issue (DEVELOPERS.md, django-fsm pitfalls)."""

from dataclasses import dataclass
from datetime import date

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.db.models import F
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from coordination.organisation.models import Agency
from workflows.documents.models import Document, DocumentKind, PdfStatus

PAGE_SIZE = 20


class HomePage(Page):
    """The portal's front page: the latest guidance."""

    intro = RichTextField(_("introduction"), blank=True)

    max_count = 1
    subpage_types = ["portal.DocumentIndexPage"]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request: HttpRequest, *args: object, **kwargs: object) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["latest"] = document_pages().descendant_of(self)[:10]
        return context


class DocumentIndexPage(Page):
    """The listing of every published document, newest first."""

    intro = RichTextField(_("introduction"), blank=True)

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.DocumentPage"]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("document listing")

    def get_context(self, request: HttpRequest, *args: object, **kwargs: object) -> dict:
        context = super().get_context(request, *args, **kwargs)
        pages = document_pages().child_of(self)
        context["documents"] = _page_of(pages, request.GET.get("p"))
        return context


@dataclass(frozen=True)
class DocumentDisplay:
    """What a document page shows, from the live document row or from the page's own fields."""

    number_symbol: str
    kind: str
    agency: str
    signer: str
    issued_on: date | None
    subject: str
    summary: str
    paragraphs: tuple[str, ...]
    pdf_document_pk: int | None
    pdf_pending: bool


class DocumentPage(Page):
    """One issued document. Linked to its workflow document when it was issued here; editors fill
    the fields themselves for documents issued elsewhere (e.g. Directive 38-CT/TW)."""

    source_document = models.OneToOneField(
        Document,
        verbose_name=_("document in the workflow"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="portal_page",
    )
    number_symbol = models.CharField(_("number and symbol"), max_length=60, blank=True)
    kind = models.CharField(_("type"), max_length=30, choices=DocumentKind.choices, blank=True)
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("issuing agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signer_name = models.CharField(_("signer"), max_length=120, blank=True)
    issued_on = models.DateField(_("issue date"), null=True, blank=True)
    subject = models.CharField(_("subject"), max_length=500, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body"), blank=True)

    parent_page_types = ["portal.DocumentIndexPage"]
    subpage_types: list[str] = []
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("number_symbol"),
                FieldPanel("kind"),
                FieldPanel("agency"),
                FieldPanel("signer_name"),
                FieldPanel("issued_on"),
                FieldPanel("subject"),
                FieldPanel("body"),
            ],
            heading=_("Document issued outside the system"),
            help_text=_(
                "Fill these only for a document issued elsewhere. A page published from the "
                "workflow always shows the issued document itself; these fields do not change it."
            ),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("number_symbol"),
        index.SearchField("subject"),
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("document page")

    def display(self) -> DocumentDisplay:
        source = self.source_document
        if source is None:
            return self._display_own_fields()
        return DocumentDisplay(
            number_symbol=source.number_symbol,
            kind=source.get_kind_display(),
            agency=source.agency.name,
            signer=source.signer_name,
            issued_on=source.issued_on,
            subject=source.subject,
            summary=self.summary,
            paragraphs=_paragraphs(source.body),
            pdf_document_pk=source.pk if source.pdf_status == PdfStatus.READY else None,
            pdf_pending=source.pdf_status != PdfStatus.READY,
        )

    def _display_own_fields(self) -> DocumentDisplay:
        return DocumentDisplay(
            number_symbol=self.number_symbol,
            kind=self.get_kind_display() if self.kind else "",
            agency=self.agency.name if self.agency else "",
            signer=self.signer_name,
            issued_on=self.issued_on,
            subject=self.subject or self.title,
            summary=self.summary,
            paragraphs=_paragraphs(self.body),
            pdf_document_pk=None,
            pdf_pending=False,
        )


def document_pages() -> models.QuerySet[DocumentPage]:
    """Live document pages with their documents, newest first, in a bounded number of queries."""
    return (
        DocumentPage.objects.live()
        .select_related("source_document__agency", "agency")
        .annotate(sort_date=Coalesce("source_document__issued_on", "issued_on"))
        .order_by(F("sort_date").desc(nulls_last=True), "-first_published_at")
    )


def _page_of(pages: models.QuerySet[DocumentPage], number: str | None) -> PaginatorPage:
    return Paginator(pages, PAGE_SIZE).get_page(number)


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())
