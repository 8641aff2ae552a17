"""The drafting workflow's relations (this decision revokes that one), carried onto the portal
when the later document's page is published, so both pages show the relation and the earlier
one's status follows."""

from .models import DocumentPage, DocumentRelation


def relations_mirror(*, page: DocumentPage) -> int:
    """Create the page relations for the applied workflow relations of the page's document;
    returns how many were new. Documents without a page yet are left out."""
    document = page.source_document
    if document is None:
        return 0
    relations = list(document.relations.filter(applied_at__isnull=False))
    targets = {
        p.source_document_id: p
        for p in DocumentPage.objects.filter(
            source_document_id__in=[r.target_id for r in relations]
        )
    }
    made = 0
    for relation in relations:
        target = targets.get(relation.target_id)
        if target is None:
            continue
        _row, created = DocumentRelation.objects.get_or_create(
            source=page, kind=relation.kind, target=target
        )
        made += created
    return made
