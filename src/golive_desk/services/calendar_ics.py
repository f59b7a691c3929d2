"""ICS export and import for the support calendar (see :mod:`golive_desk.domain.calendar_ics`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from golive_desk.domain.models import Changes, Project
from golive_desk.domain.support_calendar import Milestone, Slot
from golive_desk.storage.engine import Tx
from golive_desk.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class IcsPreview:
    """What an import would write; nothing is written until it is applied."""

    project_id: str | None = None


def export_text(slots: Sequence[Slot], milestones: Sequence[Milestone]) -> tuple[bytes, int]:
    raise NotImplementedError


def preview(tx: Tx, path: Path, project: Project | None) -> IcsPreview:
    raise NotImplementedError


def apply_preview(uow: UnitOfWork, preview: IcsPreview) -> Changes:
    raise NotImplementedError
