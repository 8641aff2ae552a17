"""Writing edXML with lxml, never by joining strings: a document package and a status message,
as UTF-8 bytes with the XML declaration."""

import base64
from datetime import date, datetime

from lxml import etree

from django.utils import timezone

from .envelope import (
    DATE_FORMAT,
    NAMESPACE,
    PREFIX,
    TIMESTAMP_FORMAT,
    Organisation,
    Package,
    StatusMessage,
    qualified,
)

# The package is a new document (not a recall, an update or a replacement), sent without paper.
NEW_DOCUMENT = "0"
NO_PAPER = "0"


def package_write(package: Package) -> bytes:
    root = etree.Element(qualified("edXMLEnvelope"), nsmap={PREFIX: NAMESPACE})
    header = _sub(root, "edXMLHeader")
    _message_header(_sub(header, "MessageHeader"), package)
    _trace_list(_sub(header, "TraceHeaderList"), package)
    _manifest(_sub(_sub(root, "edXMLBody"), "edXMLManifest"), package)
    encoded = _sub(root, "AttachmentEncoded")
    for attachment in package.attachments:
        item = _sub(encoded, "Attachment")
        _sub(item, "ContentId", attachment.content_id)
        _sub(item, "AttachmentName", attachment.name)
        _sub(item, "ContentType", attachment.content_type)
        _sub(item, "Description", attachment.description)
        _sub(item, "ContentTransferEncoded", base64.b64encode(attachment.data).decode("ascii"))
    return _bytes(root)


def status_write(message: StatusMessage) -> bytes:
    root = etree.Element(qualified("edXMLEnvelope"), nsmap={PREFIX: NAMESPACE})
    status = _sub(_sub(root, "edXMLHeader"), "Status")
    responds = _sub(status, "ResponseFor")
    _sub(responds, "OrganId", message.responds_to_code)
    _sub(responds, "Code", message.responds_to_number_symbol)
    _sub(responds, "PromulgationDate", _date(message.responds_to_date))
    _sub(responds, "DocumentId", message.responds_to_document_id)
    _organisation(status, "From", message.sender)
    _sub(status, "StatusCode", message.status_code)
    _sub(status, "Description", message.description)
    _sub(status, "Timestamp", _timestamp(message.at))
    staff = _sub(status, "StaffInfo")
    _sub(staff, "Department", message.staff.department)
    _sub(staff, "Staff", message.staff.name)
    _sub(staff, "Mobile", message.staff.mobile)
    _sub(staff, "Email", message.staff.email)
    return _bytes(root)


def _message_header(message: etree._Element, package: Package) -> None:
    _organisation(message, "From", package.sender)
    for receiver in package.receivers:
        _organisation(message, "To", receiver)
    _sub(message, "DocumentId", package.document_id)
    code = _sub(message, "Code")
    _sub(code, "CodeNumber", package.code_number)
    _sub(code, "CodeNotation", package.code_notation)
    promulgation = _sub(message, "PromulgationInfo")
    _sub(promulgation, "Place", package.place)
    _sub(promulgation, "PromulgationDate", _date(package.promulgated_on))
    kind = _sub(message, "DocumentType")
    _sub(kind, "Type", str(package.type_code))
    _sub(kind, "TypeName", package.type_name)
    _sub(message, "Subject", package.subject)
    _sub(message, "Content", package.content)
    signer = _sub(message, "SignerInfo")
    _sub(signer, "Competence", package.signer.competence)
    _sub(signer, "Position", package.signer.position)
    _sub(signer, "FullName", package.signer.full_name)
    _sub(message, "DueDate", _date(package.due_on) if package.due_on else "")
    places = _sub(message, "ToPlaces")
    for place in package.to_places:
        _sub(places, "Place", place)
    other = _sub(message, "OtherInfo")
    _sub(other, "Priority", str(package.priority))
    _sub(other, "SphereOfPromulgation", "")
    _sub(other, "TyperNotation", package.typer_notation)
    _sub(other, "PromulgationAmount", str(package.promulgation_amount))
    _sub(other, "PageAmount", str(package.page_amount))
    _sub(message, "SteeringType", str(package.steering_type))


def _trace_list(traces: etree._Element, package: Package) -> None:
    for trace in package.traces:
        hop = _sub(traces, "TraceHeader")
        _sub(hop, "OrganId", trace.code)
        _sub(hop, "Timestamp", _timestamp(trace.at))
    business = _sub(traces, "Bussiness")  # sic: the standard's spelling
    _sub(business, "BussinessDocType", NEW_DOCUMENT)
    _sub(business, "DocumentId", package.document_id)
    _sub(business, "Paper", NO_PAPER)


def _manifest(manifest: etree._Element, package: Package) -> None:
    manifest.set("version", "1.0")
    for attachment in package.attachments:
        reference = _sub(manifest, "Reference")
        _sub(reference, "ContentId", attachment.content_id)
        _sub(reference, "ContentType", attachment.content_type)
        _sub(reference, "AttachmentName", attachment.name)
        _sub(reference, "Description", attachment.description)


def _organisation(parent: etree._Element, name: str, organisation: Organisation) -> None:
    element = _sub(parent, name)
    _sub(element, "OrganId", organisation.code)
    _sub(element, "OrganizationInCharge", organisation.in_charge)
    _sub(element, "OrganName", organisation.name)
    _sub(element, "OrganAdd", organisation.address)
    _sub(element, "Email", organisation.email)
    _sub(element, "Telephone", organisation.telephone)
    _sub(element, "Fax", organisation.fax)
    _sub(element, "Website", organisation.website)


def _sub(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, qualified(name))
    if text is not None:
        element.text = text
    return element


def _date(day: date) -> str:
    return day.strftime(DATE_FORMAT)


def _timestamp(moment: datetime) -> str:
    return timezone.localtime(moment).strftime(TIMESTAMP_FORMAT)


def _bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
