"""Which pages the navigation bar shows, in order. Features plug their page in here."""

from __future__ import annotations

from PySide6.QtCore import QObject

from golive_desk.ui.calendar.page import CalendarPage
from golive_desk.ui.context import UiContext
from golive_desk.ui.issues.page import IssuesPage
from golive_desk.ui.main_window import PageEntry
from golive_desk.ui.overview.page import OverviewPage
from golive_desk.ui.pages.coming_page import ComingPage
from golive_desk.ui.sync.sync_page import SyncPage


class PageCatalog(QObject):
    """Builds the pages (a QObject so its titles go through ``self.tr``)."""

    def build(self, ctx: UiContext) -> list[PageEntry]:
        return [
            PageEntry("overview", "overview", self.tr("Overview"), OverviewPage(ctx)),
            PageEntry("issues", "issues", self.tr("Issues"), IssuesPage(ctx)),
            PageEntry("calendar", "calendar", self.tr("Calendar"), CalendarPage(ctx)),
            PageEntry("handover", "handover", self.tr("Handover"), ComingPage(
                "handover", self.tr("Handover"),
                self.tr("Hand follow-up maintenance to the customer's internal support and the "
                        "O&M department: emergency plan, project summary, acceptance "
                        "sign-off."))),
            PageEntry("sync", "sync", self.tr("Sync"), SyncPage(ctx)),
        ]


def build_pages(ctx: UiContext) -> list[PageEntry]:
    return PageCatalog().build(ctx)
