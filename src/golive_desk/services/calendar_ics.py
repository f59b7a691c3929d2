"""ICS export and import for the support calendar (the format: ``domain/calendar_ics.py``).

An import is previewed first (nothing written): our own slots found by UID
(``<slot id>@golive-desk``) are updated, never duplicated; the customer's other
events become milestones of the project (a kind read from their words, one per
kind and day); 休/班 events become holiday years the calendar does not know
yet. Applying the preview is one unit of work: all of it or nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from itertools import filterfalse, repeat
from operator import attrgetter, getitem
from pathlib import Path
from typing import Any

from golive_desk.domain.calendar_ics import (
    UID_DOMAIN,
    IcsEvent,
    milestone_kind,
    read_events,
    schedule_ics,
)
from golive_desk.domain.holiday_ics import _by_notice_year, _kind, _name
from golive_desk.domain.ids import uuid7, uuid7s
from golive_desk.domain.models import Changes, Project
from golive_desk.domain.support_calendar import CalendarError, Milestone, MilestoneKind, Slot
from golive_desk.domain.workdays import YearData
from golive_desk.services.sla import SlaService
from golive_desk.storage import calendar_queries, sla_reads
from golive_desk.storage.engine import Tx
from golive_desk.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class IcsPreview:
    """What an import would write; nothing is written until it is applied.

    ``slot_updates`` hold the slots with their new days and the versions read
    (an edit meanwhile becomes a conflict); ``skipped``: events already there.
    """

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
    """The ICS bytes and the number of events."""
    return schedule_ics(slots, milestones, stamp=datetime.now(UTC).replace(microsecond=0)), \
        len(slots) + len(milestones)


def preview(tx: Tx, path: Path, project: Project | None) -> IcsPreview:
    """Read ``path`` and decide what an import writes (see the module text).

    Raises:
        CalendarError: an unreadable file or one that is not ICS, too many events, an
            event without a date, nothing to import, customer events without a project.
        HolidayDataError: holiday days that break a year's rules.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CalendarError("ics", "not_ics", f"cannot read {path.name}: {exc.strerror}",
                            path=str(path)) from None
    events = read_events(data)
    own: dict[str, list[IcsEvent]] = {}
    off: dict[date, str] = {}
    on: dict[date, str] = {}
    customer = events if _customer_only(events) else _sort_out(events, own, off, on)
    updates, skipped = _slot_updates(tx, own)
    years = _new_years(tx, off, on)
    stones, more_skipped = _new_milestones(tx, customer, project)
    if not (updates or years or stones or skipped or more_skipped):
        raise CalendarError("ics", "nothing_to_import", "the file has no events to import")
    return IcsPreview(project.id if project else None, tuple(stones), years, tuple(updates),
                      skipped + more_skipped)


def _customer_only(events: list[IcsEvent]) -> bool:
    """No event is ours (by UID) or a holiday (by its words): the usual customer calendar,
    asked once of all its texts joined by a line break, which no marker or word holds
    (so none is found across two texts)."""
    return UID_DOMAIN not in "\n".join(map(_UID, events)) and \
        _kind("\n".join(map(_SUMMARY, events))) is None


def _sort_out(events: list[IcsEvent], own: dict[str, list[IcsEvent]], off: dict[date, str],
              on: dict[date, str]) -> list[IcsEvent]:
    """The customer's events; ours put in ``own`` by record, holiday days in ``off`` and
    ``on`` (working days)."""
    customer: list[IcsEvent] = []
    for event in events:
        if event.own_id is not None:
            own.setdefault(event.own_id, []).append(event)
            continue
        kind = _kind(event.summary)
        if kind is None:
            customer.append(event)
            continue
        for i in range((event.last - event.first).days + 1):
            day = date.fromordinal(event.first.toordinal() + i)
            (on if kind == "on" else off)[day] = _name(event.summary)
    return customer


_UID, _SUMMARY, _FIRST = attrgetter("uid"), attrgetter("summary"), attrgetter("first")
_BY_DAY = attrgetter("first", "summary")
_NOTE = slice(0, 2_000)  # (the registry's length of a note)


