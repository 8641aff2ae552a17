"""A warning run: one province's quarter, from the flagged list to the issued letters. The whole
lifecycle is the block of transitions at the end of ``WarningRun``."""

from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Agency, Province, Unit

from .. import rules
from ..quarters import Quarter
from .costs import CostImport
from .states import WarningRunState


class RenderStatus(models.TextChoices):
    NONE = "", _("Not rendered")
    PENDING = "pending", _("Waiting for the worker")
    RENDERING = "rendering", _("Rendering")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


def _user(label: str, *, null: bool = False) -> models.ForeignKey:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=label,
        null=null,
        blank=null,
        on_delete=models.PROTECT,
        related_name="+",
    )


class WarningRun(ConcurrentTransitionMixin, models.Model):
    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="+"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("issuing agency"), on_delete=models.PROTECT, related_name="+"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("verification unit"), on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    cost_import = models.ForeignKey(
        CostImport, verbose_name=_("cost data"), on_delete=models.PROTECT, related_name="runs"
    )
    state = FSMField(
        _("state"),
        default=WarningRunState.PREPARING,
        choices=WarningRunState.choices,
        editable=False,
        db_index=True,
    )
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)
    prepared_by = _user(_("prepared by"))
    last_edited_by = _user(_("last edited by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    signer = _user(_("signer"), null=True)
    signer_name = models.CharField(_("signer's name"), max_length=120, blank=True)
    signer_position = models.CharField(_("signer's position"), max_length=120, blank=True)
    signer_authority = models.CharField(_("signs for"), max_length=160, blank=True)
    issued_on = models.DateField(_("issue date"), null=True, blank=True)
    reply_by = models.DateField(_("reply by"), null=True, blank=True)

    render_status = models.CharField(
        _("rendering"), max_length=10, choices=RenderStatus.choices, blank=True, default=""
    )
    letters_total = models.PositiveIntegerField(_("letters to render"), default=0)
    letters_rendered = models.PositiveIntegerField(_("letters rendered"), default=0)
    render_error = models.TextField(_("rendering error"), blank=True, editable=False)
    print_file = models.FileField(_("print file"), blank=True, editable=False)

    class Meta:
        ordering = ["-year", "-quarter", "province__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "year", "quarter"], name="one_warning_run_per_quarter"
            )
        ]
        verbose_name = _("warning run")
        verbose_name_plural = _("warning runs")

    def __str__(self) -> str:
        return f"{self.province} {self.period}"

    @property
    def period(self) -> Quarter:
        return Quarter(self.year, self.quarter)

    @property
    def render_percent(self) -> int:
        if not self.letters_total:
            return 0
        return round(100 * self.letters_rendered / self.letters_total)

    # The lifecycle. Each transition changes the state and nothing else; the services check
    # the actor, lock the row, record the event, number the letters and announce the issue.

    @transition(
        field=state,
        source=WarningRunState.PREPARING,
        target=WarningRunState.IN_REVIEW,
        permission=rules.may_submit,
        conditions=[rules.has_letters],
    )
    def submit(self) -> None:
        """The verification officer sends the list of letters to the head of the unit."""

    @transition(
        field=state,
        source=WarningRunState.IN_REVIEW,
        target=WarningRunState.AWAITING_SIGNATURE,
        permission=rules.may_approve,
    )
    def approve(self) -> None:
        """The head of the unit, who did not prepare the run, approves it for signature."""

    @transition(
        field=state,
        source=[WarningRunState.IN_REVIEW, WarningRunState.AWAITING_SIGNATURE],
        target=WarningRunState.PREPARING,
        permission=rules.may_return,
    )
    def return_to_preparer(self) -> None:
        """The reviewer or the signer sends the run back, with a reason."""

    @transition(
        field=state,
        source=WarningRunState.AWAITING_SIGNATURE,
        target=WarningRunState.ISSUED,
        permission=rules.may_issue,
    )
    def issue(self) -> None:
        """The signer signs; every letter takes its number from the office's register."""
