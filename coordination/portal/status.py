"""Whether a document is in force, computed when it is read from its dates and from the
relations of documents already in force: the status changes by itself when a related document
is published or a date passes, and no stored status can go stale."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Case, Exists, OuterRef, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from .models import DocumentPage, DocumentRelation, DocumentStatus, RelationKind


def _related_in_force(kind: RelationKind, today: date, page: str) -> Exists:
    return Exists(
        DocumentRelation.objects.filter(
            target=OuterRef(page),
            kind=kind,
            source__live=True,
            source__entry__in_force_from__lte=today,
        )
    )


def status_expression(today: date, *, page: str = "pk", entry: str = "entry__") -> Case:
    """Revoked, then superseded, expired, not yet in force, partly amended, else in force. On
    pages by default; on entries with ``page="page_id", entry=""``."""
    return Case(
        When(
            _related_in_force(RelationKind.REVOKES, today, page),
            then=Value(DocumentStatus.REVOKED),
        ),
        When(
            _related_in_force(RelationKind.SUPERSEDES, today, page),
            then=Value(DocumentStatus.SUPERSEDED),
        ),
        When(Q(**{f"{entry}expires_on__lte": today}), then=Value(DocumentStatus.EXPIRED)),
        When(Q(**{f"{entry}in_force_from__gt": today}), then=Value(DocumentStatus.NOT_YET)),
        When(
            _related_in_force(RelationKind.AMENDS, today, page),
            then=Value(DocumentStatus.AMENDED),
        ),
        default=Value(DocumentStatus.IN_FORCE),
    )


def with_status(pages: QuerySet[DocumentPage], *, today: date) -> QuerySet[DocumentPage]:
    return pages.annotate(status=status_expression(today))


@dataclass(frozen=True)
class RelatedDocument:
    """One line of 'what this document does to others' or 'what others do to it'."""

    kind: str
    label: str
    title: str
    url: str
    in_force: bool


_OUTGOING_LABELS = {
    RelationKind.AMENDS: _("Amends"),
    RelationKind.SUPERSEDES: _("Supersedes"),
    RelationKind.REVOKES: _("Revokes"),
    RelationKind.IMPLEMENTS: _("Implements"),
}
_INCOMING_LABELS = {
    RelationKind.AMENDS: _("Amended by"),
    RelationKind.SUPERSEDES: _("Superseded by"),
    RelationKind.REVOKES: _("Revoked by"),
    RelationKind.IMPLEMENTS: _("Implemented by"),
}


def document_relations(*, page: DocumentPage, today: date) -> dict[str, list[RelatedDocument]]:
    """'changes': what amends, supersedes or revokes this document; 'related': what it does to
    others and what implements it. Live pages only, in two queries."""
    live = Q(source__live=True) & Q(target__live=True)
    outgoing = DocumentRelation.objects.filter(live, source=page).select_related("target__entry")
    incoming = DocumentRelation.objects.filter(live, target=page).select_related("source__entry")
    incoming_lines = [_line(r.kind, _INCOMING_LABELS, r.source, today) for r in incoming]
    return {
        "changes": [line for line in incoming_lines if line.kind != RelationKind.IMPLEMENTS],
        "related": [_line(r.kind, _OUTGOING_LABELS, r.target, today) for r in outgoing]
        + [line for line in incoming_lines if line.kind == RelationKind.IMPLEMENTS],
    }


def _line(kind: str, labels: dict, other: DocumentPage, today: date) -> RelatedDocument:
    entry = getattr(other, "entry", None)
    starts = entry.in_force_from if entry else None
    return RelatedDocument(
        kind=kind,
        label=str(labels[RelationKind(kind)]),
        title=other.title,
        url=other.url,
        in_force=starts is None or starts <= today,
    )
