"""The public portal's pages. A page for an issued document shows the document's row live:
workflow state never lives in page revisions, so re-publishing an old revision cannot undo an
issue (DEVELOPERS.md, django-fsm pitfalls). Relations, status and search live in entries.py."""

from dataclasses import dataclass
from datetime import date

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from coordination.organisation.models import Agency, Province, Unit
from workflows.documents.models import Document, DocumentKind, PdfStatus

PAGE_SIZE = 20


class ViewRestrictionsInOneQuery:
    """Wagtail reads a page's ancestors, then the view restrictions on them and on the page (two
    queries on every reading); this finds the same restrictions from the pages' paths in one:
    those on the page or an ancestor, an alias standing for the page it is an alias of."""

    path: str
    steplen: int

    def get_view_restrictions(self) -> QuerySet[PageViewRestriction]:
        from ..caching import cached_for_generation

        # A public portal usually has none: knowing that, kept until a restriction is saved or
        # deleted (signals.py), saves the query on every reading.
        if not cached_for_generation("any-view-restriction", PageViewRestriction.objects.exists):
            return PageViewRestriction.objects.none()
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        guarded = Page.objects.filter(path__in=paths).annotate(
            guarded=Coalesce("alias_of_id", "id")
        )
        return PageViewRestriction.objects.filter(page_id__in=guarded.values("guarded"))


