"""The handover's words: exit criteria, states, figures, in the user's language.

The services return codes and values; these functions word them. Every text is
a ``translate("HandoverText", …)`` call with ``%1``-style places, so lupdate
finds it (never inside an f-string).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication

from golive_desk.domain.handover import Criterion
from golive_desk.domain.handover_records import HandoverState

translate = QCoreApplication.translate

__all__ = ["criterion_detail", "criterion_figure", "criterion_title", "fill", "numbers_text",
           "state_text", "translate", "whole"]


def fill(template: str, *values: object) -> str:
    """``template`` with ``%1``, ``%2``… replaced (highest first, so %1 never eats %10)."""
    text = template
    for n in range(len(values), 0, -1):
        text = text.replace(f"%{n}", _plain(values[n - 1]))
    return text


def _plain(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


NON_BREAKING_HYPHEN = "\u2011"


def whole(number: object) -> str:
    """An issue number that a wrapping label never splits ("HX-|ZL-0199"): its hyphens
    become non-breaking ones, which look the same."""
    return str(number).replace("-", NON_BREAKING_HYPHEN)


def numbers_text(numbers: Sequence[object], limit: int = 8) -> str:
    """Issue numbers, the first ``limit`` of them (each kept whole on a wrapped line) and
    how many more."""
    shown = [whole(n) for n in numbers[:limit]]
    text = translate("HandoverText", ", ").join(shown)
    if len(numbers) > limit:
        text += fill(translate("HandoverText", " and %1 more"), len(numbers) - limit)
    return text


def state_text(state: HandoverState, accepted_on: date | None = None) -> str:
    if state is HandoverState.HANDED_OVER:
        if accepted_on is None:
            return translate("HandoverText", "Handed over")
        return fill(translate("HandoverText", "Handed over on %1"), accepted_on.isoformat())
    if state is HandoverState.IN_PROGRESS:
        return translate("HandoverText", "Handover in progress")
    return translate("HandoverText", "In go-live support (handover not started)")


def criterion_title(criterion: Criterion) -> str:
    titles = {
        "urgent_without_plan": translate(
            "HandoverText", "No urgent issue open without an action plan"),
        "sla_urgent_high": translate(
            "HandoverText", "Urgent and high issues handled within their SLA"),
        "resolved_by_staying": translate(
            "HandoverText", "Issues resolved by the customer's own people "
            "(key users, internal support)"),
        "month_end_closes": translate(
            "HandoverText", "Every month-end close so far supported on site and passed"),
        "new_issues_per_day": translate("HandoverText", "New issues a day are falling"),
        "days_since_urgent": translate("HandoverText", "Days since the last urgent issue"),
        "operation_error_share": translate("HandoverText", "Share of operation errors"),
    }
    return titles.get(criterion.code, criterion.code)


def _int(value: object) -> int:
    return int(value) if isinstance(value, int | float) else 0


def criterion_figure(c: Criterion) -> str:
    """The figure against its threshold, in one line a consultant reads at a glance."""
    d: Mapping[str, object] = c.details
    if c.code == "urgent_without_plan":
        return fill(translate("HandoverText", "%1 without a plan (at most %2 allowed)"),
                    _int(c.figure), _int(c.threshold))
    if c.code in ("sla_urgent_high", "resolved_by_staying"):
        part = d.get("within", d.get("staying", 0))
        return fill(translate("HandoverText", "%1 % (%2 of %3); needs at least %4 %"),
                    c.figure, part, d.get("total", 0), c.threshold)
    if c.code == "month_end_closes":
        held = d.get("held", [])
        count = len(held) if isinstance(held, list) else 0
        passed = str(c.figure).split("/", 1)[0]
        return fill(translate("HandoverText", "%1 of %2 closes passed; needs at least %3, "
                              "all passed"), passed, count, _int(c.threshold))
    if c.code == "new_issues_per_day":
        return fill(translate("HandoverText", "%1 a day (%2 in the last %3 days); at most %4"),
                    c.figure, d.get("new", 0), d.get("days", 0), c.threshold)
    if c.code == "days_since_urgent":
        if c.figure == "none":
            return fill(translate("HandoverText", "no urgent issue so far; needs at least %1"),
                        _int(c.threshold))
        template = (translate("HandoverText", "%1 day (last on %2); needs at least %3")
                    if _int(c.figure) == 1 else
                    translate("HandoverText", "%1 days (last on %2); needs at least %3"))
        return fill(template, _int(c.figure), d.get("last", ""), _int(c.threshold))
    if c.code == "operation_error_share":
        return fill(translate("HandoverText", "%1 % (%2 of %3 issues); at most %4 %"),
                    c.figure, d.get("errors", 0), d.get("total", 0), c.threshold)
    return f"{c.figure} / {c.threshold}"


def _list(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else []


def criterion_detail(c: Criterion) -> str:
    """What to look at: the issues or days behind a red figure, whom to train."""
    d = c.details
    if c.code == "urgent_without_plan" and (found := _list(d.get("issues"))):
        return fill(translate("HandoverText", "Write an action plan for: %1"),
                    numbers_text(found))
    if c.code == "sla_urgent_high" and (found := _list(d.get("breached"))):
        return fill(translate("HandoverText", "Breached: %1"), numbers_text(found))
    if c.code == "resolved_by_staying" and not c.ok:
        return translate("HandoverText", "Let the key users and internal support resolve "
                         "the next issues themselves, with the consultant beside them.")
    if c.code == "month_end_closes":
        parts = []
        if found := _list(d.get("uncovered")):
            parts.append(fill(translate("HandoverText", "Nobody on site: %1"),
                              numbers_text(found)))
        if found := _list(d.get("not_passed")):
            parts.append(fill(translate("HandoverText", "Urgent issue still open: %1"),
                              numbers_text(found)))
        if not _list(d.get("held")):
            parts.append(translate("HandoverText", "No month-end close held yet."))
        return translate("HandoverText", "; ").join(parts)
    if c.code == "operation_error_share":
        names = []
        for item in _list(d.get("reporters"))[:4]:
            if isinstance(item, Mapping):
                names.append(fill(translate("HandoverText", "%1 (%2)"), item.get("reporter"),
                                  item.get("issues")))
        if names:
            return fill(translate("HandoverText", "Most came from (whom to train): %1"),
                        translate("HandoverText", ", ").join(names))
    return ""
