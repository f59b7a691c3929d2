"""Which pages the navigation bar shows, in order. Features plug their page in here.

A page is registered as a :class:`PageEntry` whose ``build`` makes it; the
window calls it the first time the page is shown. Each builder imports its
page's module itself, so a page's code (and what it imports) is loaded only
when the page is first needed, not before the window's first paint. To add a
page: write ``_my_page(ctx)`` importing and returning it, and add one
``PageEntry`` line to :meth:`PageCatalog.build`, with ``count`` if the page
shows a badge in the navigation bar (read on the worker until it is built).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from golive_desk.domain.issue_kinds import OPEN_STATUSES
from golive_desk.domain.models import Project
from golive_desk.ui.context import UiContext
from golive_desk.ui.main_window import PageEntry
from golive_desk.ui.pages.base import Page


class PageCatalog(QObject):
    """Lists the pages (a QObject so its titles go through ``self.tr``)."""

    def build(self, ctx: UiContext) -> list[PageEntry]:
        return [
            PageEntry("overview", "overview", self.tr("Overview"), lambda: _overview(ctx)),
            PageEntry("issues", "issues", self.tr("Issues"), lambda: _issues(ctx),
                      count=lambda project: _open_issues(ctx, project)),
            PageEntry("calendar", "calendar", self.tr("Calendar"), lambda: _calendar(ctx)),
            PageEntry("handover", "handover", self.tr("Handover"), lambda: _handover(ctx)),
            PageEntry("sync", "sync", self.tr("Sync"), lambda: _sync(ctx),
                      count=lambda _project: len(ctx.services.sync.conflicts())),
        ]


def build_pages(ctx: UiContext) -> list[PageEntry]:
    return PageCatalog().build(ctx)


# Each builder imports its page when the page is first shown (see the module's docstring).
def _overview(ctx: UiContext) -> Page:
    from golive_desk.ui.overview.page import OverviewPage

    return OverviewPage(ctx)


def _issues(ctx: UiContext) -> Page:
    from golive_desk.ui.issues.page import IssuesPage

    return IssuesPage(ctx)


def _calendar(ctx: UiContext) -> Page:
    from golive_desk.ui.calendar.page import CalendarPage

    return CalendarPage(ctx)


def _handover(ctx: UiContext) -> Page:
    from golive_desk.ui.handover.page import HandoverPage

    return HandoverPage(ctx)


def _sync(ctx: UiContext) -> Page:
    from golive_desk.ui.sync.sync_page import SyncPage

    return SyncPage(ctx)


def _open_issues(ctx: UiContext, project: Project | None) -> int:
    """What :meth:`IssuesPage.badge` shows: the project's open issues."""
    if project is None:
        return 0
    from golive_desk.domain.issues import IssueQuery  # counted after the first paint

    counts = ctx.services.issues.counts(IssueQuery(project=project.code))
    return sum(n for status, n in counts.items() if status in OPEN_STATUSES)