class HomePage(ViewRestrictionsInOneQuery, Page):
    """The portal's front page: the latest and the most read guidance."""

    intro = RichTextField(_("introduction"), blank=True)

    max_count = 1
    subpage_types = ["portal.DocumentIndexPage"]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("home page")

    def serve(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        from ..caching import mark_cacheable

        return mark_cacheable(super().serve(request, *args, **kwargs))

    def route(self, request: HttpRequest, path_components: list[str]) -> RouteResult:
        """The listing page, kept until the next publish (Wagtail reads the page, then its
        specific row): every document page is routed through it."""
        from ..caching import cached_for_generation

        if not path_components:
            return super().route(request, path_components)
        indexes = cached_for_generation(
            f"indexes:{self.pk}",
            lambda: {page.slug: page for page in DocumentIndexPage.objects.child_of(self)},
        )
        index = indexes.get(path_components[0])
        if index is None:
            return super().route(request, path_components)
        index._cached_parent_obj = self
        return index.route(request, path_components[1:])

    def get_context(self, request: HttpRequest, *args: object, **kwargs: object) -> dict:
        from ..listing import home_context

        return {**super().get_context(request, *args, **kwargs), **home_context()}


class DocumentIndexPage(ViewRestrictionsInOneQuery, Page):
    """Every published document: the listing by topic, type, agency, year and status, and the
    search."""

    intro = RichTextField(_("introduction"), blank=True)

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.DocumentPage"]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("document listing")

    def serve(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        from ..caching import mark_cacheable

        return mark_cacheable(super().serve(request, *args, **kwargs))

    def route(self, request: HttpRequest, path_components: list[str]) -> RouteResult:
        """A document page in one query, with its workflow document, agency and search entry,
        where Wagtail would read the page, then its specific row, then each of them."""
        if len(path_components) != 1:
            return super().route(request, path_components)
        page = shown_pages().child_of(self).filter(slug=path_components[0]).first()
        if page is None:
            raise Http404
        page._cached_parent_obj = self
        return page.route(request, [])

    def get_context(self, request: HttpRequest, *args: object, **kwargs: object) -> dict:
        from ..listing import index_context

        return {**super().get_context(request, *args, **kwargs), **index_context(request)}


@dataclass(frozen=True)
class DocumentDisplay:
    """What a document page shows, from the live document row or from the page's own fields."""

    number_symbol: str
    kind: str
    agency: str
    signer: str
    issued_on: date | None
    effective_on: date | None
    expires_on: date | None
    subject: str
    summary: str
    paragraphs: tuple[str, ...]
    pdf_url: str
    pdf_pending: bool

    @property
    def text(self) -> str:
        return "\n".join((self.summary, *self.paragraphs)).strip()


class DocumentPage(ViewRestrictionsInOneQuery, Page):
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
    pdf_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("signed PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answering_unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit that answers questions"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Provincial offices' questions about this document go to this unit as coordination "
            "requests. Empty: the issuing agency's question desk (Snippets → Question desks)."
        ),
    )
    effective_on = models.DateField(
        _("effective date"), null=True, blank=True, help_text=_("Empty: from the issue date.")
    )
    expires_on = models.DateField(
        _("no longer in force from"), null=True, blank=True, help_text=_("Empty: no end date.")
    )
    topics = ParentalManyToManyField("portal.Topic", verbose_name=_("topics"), blank=True)
    provinces = ParentalManyToManyField(
        Province,
        verbose_name=_("provinces addressed"),
        blank=True,
        help_text=_("Empty: every province."),
    )

    parent_page_types = ["portal.DocumentIndexPage"]
    subpage_types: list[str] = []
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("effective_on"),
                FieldPanel("expires_on"),
                FieldPanel("topics"),
                FieldPanel("provinces"),
            ],
            heading=_("Validity, topics and provinces"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("number_symbol"),
                FieldPanel("kind"),
                FieldPanel("agency"),
                FieldPanel("signer_name"),
                FieldPanel("issued_on"),
                FieldPanel("subject"),
                FieldPanel("body"),
                FieldPanel("pdf_file"),
                FieldPanel("answering_unit"),
                InlinePanel("annexes", heading=_("Annexes"), label=_("Annex")),
            ],
            heading=_("Document issued outside the system"),
            help_text=_(
                "Fill these only for a document issued elsewhere. A page published from the "
                "workflow always shows the issued document itself; these fields do not change it."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("document page")

    def serve(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        from ..caching import mark_cacheable
        from ..publishing import document_page_count_view

        document_page_count_view(page_pk=self.pk)
        response = super().serve(request, *args, **kwargs)
        return response if self.pdf_pending else mark_cacheable(response, page_pk=self.pk)

    @property
    def pdf_pending(self) -> bool:
        """A workflow document's PDF not rendered yet: its page is not cached, so that the
        download appears as soon as the worker stores the file."""
        source = self.source_document
        return source is not None and source.pdf_status != PdfStatus.READY

    def clean(self) -> None:
        from ..annexes import pdf_content_errors

        super().clean()
        if self.pdf_file is not None and (problem := pdf_content_errors(self.pdf_file)):
            raise ValidationError({"pdf_file": problem})

    def get_context(self, request: HttpRequest, *args: object, **kwargs: object) -> dict:
        from ..listing import document_context

        context = super().get_context(request, *args, **kwargs)
        return {**context, **document_context(request, page=self)}

    def display(self) -> DocumentDisplay:
        source = self.source_document
        if source is None:
            return self._display_own_fields()
        ready = not self.pdf_pending
        return DocumentDisplay(
            number_symbol=source.number_symbol,
            kind=source.get_kind_display(),
            agency=source.agency.name,
            signer=source.signer_name,
            issued_on=source.issued_on,
            effective_on=self.effective_on or source.issued_on,
            expires_on=self.expires_on,
            subject=source.subject,
            summary=self.summary,
            paragraphs=_paragraphs(source.body),
            pdf_url=reverse("portal_document_pdf", args=[source.pk]) if ready else "",
            pdf_pending=not ready,
        )

    def _display_own_fields(self) -> DocumentDisplay:
        return DocumentDisplay(
            number_symbol=self.number_symbol,
            kind=self.get_kind_display() if self.kind else "",
            agency=self.agency.name if self.agency else "",
            signer=self.signer_name,
            issued_on=self.issued_on,
            effective_on=self.effective_on or self.issued_on,
            expires_on=self.expires_on,
            subject=self.subject or self.title,
            summary=self.summary,
            paragraphs=_paragraphs(self.body),
            pdf_url=self.pdf_file.url if self.pdf_file else "",
            pdf_pending=False,
        )


def shown_pages() -> QuerySet[DocumentPage]:
    """Document pages with what a page or a search result shows in the same query: the workflow
    document and its agency, the agency, the entry's dates; not the entry's folded texts, which
    only the search reads."""
    related = DocumentPage.objects.select_related("source_document__agency", "agency", "entry")
    return related.defer("entry__text", "entry__heading")


class DocumentAnnex(Orderable):
    """An annex of a document entered by hand (a table, a form, a list of facilities): a PDF
    uploaded with the page, listed and downloadable on it. Checked by content, not by name."""

    page = ParentalKey(DocumentPage, on_delete=models.CASCADE, related_name="annexes")
    title = models.CharField(
        _("title"), max_length=255, help_text=_("e.g. Phụ lục I. Danh mục cơ sở khám chữa bệnh")
    )
    file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF file"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("title"), FieldPanel("file")]

    class Meta(Orderable.Meta):
        verbose_name = _("annex")
        verbose_name_plural = _("annexes")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        from ..annexes import pdf_content_errors

        super().clean()
        if self.file is not None and (problem := pdf_content_errors(self.file)):
            raise ValidationError({"file": problem})


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())
