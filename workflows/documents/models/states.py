from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentState(models.TextChoices):
    DRAFTING = "drafting", _("Drafting")
    INTERNAL_REVIEW = "internal_review", _("Internal review")
    LEGAL_APPRAISAL = "legal_appraisal", _("Legal appraisal")
    COUNTERPART_REVIEW = "counterpart_review", _("Counterpart review")
    AWAITING_SIGNATURE = "awaiting_signature", _("Awaiting signature")
    PARTLY_SIGNED = "partly_signed", _("Signed by one agency")
    SIGNED = "signed", _("Signed")
    ISSUED = "issued", _("Issued")
    AMENDED = "amended", _("Partly amended")
    SUPERSEDED = "superseded", _("Superseded")
    REVOKED = "revoked", _("Revoked")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# States in which someone has a step to take, each with a deadline.
ACTIVE_STATES = (
    DocumentState.DRAFTING,
    DocumentState.INTERNAL_REVIEW,
    DocumentState.LEGAL_APPRAISAL,
    DocumentState.COUNTERPART_REVIEW,
    DocumentState.AWAITING_SIGNATURE,
    DocumentState.PARTLY_SIGNED,
    DocumentState.SIGNED,
)
# A reviewer or signer may send the draft back from these.
RETURNABLE_STATES = ACTIVE_STATES[1:6]
# A draft may be abandoned until it is signed.
WITHDRAWABLE_STATES = ACTIVE_STATES[:5]
# Issued documents: public, numbered, and only changed by later documents.
ISSUED_STATES = (
    DocumentState.ISSUED,
    DocumentState.AMENDED,
    DocumentState.SUPERSEDED,
    DocumentState.REVOKED,
)
