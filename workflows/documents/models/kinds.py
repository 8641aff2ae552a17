"""Document types of Decree 30/2020/NĐ-CP: the printed title and the number's abbreviation."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    OFFICIAL_LETTER = "official_letter", _("Official letter")
    DIRECTIVE = "directive", _("Directive")
    DECISION = "decision", _("Decision")
    GUIDANCE = "guidance", _("Guidance")
    PLAN = "plan", _("Plan")
    REPORT = "report", _("Report")
    REGULATION = "regulation", _("Regulation")
    NOTICE = "notice", _("Notice")
    JOINT_CIRCULAR = "joint_circular", _("Joint circular")


# Printed in Vietnamese whatever the reader's interface language (Decree 30, Appendix I).
PRINTED_TITLE = {
    DocumentKind.OFFICIAL_LETTER: "",
    DocumentKind.DIRECTIVE: "CHỈ THỊ",
    DocumentKind.DECISION: "QUYẾT ĐỊNH",
    DocumentKind.GUIDANCE: "HƯỚNG DẪN",
    DocumentKind.PLAN: "KẾ HOẠCH",
    DocumentKind.REPORT: "BÁO CÁO",
    DocumentKind.REGULATION: "QUY CHẾ",
    DocumentKind.NOTICE: "THÔNG BÁO",
    DocumentKind.JOINT_CIRCULAR: "THÔNG TƯ LIÊN TỊCH",
}

ABBREVIATION = {
    DocumentKind.OFFICIAL_LETTER: "",
    DocumentKind.DIRECTIVE: "CT",
    DocumentKind.DECISION: "QĐ",
    DocumentKind.GUIDANCE: "HD",
    DocumentKind.PLAN: "KH",
    DocumentKind.REPORT: "BC",
    DocumentKind.REGULATION: "QC",
    DocumentKind.NOTICE: "TB",
    DocumentKind.JOINT_CIRCULAR: "TTLT",
}
