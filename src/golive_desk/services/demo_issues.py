"""Demo issues: a month of go-live support, every module, category, severity and status.

Each issue gets the history a consultant would have written: reported,
worked on, the customer kept informed, escalations with a proposed handling,
branch-office tests, on-site application, resolution and the customer's
confirmation. Everything goes through :class:`IssueWriter` (ops, as always),
in one transaction, with timeline times that follow the report time.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Callable, Generator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from golive_desk.domain.issues import Issue, IssueStatus, NotifyChannel
from golive_desk.domain.models import Project
from golive_desk.services.demo_issue_texts import CONTEXT, DOC_PREFIX, TEMPLATES, Template
from golive_desk.services.issue_writer import IssueWriter
from golive_desk.services.issues import IssueService

S = IssueStatus

# Where each demo issue's story would end (weights add to 100). A story that
# runs into the future stops at today (see ``_in_time_order``): the open issues
# are mostly the recent ones, as on a real project a month into support.
STATUS_WEIGHTS: tuple[tuple[IssueStatus, int], ...] = (
    (S.NEW, 0), (S.IN_PROGRESS, 4), (S.ESCALATED, 2), (S.BRANCH_TESTED, 1),
    (S.APPLIED_ON_SITE, 1), (S.RESOLVED, 6), (S.CLOSED, 82), (S.TRANSFERRED, 4),
)
# How fast support moves on an issue of each severity (a factor on every delay):
# urgent ones are answered within the hour, low ones wait their turn.
PACE: dict[str, float] = {"urgent": 0.35, "high": 0.7, "medium": 1.2, "low": 2.0}
ESCALATED_PATH = (S.ESCALATED, S.BRANCH_TESTED, S.APPLIED_ON_SITE)

# (name, department) of the customer's people who report problems.
REPORTERS: dict[str, tuple[tuple[str, str], ...]] = {
    "总账": (("刘芳", "财务部"), ("何静", "财务部")),
    "应收": (("何静", "财务部"), ("刘芳", "财务部")),
    "应付": (("刘芳", "财务部"), ("何静", "财务部")),
    "存货": (("许文斌", "仓储部"), ("赵磊", "供应链部")),
    "采购": (("黄晓燕", "采购部"), ("赵磊", "供应链部")),
    "销售": (("马超", "销售部"), ("赵磊", "供应链部")),
    "成本": (("孙丽华", "成本核算组"), ("刘芳", "财务部")),
}
# The key user of each module: the one who asks most, operation errors above all.
KEY_USERS: dict[str, tuple[str, str]] = {
    "总账": ("刘芳", "财务部"), "应收": ("刘芳", "财务部"), "应付": ("刘芳", "财务部"),
    "存货": ("赵磊", "供应链部"), "采购": ("赵磊", "供应链部"), "销售": ("赵磊", "供应链部"),
    "成本": ("孙丽华", "成本核算组"),
}
CONSULTANTS = ("张力", "陈思远", "林晓")
# The customer's internal support staff (demo.py's people): from the third week on
# they take the simple issues themselves, as the handover expects.
INTERNAL_SUPPORT = ("吴刚", "郑敏")
_SELF_SERVED = frozenset({"operation_error", "data", "environment_printing", "configuration"})
# Who follows transferred issues up in the vendor's O&M service department.
OM_OWNER = "孙涛"
CONFIRMERS = ("王海东", "刘芳", "赵磊", "孙丽华")
PM = "周建国"


@dataclass
class _Clock:
    """Local times of one issue's history, moving forward from its report."""

    now: datetime
    pace: float = 1.0

    def later(self, rng: random.Random, low: int = 10, high: int = 240) -> str:
        self.now += timedelta(minutes=round(rng.randint(low, high) * self.pace))
        # Support works office hours (late evenings at month-end aside): what
        # would fall in the night happens the next morning.
        if self.now.hour >= 21 or self.now.hour < 8:
            morning = self.now.date() + timedelta(days=1 if self.now.hour >= 21 else 0)
            self.now = datetime.combine(morning, time(8, 30)) + timedelta(
                minutes=rng.randint(0, 60))
        return self.now.strftime("%Y-%m-%dT%H:%M")

    def at_minutes_later(self, rng: random.Random, low: int, high: int) -> datetime:
        self.later(rng, low, high)
        return self.now


