"""The calendar's words and colours: modes, milestones, halves, coverage warnings.

The domain returns codes and params; this module says them in the user's language.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QColor

from golive_desk.domain.enums import Half, MilestoneKind, SupportMode
from golive_desk.domain.errors import GoLiveError
from golive_desk.ui.error_text import describe

if TYPE_CHECKING:  # the calendar's domain: not on the way to the first paint
    from golive_desk.domain.support_calendar import CoverageWarning

# One colour per mode: the bars, the team cells and the legend agree.
MODE_COLORS = {
    SupportMode.ONSITE: QColor("#1f5fd1"),
    SupportMode.PHONE: QColor("#e08a00"),
    SupportMode.REMOTE: QColor("#139a8c"),
}
MILESTONE_COLORS = {
    MilestoneKind.GO_LIVE: QColor("#c62828"),
    MilestoneKind.MONTH_END_CLOSE: QColor("#7b3fb5"),
    MilestoneKind.PLANNED_EXIT: QColor("#455a64"),
    MilestoneKind.ACCEPTANCE: QColor("#2e7d32"),
    MilestoneKind.OTHER: QColor("#5f6b80"),
}
INK = QColor("#1b2a44")
MUTED = QColor("#8a94a6")
GRID = QColor("#dde3ee")
WEEKEND_FILL = QColor("#f6f7fa")
HOLIDAY_FILL = QColor("#fdeeee")
HOLIDAY_INK = QColor("#c62828")
ADJUSTED_FILL = QColor("#eef4ff")
ADJUSTED_INK = QColor("#1f5fd1")
TODAY = QColor("#1f5fd1")
SELECTED_FILL = QColor("#fff6d6")
CLASH = QColor("#d32f2f")


def mode(value: SupportMode) -> str:
    return {
        SupportMode.ONSITE: QCoreApplication.translate("Calendar", "On site"),
        SupportMode.PHONE: QCoreApplication.translate("Calendar", "Phone"),
        SupportMode.REMOTE: QCoreApplication.translate("Calendar", "Remote"),
    }[value]


def half(value: Half) -> str:
    return {
        Half.DAY: QCoreApplication.translate("Calendar", "Whole day"),
        Half.AM: QCoreApplication.translate("Calendar", "Morning"),
        Half.PM: QCoreApplication.translate("Calendar", "Afternoon"),
    }[value]


def milestone(kind: MilestoneKind) -> str:
    return {
        MilestoneKind.GO_LIVE: QCoreApplication.translate("Calendar", "Go-live"),
        MilestoneKind.MONTH_END_CLOSE: QCoreApplication.translate("Calendar", "Month-end close"),
        MilestoneKind.PLANNED_EXIT: QCoreApplication.translate("Calendar", "Planned exit"),
        MilestoneKind.ACCEPTANCE: QCoreApplication.translate("Calendar", "Acceptance"),
        MilestoneKind.OTHER: QCoreApplication.translate("Calendar", "Milestone"),
    }[kind]


def weekday_names(locale: QLocale) -> list[str]:
    """Monday first: 一 … 日 in Chinese, Mon … Sun in English (column heads, where the
    row of them reads as weekdays; alone, say :func:`weekday_day`)."""
    if locale.language() == QLocale.Language.Chinese:
        return list("一二三四五六日")
    return [locale.dayName(n, QLocale.FormatType.ShortFormat) for n in range(1, 8)]


def month_title(locale: QLocale, first: date) -> str:
    if locale.language() == QLocale.Language.Chinese:
        return f"{first.year}年{first.month}月"
    return f"{locale.monthName(first.month, QLocale.FormatType.LongFormat)} {first.year}"


def day_text(locale: QLocale, day: date) -> str:
    if locale.language() == QLocale.Language.Chinese:
        return f"{day.month}月{day.day}日"
    return f"{locale.monthName(day.month, QLocale.FormatType.ShortFormat)} {day.day}"


def weekday_day(locale: QLocale, day: date) -> str:
    """A day with its weekday: "周一 11月30日" in Chinese (a bare 一 reads as a dash),
    "Mon 30 Nov" in English."""
    if locale.language() == QLocale.Language.Chinese:
        return f"周{weekday_names(locale)[day.weekday()]} {day_text(locale, day)}"
    weekday = locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
    month = locale.monthName(day.month, QLocale.FormatType.ShortFormat)
    return f"{weekday} {day.day} {month}"


def warning(item: CoverageWarning) -> str:
    """One coverage warning as a sentence."""
    person = item.person_name
    params = item.params
    if item.code == "go_live_uncovered":
        n = params.get("working_day", "0")
        if n == "0":
            return QCoreApplication.translate(
                "Calendar", "%1: nobody on site on go-live day"
            ).replace("%1", item.project_code)
        return (
            QCoreApplication.translate(
                "Calendar", "%1: nobody on site on working day %2 after go-live"
            )
            .replace("%1", item.project_code)
            .replace("%2", n)
        )
    if item.code == "month_end_uncovered":
        return QCoreApplication.translate(
            "Calendar", "%1: nobody on site for the month-end close"
        ).replace("%1", item.project_code)
    if item.code == "double_booked":
        return (
            QCoreApplication.translate("Calendar", "%1 is on site for %2 and %3 at the same time")
            .replace("%1", person)
            .replace("%2", item.project_code)
            .replace("%3", params.get("other", ""))
        )
    if item.code == "after_exit":
        return (
            QCoreApplication.translate("Calendar", "%1 is scheduled after the planned exit (%2)")
            .replace("%1", person)
            .replace("%2", params.get("exit", ""))
        )
    if item.code == "holiday":
        return (
            QCoreApplication.translate("Calendar", "%1 is scheduled on a holiday (%2)")
            .replace("%1", person)
            .replace("%2", params.get("name", ""))
        )
    return item.code


def is_notice(item: CoverageWarning) -> bool:
    """A holiday slot is a notice, not an error."""
    return item.code == "holiday"


def error(err: GoLiveError) -> str:
    """A calendar error by its rule; others as the window words them."""
    rule = str(getattr(err, "rule", "") or err.details.get("rule", ""))
    words = {
        "range_reversed": QCoreApplication.translate(
            "Calendar", "The last day is before the first."
        ),
        "date_range": QCoreApplication.translate("Calendar", "That date is outside 2000–2100."),
        "range_too_long": QCoreApplication.translate("Calendar", "A slot is at most a year long."),
        "not_a_member": QCoreApplication.translate(
            "Calendar", "This person is not on the project. Add them to the project first."
        ),
    }.get(rule)
    if words:
        return words
    if err.details.get("reason") == "conflict":
        return QCoreApplication.translate(
            "Calendar",
            "This slot was changed on another computer meanwhile. The calendar shows the "
            "latest; settle the conflict in the Sync page's inbox.",
        )
    return describe(err)
