"""Audit rows of every machine: written once, never edited or deleted."""

from typing import Any

from django.db import models


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
