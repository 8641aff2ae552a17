"""The document and its lifecycle: one machine, read top to bottom in ``Document``."""

from typing import Any

from anyascii import anyascii
from django_fsm import GET_STATE, ConcurrentTransitionMixin, FSMField, transition

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Agency, Unit

from .. import routing, rules
from .kinds import DocumentKind
from .register import RegisterSeries
from .states import (
    ACTIVE_STATES,
    ISSUED_STATES,
    RETURNABLE_STATES,
    WITHDRAWABLE_STATES,
    DocumentState,
)

__all__ = ["Confidentiality", "Document", "DocumentKind", "DocumentState", "PdfStatus", "Urgency"]


class Urgency(models.TextChoices):
    NORMAL = "", _("Normal")
    URGENT = "khan", _("Urgent (KHẨN)")
    VERY_URGENT = "thuong_khan", _("Very urgent (THƯỢNG KHẨN)")
    FLASH = "hoa_toc", _("Flash (HỎA TỐC)")


# What a drafter edits; everything else is set by the services.
EDITABLE_FIELDS = (
    "kind",
    "subject",
    "body",
    "addressees",
    "distribution",
    "urgency",
    "confidentiality",
    "counterpart_unit",
    "is_joint",
)


class Confidentiality(models.TextChoices):
    NONE = "", _("Not confidential")
    CONFIDENTIAL = "mat", _("Confidential (MẬT)")
    SECRET = "toi_mat", _("Secret (TỐI MẬT)")
    TOP_SECRET = "tuyet_mat", _("Top secret (TUYỆT MẬT)")


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
    confidentiality = models.CharField(
        _("confidentiality"),
        max_length=20,
        choices=Confidentiality.choices,
        blank=True,
        default="",
        help_text=_("Confidential documents are numbered in their own register series."),
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("issuing agency"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("drafting unit"), on_delete=models.PROTECT, related_name="documents"
    )
    counterpart_unit = models.ForeignKey(
        Unit,
        verbose_name=_("counterpart unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="counterpart_documents",
        help_text=_("The other agency's unit that reviews the draft (and co-signs a joint one)."),
    )
    counterpart_agency = models.ForeignKey(
        Agency,
        verbose_name=_("counterpart agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    is_joint = models.BooleanField(
        _("joint document"),
        default=False,
        help_text=_("Issued by both agencies: both sign, the lead agency numbers it."),
    )
    shared_at = models.DateTimeField(
        _("shared with the counterpart"), null=True, blank=True, editable=False
    )

    state = FSMField(
        _("state"),
        default=DocumentState.DRAFTING,
        choices=DocumentState.choices,
        editable=False,
        db_index=True,
    )
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)
    version_number = models.PositiveIntegerField(_("versions frozen"), default=0, editable=False)
    step_started_at = models.DateTimeField(_("step started"), null=True, blank=True, editable=False)
    step_due_on = models.DateField(_("step due"), null=True, blank=True, editable=False)
    escalated_at = models.DateTimeField(_("escalated"), null=True, blank=True, editable=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("taken by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

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

    series = models.CharField(
        _("register series"),
        max_length=20,
        choices=RegisterSeries.choices,
        default=RegisterSeries.ORDINARY,
        editable=False,
    )
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
                fields=["agency", "year", "series", "number"],
                condition=models.Q(number__isnull=False),
                name="document_number_unique_per_agency_year",
            )
        ]
        indexes = [models.Index(fields=["state", "step_due_on"], name="document_state_due")]
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

    def signatures_on_current_version(self) -> "models.QuerySet[Any]":
        return self.signatures.filter(version__number=self.version_number)

    @property
    def has_open_step(self) -> bool:
        return self.state in ACTIVE_STATES

    @property
    def is_overdue(self) -> bool:
        return bool(
            self.has_open_step and self.step_due_on and self.step_due_on < timezone.localdate()
        )

    @property
    def is_issued(self) -> bool:
        return self.state in ISSUED_STATES

    @property
    def is_confidential(self) -> bool:
        return bool(self.confidentiality)

    # The lifecycle. Each transition changes the state and nothing else; the services in
    # services.py check the actor, lock the row, freeze versions, record the event and run side
    # effects. ``routing`` says which review steps a document needs.

    @transition(
        field=state,
        source=DocumentState.DRAFTING,
        target=DocumentState.INTERNAL_REVIEW,
        permission=rules.may_submit,
        conditions=[rules.has_content, rules.has_counterpart_if_joint],
    )
    def submit(self) -> None:
        """The drafter sends the draft to the unit head."""

    @transition(
        field=state,
        source=DocumentState.INTERNAL_REVIEW,
        target=GET_STATE(routing.after_internal_review, states=routing.AFTER_INTERNAL_REVIEW),
        permission=rules.may_approve,
    )
    def approve(self) -> None:
        """The unit head approves: on to legal appraisal, the counterpart, or signature."""

    @transition(
        field=state,
        source=DocumentState.LEGAL_APPRAISAL,
        target=GET_STATE(routing.after_legal_appraisal, states=routing.AFTER_LEGAL_APPRAISAL),
        permission=rules.may_appraise,
    )
    def appraise(self) -> None:
        """The legal department finds the draft lawful: on to the counterpart or signature."""

    @transition(
        field=state,
        source=DocumentState.COUNTERPART_REVIEW,
        target=DocumentState.AWAITING_SIGNATURE,
        permission=rules.may_agree,
    )
    def agree(self) -> None:
        """The counterpart unit has commented (or, for a joint document, approves the content)."""

    @transition(
        field=state,
        source=list(RETURNABLE_STATES),
        target=DocumentState.DRAFTING,
        permission=rules.may_return,
    )
    def return_to_drafter(self) -> None:
        """A reviewer or a signer sends the draft back, with a reason."""

    @transition(
        field=state,
        source=DocumentState.AWAITING_SIGNATURE,
        target=DocumentState.PARTLY_SIGNED,
        permission=rules.may_sign,
        conditions=[rules.is_joint],
    )
    def sign_first(self) -> None:
        """One agency's signer signs a joint document; the other agency's signature is due."""

    @transition(
        field=state,
        source=[DocumentState.AWAITING_SIGNATURE, DocumentState.PARTLY_SIGNED],
        target=DocumentState.SIGNED,
        permission=rules.may_sign,
        conditions=[rules.completes_signatures],
    )
    def sign(self) -> None:
        """The (last) signer signs; the document goes to the lead agency's clerk."""

    @transition(
        field=state,
        source=DocumentState.SIGNED,
        target=DocumentState.ISSUED,
        permission=rules.may_issue,
    )
    def issue(self) -> None:
        """The clerk registers the document, which gives it its number."""

    @transition(
        field=state,
        source=list(WITHDRAWABLE_STATES),
        target=DocumentState.WITHDRAWN,
        permission=rules.may_withdraw,
    )
    def withdraw(self) -> None:
        """The drafter or the unit head abandons the draft, with a reason."""

    # After issue, a document changes only because a later issued document says so.

    @transition(
        field=state,
        source=[DocumentState.ISSUED, DocumentState.AMENDED],
        target=DocumentState.AMENDED,
    )
    def amend(self) -> None:
        """A later document amends part of this one."""

    @transition(
        field=state,
        source=[DocumentState.ISSUED, DocumentState.AMENDED],
        target=DocumentState.SUPERSEDED,
    )
    def supersede(self) -> None:
        """A later document replaces this one."""

    @transition(
        field=state,
        source=[DocumentState.ISSUED, DocumentState.AMENDED],
        target=DocumentState.REVOKED,
    )
    def revoke(self) -> None:
        """A later document revokes this one."""
