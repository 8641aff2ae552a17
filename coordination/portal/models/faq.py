"""Frequent questions and their answers, published next to the guidance they concern. Each entry
comes from an answered coordination request, but shows only the public text its answering
unit's head wrote: never the requester, nor the request's own words. Its publishing state lives
here, outside Wagtail's page revisions."""

from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coordination.organisation.models import Unit
from workflows.audit import MachineEvent

from ..faq import rules
from .pages import DocumentPage


class FaqState(models.TextChoices):
    UNPUBLISHED = "unpublished", pgettext_lazy("frequent question", "Not published")
    PUBLISHED = "published", pgettext_lazy("frequent question", "Published")


class FaqEntry(ConcurrentTransitionMixin, models.Model):
    request = models.OneToOneField(
        "requests.CoordinationRequest",
        verbose_name=_("coordination request"),
        on_delete=models.PROTECT,
        related_name="faq_entry",
        editable=False,
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("answering unit"),
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    question = models.TextField(_("question, as published"))
    answer = models.TextField(_("answer, as published"))
    pages = models.ManyToManyField(
        DocumentPage, verbose_name=_("documents concerned"), related_name="faq_entries"
    )
    folded = models.TextField(_("folded text"), editable=False, default="")
    state = FSMField(
        _("state"),
        default=FaqState.UNPUBLISHED,
        choices=FaqState.choices,
        editable=False,
        db_index=True,
    )
    revision = models.PositiveIntegerField(_("revision"), default=1, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["state", "-published_at"], name="faq_published")]
        verbose_name = _("frequent question")
        verbose_name_plural = _("frequent questions")

    def __str__(self) -> str:
        return self.question[:80]

    # The lifecycle: the answering unit's head publishes and unpublishes; services.py checks,
    # locks, records the event and invalidates the cached pages.

    @transition(
        field=state,
        source=FaqState.UNPUBLISHED,
        target=FaqState.PUBLISHED,
        permission=rules.may_manage,
    )
    def publish(self) -> None:
        """Shown on the portal: the documents' pages, the listing, the search."""

    @transition(
        field=state,
        source=FaqState.PUBLISHED,
        target=FaqState.UNPUBLISHED,
        permission=rules.may_manage,
    )
    def unpublish(self) -> None:
        """Taken off the portal; kept, with its history, to be published again."""


FAQ_ACTION_LABELS = {
    "publish": _("published it"),
    "edit": _("edited the public text"),
    "unpublish": _("took it off the portal"),
}


class FaqEvent(MachineEvent):
    entry = models.ForeignKey(
        FaqEntry,
        verbose_name=_("frequent question"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    source_state = models.CharField(_("from"), max_length=20)
    target_state = models.CharField(_("to"), max_length=20)
    at = models.DateTimeField(_("at"), auto_now_add=True)

    action_labels = FAQ_ACTION_LABELS
    states = FaqState

    class Meta(MachineEvent.Meta):
        verbose_name = _("frequent question event")
        verbose_name_plural = _("frequent question events")

    def __str__(self) -> str:
        return f"{self.entry_id}: {self.action}"
