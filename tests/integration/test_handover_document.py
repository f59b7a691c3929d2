"""The handover document (项目交接与验收) on the demo project, read back with pypdf."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from golive_desk.domain.errors import NotFoundError
from golive_desk.domain.handover_records import MaintenanceNote
from golive_desk.domain.issues import Issue
from golive_desk.services.container import Services
from golive_desk.services.demo import fill_demo
from tests.pdf_support import (
    assert_has,
    assert_only_embedded_fonts,
    page_count,
    squash,
    text_of,
)

CODE = "HX"
SECTIONS_ZH = ("1 交接准备度", "2 未结问题移交", "3 维护手册", "4 内部支持体系", "5 应急预案",
               "6 顾问撤场与项目总结", "7 验收与签字")
SECTIONS_EN = ("1 Handover readiness", "2 Open issues transferred", "3 Maintenance notes",
               "4 Internal support system", "5 Emergency plan",
               "6 Consultant exit and project summary", "7 Acceptance and sign-off")
SIGNERS = {"handover_by": "周建国（实施部）", "handover_receiver": "钱伟（运营维护服务部）",
           "accept_customer": "王海东", "accept_vendor": "周建国"}
PLAN = "运维部门跟踪：与厂商热线确认补丁版本，在测试账套验证后安排上线。"


@pytest.fixture
def handover(services: Services) -> tuple[list[Issue], list[Issue]]:
    """The demo with templates, signers, a contact's modules, three issues transferred
    to 吴刚; returns (transferred, still open)."""
    fill_demo(services, issues=60)
    ho = services.handover
    ho.add_templates(CODE, "zh_CN")
    open_issues = ho.untransferred(CODE)
    assert len(open_issues) > 4
    moved = ho.transfer_many([i.number for i in open_issues[:3]], "吴刚", PLAN)
    ho.save_record(CODE, SIGNERS)
    for person in ho.contacts(CODE):
        if person.name == "刘芳":
            ho.save_contact(CODE, person.id, phone=person.phone, email=person.email,
                            department=person.department, modules="总账、应收、应付")
    return moved, ho.untransferred(CODE)


def write(tmp_path: Path, services: Services, language: str, name: str = "handover.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(services.printing.print_handover(CODE, language))
    return path


def test_the_chinese_document_has_every_section_the_tables_and_the_signature_boxes(
        services: Services, handover: tuple[list[Issue], list[Issue]], tmp_path: Path) -> None:
    moved, still_open = handover
    pdf = write(tmp_path, services, "zh_CN")
    pages = page_count(pdf)
    text = text_of(pdf)
    assert_has(text, "项目交接与验收", "HX_7_4_1_1", "杭州华星电子有限公司", "交接进行中",
               *SECTIONS_ZH)
    assert_only_embedded_fonts(pdf)
    flat = squash(text)
    # The transfer table: every transferred issue with its owner and plan.
    for issue in moved:
        assert_has(text, issue.number, issue.title)
    assert flat.count("吴刚") >= len(moved)
    assert squash(PLAN) in flat
    # The issues still open, under their warning.
    assert_has(text, f"尚未移交或关闭的问题（{len(still_open)} 项）",
               "验收签字前，以下问题必须移交运营维护服务部门或关闭")
    for issue in still_open:
        assert issue.number in flat
    # Maintenance notes, the support system, the emergency plan.
    notes = services.handover.notes(CODE)
    assert notes
    assert_has(text, notes[0].issue_number, "现象", "原因", "处理方法")
    assert_has(text, "刘芳", "关键用户", "总账、应收、应付", "内部支持人员")
    assert_has(text, "系统无法登录或宕机", "处置措施", "升级路径")
    # The last page: the acceptance and the four signature boxes with the names.
    last = text_of(pdf, pages)
    assert_has(last, "7 验收与签字", "移交方（实施部门）", "接收方（运营维护服务部门）",
               "客户项目经理", "实施方项目经理", "签字", "日期", "验收结论", *SIGNERS.values())
    assert_has(last, f"尚有 {len(still_open)} 个问题既未移交也未关闭")
    # Page numbers on every page, and the contents points at the right pages.
    for page in range(1, pages + 1):
        assert_has(text_of(pdf, page), f"第 {page} 页 / 共 {pages} 页")
    assert_has(text_of(pdf, 1), f"7 验收与签字 {pages}")


def test_the_english_document(services: Services, handover: tuple[list[Issue], list[Issue]],
                              tmp_path: Path) -> None:
    pdf = write(tmp_path, services, "en", "handover-en.pdf")
    pages = page_count(pdf)
    assert_has(text_of(pdf), "Project Handover and Acceptance", "Handover in progress",
               "HX_7_4_1_1", *SECTIONS_EN, "O&M owner", "Issues neither transferred nor closed",
               f"Page 1 of {pages}")
    assert_has(text_of(pdf, pages), "Handed over by (implementation dept.)",
               "Received by (O&M service dept.)", "Customer project manager",
               "Vendor project manager", "Signature", *SIGNERS.values())
    assert_only_embedded_fonts(pdf)


def test_after_sign_off_nothing_is_left_open_and_the_cover_says_handed_over(
        services: Services, handover: tuple[list[Issue], list[Issue]], tmp_path: Path) -> None:
    _, still_open = handover
    services.handover.transfer_many([i.number for i in still_open], "郑敏", "按维护手册处理")
    services.handover.sign_off(CODE, date.today())
    pdf = write(tmp_path, services, "zh_CN")
    text = text_of(pdf)
    assert_has(text, "已交接", f"验收日期：{date.today().isoformat()}",
               "所有问题均已关闭或移交")
    assert "尚未移交或关闭" not in squash(text)
    assert "既未移交也未关闭" not in squash(text)


def test_long_texts_wrap_and_a_long_table_repeats_its_header(
        services: Services, handover: tuple[list[Issue], list[Issue]], tmp_path: Path) -> None:
    long_solution = "核对期初余额后重新记账，并在月末结账前再做一次试算平衡。" * 40 + "结尾标记END"
    services.handover.save_note(CODE, MaintenanceNote(None, None, "", "", "", "", ""), {
        "module": "总账", "symptom": "试算不平衡", "cause": "期初余额录入错误",
        "solution": long_solution})
    for n in range(40):
        services.issues.create(CODE, {"title": f"交接前新增的问题 {n:02d}", "module": "总账"})
    pdf = write(tmp_path, services, "zh_CN")
    assert "结尾标记END" in squash(text_of(pdf))
    still_open = sorted(i.number for i in services.handover.untransferred(CODE))
    texts = {p: squash(text_of(pdf, p)) for p in range(1, page_count(pdf) + 1)}
    first = min(p for p, text in texts.items() if still_open[0] in text)
    last = max(p for p, text in texts.items() if still_open[-1] in text)
    assert last > first  # the list of open issues runs over a page break …
    for page in range(first, last + 1):  # … and each of its pages has the header row
        assert_has(text_of(pdf, page), "问题编号", "严重程度", "提出日期")


def test_an_unknown_project_is_not_found(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.printing.print_handover("NOPE", "zh_CN")
