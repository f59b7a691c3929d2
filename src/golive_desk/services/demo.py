"""A realistic Chinese ERP go-live project for first starts, demos and benchmarks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from golive_desk.domain.enums import SupportMode
from golive_desk.domain.errors import DuplicateError
from golive_desk.domain.issues import IssueQuery
from golive_desk.domain.models import Changes
from golive_desk.services import store_admin
from golive_desk.services.calendar import CalendarService
from golive_desk.services.container import Services
from golive_desk.services.demo_issues import add_demo_issues, fixed_wall, utc_wall
from golive_desk.services.projects import ProjectService
from golive_desk.storage import oplog

DEMO_CODE = "HX"
DEMO_CONSULTANT = "张力"  # the local user's person when they are none of the demo's people

MODULES = ("总账", "应收", "应付", "存货", "采购", "销售", "成本")

# (name, role, initials, phone, email, department)
DEMO_PEOPLE: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("周建国", "vendor_pm", "ZJG", "138 0571 2231", "zhoujg@erpvendor.cn", "杭州分公司实施部"),
    ("张力", "consultant", "ZL", "139 5712 8890", "zhangli@erpvendor.cn", "杭州分公司实施部"),
    ("陈思远", "consultant", "CSY", "137 5810 4412", "chensy@erpvendor.cn", "杭州分公司实施部"),
    ("林晓", "consultant", "LX", "136 0651 7720", "linxiao@erpvendor.cn", "杭州分公司实施部"),
    ("王海东", "customer_pm", "WHD", "0571-8623 1100", "wanghd@huaxing-elec.com", "信息中心"),
    ("刘芳", "key_user", "LF", "0571-8623 1168", "liufang@huaxing-elec.com", "财务部"),
    ("赵磊", "key_user", "ZLE", "0571-8623 1203", "zhaolei@huaxing-elec.com", "供应链部"),
    ("孙丽华", "key_user", "SLH", "0571-8623 1255", "sunlh@huaxing-elec.com", "成本核算组"),
    ("吴刚", "internal_support", "WG", "0571-8623 1180", "wugang@huaxing-elec.com", "信息中心"),
    ("郑敏", "internal_support", "ZM", "0571-8623 1181", "zhengmin@huaxing-elec.com", "信息中心"),
    ("黄晓燕", "end_user", "HXY", "0571-8623 1302", "huangxy@huaxing-elec.com", "采购部"),
    ("马超", "end_user", "MC", "0571-8623 1410", "machao@huaxing-elec.com", "销售部"),
    ("何静", "end_user", "HJ", "0571-8623 1171", "hejing@huaxing-elec.com", "财务部"),
    ("许文斌", "end_user", "XWB", "0571-8623 1520", "xuwb@huaxing-elec.com", "仓储部"),
)


@dataclass(frozen=True)
class DemoResult:
    project_code: str
    people: int
    issues: int
    changes: Changes


def demo_store(path: Path, issues: int = 300) -> Path:
    """A new store at ``path`` for the consultant 张力 (ZL) holding the demo project:
    what screenshots, benchmarks and tests start from."""
    store_admin.init_store(path, DEMO_CONSULTANT, "ZL")
    return add_demo(path, issues)


def add_demo(path: Path, issues: int = 300) -> Path:
    """The demo project added to the store at ``path`` (opened and closed here)."""
    services = Services.open(path)
    try:
        fill_demo(services, issues=issues)
    finally:
        services.close()
    return path


def fill_demo(services: Services, *, issues: int = 300, go_live: str | None = None,
              month_end: str | None = None) -> DemoResult:
    """Create the demo project 华星电子 ERP 上线 with people of every role.

    A demo stopped half-way (the program killed while it was being made: the
    project and some people but no issues) is finished, not refused.

    Raises:
        DuplicateError: the store already holds the demo project with its issues.
    """
    projects = services.projects
    existing = next((p for p in projects.list_projects() if p.code == DEMO_CODE), None)
    if existing is not None and _has_issues(services):
        raise DuplicateError(f"the demo project {DEMO_CODE} already exists", code=DEMO_CODE)
    # A month into support by default, so every issue and event lies in the past; a
    # demo that was stopped half-way (killed) is finished on its own dates.
    live = (existing.go_live if existing is not None else
            date.fromisoformat(go_live) if go_live else date.today() - timedelta(days=30))
    month_end = month_end or _last_day_of_month(live).isoformat()
    # The story's ops carry its times (set up two weeks before go-live), but never
    # before this computer's latest op: its ops stay in time order.
    now = datetime.now()
    not_before = _latest_local_op(services)
    setup = min(max(datetime.combine(live - timedelta(days=14), time(9, 0)),
                    not_before or datetime.min), now)
    setup_projects = ProjectService(services.store, wall=fixed_wall(utc_wall(setup)))
    changes = Changes(frozenset(), frozenset())
    if existing is None:
        existing, changes = setup_projects.add_project(
            DEMO_CODE, "华星电子 ERP 上线支持", "杭州华星电子有限公司", live.isoformat(),
            month_end)
    members = {p.name for p in projects.people(DEMO_CODE)}
    for name, role, initials, phone, email, dept in DEMO_PEOPLE:
        if name not in members:
            changes = changes | setup_projects.add_person(
                DEMO_CODE, name, role, initials=initials, phone=phone, email=email,
                department=dept)[1]
    _link_local_user(services, {p.id: (p.name, p.initials) for p in projects.people(DEMO_CODE)})
    if not CalendarService(services.store).slots(DEMO_CODE, None, live - timedelta(days=1),
                                                 live + timedelta(days=90)):
        changes = changes | _demo_schedule(services, DEMO_CODE, live, setup)
    made = add_demo_issues(services.issues, DEMO_CODE, issues, live,
                           not_before=setup, not_after=now)
    changes = changes | Changes(frozenset({"issue", "timeline_entry"}), frozenset())
    return DemoResult(DEMO_CODE, len(DEMO_PEOPLE), made, changes)


def _has_issues(services: Services) -> bool:
    return bool(services.issues.list_ids(IssueQuery(project=DEMO_CODE, include_deleted=True),
                                         limit=1))


def _demo_schedule(services: Services, code: str, live: date, setup: datetime) -> Changes:
    """The support plan from go-live to a planned exit six weeks on, applied, with one
    gap the PM has yet to fix: the second month-end close covered by phone only."""
    calendar = CalendarService(services.store, wall=fixed_wall(utc_wall(setup)))
    holidays = calendar.holidays()
    exit_day = holidays.add_workdays(live, 30)
    calendar.set_milestone(code, "planned_exit", exit_day, "顾问撤离现场")
    calendar.set_milestone(code, "acceptance", holidays.add_workdays(exit_day, 5), "项目验收")
    following = _last_day_of_month(_last_day_of_month(live) + timedelta(days=1))
    close = holidays.month_end_close_day(following.year, following.month)
    calendar.set_milestone(code, "month_end_close", close, "第二次月结")
    proposals = calendar.plan(code)
    changes = calendar.apply_plan(code, proposals)
    for slot in calendar.slots(code, None, close, close):
        if slot.mode is SupportMode.ONSITE and not slot.start < close:
            calendar.update_slot(slot.id, mode=SupportMode.PHONE, note="客户要求改为电话支持")
    return changes


def _link_local_user(services: Services, made: dict[str, tuple[str, str]]) -> None:
    """The local user is the demo person of their name or initials, else the consultant 张力
    (unless they already have a person)."""
    projects = services.projects
    if projects.me() is not None:
        return
    user = store_admin.local_user(services.store)
    by_user = [pid for pid, (name, initials) in made.items()
               if name == user.name or initials == user.initials]
    consultant = [pid for pid, (name, _) in made.items() if name == DEMO_CONSULTANT]
    chosen = (by_user or consultant)[:1]
    if chosen:
        projects.link_me(chosen[0])


def _latest_local_op(services: Services) -> datetime | None:
    """When this computer wrote its latest op, in local time."""
    with services.store.read() as conn:
        wall = oplog.last_local_wall(conn)
    return datetime.fromisoformat(wall).astimezone().replace(tzinfo=None) if wall else None


def _last_day_of_month(day: date) -> date:
    first_next = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return first_next - timedelta(days=1)
