"""All services over one open store, built in one place.

Each service is built, and its module imported, the first time it is asked
for: the window's first paint needs the projects, the overview and the
calendar, not printing (openpyxl, reportlab), sync (cryptography) or handover.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from golive_desk.services.calendar import CalendarService
    from golive_desk.services.handover import HandoverService
    from golive_desk.services.issues import IssueService
    from golive_desk.services.overview import OverviewService
    from golive_desk.services.printing import PrintingService
    from golive_desk.services.projects import ProjectService
    from golive_desk.services.sla import SlaService
    from golive_desk.services.sync import SyncService
    from golive_desk.storage.engine import Store
    from golive_desk.storage.inspection import Inspection


class Services:
    """The use cases the window and the command line call.

    Building a service does no IO, so a first use on the worker thread and one on
    the GUI thread at the same time would at worst build it twice (the second
    wins); the window touches services only in worker tasks.
    """

    def __init__(self, path: Path, opener: Callable[[], Store]) -> None:
        self.path = path
        self._opener = opener
        self._store: Store | None = None
        self._opening = threading.Lock()

    @staticmethod
    def over(store: Store) -> Services:
        services = Services(store.path, lambda: store)
        services._store = store
        return services

    @staticmethod
    def open(path: Path) -> Services:
        services = Services.later(path)
        services.open_now()
        return services

    @staticmethod
    def later(path: Path, inspected: Inspection | None = None) -> Services:
        """Services over the store at ``path``, opened by :meth:`open_now` (or on first use).

        The window paints its start page before it opens the store (and imports
        SQLAlchemy): ``inspected``, the start-up's inspection of the file, is not made twice.
        """
        def opener() -> Store:
            from golive_desk.storage.engine import open_store

            return open_store(path, inspected=inspected)

        return Services(Path(path).absolute(), opener)

    def open_now(self) -> Store:
        """Open the store if it is not open yet.

        Raises:
            GoLiveError: as :func:`storage.engine.open_store`.
        """
        with self._opening:
            if self._store is None:
                self._store = self._opener()
            return self._store

    @property
    def is_open(self) -> bool:
        return self._store is not None

    @property
    def store(self) -> Store:
        return self._store if self._store is not None else self.open_now()

    def close(self) -> None:
        if self._store is not None:
            self._store.close()

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
