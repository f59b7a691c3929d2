"""Demo issues: a month of go-live support, every module, category, severity and status.

Each issue gets the history a consultant would have written: reported,
worked on, the customer kept informed, escalations with a proposed handling,
branch-office tests, on-site application, resolution and the customer's
confirmation. Everything goes through :class:`IssueWriter` (ops, as always),
in one transaction, with timeline times that follow the report time.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Row

from golive_desk.domain.issues import Issue, IssueStatus, NotifyChannel
from golive_desk.services.demo_issue_texts import CONTEXT, DOC_PREFIX, TEMPLATES, Template
from golive_desk.services.issue_writer import IssueWriter
from golive_desk.services.issues import IssueService
from golive_desk.storage import queries

S = IssueStatus

# Where each demo issue ends up (weights add to 100).
STATUS_WEIGHTS: tuple[tuple[IssueStatus, int], ...] = (
    (S.NEW, 10), (S.IN_PROGRESS, 17), (S.ESCALATED, 8), (S.BRANCH_TESTED, 5),
    (S.APPLIED_ON_SITE, 5), (S.RESOLVED, 17), (S.CLOSED, 33), (S.TRANSFERRED, 5),
)
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
CONSULTANTS = ("张力", "陈思远", "林晓")
CONFIRMERS = ("王海东", "刘芳", "赵磊", "孙丽华")
PM = "周建国"


@dataclass
class _Clock:
    """Local times of one issue's history, moving forward from its report."""

    now: datetime

    def later(self, rng: random.Random, low: int = 10, high: int = 240) -> str:
        self.now += timedelta(minutes=rng.randint(low, high))
        return self.now.strftime("%Y-%m-%dT%H:%M")


def add_demo_issues(service: IssueService, project_code: str, count: int, go_live: date,
                    seed: int = 7) -> int:
    """Create ``count`` demo issues in the project; returns how many were made."""
    rng = random.Random(seed)
    statuses = [s for s, w in STATUS_WEIGHTS for _ in range(w)]
    with service.batch() as writer:
        project = queries.project_by_code(writer.uow.conn, project_code)
        assert project is not None, "the demo project is created first"
        for n in range(count):
            template = TEMPLATES[n % len(TEMPLATES)] if n < len(TEMPLATES) else rng.choice(
                TEMPLATES)
            # Every status early on, so even a small demo shows each of them.
            final = list(IssueStatus)[n % len(IssueStatus)] if n < 16 else rng.choice(statuses)
            _one_issue(writer, project, template, final, go_live, rng, n)
    return count


def _reported(go_live: date, rng: random.Random) -> datetime:
    # Most problems come in the first week after go-live, and at month-end.
    # Capped so that the whole history (a few days after reporting) is in the past
    # when go-live was a month ago, as fill_demo sets it.
    day = min(int(rng.expovariate(1 / 6)), 24)
    if rng.random() < 0.15:
        day = 24
    start = datetime.combine(go_live + timedelta(days=day), datetime.min.time())
    return start + timedelta(hours=8, minutes=30 + rng.randint(0, 540))


def _one_issue(writer: IssueWriter, project: Row[Any], template: Template, final: IssueStatus,
               go_live: date, rng: random.Random, n: int) -> None:
    module, function, title, description, cause, proposal, resolution, category, severity = \
        template
    who, dept = rng.choice(REPORTERS[module])
    words = {"ctx": rng.choice(CONTEXT[module]), "who": who,
             "doc": f"{DOC_PREFIX[module]}{go_live:%Y%m}{rng.randint(1, 999):04d}"}
    reported = _reported(go_live, rng)
    clock = _Clock(reported)
    if rng.random() < 0.25:
        severity = rng.choice(("urgent", "high", "medium", "low"))
    escalate = category == "software_defect" or final in ESCALATED_PATH or (
        final in (S.RESOLVED, S.CLOSED, S.TRANSFERRED) and rng.random() < 0.1)
    issue_id = writer.create(project, {
        "title": title if module == "总账" or rng.random() < 0.5 else f"{title}（{words['ctx']}）",
        "description": description.format(**words), "module": module, "function": function,
        "category": category, "severity": severity,
        "mode": rng.choice(("onsite", "onsite", "onsite", "phone", "remote")),
        "reporter": who, "reporter_dept": dept, "reported_at": reported,
        "expected_by": (reported + timedelta(days=rng.choice((0, 1, 1, 2, 3, 5)))).date(),
        "assignee": "" if final == S.NEW and rng.random() < 0.5 else CONSULTANTS[n % 3],
    })
    issue = writer.issue(issue_id)
    if final == S.NEW:
        return
    _move(writer, issue, S.IN_PROGRESS, "已接手，现场查看问题。", clock, rng)
    if rng.random() < 0.3:
        writer.update(issue, {"severity": "urgent" if severity == "high" else "high"})
    writer.update(issue, {"cause": cause.format(**words)})
    if rng.random() < 0.7:
        _notify(writer, issue, who, "已向用户说明原因和处理计划。", clock, rng)
    if final == S.IN_PROGRESS:
        return
    if escalate:
        writer.update(issue, {"proposal": proposal.format(**words)})
        _move(writer, issue, S.ESCALATED, f"现场无法解决，已报项目经理{PM}。", clock, rng)
        writer.add_entry(issue, "escalated", f"{PM}已提交总部产品支持，工单号 "
                         f"CS-{go_live:%y%m}{rng.randint(100, 999)}。", at=clock.later(rng))
        if final == S.ESCALATED:
            return
        writer.add_entry(issue, "branch_tested", "补丁在分公司测试环境验证通过，未发现副作用。",
                         at=clock.later(rng, 600, 2000))
        _move(writer, issue, S.BRANCH_TESTED, "", clock, rng)
        if final == S.BRANCH_TESTED:
            return
        writer.add_entry(issue, "applied_on_site", "已在客户正式环境安装补丁并验证。",
                         at=clock.later(rng, 120, 900))
        _move(writer, issue, S.APPLIED_ON_SITE, "", clock, rng)
        if final == S.APPLIED_ON_SITE:
            return
    if final == S.TRANSFERRED:
        _move(writer, issue, S.TRANSFERRED, "顾问撤场，移交运营维护服务部继续跟进。", clock, rng)
        return
    _move(writer, issue, S.RESOLVED, "", clock, rng, {
        "resolution": resolution.format(**words), "result": "问题已解决，用户确认可正常操作。"})
    _notify(writer, issue, who, "已通知用户问题解决，请确认。", clock, rng)
    if final == S.CLOSED:
        confirmed = clock.later(rng, 60, 1500)
        writer.update(issue, {"confirmed_by": rng.choice(CONFIRMERS),
                              "confirmed_at": confirmed[:10],
                              "maintenance_note": rng.random() < 0.35})
        _move(writer, issue, S.CLOSED, "客户已确认，关闭。", clock, rng)


def _move(writer: IssueWriter, issue: Issue, target: IssueStatus, note: str, clock: _Clock,
          rng: random.Random, updates: dict[str, object] | None = None) -> None:
    at = clock.later(rng)
    writer.now = lambda: datetime.fromisoformat(at)
    writer.change_status(issue, target, note, updates)


def _notify(writer: IssueWriter, issue: Issue, whom: str, text: str, clock: _Clock,
            rng: random.Random) -> None:
    channel = rng.choice((NotifyChannel.ONSITE, NotifyChannel.PHONE, NotifyChannel.IM,
                          NotifyChannel.MAIL))
    writer.add_entry(issue, "customer_notified", text, channel=channel.value, whom=whom,
                     at=clock.later(rng))