# One issue's history as a generator: it yields the local time of its next step,
# then takes that step when resumed (see ``_in_time_order``).
Story = Generator[datetime, None, None]


def add_demo_issues(service: IssueService, project_code: str, count: int, go_live: date,
                    seed: int = 7, *, not_before: datetime | None = None,
                    not_after: datetime | None = None) -> int:
    """Create ``count`` demo issues in the project; returns how many were made.

    Every step of every issue is written at the time the story gives it, all
    issues interleaved in time order, and each op records that time: so the
    timeline's field changes and "last modified" read like a month of support,
    and the node's ops stay in time order along its chain (a sync reports no
    clock skew). ``not_before``/``not_after`` (local) clamp those times: after
    the node's latest op, and never in the future (a story's steps after
    ``not_after`` are not taken: that issue is still open today).
    """
    rng = random.Random(seed)
    today = not_after or datetime.now()
    close = _month_end_close(go_live, today.date())
    statuses = [s for s, w in STATUS_WEIGHTS for _ in range(w)]
    with service.batch() as writer:
        project = writer.project(project_code)  # (the demo project is created first)
        stories: list[Story] = []
        for n in range(count):
            template = TEMPLATES[n % len(TEMPLATES)] if n < len(TEMPLATES) else rng.choice(
                TEMPLATES)
            # Every status early on, so even a small demo shows each of them.
            final = list(IssueStatus)[n % len(IssueStatus)] if n < 16 else rng.choice(statuses)
            # Each issue draws from its own generator: its story does not depend on
            # how the stories interleave.
            story_rng = random.Random(f"{seed}:{n}")
            # Days ago: those that show every status early on long enough ago to get
            # there, or just reported; the issues still worked on, of the last week.
            ago = (None if n >= 16 and final not in (S.IN_PROGRESS, S.ESCALATED) else
                   (0, 7) if n >= 16 else (0, 1) if final in (S.NEW, S.IN_PROGRESS) else (-4, 0))
            reported = _reported(go_live, close, today, story_rng, ago=ago)
            stories.append(_story(writer, project, template, final, go_live, reported,
                                  story_rng, n))
        _in_time_order(writer, stories, not_before, today)
    return count


def _in_time_order(writer: IssueWriter, stories: list[Story], not_before: datetime | None,
                   not_after: datetime) -> None:
    """Run the stories' steps earliest first, each op stamped with its step's time; a
    story whose next step lies after ``not_after`` ends there."""
    queue: list[tuple[datetime, int, Story]] = []
    for n, story in enumerate(stories):
        _schedule(queue, n, story)
    while queue:
        when, n, story = heapq.heappop(queue)
        if when > not_after:
            story.close()
            continue
        if not_before is not None:
            when = max(when, not_before)
        wall = utc_wall(min(when, not_after))
        writer.uow.wall = fixed_wall(wall)
        _schedule(queue, n, story)


def _schedule(queue: list[tuple[datetime, int, Story]], n: int, story: Story) -> None:
    """Take the story's pending step (if any) and queue its next one."""
    try:
        heapq.heappush(queue, (next(story), n, story))
    except StopIteration:
        return


def fixed_wall(wall: str) -> Callable[[], str]:
    """A wall clock that always reads ``wall``."""
    return lambda: wall


def utc_wall(local: datetime) -> str:
    """A naive local time as an op's wall time (UTC text, as ``oplog.utc_now``)."""
    return local.astimezone(UTC).isoformat(timespec="milliseconds")


