"""Provincial offices acknowledging receipt of a document and asking about it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Agency, Unit

from .pages import DocumentPage


class Acknowledgement(models.Model):
    """An agency (a provincial office) has received a document: who said so, and when."""

    page = models.ForeignKey(
        DocumentPage,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="acknowledgements",
    )
    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("acknowledged by"), on_delete=models.PROTECT
    )
    acknowledged_at = models.DateTimeField(_("acknowledged"), default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "agency"], name="one_acknowledgement")
        ]
        verbose_name = _("acknowledgement")
        verbose_name_plural = _("acknowledgements")

    def __str__(self) -> str:
        return f"{self.agency} – {self.acknowledged_at:%d/%m/%Y %H:%M}"


class Question(models.Model):
    """A question a provincial office asks on a document's page. It travels as a coordination
    request to the unit that answers for the document; ``request`` is empty only for questions
    stored before requests existed that no unit could be found for."""

    page = models.ForeignKey(
        DocumentPage, verbose_name=_("document"), on_delete=models.CASCADE, related_name="questions"
    )
    agency = models.ForeignKey(Agency, verbose_name=_("agency"), on_delete=models.PROTECT)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("asked by"), on_delete=models.PROTECT
    )
    text = models.TextField(_("question"))
    asked_at = models.DateTimeField(_("asked"), default=timezone.now)
    request = models.OneToOneField(
        "requests.CoordinationRequest",
        verbose_name=_("coordination request"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="portal_question",
    )

    class Meta:
        ordering = ["-asked_at"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text[:80]


class QuestionDesk(models.Model):
    """The unit of an agency that answers questions about its documents entered by hand on the
    portal, unless the page names another (a document page's "unit that answers questions")."""

    agency = models.OneToOneField(
        Agency, verbose_name=_("agency"), on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit that answers"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("question desk")
        verbose_name_plural = _("question desks")

    def __str__(self) -> str:
        return f"{self.agency} → {self.unit.name}"

    def clean(self) -> None:
        if self.agency_id and self.unit_id and self.unit.agency_id != self.agency_id:
            raise ValidationError({"unit": _("Choose a unit of this agency.")})
