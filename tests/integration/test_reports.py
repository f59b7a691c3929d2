"""Printed documents read back (pypdf, PDFium, zxing-cpp): text, fonts, QR code, page flow."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from golive_desk.domain.issues import IssueQuery, IssueStatus
from golive_desk.reports.fonts import PLACEHOLDER, printable
from golive_desk.reports.issue_sheet import render_issue_sheets
from golive_desk.reports.models import DocumentInfo
from golive_desk.reports.register import render_register
from golive_desk.services.container import Services
from golive_desk.services.store_admin import local_user
from tests.pdf_support import (
    assert_has,
    assert_only_embedded_fonts,
    page_count,
    page_sizes,
    qr_codes,
    squash,
    text_of,
)

DOC_NO = "HX_7_1_1_1"  # the project code, in place of the methodology's xx_xx


def save(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def tracked_issue(services: Services, project: str, **values: object) -> str:
    values.setdefault("title", "红字应收单审核报错")
    values.setdefault("module", "应收")
    values.setdefault("description",
                      "审核红字应收单 YS2026110707 时报错“对象引用未设置到对象的实例”。")
    issue, _ = services.issues.create(project, values)
    services.issues.update(issue.number, {"cause": "红字应收单关联原单且原单已部分核销。",
                                          "proposal": "升级补丁包后重新审核。"})
    services.issues.change_status(issue.number, "in_progress", "已接手，现场查看问题。")
    services.issues.add_entry(issue.number, "customer_notified", "已向用户说明原因和处理计划。",
                              channel="phone", whom="刘芳")
    return issue.number


# -- the issue sheet -------------------------------------------------------------------

def test_sheet_has_the_form_text_only_embedded_fonts_and_a_readable_qr_code(
        services: Services, project_code: str, tmp_path: Path) -> None:
    number = tracked_issue(services, project_code)
    pdf = save(tmp_path, "sheet.pdf", services.printing.print_sheet([number], "zh_CN"))
    assert_has(text_of(pdf), "系统运行问题跟踪记录单", DOC_NO, "外部", "杭州华星电子有限公司",
               "红字应收单审核报错", "处理过程跟踪", "电话通报 刘芳", "新建 → 处理中",
               "实施顾问签字", "客户确认签字", "第 1 页 / 共 1 页", number)
    assert page_count(pdf) == 1
    assert_only_embedded_fonts(pdf)
    store_id = local_user(services.store).node_id
    assert qr_codes(pdf) == [f"GOLIVE:{number}/{store_id.upper()}"]


def test_english_sheet(services: Services, project_code: str, tmp_path: Path) -> None:
    number = tracked_issue(services, project_code)
    pdf = save(tmp_path, "sheet-en.pdf", services.printing.print_sheet([number], "en"))
    assert_has(text_of(pdf), "System Operation Issue Tracking Record Sheet", DOC_NO,
               "External", "Timeline", "Page 1 of 1", "In progress",
               "Customer notified")
    assert_only_embedded_fonts(pdf)


def test_a_long_description_flows_onto_a_second_numbered_page(
        services: Services, project_code: str, tmp_path: Path) -> None:
    paragraph = "月末结账时系统提示损益类科目未结转，检查凭证后发现外币业务汇兑损益未计提。"
    long_text = "\n".join(f"{i:03d} {paragraph}" for i in range(160)) + "\n结尾标记END"
    number = tracked_issue(services, project_code, description=long_text)
    pdf = save(tmp_path, "long.pdf", services.printing.print_sheet([number], "zh_CN"))
    pages = page_count(pdf)
    assert pages >= 2
    # A loose continuation page says whose it is.
    assert_has(text_of(pdf, pages), f"第 {pages} 页 / 共 {pages} 页", "（续）", number)
    # Nothing of the text was lost at the page breaks.
    assert_has(text_of(pdf), "结尾标记END", "080 月末结账", "159 月末结账")
    assert_only_embedded_fonts(pdf)


def test_each_sheet_of_a_batch_is_numbered_on_its_own(
        services: Services, project_code: str, tmp_path: Path) -> None:
    long_number = tracked_issue(services, project_code, description="很长的描述。" * 1500)
    short_number = tracked_issue(services, project_code, title="凭证打印格式错位")
    pdf = save(tmp_path, "batch.pdf",
               services.printing.print_sheet([long_number, short_number], "zh_CN"))
    pages = page_count(pdf)
    assert pages >= 3
    assert_has(text_of(pdf, pages), "凭证打印格式错位", "第 1 页 / 共 1 页")
    assert_has(text_of(pdf, 1), f"共 {pages - 1} 页")
    store_id = local_user(services.store).node_id
    assert qr_codes(pdf, pages) == [f"GOLIVE:{short_number}/{store_id.upper()}"]


def test_huge_title_emoji_and_rare_characters_print_with_a_placeholder(
        services: Services, project_code: str, tmp_path: Path) -> None:
    number = tracked_issue(services, project_code, title="打印机卡纸😀 生僻字𠀀𪚥",
                           description="表情👨‍👩‍👧 控制符\x07 零宽\u200b 完")
    issue = services.issues.get(number)
    huge = replace(issue, title="超长标题" * 125)  # 500 characters, past the form's limit
    info = services.printing.document_info(project_code)
    data = render_issue_sheets([(issue, info), (huge, info)], "zh_CN")
    pdf = save(tmp_path, "odd.pdf", data)
    assert_has(text_of(pdf), f"打印机卡纸{PLACEHOLDER} 生僻字{PLACEHOLDER}{PLACEHOLDER}",
               f"表情{PLACEHOLDER} 控制符", "超长标题" * 20)
    assert_only_embedded_fonts(pdf)


def test_printable_keeps_what_the_font_has_and_marks_the_rest() -> None:
    assert printable("凭证 ABC 123，“已审核”。") == "凭证 ABC 123，“已审核”。"
    assert printable("👍🏽 ok") == f"{PLACEHOLDER} ok"  # emoji + skin tone: one mark
    assert printable("a\x00b\r\nc") == "ab\r\nc"
    assert printable("\U0002a6a5") == PLACEHOLDER


def test_sheet_refuses_nothing_and_unknown_numbers_are_user_errors(
        services: Services, project_code: str) -> None:
    from golive_desk.domain.errors import NotFoundError, ValidationError

    with pytest.raises(ValidationError):
        services.printing.print_sheet([], "zh_CN")
    with pytest.raises(NotFoundError):
        services.printing.print_sheet(["HX-ZL-9999"], "zh_CN")


# -- the register ----------------------------------------------------------------------

def _many(services: Services, project: str, count: int) -> None:
    with services.issues.batch() as writer:
        from golive_desk.storage import queries

        row = queries.project_by_code(writer.uow.conn, project)
        assert row is not None
        for i in range(count):
            writer.create(row, {"title": f"批量问题 {i:03d} 凭证审核后无法反审核",
                                "module": ("总账", "应收", "存货")[i % 3],
                                "severity": ("urgent", "high", "medium", "low")[i % 4],
                                "category": ("operation_error", "data")[i % 2],
                                "reported_at": f"2026-11-{1 + i % 28:02d} 09:00"})


def test_register_has_cover_repeating_header_and_totals(
        services: Services, project_code: str, tmp_path: Path) -> None:
    services.projects.add_person(project_code, "王芳", "customer_pm")
    _many(services, project_code, 70)
    pdf = save(tmp_path, "register.pdf",
               services.printing.print_register(project_code, None, "zh_CN"))
    pages = page_count(pdf)
    assert pages >= 4
    assert set(page_sizes(pdf)) == {(841.89, 595.28)}  # landscape A4, every page
    assert_has(text_of(pdf, 1), "系统运行问题跟踪记录", DOC_NO, "外部", "版本", "1.0",
               "客户项目经理：王芳", "本项目全部问题记录", "审批意见", "问题总数",
               f"第 1 页 / 共 {pages} 页")
    for page in (2, 3):
        assert_has(text_of(pdf, page), "问题编号", "严重程度", "问题标题")  # header repeats
    assert_has(text_of(pdf, pages), "统计汇总", "按状态", "按严重程度", "按问题类别", "70")
    assert_only_embedded_fonts(pdf)


def test_filtered_register_names_its_filter_on_the_cover(
        services: Services, project_code: str, tmp_path: Path) -> None:
    kept = tracked_issue(services, project_code, title="只打印这一条")
    services.issues.create(project_code, {"title": "不应出现在记录里"})
    query = IssueQuery(statuses=frozenset({IssueStatus.IN_PROGRESS}))
    pdf = save(tmp_path, "filtered.pdf",
               services.printing.print_register(project_code, query, "zh_CN"))
    text = text_of(pdf)
    assert_has(text, "状态：处理中", "只打印这一条", kept)
    assert "不应出现在记录里" not in squash(text)


def test_empty_register(services: Services, project_code: str, tmp_path: Path) -> None:
    pdf = save(tmp_path, "empty.pdf",
               services.printing.print_register(project_code, None, "zh_CN"))
    assert_has(text_of(pdf), "（无问题记录）", "问题总数")
    assert_only_embedded_fonts(pdf)


def test_register_in_english_from_read_models_alone(tmp_path: Path) -> None:
    info = DocumentInfo("HX", "Huaxing go-live", "Huaxing Electronics", date(2026, 12, 1),
                        customer_pm="Wang Fang", prepared_by="Zhang Li")
    pdf = save(tmp_path, "en.pdf", render_register([], info, "en"))
    assert_has(text_of(pdf), "System Operation Issue Tracking Record", "Document no.", DOC_NO,
               "External", "Customer project manager: Wang Fang", "(no issues)", "Page 1 of")
    assert_only_embedded_fonts(pdf)


# -- the support schedule --------------------------------------------------------------

def test_schedule_shows_the_team_the_month_modes_and_milestones(
        services: Services, project_code: str, tmp_path: Path) -> None:
    people = {name: services.projects.add_person(project_code, name, "consultant",
                                                 initials=initials)[0].id
              for name, initials in (("张力", "ZL"), ("林晓", "LX"))}
    services.calendar.add_slot(project_code, people["张力"], date(2026, 11, 2),
                               date(2026, 11, 6), "day", "onsite", "上线首周")
    services.calendar.add_slot(project_code, people["林晓"], date(2026, 11, 9),
                               date(2026, 11, 9), "pm", "phone")
    services.calendar.add_slot(project_code, people["林晓"], date(2026, 11, 10),
                               date(2026, 11, 10), "am", "remote")
    pdf = save(tmp_path, "schedule.pdf",
               services.printing.print_schedule(project_code, date(2026, 11, 1), "zh_CN"))
    text = text_of(pdf)
    assert_has(text, "现场支持时间表", "2026年11月", "张力", "林晓", DOC_NO, "杭州华星电子有限公司",
               "上线", "月结", "●", "☎", "◎", "现场", "电话", "远程", "项目经理（签字）",
               "第 1 页 / 共 1 页")
    assert PLACEHOLDER not in text
    assert page_sizes(pdf) == [(841.89, 595.28)]
    assert_only_embedded_fonts(pdf)
    english = save(tmp_path, "schedule-en.pdf",
                   services.printing.print_schedule(project_code, date(2026, 11, 20), "en"))
    assert_has(text_of(english), "On-site Support Schedule", "2026-11", "Page 1 of 1")


# -- the document number ---------------------------------------------------------------

def test_every_document_carries_the_projects_number_never_the_placeholder(
        services: Services, tmp_path: Path) -> None:
    services.projects.add_project("DF", "东方机械 ERP 上线支持", "东方机械有限公司",
                                  "2026-11-02", doc_prefix="YY-ZJ_2026")
    number = tracked_issue(services, "DF")
    documents = {
        "sheet": services.printing.print_sheet([number], "zh_CN"),
        "register": services.printing.print_register("DF", None, "zh_CN"),
        "register-en": services.printing.print_register("DF", None, "en"),
        "schedule": services.printing.print_schedule("DF", date(2026, 11, 1), "zh_CN"),
    }
    for name, data in documents.items():
        text = squash(text_of(save(tmp_path, f"{name}.pdf", data)))
        assert "YY-ZJ_2026_7_1_1_1" in text, name
        assert "xx_xx" not in text, name


def test_the_number_defaults_to_the_project_code(services: Services, project_code: str,
                                                 tmp_path: Path) -> None:
    assert services.projects.get(project_code).doc_prefix is None
    assert services.printing.document_info(project_code).doc_no == "HX_7_1_1_1"
    number = tracked_issue(services, project_code)
    text = squash(text_of(save(tmp_path, "sheet.pdf",
                               services.printing.print_sheet([number], "zh_CN"))))
    assert "文档编号：HX_7_1_1_1" in text
    assert "xx_xx" not in text


def test_the_register_keeps_the_confirming_name_whole_on_a_line_of_its_own(
        services: Services, project_code: str, tmp_path: Path) -> None:
    number = tracked_issue(services, project_code)
    services.issues.update(number, {
        "result": "问题已解决，用户确认可正常操作，月结前再次复核凭证与报表的一致性。",
        "confirmed_by": "王海东"})
    pdf = save(tmp_path, "confirmed.pdf",
               services.printing.print_register(project_code, None, "en"))
    lines = [" ".join(line.split()) for line in text_of(pdf, 2).splitlines()]
    assert any(line.endswith("Confirmed by: 王海东") for line in lines), lines
    assert_has(text_of(pdf, 2), "Reported on", "Expected by")
