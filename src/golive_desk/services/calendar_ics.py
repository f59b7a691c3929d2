"""ICS export and import for the support calendar (see :mod:`golive_desk.domain.calendar_ics`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from golive_desk.domain.models import Changes, Project
from golive_desk.domain.support_calendar import Milestone, Slot
from golive_desk.domain.workdays import YearData
from golive_desk.storage.engine import Tx
from golive_desk.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class IcsPreview:
    """What an import would write; nothing is written until it is applied."""

    project_id: str | None = None
    milestones: tuple[Milestone, ...] = ()
    holiday_years: tuple[YearData, ...] = ()
    slot_updates: tuple[Slot, ...] = ()
    skipped: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"milestones": [{"kind": m.kind.value, "date": m.day.isoformat(),
                                "note": m.note} for m in self.milestones],
                "holiday_years": [y.year for y in self.holiday_years],
                "slots_updated": [s.id for s in self.slot_updates], "skipped": self.skipped}


def export_text(slots: Sequence[Slot], milestones: Sequence[Milestone]) -> tuple[bytes, int]:
    raise NotImplementedError


def preview(tx: Tx, path: Path, project: Project | None) -> IcsPreview:
    raise NotImplementedError


def apply_preview(uow: UnitOfWork, preview: IcsPreview) -> Changes:
    raise NotImplementedError
