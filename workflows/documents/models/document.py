"""The document and its lifecycle: one machine, read top to bottom in ``Document``."""

from anyascii import anyascii
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from django.conf import settings
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Agency, Unit

from .. import rules
from .kinds import DocumentKind
from .states import DocumentState

__all__ = ["Document", "DocumentKind", "DocumentState", "PdfStatus", "Urgency"]


class Urgency(models.TextChoices):
    NORMAL = "", _("Normal")
    URGENT = "khan", _("Urgent (KHẨN)")
    VERY_URGENT = "thuong_khan", _("Very urgent (THƯỢNG KHẨN)")
    FLASH = "hoa_toc", _("Flash (HỎA TỐC)")


class PdfStatus(models.TextChoices):
    NONE = "", _("Not rendered")
    PENDING = "pending", _("Rendering")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class Document(ConcurrentTransitionMixin, models.Model):
    kind = models.CharField(_("type"), max_length=30, choices=DocumentKind.choices)
    subject = models.CharField(_("subject"), max_length=500)
    body = models.TextField(_("body"), blank=True)
    addressees = models.TextField(
        _("addressed to (Kính gửi)"), blank=True, help_text=_("One recipient per line.")
    )
    distribution = models.TextField(
        _("recipients (Nơi nhận)"), blank=True, help_text=_("One recipient per line.")
    )
    urgency = models.CharField(
        _("urgency"), max_length=20, choices=Urgency.choices, blank=True, default=""
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("issuing agency"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("drafting unit"), on_delete=models.PROTECT, related_name="documents"
    )

    state = FSMField(
        _("state"),
        default=DocumentState.DRAFTING,
        choices=DocumentState.choices,
        editable=False,
        db_index=True,
    )
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drafted by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last edited by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signer_name = models.CharField(_("signer's name"), max_length=120, blank=True)
    signer_position = models.CharField(_("signer's position"), max_length=120, blank=True)
    signer_authority = models.CharField(_("signs for"), max_length=160, blank=True)
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)

    number = models.PositiveIntegerField(_("number"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("register year"), null=True, blank=True)
    number_symbol = models.CharField(_("number and symbol"), max_length=60, blank=True)
    issued_on = models.DateField(_("issue date"), null=True, blank=True)
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)

    pdf = models.FileField(_("PDF"), upload_to="documents/%Y/", blank=True, editable=False)
    pdf_status = models.CharField(
        _("PDF status"), max_length=10, choices=PdfStatus.choices, blank=True, default=""
    )
    pdf_error = models.TextField(_("PDF error"), blank=True, editable=False)

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "number"],
                condition=models.Q(number__isnull=False),
                name="document_number_unique_per_agency_year",
            )
        ]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.number_symbol or self.subject

    @property
    def file_stem(self) -> str:
        """An ASCII name for files of this document: '01-bhxh-csyt', or 'van-ban-12' before
        it has a number."""
        label = slugify(anyascii(self.number_symbol.replace("/", "-")))
        return label or f"van-ban-{self.pk}"

    # The lifecycle. Each transition changes the state and nothing else; the services in
    # services.py check the actor, lock the row, record the event and run side effects.

    @transition(
        field=state,
        source=DocumentState.DRAFTING,
        target=DocumentState.INTERNAL_REVIEW,
        permission=rules.may_submit,
        conditions=[rules.has_content],
    )
    def submit(self) -> None:
        """The drafter sends the draft to the unit head."""

    @transition(
        field=state,
        source=DocumentState.INTERNAL_REVIEW,
        target=DocumentState.AWAITING_SIGNATURE,
        permission=rules.may_approve,
    )
    def approve(self) -> None:
        """The unit head approves the draft for signature."""

    @transition(
        field=state,
        source=[DocumentState.INTERNAL_REVIEW, DocumentState.AWAITING_SIGNATURE],
        target=DocumentState.DRAFTING,
        permission=rules.may_return,
    )
    def return_to_drafter(self) -> None:
        """A reviewer or the signer sends the draft back, with a reason."""

    @transition(
        field=state,
        source=DocumentState.AWAITING_SIGNATURE,
        target=DocumentState.SIGNED,
        permission=rules.may_sign,
    )
    def sign(self) -> None:
        """The signer signs the document."""

    @transition(
        field=state,
        source=DocumentState.SIGNED,
        target=DocumentState.ISSUED,
        permission=rules.may_issue,
    )
    def issue(self) -> None:
        """The clerk registers the document, which gives it its number."""
