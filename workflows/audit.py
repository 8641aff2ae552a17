"""Audit rows of every machine: written once, never edited or deleted; and what they tell the
person whose form went stale."""

from collections.abc import Mapping
from datetime import datetime
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.organisation.names import person_name


class AuditTrailIsFinal(Exception):
    """An audit row was about to be changed or deleted."""


class AuditRow(models.Model):
    """Base of the machines' event models: a second save or a delete is refused."""

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AuditTrailIsFinal(f"{self._meta.label} {self.pk} is part of the audit trail")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AuditTrailIsFinal(f"{self._meta.label} {self.pk} is part of the audit trail")


class MachineEvent(AuditRow):
    """One step of a machine: who took it, when, from which state to which, their comment, and
    the row's revision after it. Each machine's event adds the row it records (a foreign key
    whose ``related_name`` is ``events``) and its own columns, and names its ``action_labels``
    and the ``states`` its rows move through."""

    action = models.CharField(gettext_lazy("action"), max_length=20)
    source_state = models.CharField(gettext_lazy("from"), max_length=30)
    target_state = models.CharField(gettext_lazy("to"), max_length=30)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    comment = models.TextField(gettext_lazy("comment"), blank=True)
    revision = models.PositiveIntegerField(gettext_lazy("revision after"))
    at = models.DateTimeField(gettext_lazy("at"), auto_now_add=True, db_index=True)

    action_labels: ClassVar[Mapping[str, Any]] = {}
    states: ClassVar[type[models.TextChoices]]

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    @property
    def action_label(self) -> str:
        return str(self.action_labels.get(self.action, self.action))

    @property
    def target_label(self) -> str:
        return str(self.states(self.target_state).label)


def change_sentence(who: str, what: str, at: datetime, *, sentence: str | Promise = "") -> str:
    """One step someone took, as the stale form tells it: "<who> <did what> (<when>)"."""
    when = timezone.localtime(at).strftime("%H:%M %d/%m/%Y")
    wording = str(sentence) or _("%(who)s %(what)s (%(when)s)")
    return wording % {"who": who, "what": what, "when": when}


def changes_since(events: Any, revision: int, *, sentence: str | Promise = "") -> list[str]:
    """Plain sentences for the person whose form went stale: who did what since they looked
    (``events``: a machine's audit rows, e.g. ``request.events``)."""
    since = events.filter(revision__gt=revision).select_related("actor")
    return [
        change_sentence(person_name(event.actor), event.action_label, event.at, sentence=sentence)
        for event in since
    ]
