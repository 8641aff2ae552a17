"""What the API accepts and answers, as pydantic schemas: the OpenAPI description is generated
from them, and every answer is validated against them before it is sent."""

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from ninja import Field, Schema
from pydantic.json_schema import SkipJsonSchema

from coordination.portal.models import DocumentStatus
from workflows.documents.models import DocumentKind

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
# A query parameter is absent or has a value: null is never sent, so not described.
Absent = SkipJsonSchema[None]
Year = Annotated[int, Field(ge=1900, le=2100)]
AgencyCode = Annotated[str, Field(max_length=40, pattern=SLUG_PATTERN)]
TopicSlug = Annotated[str, Field(max_length=100, pattern=SLUG_PATTERN)]
NumberSymbol = Annotated[str, Field(max_length=60)]
PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


class Ordering(StrEnum):
    NEWEST = "-issued_on"
    OLDEST = "issued_on"
    ID = "id"
    ID_DESCENDING = "-id"


class Relation(StrEnum):
    AMENDS = "amends"
    SUPERSEDES = "supersedes"
    REVOKES = "revokes"
    IMPLEMENTS = "implements"
    AMENDED_BY = "amended_by"
    SUPERSEDED_BY = "superseded_by"
    REVOKED_BY = "revoked_by"
    IMPLEMENTED_BY = "implemented_by"


class DocumentQuery(Schema):
    """The list's filters, ordering and page. Every filter narrows the list."""

    type: DocumentKind | Absent = Field(None, description="Document type.")
    agency: AgencyCode | Absent = Field(
        None,
        description="Issuing agency's code (e.g. `vss`, `moh`); joint documents of both count.",
    )
    year: Year | Absent = Field(None, description="Year of issue.")
    status: DocumentStatus | Absent = Field(None, description="Status in force today.")
    topic: TopicSlug | Absent = Field(None, description="Topic slug (e.g. `giam-dinh`).")
    number: NumberSymbol | Absent = Field(
        None,
        description="Number and symbol, with or without accents or separators "
        "(`4055/BHXH-CSYT`, `4055 bhxh csyt`).",
    )
    updated_since: datetime | Absent = Field(
        None,
        description="Only documents whose answer may have changed since then (published or "
        "edited, PDF rendered, a relation added, a date on which the status turns passed). "
        "Without a time zone: Vietnam time.",
    )
    ordering: Ordering = Field(
        Ordering.NEWEST,
        description="`-issued_on` newest first (default), `issued_on`, `id` (oldest published "
        "first: new documents are added at the end, best for a full sync), `-id`.",
    )
    page: int = Field(1, ge=1, description="Page number, from 1.")
    page_size: int = Field(
        PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Documents per page (at most 200)."
    )


class AgencyOut(Schema):
    code: str
    name: str
    symbol: str = Field(description="Symbol in document numbers, e.g. `BHXH`.")
    lead: bool = Field(description="The lead agency, which numbered the document.")


class SignerOut(Schema):
    name: str
    position: str
    authority: str = Field(
        description="Authority prefix and the position signed for, e.g. "
        "`KT. Tổng Giám đốc`; empty when signing in one's own name."
    )
    agency: str | None = Field(description="Code of the agency signed for.")


class TopicOut(Schema):
    slug: str
    name: str


class RelatedOut(Schema):
    relation: Relation = Field(
        description="What this document does to the other, or the other to it (`amended_by`, …)."
    )
    id: int
    number_symbol: str
    subject: str
    api_url: str


class PdfOut(Schema):
    url: str
    size: int | None = Field(description="Bytes; null when not known.")
    sha256: str | None = Field(description="Hex digest; null for a file attached by an editor.")


class VerificationOut(Schema):
    code: str
    url: str = Field(description="The public page that checks a copy of the PDF.")


class DocumentOut(Schema):
    id: int
    number_symbol: str = Field(description="e.g. `4055/BHXH-CSYT`.")
    type: DocumentKind | None
    type_label: str
    issuing_agencies: list[AgencyOut] = Field(description="The lead agency first.")
    signers: list[SignerOut]
    issued_on: date | None
    effective_on: date | None = Field(description="In force from (the issue date if not set).")
    expires_on: date | None = Field(description="No longer in force from; null: no end date.")
    subject: str
    summary: str
    status: DocumentStatus
    status_label: str
    topics: list[TopicOut]
    relations: list[RelatedOut]
    url: str = Field(description="The public portal page.")
    api_url: str
    pdf: PdfOut | None = Field(description="The signed PDF; null until it is rendered.")
    verification: VerificationOut | None
    updated_at: datetime = Field(description="When this answer last changed; see updated_since.")


class DocumentListOut(Schema):
    count: int = Field(description="Documents matching the filters, on every page.")
    next: str | None
    previous: str | None
    results: list[DocumentOut]


class ParameterError(Schema):
    parameter: str
    message: str


class ErrorOut(Schema):
    code: str = Field(
        description="Stable, for programs: `not_authenticated`, `invalid_token`, "
        "`revoked_token`, `invalid_parameters`, `not_found`, `ambiguous_number`, `throttled`, "
        "`method_not_allowed`, `server_error`."
    )
    detail: str = Field(description="For people, in the language asked for (Accept-Language).")
    errors: list[ParameterError] = Field(default_factory=list)
    documents: list[int] = Field(
        default_factory=list,
        description="For `ambiguous_number`: the ids of the documents with that number.",
    )
