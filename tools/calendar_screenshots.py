"""Grab the Calendar page's month, week and team views, in Chinese, with the demo data.

    QT_QPA_PLATFORM=offscreen uv run python tools/calendar_screenshots.py [--lang en]

Writes docs/screenshots/calendar_month_zh.png, calendar_week_zh.png,
calendar_team_zh.png and calendar_schedule_zh.png (the printed 现场支持时间表 of
October at 100 dpi; ``_en`` with ``--lang en``). The demo project goes live on
Friday 2026-10-09, right after the National Day holidays (the 调休 Saturday
10-10 is a working day). If the demo has no schedule yet, the tool applies the
plan generator's proposal, leaves out the 10-30 month-end close (a gap the
warnings show) and books the lead consultant on site at a second customer on
10-20/21 (a double booking). Also the plan dialog (dialog_plan_zh.png, the
generator's proposals) and the print preview of the schedule
(preview_schedule_zh.png).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from screenshot_support import (
    OUT,
    SIZE,
    demo_desktop,
    grab_dialog,
    grab_open,
    language_option,
    pdf_page_png,
    settle,
    suffix_of,
)

from golive_desk.app import make_qt_app
from golive_desk.domain.enums import SupportMode
from golive_desk.domain.support_calendar import Half, MilestoneKind
from golive_desk.services.container import Services
from golive_desk.services.demo import fill_demo
from golive_desk.services.store_admin import init_store
from golive_desk.ui.calendar.page import CalendarPage
from golive_desk.ui.calendar.plan_dialog import PlanDialog
from golive_desk.ui.printing import PrintPreviewDialog

GO_LIVE = date(2026, 10, 9)
CLOSE = date(2026, 10, 30)




def schedule(services: Services) -> None:
    """The demo's schedule (the plan's, if the demo made none) and a second customer
    where the lead consultant is on site at the same time (a double booking)."""
    calendar, projects = services.calendar, services.projects
    if not calendar.slots("HX", None, GO_LIVE, date(2026, 12, 31)):
        _plan(services)
    if any(p.code == "BJ" for p in projects.list_projects()):
        return
    people = {p.name: p.id for p in projects.people("HX")}
    projects.add_project("BJ", "北极光制冷 ERP 运维", "宁波北极光制冷有限公司", "2026-09-14",
                         "2026-09-30")
    projects.add_member("BJ", people["张力"], "consultant")
    calendar.add_slot("BJ", people["张力"], date(2026, 10, 20), date(2026, 10, 21), Half.DAY,
                      SupportMode.ONSITE, "北极光月结")
    calendar.add_slot("BJ", people["张力"], date(2026, 10, 29), date(2026, 10, 29), Half.DAY,
                      SupportMode.PHONE)


def _plan(services: Services) -> None:
    calendar, projects = services.calendar, services.projects
    calendar.set_milestone("HX", MilestoneKind.MONTH_END_CLOSE, date(2026, 11, 30))
    calendar.set_milestone("HX", MilestoneKind.PLANNED_EXIT, date(2026, 12, 18))
    calendar.set_milestone("HX", MilestoneKind.ACCEPTANCE, date(2026, 12, 25))
    proposals = [p for p in calendar.plan("HX") if p.start != CLOSE]
    calendar.apply_plan("HX", proposals)
    people = {p.name: p.id for p in projects.people("HX")}
    calendar.add_slot("HX", people["陈思远"], date(2026, 10, 8), date(2026, 10, 8), Half.DAY,
                      SupportMode.ONSITE, "切换前数据核对")
    calendar.add_slot("HX", people["周建国"], date(2026, 10, 19), date(2026, 10, 19), Half.PM,
                      SupportMode.ONSITE, "上线周例会")
    calendar.add_slot("HX", people["林晓"], date(2026, 10, 26), date(2026, 10, 29), Half.DAY,
                      SupportMode.REMOTE, "成本月结预演")


def main() -> int:
    parser = argparse.ArgumentParser()
    language_option(parser)
    options = parser.parse_args()
    suffix = suffix_of(options.lang)
    app = make_qt_app(["golive-desk"])
    with tempfile.TemporaryDirectory(prefix="golive-shots-") as tmp:
        root = Path(tmp)
        store = root / "store.db"
        init_store(store, "张力", "ZL")
        services = Services.open(store)
        fill_demo(services, go_live=GO_LIVE.isoformat(), month_end=CLOSE.isoformat())
        schedule(services)
        services.close()
        desktop = demo_desktop(app, root, options.lang)
        assert desktop.open_store(store)
        window = desktop.show_window()
        window.resize(*SIZE)
        window.show_page("calendar")
        page = window.page("calendar")
        assert isinstance(page, CalendarPage)
        OUT.mkdir(parents=True, exist_ok=True)
        page.go_to_day(date(2026, 10, 20))
        settle(desktop)
        window.grab().save(str(OUT / f"calendar_month_{suffix}.png"))
        page.set_view("week")
        page.go_to_day(GO_LIVE)
        settle(desktop)
        window.grab().save(str(OUT / f"calendar_week_{suffix}.png"))
        page.set_view("team")
        page.go_to_day(date(2026, 10, 20))
        settle(desktop)
        window.grab().save(str(OUT / f"calendar_team_{suffix}.png"))
        assert desktop.services is not None
        pdf = desktop.services.printing.print_schedule("HX", date(2026, 10, 1), options.lang)
        pdf_page_png(pdf, 0, OUT / f"calendar_schedule_{suffix}.png")
        print(f"wrote {OUT}/calendar_{{month,week,team,schedule}}_{suffix}.png")
        proposals = desktop.services.calendar.plan("HX")
        print("wrote", grab_dialog(desktop, PlanDialog("HX", proposals, page),
                                   OUT / f"dialog_plan_{suffix}.png"))
        page.go_to_day(date(2026, 10, 20))
        page.print_schedule()
        preview = page.findChildren(PrintPreviewDialog)[-1]
        print("wrote", grab_open(desktop, preview, OUT / f"preview_schedule_{suffix}.png"))
        desktop.shutdown()
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
