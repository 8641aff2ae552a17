"""A document received from another agency as an edXML package, one row of the agency's
incoming register, and its lifecycle: one machine, read top to bottom below."""

from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Agency, Unit

from .. import rules
from .states import STATUS_CODES, IncomingState, Priority


class IncomingDocument(ConcurrentTransitionMixin, models.Model):
    # Registration: the agency's arrival number, per calendar year, from 1.
    agency = models.ForeignKey(
        Agency, verbose_name=_("receiving agency"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("register year"), editable=False)
    arrival_number = models.PositiveIntegerField(_("arrival number"), editable=False)
    arrived_at = models.DateTimeField(_("arrived"), editable=False)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    # What the package says, as it said it.
    package_id = models.CharField(_("document identifier"), max_length=200)
    sender_code = models.CharField(_("sender's code"), max_length=13)
    sender_name = models.CharField(_("sender"), max_length=500)
    sender = models.JSONField(_("sender's details"), default=dict)
    receivers = models.JSONField(_("receivers"), default=list)
    number_symbol = models.CharField(_("number and symbol"), max_length=80)
    place = models.CharField(_("place"), max_length=500)
    promulgated_on = models.DateField(_("document date"))
    type_code = models.PositiveSmallIntegerField(_("type code"), default=0)
    type_name = models.CharField(_("type"), max_length=500)
    subject = models.CharField(_("subject"), max_length=500)
    content = models.TextField(_("content"), blank=True)
    signer_competence = models.CharField(_("signs for"), max_length=500, blank=True)
    signer_position = models.CharField(_("signer's position"), max_length=500, blank=True)
    signer_name = models.CharField(_("signer"), max_length=500)
    due_on = models.DateField(_("deadline"), null=True, blank=True)
    to_places = models.JSONField(_("recipients"), default=list)
    priority = models.PositiveSmallIntegerField(
        _("urgency"), choices=Priority.choices, default=Priority.NORMAL
    )
    steering_type = models.PositiveSmallIntegerField(_("steering type"), default=0)
    page_amount = models.PositiveIntegerField(_("pages"), default=0)
    promulgation_amount = models.PositiveIntegerField(_("copies"), default=0)
    typer_notation = models.CharField(_("typist's notation"), max_length=500, blank=True)
    traces = models.JSONField(_("trace"), default=list)
    package = models.FileField(_("package"), upload_to="exchange/%Y/", editable=False)
    package_sha256 = models.CharField(_("package SHA-256"), max_length=64, editable=False)

    # Found in this system when the sender is one of its agencies.
    sender_agency = models.ForeignKey(
        Agency,
        verbose_name=_("sending agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    source_document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("outgoing document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="incoming_copies",
        editable=False,
    )

    # Handling.
    state = FSMField(
        _("state"),
        default=IncomingState.ARRIVED,
        choices=IncomingState.choices,
        editable=False,
        db_index=True,
    )
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("assigned unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="incoming_documents",
        editable=False,
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    assigned_at = models.DateTimeField(_("assigned"), null=True, blank=True, editable=False)
    return_reason = models.TextField(_("reason for returning it"), blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-year", "-arrival_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "arrival_number"], name="incoming_number_per_agency_year"
            ),
            models.UniqueConstraint(
                fields=["agency", "package_id"], name="incoming_package_once_per_agency"
            ),
        ]
        indexes = [models.Index(fields=["agency", "state"], name="incoming_agency_state")]
        verbose_name = _("incoming document")
        verbose_name_plural = _("incoming documents")

    def __str__(self) -> str:
        return f"{self.arrival_number}/{self.year} – {self.number_symbol}"

    @property
    def status_code(self) -> str:
        return STATUS_CODES[IncomingState(self.state)]

    # The lifecycle. Each transition changes the state and nothing else; services.py checks the
    # actor, locks the row, sets the unit or reason, writes the audit row and the status notice.

    @transition(
        field=state,
        source=IncomingState.ARRIVED,
        target=IncomingState.ACCEPTED,
        permission=rules.may_accept,
    )
    def accept(self) -> None:
        """The clerk finds it in order and takes it in (03)."""

    @transition(
        field=state,
        source=[IncomingState.ARRIVED, IncomingState.ACCEPTED],
        target=IncomingState.RETURNED,
        permission=rules.may_return,
    )
    def return_to_sender(self) -> None:
        """The clerk refuses it or sends it back, saying why (02)."""

    @transition(
        field=state,
        source=[IncomingState.ACCEPTED, IncomingState.ASSIGNED],
        target=IncomingState.ASSIGNED,
        permission=rules.may_assign,
    )
    def assign(self) -> None:
        """The leadership (or the clerk on its instruction) gives it to a unit or person (04)."""

    @transition(
        field=state,
        source=IncomingState.ASSIGNED,
        target=IncomingState.PROCESSING,
        permission=rules.may_handle,
    )
    def start(self) -> None:
        """The person or unit it was given to starts on it (05)."""

    @transition(
        field=state,
        source=IncomingState.PROCESSING,
        target=IncomingState.COMPLETED,
        permission=rules.may_handle,
    )
    def complete(self) -> None:
        """They have done what it asked (06)."""
