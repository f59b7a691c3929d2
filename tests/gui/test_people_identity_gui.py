"""One person on two projects: each project's table shows their role there; the issue
form's pickers list the project's members."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from golive_desk.domain.enums import Side
from golive_desk.services.container import Services
from golive_desk.services.store_admin import init_store
from golive_desk.ui.issues.fields import SheetFields
from golive_desk.ui.people_model import PeopleModel


def _services(tmp_path: Path) -> Services:
    path = tmp_path / "s.db"
    init_store(path, "张力", "ZL")
    services = Services.open(path)
    for code in ("HX", "DF"):
        services.projects.add_project(code, f"{code} ERP", f"{code} 客户", "2026-11-02")
    services.projects.add_person("HX", "陈思远", "consultant", initials="CSY")
    services.projects.add_person("DF", "陈思远", "vendor_pm", initials="CSY")
    services.projects.add_person("HX", "刘芳", "key_user")
    services.projects.add_person("DF", "马超", "end_user")
    return services


def test_the_people_table_shows_each_projects_role(qtbot: QtBot, qtmodeltester: object,
                                                   tmp_path: Path) -> None:
    services = _services(tmp_path)
    try:
        model = PeopleModel()
        for code, expected in (("HX", [("陈思远", "Consultant"), ("刘芳", "Key user")]),
                               ("DF", [("陈思远", "Vendor PM"), ("马超", "End user")])):
            model.set_people(services.projects.people(code))
            qtmodeltester.check(model)  # type: ignore[attr-defined]
            shown = [(model.index(r, 0).data(Qt.ItemDataRole.DisplayRole),
                      model.index(r, 1).data(Qt.ItemDataRole.DisplayRole))
                     for r in range(model.rowCount())]
            assert [name for name, _ in shown] == [name for name, _ in expected]
            assert len({role for _, role in shown}) == 2
    finally:
        services.close()


def test_the_assignee_picker_lists_the_projects_vendor_members(qtbot: QtBot,
                                                               tmp_path: Path) -> None:
    services = _services(tmp_path)
    try:
        people = services.projects.people("HX")
        fields = SheetFields()
        qtbot.addWidget(fields)
        fields.set_choices(services.issues.modules("HX"),
                           [p.name for p in people if p.side == Side.VENDOR],
                           [p.name for p in people if p.side == Side.CUSTOMER])
        assignees = [fields.assignee.itemText(i) for i in range(fields.assignee.count())]
        reporters = [fields.reporter.itemText(i) for i in range(fields.reporter.count())]
        assert "陈思远" in assignees
        assert "马超" not in assignees + reporters  # a member of DF only
        assert "刘芳" in reporters
        assert fields.reporter.isEditable()  # or a free name
    finally:
        services.close()
