"""A coordination request and its lifecycle: one machine, read top to bottom below."""

from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Unit

from .. import rules
from .states import OPEN_STATES, RECEIVER_STATES, RequestState, RequestUrgency


class CoordinationRequest(ConcurrentTransitionMixin, models.Model):
    """A question, a problem in a province or a request for data, sent by someone of one unit
    (central or provincial) to another unit, which assigns it to a member who answers it."""

    subject = models.CharField(_("subject"), max_length=300)
    description = models.TextField(_("description"))
    urgency = models.CharField(
        _("urgency"),
        max_length=20,
        choices=RequestUrgency.choices,
        default=RequestUrgency.NORMAL,
    )
    due_on = models.DateField(_("answer due"))
    documents = models.ManyToManyField(
        "documents.Document",
        verbose_name=_("documents concerned"),
        blank=True,
        related_name="coordination_requests",
    )
    answered_by = models.ManyToManyField(
        "documents.Document",
        verbose_name=_("answered by"),
        blank=True,
        related_name="answered_requests",
        help_text=_("Issued documents that answer this request (a guidance letter to many)."),
    )
    drafted_answers = models.ManyToManyField(
        "documents.Document",
        verbose_name=_("answer being drafted"),
        blank=True,
        editable=False,
        related_name="requests_to_answer",
        help_text=_("Drafts the receiving unit started to answer it; issuing one answers it."),
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    requester_unit = models.ForeignKey(
        Unit,
        verbose_name=_("requesting unit"),
        on_delete=models.PROTECT,
        related_name="outgoing_requests",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("receiving unit"),
        on_delete=models.PROTECT,
        related_name="incoming_requests",
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
    answer_text = models.TextField(_("answer"), blank=True, editable=False)
    state = FSMField(
        _("state"),
        default=RequestState.SUBMITTED,
        choices=RequestState.choices,
        editable=False,
        db_index=True,
    )
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)
    created_at = models.DateTimeField(_("raised"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    closed_at = models.DateTimeField(_("accepted"), null=True, blank=True, editable=False)
    escalated_at = models.DateTimeField(_("escalated"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["unit", "state", "due_on"], name="request_unit_queue"),
            models.Index(fields=["state", "due_on"], name="request_state_due"),
        ]
        verbose_name = _("coordination request")
        verbose_name_plural = _("coordination requests")

    def __str__(self) -> str:
        return self.subject

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def is_overdue(self) -> bool:
        """The receiving unit still owes the answer and its deadline has passed."""
        return self.state in RECEIVER_STATES and self.due_on < timezone.localdate()

    # The lifecycle. Each transition changes the state and nothing else; services.py checks
    # the actor, locks the row, sets the assignee or unit, records the event and notifies.

    @transition(
        field=state,
        source=[RequestState.SUBMITTED, RequestState.ASSIGNED],
        target=RequestState.ASSIGNED,
        permission=rules.may_assign,
    )
    def assign(self) -> None:
        """The receiving unit's head gives the request to one of the unit's members."""

    @transition(
        field=state,
        source=[RequestState.SUBMITTED, RequestState.ASSIGNED],
        target=RequestState.SUBMITTED,
        permission=rules.may_forward,
    )
    def forward(self) -> None:
        """The receiving unit's head sends it to another unit, with a reason; it waits there
        to be assigned."""

    @transition(
        field=state,
        source=RequestState.ASSIGNED,
        target=RequestState.ANSWERED,
        permission=rules.may_answer,
    )
    def answer(self) -> None:
        """The assignee answers."""

    @transition(
        field=state,
        source=RequestState.ASSIGNED,
        target=RequestState.WAITING_FOR_REQUESTER,
        permission=rules.may_ask,
    )
    def ask(self) -> None:
        """The assignee asks the requester for more information."""

    @transition(
        field=state,
        source=RequestState.WAITING_FOR_REQUESTER,
        target=RequestState.ASSIGNED,
        permission=rules.may_reply,
    )
    def reply(self) -> None:
        """The requester gives the information; the assignee has it again."""

    @transition(
        field=state,
        source=RequestState.ANSWERED,
        target=RequestState.ACCEPTED,
        permission=rules.may_accept,
    )
    def accept(self) -> None:
        """The requester accepts the answer; the request is closed."""

    @transition(
        field=state,
        source=RequestState.ANSWERED,
        target=RequestState.ASSIGNED,
        permission=rules.may_reopen,
    )
    def reopen(self) -> None:
        """The requester finds the answer wanting and says why; the assignee has it again."""

    # Done by an issue, not by a person: a document drafted to answer the request was issued.

    @transition(
        field=state,
        source=[
            RequestState.SUBMITTED,
            RequestState.ASSIGNED,
            RequestState.WAITING_FOR_REQUESTER,
        ],
        target=RequestState.ANSWERED,
    )
    def answer_with_document(self) -> None:
        """The issued document is the answer; the requester accepts or reopens it as usual."""
