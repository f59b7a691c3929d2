"""All services over one open store, built in one place."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from golive_desk.services.projects import ProjectService
from golive_desk.storage.engine import Store, open_store


@dataclass(frozen=True)
class Services:
    """The use cases the window and the command line call."""

    store: Store
    projects: ProjectService

    @staticmethod
    def over(store: Store) -> Services:
        return Services(store=store, projects=ProjectService(store))

    @staticmethod
    def open(path: Path) -> Services:
        return Services.over(open_store(path))

    def close(self) -> None:
        self.store.close()
