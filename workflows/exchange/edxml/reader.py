"""Reading edXML safely and checking every field a package must carry.

The parser resolves no entity, loads no DTD and reaches no network; a document with a DOCTYPE
is refused outright, so neither an external entity (XXE) nor an entity expansion (billion
laughs) can do anything. The size is checked before parsing. Every problem found is reported
with the element's path and line; one problem refuses the whole package."""

import base64
import binascii
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import PurePosixPath

from lxml import etree

from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.organisation.models import EDXML_CODE_PATTERN

from ..exceptions import PackageRefused, Problem
from .content import ACCEPTED_NAMES, content_type_of
from .envelope import (
    Attachment,
    Organisation,
    Package,
    Signer,
    Staff,
    StatusMessage,
    Trace,
    qualified,
)

MIB = 1024 * 1024
TEXT_LIMIT = 500
LONG_TEXT_LIMIT = 20_000
# A DOCTYPE can only stand before the root element; refused before the parser sees it.
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
PROLOG_BYTES = 64 * 1024
_DAY = re.compile(r"^(\d{4})[/-](\d{2})[/-](\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?$")


@dataclass(frozen=True)
class PackageLimits:
    package_bytes: int = 30 * MIB
    attachment_bytes: int = 10 * MIB
    attachments: int = 10


LIMITS = PackageLimits()


def package_size_check(size: int, *, max_bytes: int) -> None:
    """Refuse a file by its size alone, before reading it."""
    if size > max_bytes:
        raise PackageRefused([Problem(_too_large(_("The package"), size, max_bytes))])


def xml_parse(raw: bytes, *, max_bytes: int) -> etree._Element:
    """The root element of ``raw``, parsed with no entity, DTD or network; refused if empty,
    too large, not well-formed or carrying a DOCTYPE."""
    package_size_check(len(raw), max_bytes=max_bytes)
    if not raw.strip():
        raise PackageRefused([Problem(_("The file is empty."))])
    if _DOCTYPE.search(raw[:PROLOG_BYTES]):
        raise PackageRefused([_doctype_problem()])
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=True,  # base64 attachments exceed libxml2's 10 MB text node; size capped above
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as error:
        if "entity" in error.msg.lower():  # a DOCTYPE this side of the prolog scan
            raise PackageRefused([_doctype_problem()]) from None
        where = _("line %(line)d") % {"line": error.lineno or 1}
        raise PackageRefused(
            [Problem(_("The file is not well-formed XML: %(error)s") % {"error": error.msg}, where)]
        ) from None
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise PackageRefused([_doctype_problem()])
    return root


def _doctype_problem() -> Problem:
    reason = _("The XML declares a DOCTYPE; DTDs and entities are refused for safety.")
    return Problem(reason, _("line 1"))


def package_read(raw: bytes, *, limits: PackageLimits = LIMITS) -> Package:
    root = xml_parse(raw, max_bytes=limits.package_bytes)
    _require_root(root)
    fields = _Fields()
    header = fields.child(root, "edXMLHeader")
    message = fields.child(header, "MessageHeader")
    package = fields.package(root, message, limits)
    if fields.problems:
        raise PackageRefused(fields.problems)
    return package


def status_read(raw: bytes) -> StatusMessage:
    root = xml_parse(raw, max_bytes=1 * MIB)
    _require_root(root)
    fields = _Fields()
    status = fields.child(fields.child(root, "edXMLHeader"), "Status")
    responds = fields.child(status, "ResponseFor")
    staff = fields.child(status, "StaffInfo")
    message = StatusMessage(
        responds_to_code=fields.code(responds, "OrganId"),
        responds_to_number_symbol=fields.text(responds, "Code"),
        responds_to_date=fields.day(responds, "PromulgationDate") or date.min,
        responds_to_document_id=fields.text(responds, "DocumentId"),
        sender=fields.organisation(fields.child(status, "From")),
        status_code=fields.text(status, "StatusCode"),
        description=fields.text(status, "Description", required=False, limit=LONG_TEXT_LIMIT),
        at=fields.moment(status, "Timestamp") or timezone.now(),
        staff=Staff(
            department=fields.text(staff, "Department", required=False),
            name=fields.text(staff, "Staff", required=False),
            email=fields.text(staff, "Email", required=False),
            mobile=fields.text(staff, "Mobile", required=False),
        ),
    )
    if fields.problems:
        raise PackageRefused(fields.problems)
    return message


def _require_root(root: etree._Element) -> None:
    if root.tag != qualified("edXMLEnvelope"):
        found = etree.QName(root)
        reason = _("The root element is %(found)s; an edXML package starts with %(expected)s.") % {
            "found": f"{{{found.namespace}}}{found.localname}"
            if found.namespace
            else found.localname,
            "expected": "edXML:edXMLEnvelope",
        }
        raise PackageRefused([Problem(reason, _where(root))])


def _where(element: etree._Element, child: str = "") -> str:
    names = [etree.QName(e).localname for e in reversed(list(element.iterancestors()))]
    path = " › ".join([*names, etree.QName(element).localname, *([child] if child else [])])
    return _("%(path)s, line %(line)d") % {"path": path, "line": element.sourceline or 1}


