"""Register exports (.xlsx, .csv) read back, and the Excel import on hand-made lists."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from golive_desk.domain.errors import ValidationError
from golive_desk.domain.issues import IssueQuery, TimelineKind
from golive_desk.services.container import Services
from golive_desk.storage.tables import ops


def op_count(services: Services) -> int:
    with services.store.read() as conn:
        return int(conn.execute(select(func.count()).select_from(ops)).scalar_one())


def recorded(services: Services, project: str) -> None:
    first, _ = services.issues.create(project, {
        "title": "凭证审核后无法反审核", "module": "总账", "severity": "high",
        "category": "operation_error", "reporter": "何静", "reporter_dept": "财务部",
        "reported_at": "2026-11-04 09:30", "expected_by": "2026-11-06",
        "description": "点击反审核提示“凭证已被引用”。\n第二行。"})
    services.issues.change_status(first.number, "in_progress", "现场查看")
    services.issues.create(project, {"title": "=HYPERLINK(\"http://x\")", "module": "应收",
                                     "reported_at": "2026-11-05 14:00"})


# -- exports ---------------------------------------------------------------------------

def test_xlsx_export_has_typed_columns_frozen_header_and_filter(
        services: Services, project_code: str, tmp_path: Path) -> None:
    recorded(services, project_code)
    path = tmp_path / "register.xlsx"
    result = services.printing.export_register_xlsx(project_code, path)
    assert result.rows == 2
    book = load_workbook(path)
    sheet = book.worksheets[0]
    assert sheet.title == "系统运行问题跟踪记录"
    header = [c.value for c in sheet[1]]
    assert header[:7] == ["问题编号", "问题标题", "所属模块", "功能/单据", "问题类别",
                          "严重程度", "当前状态"]
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == f"A1:W{result.rows + 1}"  # 23 columns, SLA included
    assert sheet.column_dimensions["B"].width == 36
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=2)}
    first = rows["HX-ZL-0001"]
    by_name = dict(zip(header, first, strict=True))
    assert by_name["提出时间"].value == datetime(2026, 11, 4, 9, 30)
    assert by_name["提出时间"].number_format == "yyyy-mm-dd hh:mm"
    assert by_name["要求解决日期"].value == datetime(2026, 11, 6)
    assert by_name["要求解决日期"].is_date
    assert by_name["严重程度"].value == "高"
    assert by_name["当前状态"].value == "处理中"
    assert by_name["问题描述"].value == "点击反审核提示“凭证已被引用”。\n第二行。"
    assert by_name["列入维护事项"].value == "否"
    formula = dict(zip(header, rows["HX-ZL-0002"], strict=True))["问题标题"]
    assert formula.data_type == "s"  # text that looks like a formula stays text
    assert formula.value == "=HYPERLINK(\"http://x\")"
    summary = book.worksheets[1]
    assert summary.title == "统计汇总"
    assert ("合计", 2) in [(r[0].value, r[1].value) for r in summary.iter_rows()]


def test_csv_export_is_utf8_with_bom_and_defuses_formulas(
        services: Services, project_code: str, tmp_path: Path) -> None:
    recorded(services, project_code)
    path = tmp_path / "register.csv"
    services.printing.export_register_csv(project_code, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0][0] == "问题编号"
    assert len(rows) == 3
    assert rows[1][10] == "2026-11-04 09:30"
    assert rows[2][1] == "'=HYPERLINK(\"http://x\")"


def test_english_export_and_the_suffix_decides_the_format(
        services: Services, project_code: str, tmp_path: Path) -> None:
    recorded(services, project_code)
    result = services.printing.export_register(project_code, tmp_path / "r.csv",
                                               language="en")
    assert result.path.read_text("utf-8-sig").startswith("Issue no.,Title,Module")
    with pytest.raises(ValidationError) as refused:
        services.printing.export_register(project_code, tmp_path / "r.txt")
    assert refused.value.details["rule"] == "file_type"
    with pytest.raises(ValidationError) as unwritable:
        services.printing.export_register(project_code, tmp_path / "no" / "r.xlsx")
    assert unwritable.value.details["rule"] == "unwritable"
    assert not (tmp_path / "no").exists()


# -- import ----------------------------------------------------------------------------

HEADERS = ["问题标题", "所属模块", "严重程度", "提出时间", "提出人", "问题描述", "备注"]


def customer_list(path: Path) -> Path:
    """A list as customers make them: a merged title row, merged module cells, odd values."""
    book = Workbook()
    sheet = book.active
    sheet.title = "问题清单"
    sheet.append(["华星电子上线问题清单（财务部）"])
    sheet.merge_cells("A1:G1")
    sheet.append(HEADERS)
    rows = [
        ["凭证审核后无法反审核", "总账", "高", datetime(2026, 11, 4, 9, 30), "何静", "反审核报错",
         ""],
        ["月末结账提示损益类科目未结转", None, "紧急", "2026/11/5", "刘芳", "", ""],
        ["科目余额表与明细账金额不一致", None, "medium", "2026年11月6日", "刘芳", "", ""],
        [None, "应收", "高", "2026-11-07", "何静", "没有标题的行", ""],
        ["收款核销后余额不对", "应收", "超级紧急", "2026-11-07", "何静", "", ""],
        ["付款单审核后未生成日记账", "仓库管理", "低", "2026-11-08", "刘芳", "", ""],
        ["预付款无法与应付单核销", "应付", "中", 45678, "刘芳", "", ""],
        [None, None, None, None, None, None, "只有备注"],
        [],
        ["凭证审核后无法反审核", "总账", "高", datetime(2026, 11, 4, 15, 0), "何静", "重复", ""],
    ]
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("B3:B5")  # 总账 over three rows, as customers group them
    book.save(path)
    return path


def test_preview_finds_the_header_below_a_merged_title(tmp_path: Path,
                                                       services: Services) -> None:
    preview = services.printing.read_xlsx_preview(customer_list(tmp_path / "list.xlsx"))
    assert preview.sheet == "问题清单"
    assert preview.header_row == 2
    assert preview.headers == tuple(HEADERS)
    assert preview.rows[1][1] == "总账"  # the merged module cell fills its rows
    assert preview.rows[1][3] == "2026/11/5"
    assert preview.merged_ranges == 2
    mapping = services.printing.suggest_mapping(preview.headers)
    assert mapping == {0: "title", 1: "module", 2: "severity", 3: "reported_at",
                       4: "reporter", 5: "description"}


def test_import_plan_refuses_bad_rows_with_reasons_and_writes_nothing(
        services: Services, project_code: str, tmp_path: Path) -> None:
    path = customer_list(tmp_path / "list.xlsx")
    mapping = services.printing.suggest_mapping(services.printing.read_xlsx_preview(path)
                                                .headers)
    before = op_count(services)
    plan = services.printing.plan_import(project_code, path, mapping)
    assert op_count(services) == before
    assert [r.row for r in plan.accepted] == [3, 4, 5]
    reasons = {r.row: [(p.field, p.rule) for p in r.problems] for r in plan.refused}
    assert reasons == {
        6: [("title", "required")],
        7: [("severity", "choice")],
        8: [("module", "module")],
        9: [("reported_at", "date")],
        12: [("title", "duplicate_row")],
    }
    assert plan.empty_rows == 2  # the note-only row and the blank one
    second = plan.accepted[1].values
    assert second["module"] == "总账"
    assert second["severity"] == "urgent"
    assert second["reported_at"] == datetime(2026, 11, 5)
    assert services.issues.list_issues(IssueQuery(project=project_code)) == []

    numbers, changes = services.printing.apply_import(plan)
    assert len(numbers) == 3
    assert changes.touches("issue")
    imported = {i.title: i for i in services.issues.list_issues(IssueQuery(project=project_code))}
    assert imported["凭证审核后无法反审核"].reported_at == "2026-11-04T09:30"
    assert imported["凭证审核后无法反审核"].description == "反审核报错"
    assert imported["月末结账提示损益类科目未结转"].module == "总账"
    assert imported["科目余额表与明细账金额不一致"].severity.value == "medium"

    again = services.printing.plan_import(project_code, path, mapping)
    assert not again.accepted
    assert {r.row: r.problems[0].rule for r in again.refused}[3] == "duplicate"


def test_a_status_column_imports_each_issue_in_its_status(
        services: Services, project_code: str, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["问题标题", "提出时间", "状态"])
    for title, status in (("凭证无法反审核", "处理中"), ("结账提示未结转", "Closed"),
                          ("余额表不一致", "已解决"), ("核销后余额不对", "resolved"),
                          ("付款单未生成日记账", ""), ("预付款无法核销", "搁置中")):
        sheet.append([title, "2026-11-04", status])
    path = tmp_path / "status.xlsx"
    book.save(path)
    mapping = services.printing.suggest_mapping(services.printing.read_xlsx_preview(path)
                                                .headers)
    assert mapping == {0: "title", 1: "reported_at", 2: "status"}
    plan = services.printing.plan_import(project_code, path, mapping)
    assert [(r.row, [(p.field, p.rule, p.value) for p in r.problems]) for r in plan.refused] \
        == [(7, [("status", "choice", "搁置中")])]  # an unknown status: a row's own error
    numbers, _ = services.printing.apply_import(plan)
    statuses = {services.issues.get(n).title: services.issues.get(n).status.value
                for n in numbers}
    assert statuses == {"凭证无法反审核": "in_progress", "结账提示未结转": "closed",
                        "余额表不一致": "resolved", "核销后余额不对": "resolved",
                        "付款单未生成日记账": "new"}
    closed = next(services.issues.get(n, full=True) for n in numbers
                  if services.issues.get(n).status.value == "closed")
    moves = [(e.from_status, e.to_status) for e in closed.timeline
             if e.kind == TimelineKind.STATUS_CHANGE]
    assert [(a and a.value, b and b.value) for a, b in moves] == [("new", "closed")]


def test_import_mapping_problems_are_clear(services: Services, project_code: str,
                                           tmp_path: Path) -> None:
    path = customer_list(tmp_path / "list.xlsx")
    cases = [({1: "module"}, "title_unmapped"), ({0: "title", 30: "module"}, "unknown_column"),
             ({0: "title", 1: "title"}, "duplicate_target"),
             ({0: "title", 1: "number"}, "unknown_field")]
    for mapping, rule in cases:
        with pytest.raises(ValidationError) as refused:
            services.printing.plan_import(project_code, path, mapping)
        assert refused.value.details["rule"] == rule


def test_unreadable_and_empty_files_are_refused_by_name(
        services: Services, project_code: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty.xlsx"
    Workbook().save(empty)
    header_only = tmp_path / "header.xlsx"
    book = Workbook()
    book.active.append(["问题标题", "所属模块"])
    book.save(header_only)
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a workbook", "utf-8")
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    expected = {empty: "empty_file", fake: "not_xlsx", old: "xls_format",
                tmp_path / "missing.xlsx": "missing"}
    for path, rule in expected.items():
        with pytest.raises(ValidationError) as refused:
            services.printing.read_xlsx_preview(path)
        assert refused.value.details["rule"] == rule, path
    with pytest.raises(ValidationError) as no_rows:
        services.printing.plan_import(project_code, header_only, {0: "title"})
    assert no_rows.value.details["rule"] == "no_rows"


def test_our_own_export_imports_back_into_another_project(
        services: Services, project_code: str, tmp_path: Path) -> None:
    recorded(services, project_code)
    path = tmp_path / "register.xlsx"
    services.printing.export_register_xlsx(project_code, path)
    services.projects.add_project("BY", "博远 ERP", "苏州博远自动化", "2026-12-01")
    preview = services.printing.read_xlsx_preview(path)
    mapping = services.printing.suggest_mapping(preview.headers)
    assert "title" in mapping.values()
    assert "expected_by" in mapping.values()
    assert 0 not in mapping  # our issue number is given anew, never imported
    plan = services.printing.plan_import("BY", path, mapping)
    assert not plan.refused, plan.refused
    services.printing.apply_import(plan)
    copy = {i.title: i for i in services.issues.list_issues(IssueQuery(project="BY"))}
    original = services.issues.get("HX-ZL-0001")
    twin = copy[original.title]
    assert twin.number.startswith("BY-")
    for field in ("module", "severity", "category", "reporter", "reporter_dept",
                  "reported_at", "expected_by", "description"):
        assert getattr(twin, field) == getattr(original, field), field
    assert twin.expected_by == date(2026, 11, 6)