def _slot_updates(tx: Tx, own: dict[str, list[IcsEvent]]) -> tuple[list[Slot], int]:
    updates: list[Slot] = []
    skipped = 0
    for slot_id in sorted(own):
        current = calendar_queries.slot(tx, slot_id)
        if current is None:  # a milestone of ours, or a slot deleted since: nothing to do
            skipped += len(own[slot_id])
            continue
        first = min(e.first for e in own[slot_id])
        last = max(e.last for e in own[slot_id])
        note = own[slot_id][0].description
        if (first, last, note) == (current.start, current.end, current.note):
            skipped += 1
            continue
        updates.append(replace(current, start=first, end=last, note=note))
    return updates, skipped


def _new_years(tx: Tx, off: dict[date, str], on: dict[date, str]) -> tuple[YearData, ...]:
    if not off and not on:
        return ()
    for d in on:
        off.pop(d, None)
    known = SlaService.calendar_in(tx)
    years = _by_notice_year(off, on)
    return tuple(y for y in years if not known.known(y.year))


def _new_milestones(tx: Tx, events: list[IcsEvent], project: Project | None,
                    ) -> tuple[list[Milestone], int]:
    if not events:
        return [], 0
    if project is None:
        raise CalendarError("project", "project_required",
                            "closing dates and events are imported into a project: give one")
    have = {(m.kind, m.day) for m in calendar_queries.milestones_of(tx, [project.id])}
    have.add((MilestoneKind.GO_LIVE, project.go_live))  # the project's own dates
    if project.month_end is not None:
        have.add((MilestoneKind.MONTH_END_CLOSE, project.month_end))
    ordered = sorted(events, key=_BY_DAY)
    summaries = list(map(_SUMMARY, ordered))
    keys = list(zip(map(milestone_kind, summaries), map(_FIRST, ordered), strict=True))
    # One milestone per (kind, day) the project lacks, from its first event: each key's
    # first event (a dict filled from the last event back), in C calls.
    first_of = dict(zip(reversed(keys), range(len(keys) - 1, -1, -1), strict=True))
    kept = sorted(map(first_of.__getitem__, filterfalse(have.__contains__, first_of)))
    kinds, days = zip(*map(keys.__getitem__, kept), strict=True) if kept else ((), ())
    found = list(map(Milestone, uuid7s(len(kept)), repeat(project.id), repeat(project.code),
                     kinds, days, map(getitem, map(summaries.__getitem__, kept), repeat(_NOTE))))
    return found, len(ordered) - len(kept)


def apply_preview(uow: UnitOfWork, preview: IcsPreview) -> Changes:
    """Write a preview in the caller's unit of work (its ops projected in one batch)."""
    with uow.batch():
        return _apply(uow, preview)


_KIND_TEXT = {kind: kind.value for kind in MilestoneKind}  # (``.value`` is a Python property)
_NOTE_OF, _PROJECT_OF = attrgetter("note"), attrgetter("project_id")


def _apply(uow: UnitOfWork, preview: IcsPreview) -> Changes:
    # (Checked by the preview: a new id, the project's, a kind, a day in the calendar's
    # range, a note cut to the registry's length; tests check the ops against it. Every
    # value text: the kinds' and days' by how they are made, the rest looked at here.)
    stones = preview.milestones
    texts = set(map(type, map(_NOTE_OF, stones))) | set(map(type, map(_PROJECT_OF, stones)))
    uow.create_many("milestone", ((stone.id, {
        "project_id": stone.project_id, "kind": _KIND_TEXT[stone.kind],
        "day": stone.day.isoformat(), "note": stone.note}) for stone in stones),
        checked=True, plain=texts == {str})
    changes = Changes.of("milestone", *(stone.id for stone in preview.milestones)) \
        if preview.milestones else Changes()
    for slot in preview.slot_updates:
        current = calendar_queries.slot(uow.conn, slot.id)
        if current is None:
            continue
        for field, old, new in (("start_day", current.start, slot.start),
                                ("end_day", current.end, slot.end),
                                ("note", current.note, slot.note)):
            if old != new:
                value = new.isoformat() if isinstance(new, date) else new
                uow.set("support_slot", slot.id, field, value, seen=slot.versions.get(field))
        changes |= Changes.of("support_slot", slot.id)
    for data in preview.holiday_years:
        text = json.dumps(data.to_json(), ensure_ascii=False, sort_keys=True)
        existing = sla_reads.holiday_year_id(uow.conn, data.year)
        if existing is None:
            existing = uuid7()
            uow.create("holiday_year", existing, {"year": data.year, "data": text})
        else:
            uow.set("holiday_year", existing, "data", text)
        changes |= Changes.of("holiday_year", existing)
    if preview.project_id:
        changes |= Changes.of("project", preview.project_id)
    return changes