def _too_large(what: str, size: int, limit: int) -> str:
    return _("%(what)s is %(size)s MB, more than the %(limit)s MB allowed.") % {
        "what": what,
        "size": f"{size / MIB:.1f}".replace(".", ","),
        "limit": f"{limit / MIB:g}".replace(".", ","),
    }


def _file_name(value: str) -> str:
    """The last part of a path, on one line: safe as a stored name and in a download header."""
    name = " ".join(PurePosixPath(value.replace("\\", "/")).name.split())
    return name or "tep"


def _nfc(value: str | None) -> str:
    return unicodedata.normalize("NFC", (value or "").strip())


class _Fields:
    """Reads the fields of a package, noting each problem instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def refuse(self, reason: str, element: etree._Element | None, child: str = "") -> None:
        self.problems.append(Problem(reason, _where(element, child) if element is not None else ""))

    def child(self, parent: etree._Element | None, name: str) -> etree._Element | None:
        if parent is None:
            return None
        found = parent.find(qualified(name))
        if found is None:
            self.refuse(_("edXML:%(name)s is missing.") % {"name": name}, parent, name)
        return found

    def text(
        self,
        parent: etree._Element | None,
        name: str,
        *,
        required: bool = True,
        limit: int = TEXT_LIMIT,
    ) -> str:
        if parent is None:
            return ""
        found = parent.find(qualified(name))
        value = _nfc(found.text if found is not None else "")
        if required and not value:
            self.refuse(_("edXML:%(name)s is missing or empty.") % {"name": name}, parent, name)
        elif len(value) > limit:
            reason = _("edXML:%(name)s is longer than %(limit)d characters.")
            self.refuse(reason % {"name": name, "limit": limit}, found)
        return value

    def code(self, parent: etree._Element | None, name: str) -> str:
        value = self.text(parent, name)
        if value and not re.match(EDXML_CODE_PATTERN, value):
            reason = _(
                "edXML:%(name)s must be an agency code such as 000.00.00.G18, not “%(value)s”."
            )
            self.refuse(reason % {"name": name, "value": value[:40]}, parent.find(qualified(name)))
        return value

    def day(
        self, parent: etree._Element | None, name: str, *, required: bool = True
    ) -> date | None:
        moment = self._parsed(parent, name, required=required)
        return moment.date() if moment else None

    def moment(self, parent: etree._Element | None, name: str) -> datetime | None:
        moment = self._parsed(parent, name, required=True)
        return timezone.make_aware(moment) if moment else None

    def _parsed(
        self, parent: etree._Element | None, name: str, *, required: bool
    ) -> datetime | None:
        value = self.text(parent, name, required=required)
        if not value:
            return None
        match = _DAY.match(value)
        try:
            if match is None:
                raise ValueError(value)
            return datetime(*(int(part) for part in match.groups() if part is not None))
        except ValueError:
            reason = _("edXML:%(name)s is not a date: “%(value)s” (write 2020/12/29).")
            self.refuse(reason % {"name": name, "value": value[:40]}, parent.find(qualified(name)))
            return None

    def whole(self, parent: etree._Element | None, name: str, *, highest: int = 1_000_000) -> int:
        value = self.text(parent, name, required=False) or "0"
        if not value.isdigit() or int(value) > highest:
            reason = _("edXML:%(name)s must be a whole number up to %(highest)d, not “%(value)s”.")
            found = parent.find(qualified(name)) if parent is not None else None
            self.refuse(reason % {"name": name, "highest": highest, "value": value[:40]}, found)
            return 0
        return int(value)

    def organisation(self, element: etree._Element | None) -> Organisation:
        return Organisation(
            code=self.code(element, "OrganId"),
            name=self.text(element, "OrganName"),
            in_charge=self.text(element, "OrganizationInCharge", required=False),
            address=self.text(element, "OrganAdd", required=False),
            email=self.text(element, "Email", required=False),
            telephone=self.text(element, "Telephone", required=False),
            fax=self.text(element, "Fax", required=False),
            website=self.text(element, "Website", required=False),
        )

    def package(
        self, root: etree._Element, message: etree._Element | None, limits: PackageLimits
    ) -> Package:
        code = self.child(message, "Code")
        number = self.text(code, "CodeNumber")
        if number and not number.isdigit():
            reason = _("edXML:CodeNumber must be the document's number, not “%(value)s”.")
            self.refuse(reason % {"value": number[:40]}, code.find(qualified("CodeNumber")))
        promulgation = self.child(message, "PromulgationInfo")
        kind = self.child(message, "DocumentType")
        signer = self.child(message, "SignerInfo")
        other = message.find(qualified("OtherInfo")) if message is not None else None
        return Package(
            sender=self.organisation(self.child(message, "From")),
            receivers=self.receivers(message),
            document_id=self.text(message, "DocumentId"),
            code_number=number,
            code_notation=self.text(code, "CodeNotation", limit=60),
            place=self.text(promulgation, "Place"),
            promulgated_on=self.day(promulgation, "PromulgationDate") or date.min,
            type_code=self.whole(kind, "Type", highest=99),
            type_name=self.text(kind, "TypeName"),
            subject=self.text(message, "Subject"),
            content=self.text(message, "Content", required=False, limit=LONG_TEXT_LIMIT),
            signer=Signer(
                competence=self.text(signer, "Competence", required=False),
                position=self.text(signer, "Position", required=False),
                full_name=self.text(signer, "FullName"),
            ),
            due_on=self.day(message, "DueDate", required=False),
            to_places=self.places(message),
            priority=self.whole(other, "Priority", highest=4),
            steering_type=self.whole(message, "SteeringType", highest=99),
            page_amount=self.whole(other, "PageAmount", highest=10_000),
            promulgation_amount=self.whole(other, "PromulgationAmount", highest=10_000),
            typer_notation=self.text(other, "TyperNotation", required=False),
            traces=self.traces(root),
            attachments=self.attachments(root, limits),
        )

    def receivers(self, message: etree._Element | None) -> tuple[Organisation, ...]:
        found = message.findall(qualified("To")) if message is not None else []
        if message is not None and not found:
            self.refuse(_("edXML:To is missing: the package names no receiver."), message, "To")
        return tuple(self.organisation(element) for element in found)

    def places(self, message: etree._Element | None) -> tuple[str, ...]:
        places = message.find(qualified("ToPlaces")) if message is not None else None
        if places is None:
            return ()
        return tuple(p for p in (_nfc(e.text) for e in places.findall(qualified("Place"))) if p)

    def traces(self, root: etree._Element) -> tuple[Trace, ...]:
        found = root.findall(
            f"{qualified('edXMLHeader')}/{qualified('TraceHeaderList')}/{qualified('TraceHeader')}"
        )
        hops = [(self.code(hop, "OrganId"), self.moment(hop, "Timestamp")) for hop in found]
        return tuple(Trace(code, at) for code, at in hops if code and at)

    def attachments(self, root: etree._Element, limits: PackageLimits) -> tuple[Attachment, ...]:
        encoded = root.find(qualified("AttachmentEncoded"))
        items = encoded.findall(qualified("Attachment")) if encoded is not None else []
        if not items:
            self.refuse(
                _("The package carries no attachment; the document itself must be in it."),
                root,
                "AttachmentEncoded",
            )
        elif len(items) > limits.attachments:
            reason = _("The package carries %(count)d attachments; at most %(limit)d are accepted.")
            self.refuse(reason % {"count": len(items), "limit": limits.attachments}, encoded)
        listed = self.manifest(root)
        attachments = [self.attachment(item, limits) for item in items[: limits.attachments]]
        found = [a for a in attachments if a is not None]
        ids = [a.content_id for a in found]
        for attachment, item in zip(attachments, items, strict=False):
            if attachment is not None and attachment.content_id not in listed:
                reason = _("Attachment %(id)s is not listed in the manifest.")
                self.refuse(reason % {"id": attachment.content_id}, item)
        if len(set(ids)) != len(ids):
            self.refuse(_("Two attachments have the same edXML:ContentId."), encoded)
        return tuple(found)

    def manifest(self, root: etree._Element) -> set[str]:
        path = "/".join(
            qualified(n) for n in ("edXMLBody", "edXMLManifest", "Reference", "ContentId")
        )
        return {_nfc(element.text) for element in root.findall(path)}

    def attachment(self, item: etree._Element, limits: PackageLimits) -> Attachment | None:
        content_id = self.text(item, "ContentId")
        name = _file_name(self.text(item, "AttachmentName", limit=200))
        claimed = self.text(item, "ContentType", limit=200)
        data = self.payload(item, limits)
        if data is None:
            return None
        detected = content_type_of(data)
        if detected is None:
            reason = _("Attachment “%(name)s” is not a file of an accepted kind (%(kinds)s).")
            self.refuse(reason % {"name": name, "kinds": ACCEPTED_NAMES}, item)
        elif detected != claimed:
            reason = _(
                "Attachment “%(name)s” claims to be %(claimed)s but its content is %(found)s."
            )
            self.refuse(reason % {"name": name, "claimed": claimed, "found": detected}, item)
        description = self.text(item, "Description", required=False)
        return Attachment(content_id, name, claimed, data, description)

    def payload(self, item: etree._Element, limits: PackageLimits) -> bytes | None:
        found = item.find(qualified("ContentTransferEncoded"))
        encoded = "".join((found.text or "").split()) if found is not None else ""
        if not encoded:
            reason = _("edXML:ContentTransferEncoded is missing or empty.")
            self.refuse(reason, item, "ContentTransferEncoded")
            return None
        if len(encoded) * 3 // 4 > limits.attachment_bytes + 2:
            what = _("Attachment “%(name)s”") % {"name": self.text(item, "AttachmentName")}
            self.refuse(_too_large(what, len(encoded) * 3 // 4, limits.attachment_bytes), found)
            return None
        try:
            return base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            self.refuse(_("edXML:ContentTransferEncoded is not valid base64."), found)
            return None
