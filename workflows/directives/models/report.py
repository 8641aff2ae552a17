"""What an addressee reports, period by period. A report is never edited: a correction is a new
report that names the one it corrects."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from workflows.audit import AuditRow

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS = 5


class ProgressReport(AuditRow):
    assignment = models.ForeignKey(
        "directives.TaskAssignment",
        verbose_name=_("assigned task"),
        on_delete=models.PROTECT,
        related_name="reports",
    )
    period = models.PositiveSmallIntegerField(_("reporting period"))
    text = models.TextField(_("progress"))
    percent_done = models.PositiveSmallIntegerField(
        _("done (%)"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    quantity = models.DecimalField(
        _("figure"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    marks_done = models.BooleanField(_("task done"), default=False)
    corrects = models.ForeignKey(
        "self",
        verbose_name=_("corrects"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    revision = models.PositiveIntegerField(_("revision after"))
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["assignment", "period"], name="report_assignment_period")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(percent_done__lte=100), name="report_percent_at_most_100"
            )
        ]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")

    def __str__(self) -> str:
        return f"{self.assignment_id}/{self.period}: {self.text[:40]}"


class ReportAttachment(models.Model):
    """A file sent with a report, recognised by its content when it was uploaded."""

    report = models.ForeignKey(
        ProgressReport,
        verbose_name=_("report"),
        on_delete=models.PROTECT,
        related_name="attachments",
    )
    file = models.FileField(_("file"), upload_to="directives/%Y/")
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size (bytes)"))
    content_type = models.CharField(_("content type"), max_length=100)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("report attachment")
        verbose_name_plural = _("report attachments")

    def __str__(self) -> str:
        return self.name
