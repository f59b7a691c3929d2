"""Issue rules as pure functions: the workflow and the fields' validation.

Errors carry a ``reason`` (workflow) or ``rule`` (validation) code next to the
English message, so the window can phrase them in Chinese without parsing text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import TypeVar

from golive_desk.domain import validation
from golive_desk.domain.enums import SupportMode
from golive_desk.domain.errors import ValidationError, WorkflowError
from golive_desk.domain.issues import (
    EDITABLE_FIELDS,
    MANUAL_KINDS,
    Category,
    Issue,
    IssueStatus,
    NotifyChannel,
    Severity,
    TimelineKind,
)
from golive_desk.domain.ops import JsonValue

S = IssueStatus

# Where each status may go. Reopen is resolved/closed → in progress;
# transferred (to O&M at handover) is final.
TRANSITIONS: dict[IssueStatus, tuple[IssueStatus, ...]] = {
    S.NEW: (S.IN_PROGRESS, S.ESCALATED, S.RESOLVED, S.TRANSFERRED),
    S.IN_PROGRESS: (S.ESCALATED, S.RESOLVED, S.TRANSFERRED),
    S.ESCALATED: (S.BRANCH_TESTED, S.IN_PROGRESS, S.TRANSFERRED),
    S.BRANCH_TESTED: (S.APPLIED_ON_SITE, S.ESCALATED, S.IN_PROGRESS, S.TRANSFERRED),
    S.APPLIED_ON_SITE: (S.RESOLVED, S.IN_PROGRESS, S.TRANSFERRED),
    S.RESOLVED: (S.CLOSED, S.IN_PROGRESS),
    S.CLOSED: (S.IN_PROGRESS,),
    S.TRANSFERRED: (),
}

TITLE_MAX = 200
TEXT_MAX = 20_000
NAME_MAX = 80
_TEXT_FIELDS = ("description", "cause", "proposal", "resolution", "result")
_SHORT_FIELDS = ("function", "reporter", "reporter_dept", "assignee", "confirmed_by")


def allowed_targets(current: IssueStatus) -> tuple[IssueStatus, ...]:
    """The statuses the workflow lets an issue move to next (for the form's buttons)."""
    return TRANSITIONS[current]


def transition_problem(issue: Issue, target: IssueStatus) -> WorkflowError | None:
    """Why ``issue`` may not move to ``target`` now, or None when it may."""
    current = issue.status

    def refuse(reason: str, message: str, field: str = "") -> WorkflowError:
        # ``field``: the one to fill in before the move is allowed (the form goes to it).
        return WorkflowError(message, reason=reason, from_status=current.value,
                             to_status=target.value, number=issue.number, field=field)

    if target == current:
        return refuse("same_status", f"{issue.number} is already {target.value}")
    if current == S.TRANSFERRED:
        return refuse("transferred", f"{issue.number} was transferred to operations & "
                      "maintenance; it is followed up there")
    if target not in TRANSITIONS[current]:
        return refuse(*_illegal_reason(current, target, issue.number))
    if target == S.ESCALATED and not issue.proposal.strip():
        return refuse("needs_proposal", "escalating to the project manager needs a proposed "
                      "handling (处理建议); fill in 'proposal' first", "proposal")
    if target == S.RESOLVED and not issue.resolution.strip():
        return refuse("needs_resolution", "a resolved issue needs a resolution (解决方案); "
                      "fill in 'resolution' first", "resolution")
    if target == S.CLOSED and not (issue.confirmed_by.strip() and issue.confirmed_at):
        return refuse("needs_confirmation", "closing needs the customer's confirmation: "
                      "fill in who confirmed ('confirmed_by') and when ('confirmed_at')",
                      "confirmed_at" if issue.confirmed_by.strip() else "confirmed_by")
    return None


def _illegal_reason(current: IssueStatus, target: IssueStatus, number: str) -> tuple[str, str]:
    if target == S.NEW:
        return "no_return_to_new", f"{number} has been worked on; it cannot go back to new"
    if target == S.BRANCH_TESTED:
        return ("branch_test_needs_escalation",
                "only an escalated issue's solution is tested at the branch office")
    if target == S.APPLIED_ON_SITE:
        return ("apply_needs_branch_test",
                "test the solution at the branch office before applying it on site")
    if target == S.RESOLVED and current in (S.ESCALATED, S.BRANCH_TESTED):
        return ("escalated_needs_test_and_apply", "an escalated issue's solution is tested at "
                "the branch office and applied on site before the issue is resolved")
    if target == S.CLOSED:
        return ("close_needs_resolved",
                "only a resolved issue can be closed, once the customer confirms")
    if target == S.ESCALATED and current in (S.APPLIED_ON_SITE,):
        return ("escalate_from_applied",
                "the solution is already applied on site; reopen work (in progress) first")
    if current in (S.RESOLVED, S.CLOSED):
        return ("reopen_first", f"{number} is {current.value}; reopen it (in progress) first")
    return "illegal", f"{number} cannot go from {current.value} to {target.value}"


def check_transition(issue: Issue, target: IssueStatus) -> None:
    """Raise :class:`WorkflowError` with the reason when the move is not allowed."""
    problem = transition_problem(issue, target)
    if problem is not None:
        raise problem


def fields_reset_on(current: IssueStatus, target: IssueStatus) -> dict[str, JsonValue]:
    """Fields a transition clears: a reopened issue needs the customer's confirmation anew."""
    if current in (S.RESOLVED, S.CLOSED) and target == S.IN_PROGRESS:
        return {"confirmed_by": "", "confirmed_at": None}
    return {}


# -- field values -------------------------------------------------------------

E = TypeVar("E", bound=StrEnum)


def parse_enum(field: str, enum: type[E], raw: object) -> E:
    """An enum member from its stable English code; the error lists the codes."""
    text = str(raw).strip() if raw is not None else ""
    try:
        return enum(text)
    except ValueError:
        codes = ", ".join(m.value for m in enum)
        raise ValidationError(field, f"{field}: unknown value '{text}'; use one of {codes}",
                              rule="choice", value=text, choices=codes) from None


def parse_status(raw: object) -> IssueStatus:
    return parse_enum("status", IssueStatus, raw)


def clean_modules(modules: Sequence[str]) -> tuple[str, ...]:
    """A project's module list: trimmed, without repeats, at least one, each up to 30
    characters.

    Raises:
        ValidationError: ``modules`` with rule ``required`` or ``too_long``.
    """
    names = tuple(dict.fromkeys(m.strip() for m in modules if m.strip()))
    if not names:
        raise ValidationError("modules", "a project needs at least one module",
                              rule="required")
    for name in names:
        clean_text("modules", name, 30)
    return names


def clean_text(field: str, raw: object, limit: int, *, required: bool = False) -> str:
    text = "" if raw is None else validation.encodable(field, str(raw)).strip()
    if required and not text:
        raise ValidationError(field, f"{field} must not be empty", rule="required")
    if len(text) > limit:
        raise ValidationError(field, f"{field} is longer than {limit} characters",
                              rule="too_long", limit=limit)
    return text


def parse_date_value(field: str, raw: object) -> str | None:
    """``YYYY-MM-DD`` or None; accepts date objects and blank text (clears the field)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, datetime):
        return raw.date().isoformat()
    if isinstance(raw, date):
        return raw.isoformat()
    try:
        return date.fromisoformat(str(raw).strip()).isoformat()
    except ValueError:
        raise ValidationError(field, f"{field}: '{raw}' is not a date; use YYYY-MM-DD",
                              rule="date", value=str(raw)) from None


def parse_datetime_value(field: str, raw: object) -> str:
    """Local wall time as ``YYYY-MM-DDTHH:MM``; a bare date means its midnight."""
    if isinstance(raw, datetime):
        return raw.strftime("%Y-%m-%dT%H:%M")
    if isinstance(raw, date):
        return f"{raw.isoformat()}T00:00"
    text = "" if raw is None else str(raw).strip()
    try:
        if len(text) == 10:
            return f"{date.fromisoformat(text).isoformat()}T00:00"
        moment = datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        raise ValidationError(field, f"{field}: '{text}' is not a date and time; use "
                              "YYYY-MM-DD HH:MM", rule="datetime", value=text) from None
    return moment.strftime("%Y-%m-%dT%H:%M")


def parse_bool(field: str, raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    text = "" if raw is None else str(raw).strip().lower()
    if text in ("1", "true", "yes", "y", "on", "是"):
        return True
    if text in ("", "0", "false", "no", "n", "off", "否"):
        return False
    raise ValidationError(field, f"{field}: '{raw}' is not yes or no", rule="bool",
                          value=str(raw))


def normalize_field(field: str, raw: object, modules: tuple[str, ...]) -> JsonValue:
    """One editable field's value as it goes into an op, or a ValidationError."""
    if field == "title":
        return clean_text(field, raw, TITLE_MAX, required=True)
    if field in _TEXT_FIELDS:
        return clean_text(field, raw, TEXT_MAX)
    if field in _SHORT_FIELDS:
        return clean_text(field, raw, NAME_MAX)
    if field == "module":
        module = clean_text(field, raw, NAME_MAX)
        if module and module not in modules:
            raise ValidationError(field, f"unknown module '{module}'; this project's modules "
                                  f"are {', '.join(modules)}", rule="module", value=module,
                                  choices=", ".join(modules))
        return module
    if field == "category":
        return parse_enum(field, Category, raw).value
    if field == "severity":
        return parse_enum(field, Severity, raw).value
    if field == "mode":
        return parse_enum(field, SupportMode, raw).value
    if field == "reported_at":
        return parse_datetime_value(field, raw)
    if field in ("expected_by", "confirmed_at"):
        return parse_date_value(field, raw)
    if field == "maintenance_note":
        return parse_bool(field, raw)
    if field == "status":
        raise ValidationError(field, "status changes go through the workflow "
                              "('issue status NUMBER STATUS')", rule="workflow_only")
    if field in ("number", "project_id"):
        raise ValidationError(field, f"{field} is given at creation and never changes",
                              rule="read_only")
    raise ValidationError(field, f"unknown field '{field}'; editable fields are "
                          f"{', '.join(EDITABLE_FIELDS)}", rule="unknown_field")


def check_dates(values: Mapping[str, JsonValue]) -> None:
    """Cross-field rule: nothing is expected or confirmed before it was reported."""
    reported = str(values.get("reported_at") or "")[:10]
    if not reported:
        return
    for field, what in (("expected_by", "expected-by date"), ("confirmed_at", "confirmation")):
        value = values.get(field)
        if value and str(value) < reported:
            raise ValidationError(field, f"the {what} {value} is before the report date "
                                  f"{reported}", rule="before_reported", reported=reported)


def collect_errors(values: Mapping[str, object],
                   modules: tuple[str, ...]) -> list[ValidationError]:
    """Every field's problem at once, so a form can mark each field (not only the first)."""
    errors: list[ValidationError] = []
    clean: dict[str, JsonValue] = {}
    for field, raw in values.items():
        try:
            clean[field] = normalize_field(field, raw, modules)
        except ValidationError as exc:
            errors.append(exc)
    if not errors:
        try:
            check_dates(clean)
        except ValidationError as exc:
            errors.append(exc)
    return errors


def normalize_fields(values: Mapping[str, object],
                     modules: tuple[str, ...]) -> dict[str, JsonValue]:
    """Validate and normalise editable fields; raises the first problem found."""
    errors = collect_errors(values, modules)
    if errors:
        raise errors[0]
    return {f: normalize_field(f, raw, modules) for f, raw in values.items()}


NEW_ISSUE_DEFAULTS: dict[str, JsonValue] = {
    "description": "", "module": "", "function": "", "category": Category.OTHER.value,
    "severity": Severity.MEDIUM.value, "mode": SupportMode.ONSITE.value, "reporter": "",
    "reporter_dept": "", "expected_by": None, "assignee": "", "cause": "", "proposal": "",
    "resolution": "", "result": "", "confirmed_by": "", "confirmed_at": None,
    "maintenance_note": False,
}


def new_issue_values(values: Mapping[str, object], modules: tuple[str, ...],
                     now: datetime,
                     expected_by: Callable[[Severity, datetime], date] | None = None,
                     ) -> dict[str, JsonValue]:
    """A new issue's editable fields: defaults, then the given values, validated.

    ``expected_by(severity, reported)``: the expected-by date when the values do
    not name one (the project's SLA policy: the day its resolution target runs
    out). An expected-by given as empty stays empty.
    """
    given = dict(values)
    given.setdefault("title", "")
    given.setdefault("reported_at", now)
    clean = dict(NEW_ISSUE_DEFAULTS)
    clean.update(normalize_fields(given, modules))
    if expected_by is not None and "expected_by" not in values:
        reported = datetime.fromisoformat(str(clean["reported_at"]))
        severity = parse_enum("severity", Severity, clean.get("severity") or "medium")
        clean["expected_by"] = expected_by(severity, reported.replace(tzinfo=None)).isoformat()
    check_dates(clean)
    return clean


def issue_number(project_code: str, initials: str, counter: int) -> str:
    """``HX-ZL-0007``: project, the writing consultant's initials, a per-node counter.

    Different nodes never share initials and counter together (the counter is
    local to the node), so numbers given offline never collide.
    """
    return f"{project_code}-{initials}-{counter:04d}"


def normalize_entry(kind: object, text: object, channel: object, whom: object,
                    at: object, now: datetime) -> dict[str, JsonValue]:
    """A hand-written timeline entry's values; customer notices name channel and whom."""
    entry_kind = parse_enum("kind", TimelineKind, kind)
    if entry_kind not in MANUAL_KINDS:
        raise ValidationError("kind", f"'{entry_kind.value}' entries are written by the "
                              "program, not by hand", rule="manual_kind")
    body = clean_text("text", text, TEXT_MAX, required=entry_kind == TimelineKind.NOTE)
    who = clean_text("whom", whom, NAME_MAX)
    how: str | None = None
    if entry_kind == TimelineKind.CUSTOMER_NOTIFIED:
        if channel is None or not str(channel).strip():
            codes = ", ".join(c.value for c in NotifyChannel)
            raise ValidationError("channel", f"say how the customer was notified ({codes})",
                                  rule="required")
        how = parse_enum("channel", NotifyChannel, channel).value
        if not who:
            raise ValidationError("whom", "say whom at the customer you notified",
                                  rule="required")
    elif channel is not None and str(channel).strip():
        how = parse_enum("channel", NotifyChannel, channel).value
    moment = parse_datetime_value("at", now if at is None or at == "" else at)
    return {"kind": entry_kind.value, "text": body, "channel": how, "whom": who, "at": moment,
            "from_status": None, "to_status": None}


def describe_value(value: JsonValue) -> str:
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value).replace("\n", " ")
    return text if len(text) <= 40 else text[:39] + "…"


def describe_creation(author: str, reporter: str, mode: str) -> str:
    """"张力 created the issue (reported by 黄晓燕, phone)" (English; the window translates)."""
    how = ", ".join(p for p in (f"reported by {reporter}" if reporter else "", mode) if p)
    return f"{author} created the issue" + (f" ({how})" if how else "")


def describe_field_change(author: str, field: str, old: JsonValue, new: JsonValue) -> str:
    """"张力 changed severity from high to urgent" (English; the window translates)."""
    if field == "deleted":
        return f"{author} {'deleted' if new else 'restored'} the issue"
    return f"{author} changed {field} from {describe_value(old)} to {describe_value(new)}"
