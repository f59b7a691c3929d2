"""The handover's records (交接): what the wizard fills in and the document prints.

Pure: the service reads the store and hands these functions plain values.

- :class:`HandoverRecord`: the project's handover fields (one record per
  project, its fields registers like any other), with the versions an editor
  saw and the fields in conflict.
- :class:`Transfer`: an issue handed to the O&M department, with its owner and
  plan (the issue's move to *transferred*, whose timeline entry names both).
- :class:`MaintenanceNote`: a line of the maintenance notes (维护手册), read from
  an issue flagged "maintenance matter" until someone edits it.
- :class:`Scenario`: a scenario of the emergency plan (应急预案).
- :class:`SupportSummary`: the project summary's figures.
- :func:`state_of`: in support → in progress → handed over.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from enum import StrEnum
from types import MappingProxyType

from golive_desk.domain.enums import SupportMode
from golive_desk.domain.errors import ValidationError, WorkflowError
from golive_desk.domain.handover import ReadinessThresholds
from golive_desk.domain.issues import Issue, IssueStatus
from golive_desk.domain.support_calendar import Half, Slot

__all__ = [
    "ACCEPTANCE_FIELDS", "RECORD_FIELDS", "HandoverRecord", "HandoverState", "MaintenanceNote",
    "Scenario", "SupportSummary", "Transfer", "check_exit_day", "check_sign_off",
    "maintenance_notes", "parse_thresholds", "state_of", "summarise", "thresholds_json",
]

_NO_VERSIONS: Mapping[str, tuple[str, ...]] = MappingProxyType({})

# The project fields the wizard writes (domain/schema.py HANDOVER_FIELDS), by page.
RECORD_FIELDS: tuple[str, ...] = (
    "handover_thresholds", "handover_override", "handover_lessons", "handover_by",
    "handover_receiver", "accept_customer", "accept_vendor", "accepted_on",
)
ACCEPTANCE_FIELDS: tuple[str, ...] = ("handover_by", "handover_receiver", "accept_customer",
                                      "accept_vendor")


class HandoverState(StrEnum):
    IN_SUPPORT = "in_support"      # nothing of the handover written yet
    IN_PROGRESS = "in_progress"    # the wizard was started
    HANDED_OVER = "handed_over"    # signed off: ``accepted_on`` is set


@dataclass(frozen=True, slots=True)
class HandoverRecord:
    """A project's handover fields; empty text for a field never written.

    ``versions`` (per field, the op ids the read saw) go back with a save, so a
    value imported meanwhile stays in conflict instead of being overwritten;
    ``conflicts`` names each field in conflict with its competing values.
    """

    project_id: str
    thresholds: ReadinessThresholds = field(default_factory=ReadinessThresholds)
    handover_override: str = ""
    handover_lessons: str = ""
    handover_by: str = ""
    handover_receiver: str = ""
    accept_customer: str = ""
    accept_vendor: str = ""
    accepted_on: date | None = None
    versions: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: _NO_VERSIONS)
    conflicts: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: _NO_VERSIONS)

    @property
    def started(self) -> bool:
        return any((self.handover_override, self.handover_lessons, self.handover_by,
                    self.handover_receiver, self.accept_customer, self.accept_vendor))


@dataclass(frozen=True, slots=True)
class Transfer:
    """An issue transferred to the O&M department: who follows it up, with what plan."""

    issue_id: str
    number: str
    title: str
    module: str
    owner: str
    plan: str
    day: date | None


@dataclass(frozen=True, slots=True)
class MaintenanceNote:
    """One line of the maintenance notes. ``id`` is None for a note still read from
    its issue (nobody edited it); ``issue_number`` is empty for a note of no issue."""

    id: str | None
    issue_id: str | None
    issue_number: str
    module: str
    symptom: str
    cause: str
    solution: str
    versions: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: _NO_VERSIONS)

    def matches(self, text: str) -> bool:
        """Whether ``text`` (case-insensitive) occurs in the note."""
        needle = text.strip().casefold()
        return not needle or any(needle in part.casefold() for part in (
            self.issue_number, self.module, self.symptom, self.cause, self.solution))


@dataclass(frozen=True, slots=True)
class Scenario:
    """A scenario of the emergency plan, in ``position`` order."""

    id: str
    title: str
    actions: str
    contacts: str
    escalation: str
    position: int
    versions: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: _NO_VERSIONS)


@dataclass(frozen=True, slots=True)
class SupportSummary:
    """What was supported: issue counts and support days, from the store."""

    issues: int
    open_issues: int
    by_category: Mapping[str, int]
    by_module: Mapping[str, int]
    by_mode: Mapping[str, int]
    by_status: Mapping[str, int]
    # person-days per mode (a half-day slot is 0.5), from go-live to the consultant's exit
    support_days: Mapping[str, float]
    first_day: date | None
    last_day: date | None


def parse_thresholds(text: str | None) -> ReadinessThresholds:
    """The thresholds stored as JSON; unknown keys and bad values fall back to defaults."""
    if not text:
        return ReadinessThresholds()
    try:
        data = json.loads(text)
    except ValueError:
        return ReadinessThresholds()
    if not isinstance(data, dict):
        return ReadinessThresholds()
    defaults = ReadinessThresholds()
    kept: dict[str, float | int] = {}
    for f in fields(ReadinessThresholds):
        value = data.get(f.name)
        default = getattr(defaults, f.name)
        if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
            kept[f.name] = int(value) if isinstance(default, int) else float(value)
    return replace(defaults, **kept)  # type: ignore[arg-type]


def thresholds_json(t: ReadinessThresholds) -> str | None:
    """What is stored: only the thresholds that differ from the defaults (None: none)."""
    defaults = ReadinessThresholds()
    changed = {f.name: getattr(t, f.name) for f in fields(ReadinessThresholds)
               if getattr(t, f.name) != getattr(defaults, f.name)}
    return json.dumps(changed, sort_keys=True) if changed else None


def state_of(record: HandoverRecord, has_work: bool) -> HandoverState:
    """Handed over once signed; in progress once anything of it was written."""
    if record.accepted_on is not None:
        return HandoverState.HANDED_OVER
    return HandoverState.IN_PROGRESS if record.started or has_work else HandoverState.IN_SUPPORT


def check_exit_day(go_live: date, exit_day: date) -> None:
    """The consultant cannot leave the site before the system went live."""
    if exit_day < go_live:
        raise ValidationError("exit_day", f"the consultant's exit ({exit_day.isoformat()}) "
                              f"cannot be before go-live ({go_live.isoformat()})",
                              exit_day=exit_day.isoformat(), go_live=go_live.isoformat())


def check_sign_off(untransferred: Sequence[str], record: HandoverRecord,
                   accepted_on: date, go_live: date) -> None:
    """Refuse a sign-off with issues neither transferred nor closed, or a signer missing."""
    if untransferred:
        raise WorkflowError(
            f"{len(untransferred)} open issues are neither transferred nor closed: "
            + ", ".join(untransferred), reason="untransferred", issues=list(untransferred))
    missing = [f for f in ACCEPTANCE_FIELDS if not getattr(record, f).strip()]
    if missing:
        raise ValidationError(missing[0], "the acceptance needs who hands over, who receives "
                              "and both project managers", missing=missing)
    if accepted_on < go_live:
        raise ValidationError("accepted_on", f"the acceptance ({accepted_on.isoformat()}) "
                              f"cannot be before go-live ({go_live.isoformat()})")


def maintenance_notes(flagged: Iterable[Issue],
                      stored: Sequence[MaintenanceNote]) -> list[MaintenanceNote]:
    """The notes: each stored one, and each flagged resolved issue no stored note names.

    A flagged issue that is still open is not a note yet (its solution is not known).
    Sorted by module, then issue number, then symptom.
    """
    named = {n.issue_id for n in stored if n.issue_id}
    notes = list(stored)
    for issue in flagged:
        if issue.id in named or issue.deleted or not issue.maintenance_note:
            continue
        if issue.status not in (IssueStatus.RESOLVED, IssueStatus.CLOSED):
            continue
        symptom = issue.title if not issue.description else f"{issue.title}\n{issue.description}"
        notes.append(MaintenanceNote(None, issue.id, issue.number, issue.module, symptom,
                                     issue.cause, issue.resolution))
    return sorted(notes, key=lambda n: (n.module, n.issue_number, n.symptom))


def _person_days(slot: Slot, first: date | None, last: date | None) -> float:
    """The slot's person-days within ``first`` … ``last`` (either may be open)."""
    start = max(slot.start, first) if first is not None else slot.start
    end = min(slot.end, last) if last is not None else slot.end
    days = (end - start).days + 1
    return max(days, 0) * (1.0 if slot.half is Half.DAY else 0.5)


