"""All services over one open store, built in one place.

Each service is built, and its module imported, the first time it is asked
for: the window's first paint needs the projects, the overview and the
calendar, not printing (openpyxl, reportlab), sync (cryptography) or handover.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from golive_desk.storage.engine import Store, open_store

if TYPE_CHECKING:
    from golive_desk.services.calendar import CalendarService
    from golive_desk.services.handover import HandoverService
    from golive_desk.services.issues import IssueService
    from golive_desk.services.overview import OverviewService
    from golive_desk.services.printing import PrintingService
    from golive_desk.services.projects import ProjectService
    from golive_desk.services.sla import SlaService
    from golive_desk.services.sync import SyncService


class Services:
    """The use cases the window and the command line call.

    Building a service does no IO, so a first use on the worker thread and one on
    the GUI thread at the same time would at worst build it twice (the second
    wins); the window touches services only in worker tasks.
    """

    def __init__(self, store: Store) -> None:
        self.store = store

    @staticmethod
    def over(store: Store) -> Services:
        return Services(store)

    @staticmethod
    def open(path: Path) -> Services:
        return Services.over(open_store(path))

    def close(self) -> None:
        self.store.close()

    # Imports inside the properties: a service's module loads on first use (see above).
    @cached_property
    def projects(self) -> ProjectService:
        from golive_desk.services.projects import ProjectService

        return ProjectService(self.store)

    @cached_property
    def sla(self) -> SlaService:
        from golive_desk.services.sla import SlaService

        return SlaService(self.store)

    @cached_property
    def issues(self) -> IssueService:
        from golive_desk.services.issues import IssueService

        return IssueService(self.store, sla=self.sla)

    @cached_property
    def overview(self) -> OverviewService:
        from golive_desk.services.overview import OverviewService

        return OverviewService(self.store, self.sla)

    @cached_property
    def calendar(self) -> CalendarService:
        from golive_desk.services.calendar import CalendarService

        return CalendarService(self.store)

    @cached_property
    def sync(self) -> SyncService:
        from golive_desk.services.sync import SyncService

        return SyncService(self.store)

    @cached_property
    def printing(self) -> PrintingService:
        from golive_desk.services.printing import PrintingService

        return PrintingService(self.store, self.issues, self.projects, sla=self.sla)

    @cached_property
    def handover(self) -> HandoverService:
        from golive_desk.services.handover import HandoverService

        return HandoverService(self.store, issues=self.issues, sla=self.sla,
                               calendar=self.calendar, projects=self.projects)
