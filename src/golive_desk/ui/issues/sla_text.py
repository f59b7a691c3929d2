"""The register's SLA cell: which clock it shows, its words and its chip colours.

The cell shows the clock that decides the issue's state: the response clock
while nobody has answered and it is the worse of the two, else the resolution
clock. Times are working time on the project's hours and holiday calendar.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from golive_desk.domain.sla import SlaReading, SlaState, deciding_clock
from golive_desk.ui.issues.chip_delegate import Chip

# lupdate finds translate("SlaText", "…") calls by this name.
translate = QCoreApplication.translate

_COLOURS = {  # background, text: as the severity chips (breached like urgent)
    SlaState.BREACHED: ("#fde7e7", "#b3261e"),
    SlaState.AT_RISK: ("#fff1dc", "#a85a00"),
    SlaState.OK: ("#e3f4e8", "#1e6b3a"),
}
_STOPPED = ("#eef1f6", "#66748c")
_PAUSED = ("#e8eefc", "#1f4fa8")


def duration(seconds: int) -> str:
    """Working seconds as "3 h 20 min" / "45 min" (whole minutes, rounded up)."""
    minutes = (abs(seconds) + 59) // 60
    hours, minutes = divmod(minutes, 60)
    if hours:
        return translate("SlaText", "%1 h %2 min").replace("%1", str(hours)).replace(
            "%2", f"{minutes:02d}")
    return translate("SlaText", "%1 min").replace("%1", str(minutes))


def sla_label(reading: SlaReading) -> str:
    clock = deciding_clock(reading)
    if clock.left < 0:
        return translate("SlaText", "overdue %1").replace("%1", duration(-clock.left))
    if clock.stopped:
        return translate("SlaText", "met")
    if reading.paused:
        return translate("SlaText", "paused · %1 left").replace("%1", duration(clock.left))
    return translate("SlaText", "%1 left").replace("%1", duration(clock.left))


def sla_tooltip(reading: SlaReading) -> str:
    lines = [
        translate("SlaText", "Response: %1 of %2 used").replace(
            "%1", duration(reading.response.used)).replace("%2", duration(reading.response.target)),
        translate("SlaText", "Resolution: %1 of %2 used").replace(
            "%1", duration(reading.resolution.used)).replace(
            "%2", duration(reading.resolution.target)),
    ]
    if reading.paused:
        lines.append(translate("SlaText", "Paused: waiting for the customer"))
    if reading.unknown_years:
        lines.append(translate(
            "SlaText", "The holiday calendar does not know %1: counted Monday to Friday.")
            .replace("%1", "、".join(str(y) for y in reading.unknown_years)))
    return "\n".join(lines)


def sla_chip(reading: SlaReading) -> Chip:
    clock = deciding_clock(reading)
    if clock.left >= 0 and clock.stopped:
        background, text = _STOPPED
    elif reading.paused and clock.left >= 0:
        background, text = _PAUSED
    else:
        background, text = _COLOURS[reading.state]
    label = sla_label(reading)
    if reading.unknown_years:
        label += " *"
    return Chip(QColor(background), QColor(text), label)
