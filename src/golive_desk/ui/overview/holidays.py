"""File ▸ Import holiday calendar…: the office's ICS for a year the library does not know.

The file is read and checked on the worker, its years are shown through the
prompter, and only a "yes" writes them (one ``holiday_year`` op per year,
carried to the other laptops in bundles). Every SLA clock then recomputes.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from golive_desk.domain.errors import GoLiveError
from golive_desk.domain.models import Changes
from golive_desk.domain.workdays import YearData
from golive_desk.services.holiday_files import read_holiday_ics
from golive_desk.ui.context import UiContext

# lupdate finds translate("HolidayImport", "…") calls by this name.
translate = QCoreApplication.translate


def preview_text(years: tuple[YearData, ...]) -> str:
    lines = [translate("HolidayImport", "This calendar holds:")]
    for data in years:
        days = [d for d, _ in data.holidays]
        span = f"{min(days):%m-%d} … {max(days):%m-%d}" if days else "–"
        lines.append(translate("HolidayImport", "%1: %2 days off (%3), %4 adjusted working days")
                     .replace("%1", str(data.year)).replace("%2", str(len(data.holidays)))
                     .replace("%3", span).replace("%4", str(len(data.adjusted_workdays))))
    lines.append("")
    lines.append(translate("HolidayImport", "Store these years? They replace this store's "
                           "earlier record of the same year and travel in bundles."))
    return "\n".join(lines)


def import_holiday_calendar(ctx: UiContext, parent: QWidget) -> None:
    """Choose an ICS, preview its years, then store them (nothing is written before "yes")."""
    title = translate("HolidayImport", "Import holiday calendar")
    path = ctx.prompter.open_file(parent, title,
                                  translate("HolidayImport", "Calendars (*.ics)"))
    if path is None:
        return

    def failed(err: GoLiveError) -> None:
        ctx.prompter.error(parent, title, translate(
            "HolidayImport", "%1 is not a holiday calendar we can read (%2).")
            .replace("%1", path.name).replace("%2", err.message))

    def confirm(years: tuple[YearData, ...]) -> None:
        if not ctx.prompter.confirm(parent, title, preview_text(years)):
            return
        sla = ctx.services.sla

        def store() -> Changes:
            changes = Changes.of("holiday_year")
            for data in years:
                changes = changes | sla.set_holiday_year(data)
            return changes

        ctx.runner.run(store)

    ctx.runner.run(lambda: read_holiday_ics(path), confirm, failed)
