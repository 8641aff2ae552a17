"""The plain data an edXML package or status message carries, and the names the standard gives
its elements. Element names follow QCVN 102:2016/BTTTT as public implementations of it write
them (``MessageHeader``, ``Code/CodeNumber``, ``SignerInfo/Competence``, ``TraceHeaderList``…)."""

from dataclasses import dataclass, field
from datetime import date, datetime

NAMESPACE = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
PREFIX = "edXML"
DATE_FORMAT = "%Y/%m/%d"
TIMESTAMP_FORMAT = "%Y/%m/%d %H:%M:%S"


def qualified(name: str) -> str:
    """``Subject`` → ``{namespace}Subject``, as lxml names elements."""
    return f"{{{NAMESPACE}}}{name}"


@dataclass(frozen=True)
class Organisation:
    """``From``, ``To`` and a status message's sender: the agency's code, names and contacts."""

    code: str
    name: str
    in_charge: str = ""
    address: str = ""
    email: str = ""
    telephone: str = ""
    fax: str = ""
    website: str = ""


@dataclass(frozen=True)
class Signer:
    competence: str
    position: str
    full_name: str


@dataclass(frozen=True)
class Attachment:
    content_id: str
    name: str
    content_type: str
    data: bytes = field(repr=False)
    description: str = ""


@dataclass(frozen=True)
class Trace:
    """One hop of the package: which agency handled it, when."""

    code: str
    at: datetime


@dataclass(frozen=True)
class Package:
    """An outgoing document as the receiving agency gets it."""

    sender: Organisation
    receivers: tuple[Organisation, ...]
    document_id: str
    code_number: str
    code_notation: str
    place: str
    promulgated_on: date
    type_code: int
    type_name: str
    subject: str
    content: str
    signer: Signer
    due_on: date | None
    to_places: tuple[str, ...]
    priority: int
    steering_type: int
    page_amount: int
    promulgation_amount: int
    typer_notation: str
    traces: tuple[Trace, ...]
    attachments: tuple[Attachment, ...]

    @property
    def number_symbol(self) -> str:
        return f"{self.code_number}/{self.code_notation}"


def document_id_of(*, sender_code: str, promulgated_on: date, number_symbol: str) -> str:
    """The document's identifier across systems: ``000.00.00.G22,2018/09/20,7816/VPCP-TTĐT``."""
    return f"{sender_code},{promulgated_on:{DATE_FORMAT}},{number_symbol}"


@dataclass(frozen=True)
class Staff:
    department: str
    name: str
    email: str = ""
    mobile: str = ""


@dataclass(frozen=True)
class StatusMessage:
    """What the receiving agency tells the sender about a document it received."""

    responds_to_code: str
    responds_to_number_symbol: str
    responds_to_date: date
    responds_to_document_id: str
    sender: Organisation
    status_code: str
    description: str
    at: datetime
    staff: Staff