def summarise(issues: Sequence[Issue], slots: Sequence[Slot], first: date | None = None,
              last: date | None = None) -> SupportSummary:
    """Issues by category, module, support mode and status; support person-days by mode.

    Args:
        issues: the project's issues (deleted ones are left out).
        slots: the project's support slots; each person's slot counts its own days, so
            two consultants on site the same day are two person-days.
        first: count slot days from this day on (go-live); None: from the first slot.
        last: count slot days up to this day (the consultant's exit); days planned after
            it are not support given before the handover. None: up to the last slot.
    """
    live = [i for i in issues if not i.deleted]
    days: dict[str, float] = {}
    for slot in slots:
        days[slot.mode.value] = days.get(slot.mode.value, 0.0) + _person_days(slot, first,
                                                                               last)
    reported = sorted(d for i in live if (d := _day(i)) is not None)
    return SupportSummary(
        issues=len(live), open_issues=sum(1 for i in live if i.is_open),
        by_category=dict(Counter(i.category.value for i in live).most_common()),
        by_module=dict(Counter(i.module or "-" for i in live).most_common()),
        by_mode=dict(Counter(i.mode.value for i in live).most_common()),
        by_status=dict(Counter(i.status.value for i in live).most_common()),
        support_days={m.value: days.get(m.value, 0.0) for m in SupportMode},
        first_day=reported[0] if reported else None,
        last_day=reported[-1] if reported else None,
    )


def _day(issue: Issue) -> date | None:
    try:
        return date.fromisoformat((issue.reported_at or issue.created_at)[:10])
    except ValueError:
        return None
