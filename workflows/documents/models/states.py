from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentState(models.TextChoices):
    DRAFTING = "drafting", _("Drafting")
    INTERNAL_REVIEW = "internal_review", _("Internal review")
    AWAITING_SIGNATURE = "awaiting_signature", _("Awaiting signature")
    SIGNED = "signed", _("Signed")
    ISSUED = "issued", _("Issued")
