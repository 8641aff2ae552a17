"""Writing comments on a document's versions (services; reading them is in selectors)."""

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.organisation.models import Agency
from coordination.organisation.selectors import user_agencies

from .exceptions import ReasonRequired, WrongAgency
from .models import CommentVisibility, Document, DocumentComment, DocumentVersion


def comment_add(
    *,
    document: Document,
    actor: Any,
    body: str,
    version: DocumentVersion | None = None,
    parent: DocumentComment | None = None,
    visibility: str = CommentVisibility.INTERNAL,
) -> DocumentComment:
    """Comment on a version (the latest by default) or reply to a comment. The counterpart
    agency's comments are always shared; a reply to a shared comment is shared."""
    if not body.strip():
        raise ReasonRequired(_("Write the comment first."))
    agency = _commenting_agency(document, actor)
    if agency.pk != document.agency_id or (parent is not None and parent.visibility == "shared"):
        visibility = CommentVisibility.SHARED
    if parent is not None:
        version = parent.version
    version = version or document.versions.order_by("-number").first()
    if version is None or version.document_id != document.pk:
        raise ReasonRequired(_("Comments are written on a submitted version."))
    with transaction.atomic():
        return DocumentComment.objects.create(
            document=document,
            version=version,
            parent=parent,
            author=actor,
            author_agency=agency,
            visibility=visibility,
            body=body.strip(),
        )


def comment_resolve(*, comment: DocumentComment, actor: Any, resolved: bool = True) -> None:
    """Anyone who may comment marks a thread resolved (or open again)."""
    _commenting_agency(comment.document, actor)
    comment.resolved_at = timezone.now() if resolved else None
    comment.resolved_by = actor if resolved else None
    comment.save(update_fields=["resolved_at", "resolved_by"])


def _commenting_agency(document: Document, actor: Any) -> Agency:
    """Staff of the drafting agency, and of the counterpart once the draft is shared."""
    agencies = user_agencies(actor)
    if document.agency_id in agencies:
        return document.agency
    if document.shared_at and document.counterpart_agency_id in agencies:
        assert document.counterpart_agency is not None
        return document.counterpart_agency
    raise WrongAgency(_("Only the agencies working on this document may comment on it."))
