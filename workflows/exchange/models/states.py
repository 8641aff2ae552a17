from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class IncomingState(models.TextChoices):
    """An incoming document's states; each one is also the status notice the sender receives."""

    ARRIVED = "arrived", pgettext_lazy("incoming document", "Arrived")
    RETURNED = "returned", pgettext_lazy("incoming document", "Returned")
    ACCEPTED = "accepted", pgettext_lazy("incoming document", "Accepted")
    ASSIGNED = "assigned", pgettext_lazy("incoming document", "Assigned")
    PROCESSING = "processing", pgettext_lazy("incoming document", "Being processed")
    COMPLETED = "completed", pgettext_lazy("incoming document", "Completed")


# The status codes of QCVN 102:2016/BTTTT for each state.
STATUS_CODES = {
    IncomingState.ARRIVED: "01",
    IncomingState.RETURNED: "02",
    IncomingState.ACCEPTED: "03",
    IncomingState.ASSIGNED: "04",
    IncomingState.PROCESSING: "05",
    IncomingState.COMPLETED: "06",
}
STATE_OF_CODE = {code: state for state, code in STATUS_CODES.items()}


class Priority(models.IntegerChoices):
    """``OtherInfo/Priority`` of the package: the document's urgency."""

    NORMAL = 0, _("Normal")
    URGENT = 1, _("Urgent (KHẨN)")
    VERY_URGENT = 2, _("Very urgent (THƯỢNG KHẨN)")
    FLASH = 3, _("Flash (HỎA TỐC)")
    FLASH_TIMED = 4, _("Flash, timed (HỎA TỐC HẸN GIỜ)")
