"""Input rules shared by the window and the command line."""

from __future__ import annotations

import re
from datetime import date

from golive_desk.domain.errors import ValidationError

_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,9}$")
_INITIALS = re.compile(r"^[A-Z]{1,4}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SURROGATE = re.compile("[\ud800-\udfff]")


def parse_date(field: str, text: str) -> date:
    """Parse ``YYYY-MM-DD``; a wrong date names the field and the expected form."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            field, f"{field}: '{text}' is not a date; use YYYY-MM-DD", value=text
        ) from None


def project_code(text: str) -> str:
    code = text.strip().upper()
    if not _CODE.match(code):
        raise ValidationError(
            "code", f"project code '{text}': 2-10 letters or digits, starting with a letter",
            value=text,
        )
    return code


def doc_prefix(text: str) -> str:
    """A project's document number prefix (the methodology's xx_xx): 1-40 characters,
    no spaces; a trailing ``_`` is dropped (the number adds its own)."""
    value = text.strip().rstrip("_")
    if not value or len(value) > 40 or any(c.isspace() for c in value):
        raise ValidationError(
            "doc_prefix", f"document prefix '{text}': 1-40 characters without spaces",
            value=text)
    return value


def initials(text: str) -> str:
    value = text.strip().upper()
    if not _INITIALS.match(value):
        raise ValidationError("initials", f"initials '{text}': 1-4 Latin letters", value=text)
    return value


def has_invalid_bytes(text: str) -> bool:
    """True when ``text`` holds lone surrogates: bytes that were not UTF-8 (argv, file names)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def readable(text: str) -> str:
    """``text`` with each byte that was not UTF-8 (a lone surrogate) shown as U+FFFD."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeError:
        return _SURROGATE.sub("\ufffd", text)


def encodable(field: str, text: str) -> str:
    """``text`` unchanged, or a ValidationError when it holds bytes that are not UTF-8."""
    if has_invalid_bytes(text):
        shown = readable(text)
        raise ValidationError(
            field, f"{field} contains bytes that are not valid UTF-8 text ('{shown}'); "
            "retype it", rule="encoding", value=shown)
    return text


def required(field: str, text: str, max_len: int = 200) -> str:
    value = encodable(field, text).strip()
    if not value:
        raise ValidationError(field, f"{field} must not be empty")
    if len(value) > max_len:
        raise ValidationError(field, f"{field} is longer than {max_len} characters")
    return value


def email(text: str) -> str:
    value = text.strip()
    if value and not _EMAIL.match(value):
        raise ValidationError("email", f"'{text}' is not an e-mail address", value=text)
    return value
