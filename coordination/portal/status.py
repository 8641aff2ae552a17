"""Whether a document is in force, computed when it is read from its dates and from the
relations of documents already in force: the status changes by itself when a related document
is published or a date passes, and no stored status can go stale."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Case, Exists, OuterRef, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from .models import DocumentEntry, DocumentPage, DocumentRelation, DocumentStatus, RelationKind


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


def statuses_of(pages: list[DocumentPage], *, today: date) -> None:
    """Set each page's ``status`` (``status_of``) from its entry (read with it) and one query
    for the relations that change them: cheaper than ``with_status`` for a page of results."""
    changing = DocumentRelation.objects.filter(
        target_id__in=[page.pk for page in pages],
        kind__in=[RelationKind.REVOKES, RelationKind.SUPERSEDES, RelationKind.AMENDS],
        source__live=True,
        source__entry__in_force_from__lte=today,
    )
    changed_by: dict[int, set[str]] = {}
    for target_id, kind in changing.values_list("target_id", "kind"):
        changed_by.setdefault(target_id, set()).add(kind)
    for page in pages:
        page.status = _page_status(page, changed_by.get(page.pk, set()), today)


@dataclass(frozen=True)
class PageStanding:
    """A document page's status and its relations, read for its own page."""

    status: DocumentStatus
    relations: dict[str, list[RelatedDocument]]


def status_of(
    *, in_force_from: date | None, expires_on: date | None, changed_by: set[str], today: date
) -> DocumentStatus:
    """``status_expression``'s rules, in its order, for one page whose relations are read:
    ``changed_by`` holds the kinds of the live documents in force that point at it."""
    if RelationKind.REVOKES in changed_by:
        return DocumentStatus.REVOKED
    if RelationKind.SUPERSEDES in changed_by:
        return DocumentStatus.SUPERSEDED
    if expires_on is not None and expires_on <= today:
        return DocumentStatus.EXPIRED
    if in_force_from is not None and in_force_from > today:
        return DocumentStatus.NOT_YET
    if RelationKind.AMENDS in changed_by:
        return DocumentStatus.AMENDED
    return DocumentStatus.IN_FORCE


def page_standing(*, page: DocumentPage, today: date) -> PageStanding:
    """The page's status and its relations from one query: 'changes' are what amends,
    supersedes or revokes it; 'related' what it does to others and what implements it. Live
    pages only. Listings compute the same status in SQL (``status_expression``)."""
    live = Q(source__live=True) & Q(target__live=True)
    relations = DocumentRelation.objects.filter(live, Q(source=page) | Q(target=page))
    relations = relations.select_related("source__entry", "target__entry").order_by("pk")
    relations = relations.only(*_RELATION_COLUMNS)
    outgoing = [relation for relation in relations if relation.source_id == page.pk]
    incoming = [relation for relation in relations if relation.target_id == page.pk]
    changed_by = {
        relation.kind for relation in incoming if _in_force(relation.source, today, unknown=False)
    }
    status = _page_status(page, changed_by, today)
    incoming_lines = [_line(r.kind, _INCOMING_LABELS, r.source, today) for r in incoming]
    return PageStanding(
        status=status,
        relations={
            "changes": [line for line in incoming_lines if line.kind != RelationKind.IMPLEMENTS],
            "related": [_line(r.kind, _OUTGOING_LABELS, r.target, today) for r in outgoing]
            + [line for line in incoming_lines if line.kind == RelationKind.IMPLEMENTS],
        },
    )


# What a line shows of the other page: a narrow query, cheap to build even when there is none.
_RELATION_COLUMNS = [
    "kind",
    "source_id",
    "target_id",
    *[
        f"{side}__{column}"
        for side in ("source", "target")
        for column in ("title", "url_path", "live", "entry__in_force_from")
    ],
]


def _page_status(page: DocumentPage, changed_by: set[str], today: date) -> DocumentStatus:
    """``status_of`` with the dates of the page's entry (read with the page)."""
    entry = _entry(page)
    return status_of(
        in_force_from=entry.in_force_from if entry else None,
        expires_on=entry.expires_on if entry else None,
        changed_by=changed_by,
        today=today,
    )


def _entry(page: DocumentPage) -> "DocumentEntry | None":
    try:
        return page.entry
    except DocumentEntry.DoesNotExist:
        return None


def _in_force(page: DocumentPage, today: date, *, unknown: bool) -> bool:
    """In force by its date (``unknown`` when the page has no entry)."""
    entry = _entry(page)
    if entry is None:
        return unknown
    return entry.in_force_from is None or entry.in_force_from <= today


def _line(kind: str, labels: dict, other: DocumentPage, today: date) -> RelatedDocument:
    return RelatedDocument(
        kind=kind,
        label=str(labels[RelationKind(kind)]),
        title=other.title,
        url=other.url,
        in_force=_in_force(other, today, unknown=True),
    )