def _month_end_close(go_live: date, today: date) -> date:
    """The first month-end close of the support: the latest one up to today at least a
    week after go-live (else the go-live month's), on its last weekday."""
    close = _close_day(go_live)
    following = _close_day(_close_day(go_live) + timedelta(days=7))
    if (close - go_live).days < 7 or following <= today:
        close = following if following <= today else close
    return close


def _close_day(day: date) -> date:
    last = date(day.year + day.month // 12, day.month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=max(0, last.weekday() - 4))


def _reported(go_live: date, close: date, today: datetime, rng: random.Random, *,
              ago: tuple[int, int] | None = None) -> datetime:
    """When a problem is reported: most in the first week after go-live, many in the
    days before the month-end close, the rest any day since; fewer at weekends."""
    span = max(0, (today.date() - go_live).days)
    pick = rng.random()
    if ago is not None:  # so many days ago (negative: days after go-live)
        low, high = ago
        day = span - rng.randint(low, high) if low >= 0 else rng.randint(0, -low)
    elif pick < 0.5:
        day = int(rng.gammavariate(2, 1.6))
    elif pick < 0.75:
        day = (close - go_live).days - abs(round(rng.gauss(0, 2.5)))
    else:
        day = rng.randint(0, span)
    day = min(max(day, 0), span)
    if day == span and day > 0 and today.time() < time(9, 0):  # (before office hours)
        day -= 1
    weekday = (go_live + timedelta(days=day)).weekday()
    if day > 0 and weekday >= 5 and rng.random() < 0.7:
        day = max(0, day - (weekday - 4))
    start = datetime.combine(go_live + timedelta(days=day), time(8, 30))
    reported = start + timedelta(minutes=rng.randint(0, 540))
    return min(reported, today - timedelta(minutes=rng.randint(5, 30)))


def _story(writer: IssueWriter, project: Project, template: Template, final: IssueStatus,
           go_live: date, reported: datetime, rng: random.Random, n: int) -> Story:
    module, function, title, description, cause, proposal, resolution, category, severity = \
        template
    who, dept = rng.choice(REPORTERS[module])
    if category == "operation_error" and rng.random() < 0.7:
        who, dept = KEY_USERS[module]
    words = {"ctx": rng.choice(CONTEXT[module]), "who": who,
             "doc": f"{DOC_PREFIX[module]}{go_live:%Y%m}{rng.randint(1, 999):04d}"}
    if rng.random() < 0.25:
        severity = rng.choice(("urgent", "high", "medium", "low"))
    clock = _Clock(reported, PACE[severity])
    # Now and then an issue, answered at once, then waits on the user (data to
    # collect, a busy key user).
    slow = 4 if rng.random() < 0.2 else 1
    escalate = category == "software_defect" or final in ESCALATED_PATH or (
        final in (S.RESOLVED, S.CLOSED, S.TRANSFERRED) and rng.random() < 0.1)
    yield clock.now
    issue_id = writer.create(project, {
        "title": title if module == "总账" or rng.random() < 0.5 else f"{title}（{words['ctx']}）",
        "description": description.format(**words), "module": module, "function": function,
        "category": category, "severity": severity,
        "mode": rng.choice(("onsite", "onsite", "onsite", "phone", "remote")),
        "reporter": who, "reporter_dept": dept, "reported_at": reported,
        # Mostly the policy's resolution target; now and then the user's own deadline.
        **({"expected_by": (reported + timedelta(days=1)).date()} if rng.random() < 0.1
           else {}),
        "assignee": "" if final == S.NEW and rng.random() < 0.5 else _assignee(
            category, reported.date() - go_live, n, escalate),
    }, policy_expected_by=True)
    issue = writer.issue(issue_id)
    if final == S.NEW:
        return
    yield from _move(writer, issue, S.IN_PROGRESS, "已接手，现场查看问题。", clock, rng)
    clock.pace *= slow
    if rng.random() < 0.3:
        yield clock.at_minutes_later(rng, 5, 30)
        writer.update(issue, {"severity": "urgent" if severity == "high" else "high"})
    yield clock.at_minutes_later(rng, 20, 180)
    writer.update(issue, {"cause": cause.format(**words)})
    if rng.random() < 0.7:
        yield from _notify(writer, issue, who, "已向用户说明原因和处理计划。", clock, rng)
    if final == S.IN_PROGRESS:
        return
    if escalate:
        yield clock.at_minutes_later(rng, 10, 60)
        writer.update(issue, {"proposal": proposal.format(**words)})
        yield from _move(writer, issue, S.ESCALATED, f"现场无法解决，已报项目经理{PM}。", clock,
                         rng)
        yield from _entry(writer, issue, "escalated", f"{PM}已提交总部产品支持，工单号 "
                          f"CS-{go_live:%y%m}{rng.randint(100, 999)}。", clock.later(rng), clock)
        if final == S.ESCALATED:
            return
        yield from _entry(writer, issue, "branch_tested",
                          "补丁在分公司测试环境验证通过，未发现副作用。",
                          clock.later(rng, 600, 2000), clock)
        yield from _move(writer, issue, S.BRANCH_TESTED, "", clock, rng)
        if final == S.BRANCH_TESTED:
            return
        yield from _entry(writer, issue, "applied_on_site", "已在客户正式环境安装补丁并验证。",
                          clock.later(rng, 120, 900), clock)
        yield from _move(writer, issue, S.APPLIED_ON_SITE, "", clock, rng)
        if final == S.APPLIED_ON_SITE:
            return
    if final == S.TRANSFERRED:
        yield from _move(writer, issue, S.TRANSFERRED, "顾问撤场，移交运营维护服务部继续跟进。",
                         clock, rng, whom=OM_OWNER)
        return
    yield from _move(writer, issue, S.RESOLVED, "", clock, rng, {
        "resolution": resolution.format(**words), "result": "问题已解决，用户确认可正常操作。"})
    yield from _notify(writer, issue, who, "已通知用户问题解决，请确认。", clock, rng)
    if final == S.CLOSED:
        confirmed = clock.later(rng, 60, 1500)
        yield clock.now
        writer.update(issue, {"confirmed_by": rng.choice(CONFIRMERS),
                              "confirmed_at": confirmed[:10],
                              "maintenance_note": rng.random() < 0.35})
        yield from _move(writer, issue, S.CLOSED, "客户已确认，关闭。", clock, rng)


def _assignee(category: str, since_go_live: timedelta, n: int, escalate: bool) -> str:
    """A consultant, or from the third week internal support for most simple issues."""
    if since_go_live.days >= 14 and category in _SELF_SERVED and not escalate and n % 5:
        return INTERNAL_SUPPORT[n % 2]
    return CONSULTANTS[n % 3]


def _move(writer: IssueWriter, issue: Issue, target: IssueStatus, note: str, clock: _Clock,
          rng: random.Random, updates: dict[str, object] | None = None,
          whom: str = "") -> Story:
    at = clock.later(rng)
    yield clock.now
    writer.now = lambda: datetime.fromisoformat(at)
    writer.change_status(issue, target, note, updates, whom=whom)


def _notify(writer: IssueWriter, issue: Issue, whom: str, text: str, clock: _Clock,
            rng: random.Random) -> Story:
    channel = rng.choice((NotifyChannel.ONSITE, NotifyChannel.PHONE, NotifyChannel.IM,
                          NotifyChannel.MAIL))
    yield from _entry(writer, issue, "customer_notified", text, clock.later(rng), clock,
                      channel=channel.value, whom=whom)


def _entry(writer: IssueWriter, issue: Issue, kind: str, text: str, at: str, clock: _Clock,
           **extra: str) -> Story:
    """A hand-written timeline entry at ``at`` (the clock's time)."""
    yield clock.now
    writer.add_entry(issue, kind, text, at=at, **extra)
