"""The client systems of other agencies that read the API, each with its own token.

A token is shown once, when it is issued, and only its SHA-256 is kept: a database copy cannot be
replayed. The row also counts the client's requests in the current minute, so that the rate limit
holds across every server process and machine that shares the database."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coordination.organisation.models import Agency


class ApiClient(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="api_clients"
    )
    name = models.CharField(
        _("name"), max_length=200, help_text=_("The system that reads the API, e.g. its name.")
    )
    token_hash = models.CharField(_("token (SHA-256)"), max_length=64, unique=True, editable=False)
    token_prefix = models.CharField(_("token begins with"), max_length=16, editable=False)
    is_active = models.BooleanField(_("active"), default=True, editable=False)
    created_at = models.DateTimeField(pgettext_lazy("API token", "issued"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("API token", "issued by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    revoked_at = models.DateTimeField(
        pgettext_lazy("API token", "revoked"), null=True, blank=True, editable=False
    )
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("API token", "revoked by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    window_started_at = models.DateTimeField(
        _("rate window started"), null=True, blank=True, editable=False
    )
    window_requests = models.PositiveIntegerField(
        _("requests in the rate window"), default=0, editable=False
    )

    class Meta:
        ordering = ["-is_active", "agency__name", "name"]
        verbose_name = _("API client")
        verbose_name_plural = _("API clients")

    def __str__(self) -> str:
        return f"{self.name} ({self.agency.symbol})"
