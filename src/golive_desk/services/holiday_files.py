"""The office's holiday calendar as a file: read and checked, nothing written.

Apart from ``services/sla.py`` (which stores the years): the window's menu
entry imports this module at start-up, and it needs no store.
"""

from __future__ import annotations

from pathlib import Path

from golive_desk.domain.errors import ValidationError
from golive_desk.domain.workdays import YearData

MAX_ICS_BYTES = 4 * 1024 * 1024


def read_holiday_ics(path: Path) -> tuple[YearData, ...]:
    """The holiday years of an ICS file (the office's notice); writes nothing.

    Raises:
        ValidationError: the file cannot be read or is too large (field ``file``).
        HolidayDataError: not a holiday calendar (see ``parse_holiday_ics``).
    """
    try:
        if path.stat().st_size > MAX_ICS_BYTES:
            raise ValidationError("file", f"{path.name} is larger than 4 MB", rule="too_large",
                                  path=str(path))
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise ValidationError("file", f"{path.name} cannot be read as a UTF-8 calendar",
                              rule="unreadable", path=str(path)) from err
    # icalendar (~30 ms to import) only when a file is read, not at the window's start.
    from golive_desk.domain.holiday_ics import parse_holiday_ics

    return parse_holiday_ics(text)
