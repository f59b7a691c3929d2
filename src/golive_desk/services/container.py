"""All services over one open store, built in one place."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from golive_desk.services.calendar import CalendarService
from golive_desk.services.handover import HandoverService
from golive_desk.services.issues import IssueService
from golive_desk.services.overview import OverviewService
from golive_desk.services.printing import PrintingService
from golive_desk.services.projects import ProjectService
from golive_desk.services.sla import SlaService
from golive_desk.services.sync import SyncService
from golive_desk.storage.engine import Store, open_store


@dataclass(frozen=True)
class Services:
    """The use cases the window and the command line call."""

    store: Store
    projects: ProjectService
    issues: IssueService
    sync: SyncService
    printing: PrintingService
    sla: SlaService
    overview: OverviewService
    calendar: CalendarService
    handover: HandoverService

    @staticmethod
    def over(store: Store) -> Services:
        projects, sla = ProjectService(store), SlaService(store)
        issues, calendar = IssueService(store, sla=sla), CalendarService(store)
        return Services(store=store, projects=projects, issues=issues,
                        sync=SyncService(store),
                        printing=PrintingService(store, issues, projects, sla=sla),
                        sla=sla, overview=OverviewService(store, sla),
                        calendar=calendar,
                        handover=HandoverService(store, issues=issues, sla=sla,
                                                 calendar=calendar, projects=projects))

    @staticmethod
    def open(path: Path) -> Services:
        return Services.over(open_store(path))

    def close(self) -> None:
        self.store.close()
