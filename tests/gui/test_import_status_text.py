"""The Excel import maps a status column; an unknown status is a row's own, worded error."""

from __future__ import annotations

from golive_desk.app import DesktopApp
from golive_desk.services.excel_import import IMPORT_FIELDS, RowProblem
from golive_desk.ui.printing.import_text import describe_problem, field_label

UNKNOWN = RowProblem("status", "choice", "status: unknown value '搁置中'", "搁置中")


def test_status_is_mappable_and_its_error_is_worded_in_both_languages(
        desktop: DesktopApp) -> None:
    assert "status" in IMPORT_FIELDS
    assert field_label("status") == "Status"
    assert describe_problem(UNKNOWN) == (
        "Status: \u201c搁置中\u201d is not a status (use New, In progress, Escalated, "
        "Branch tested, Applied on site, Resolved, Closed, Transferred to O&M).")
    desktop.translators.install("zh_CN")
    try:
        assert field_label("status") == "当前状态"
        assert describe_problem(UNKNOWN) == (
            "当前状态：\u201c搁置中\u201d不是可用的状态（可用：新建、处理中、已上报、分公司测试通过、"
            "已现场应用、已解决、已关闭、已移交运维）。")
    finally:
        desktop.translators.install("en")
