"""The project overview (the hypercare dashboard): every figure in one read.

The figures come from a handful of aggregate queries
(``storage/plain_reads.py``, index-only scans over ``ix_issues_overview``)
and the SLA clocks (``services/sla.py``). The clocks cost ten times the
aggregates at 100k issues, so the page asks for them apart: :meth:`figures`
first (painted at once), then :meth:`sla_figures`. ``project summary``
calls :meth:`summary`: both in one read transaction, so they agree with each
other. ``project summary --json`` prints :meth:`ProjectSummary.to_json`. The
figures themselves are made in ``domain/overview.py``; the window's start-up
makes them the same way before the store is opened (``services/start_view.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from golive_desk.domain.errors import NotFoundError
from golive_desk.domain.models import Project
from golive_desk.domain.overview import ProjectSummary, SlaFigures, summarize
from golive_desk.domain.sla import SlaState
from golive_desk.services.sla import SlaService
from golive_desk.storage import plain_reads, queries
from golive_desk.storage.engine import Store, Tx, rows_of


class OverviewService:
    """The dashboard's figures for one project."""

    def __init__(self, store: Store, sla: SlaService, *,
                 now: Callable[[], datetime] = datetime.now) -> None:
        self._store = store
        self._sla = sla
        self._now = now

    def summary(self, project_code: str, now: datetime | None = None) -> ProjectSummary:
        """Every figure of the overview at ``now`` (default: the local time), SLA included.

        Raises:
            NotFoundError: no such project.
        """
        now = now or self._now()
        with self._store.read() as tx:
            summary = self._figures(tx, project_code, now)
            return replace(summary, sla=self._sla_figures(tx, summary.project, now))

    def figures(self, project_code: str, now: datetime | None = None) -> ProjectSummary:
        """The aggregate figures only (``sla`` is None): what the page paints first.

        Raises:
            NotFoundError: no such project.
        """
        with self._store.read() as tx:
            return self._figures(tx, project_code, now or self._now())

    def sla_figures(self, project_code: str, now: datetime | None = None) -> SlaFigures:
        """Breached and at-risk counts from every issue's clock (the page's second read).

        Raises:
            NotFoundError: no such project.
        """
        with self._store.read() as tx:
            return self._sla_figures(tx, _project(tx, project_code), now or self._now())

    def _sla_figures(self, tx: Tx, project: Project, now: datetime) -> SlaFigures:
        clocks = self._sla.clocks_in(tx, project, now)
        breached = [c for c in clocks.clocks if c.reading.state is SlaState.BREACHED]
        return SlaFigures(
            breached=len(breached),
            breached_open=sum(1 for c in breached if not c.reading.resolution.stopped),
            at_risk=clocks.count(SlaState.AT_RISK), unknown_years=clocks.unknown_years,
            at_risk_percent=clocks.policy.at_risk_percent)

    def _figures(self, tx: Tx, project_code: str, now: datetime) -> ProjectSummary:
        today = now.date()
        project = _project(tx, project_code)
        counts = plain_reads.overview_counts(rows_of(tx), project.id, today)
        return summarize(project, today, counts, self._sla.calendar_in(tx))


def _project(tx: Tx, code: str) -> Project:
    project = queries.find_project(tx, code.strip().upper())
    if project is None:
        raise NotFoundError(f"no project {code}", code=code)
    return project
