"""Audit rows of every machine: written once, never edited or deleted; and what they tell the
person whose form went stale."""

from datetime import datetime
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

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
