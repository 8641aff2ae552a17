"""The outgoing register (sổ đăng ký văn bản đi, Decree 30 Appendix III): one row per numbered
document of an agency's year and series, in number order, with its ten columns."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Agency, Role
from coordination.organisation.selectors import capacities_of

from .models import Document, DocumentRelation, RegisterSeries
from .models.relation import INVERSE_LABEL, RelationKind

COLUMNS = (
    _("Number and symbol"),
    _("Date"),
    _("Type and subject"),
    _("Signer"),
    _("Recipients"),
    _("File copy held by"),
    _("Copies"),
    _("Date sent"),
    _("Acknowledgement"),
    _("Notes"),
)
SENT_ELECTRONICALLY = "Gửi qua hệ thống"  # register data, kept in Vietnamese
READERS = (Role.CLERK, Role.SIGNER, Role.UNIT_HEAD, Role.LEGAL)
CONFIDENTIAL_READERS = (Role.CLERK, Role.SIGNER)
SENT_ELECTRONICALLY = "Gửi qua hệ thống"  # register data, kept in Vietnamese


@dataclass(frozen=True)
class RegisterRow:
    number: int
    number_symbol: str
    issued_on: date | None
    kind_and_subject: str
    signer: str
    recipients: tuple[str, ...]
    file_copy: str
    copies: int
    sent_on: date | None
    acknowledgement: str
    notes: str
    document_pk: int

    def cells(self) -> list[Any]:
        return [
            self.number_symbol,
            self.issued_on,
            self.kind_and_subject,
            self.signer,
            "\n".join(self.recipients),
            self.file_copy,
            self.copies,
            self.sent_on,
            self.acknowledgement,
            self.notes,
        ]


def register_agencies_for(user: Any, *, series: str = RegisterSeries.ORDINARY) -> QuerySet[Agency]:
    """The agencies whose register this person may read (clerks, signers, unit heads and legal
    staff; the confidential series only clerks and signers)."""
    roles = CONFIDENTIAL_READERS if series == RegisterSeries.CONFIDENTIAL else READERS
    ids = {c.agency_id for c in capacities_of(user) if c.role in roles}
    return Agency.objects.filter(pk__in=ids).order_by("name")


def register_rows(
    *, agency: Agency, year: int, series: str = RegisterSeries.ORDINARY, query: str = ""
) -> list[RegisterRow]:
    documents = (
        Document.objects.filter(agency=agency, year=year, series=series, number__isnull=False)
        .select_related("unit")
        .prefetch_related(
            Prefetch(
                "inverse_relations",
                queryset=DocumentRelation.objects.filter(applied_at__isnull=False).select_related(
                    "source"
                ),
            )
        )
        .order_by("number")
    )
    if query:
        documents = documents.filter(subject__icontains=query) | documents.filter(
            number_symbol__icontains=query
        )
    return [_row(document) for document in documents]


def _row(document: Document) -> RegisterRow:
    recipients = tuple(
        line.strip()
        for line in f"{document.addressees}\n{document.distribution}".splitlines()
        if line.strip()
    )
    return RegisterRow(
        number=document.number or 0,
        number_symbol=document.number_symbol,
        issued_on=document.issued_on,
        kind_and_subject=f"{document.get_kind_display()}: {document.subject}",
        signer=document.signer_name,
        recipients=recipients,
        file_copy=f"VT, {document.unit.symbol}",
        copies=len(recipients) + 2,
        sent_on=document.issued_on,
        acknowledgement=SENT_ELECTRONICALLY,
        notes=_notes(document),
        document_pk=document.pk,
    )


def _notes(document: Document) -> str:
    notes = [
        f"{INVERSE_LABEL[RelationKind(r.kind)]} {r.source.number_symbol}"
        for r in document.inverse_relations.all()
        if r.kind != RelationKind.IMPLEMENTS
    ]
    if document.is_confidential:
        notes.insert(0, document.get_confidentiality_display())
    return "; ".join(str(note) for note in notes)
