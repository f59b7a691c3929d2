"""What a printed document needs besides the issues: who it is for and who made it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

# The deliverable's number in the methodology (7.1.4 交付成果) is xx_xx_7_1_1_1:
# the xx_xx part is the implementing company's own numbering, the project's
# document prefix (by default its code); the suffix is the methodology's.
DOC_SUFFIX = "7_1_1_1"
# The methodology's text stops before it numbers the deliverables of its last
# task (实施部门和运营维护服务部门进行项目交接, the fourth of stage 7); the handover
# document takes that task's first number in the same pattern.
HANDOVER_SUFFIX = "7_4_1_1"


def doc_number(prefix: str, suffix: str = DOC_SUFFIX) -> str:
    """The deliverable's number with ``prefix`` in place of the methodology's xx_xx."""
    return f"{prefix.strip()}_{suffix}"


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """Document control data printed in headers and on the register's cover.

    ``store_id`` is the node id of the store that printed the document; the
    sheet's QR code carries it with the issue number so a scanned sheet leads
    back to the record, wherever it was printed.
    """

    project_code: str
    project_name: str
    customer: str
    printed_on: date
    customer_pm: str = ""
    vendor_pm: str = ""
    prepared_by: str = ""
    store_id: str = ""
    doc_no: str = ""  # empty: the project code's number (``doc_number``)
    version: str = "1.0"

    def __post_init__(self) -> None:
        if not self.doc_no:
            object.__setattr__(self, "doc_no", doc_number(self.project_code))


def qr_payload(number: str, store_id: str) -> str:
    """What the sheet's QR code says: ``GOLIVE:HX-ZL-0007/<STORE ID>``.

    Upper case and ``:/-`` only, so the code uses QR's alphanumeric mode: a
    29×29 symbol instead of 33×33 for the same text, quicker to make and to
    scan. The store id is hexadecimal, which reads the same in either case.
    """
    payload = f"GOLIVE:{number}"
    return f"{payload}/{store_id.upper()}" if store_id else payload


def local_time(stamp: str) -> datetime | None:
    """An op's UTC wall time (``updated_at``) as naive local time, to the minute.

    Hand-entered times (``reported_at``) are already local and naive; they pass
    through unchanged. None when ``stamp`` is not a time at all.
    """
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment.replace(second=0, microsecond=0)
