"""The handover document (项目交接与验收) on the demo project, read back with pypdf."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

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
# the contents titles are the wizard's page titles
SECTIONS_ZH = ("1 交接准备度", "2 未关闭问题", "3 维护手册", "4 内部支持体系", "5 应急预案",
               "6 顾问撤离现场与项目总结", "7 项目验收与签字")
SECTIONS_EN = ("1 Readiness for handover", "2 Open issues", "3 Maintenance notes",
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
    assert_has(last, "7 项目验收与签字", "移交方（实施部门）", "接收方（运营维护服务部门）",
               "客户项目经理", "实施方项目经理", "签字", "日期", "验收结论", *SIGNERS.values())
    assert_has(last, f"尚有 {len(still_open)} 个问题既未移交也未关闭")
    # Page numbers on every page, and the contents points at the right pages.
    for page in range(1, pages + 1):
        assert_has(text_of(pdf, page), f"第 {page} 页 / 共 {pages} 页")
    assert_has(text_of(pdf, 1), f"7 项目验收与签字 {pages}")


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


def _glance(text: str, labels: tuple[str, ...]) -> dict[str, str]:
    """The cover's strip of figures: six numbers, then their six labels."""
    lines = [line.strip() for line in text.splitlines()]
    start = lines.index(labels[0])
    figures = lines[start - len(labels):start]
    return dict(zip(labels, figures, strict=True))


def _ticked(pdf: Path, page: int, labels: tuple[str, ...]) -> str | None:
    """The decision whose box holds the tick: the ✔ is drawn in the box left of its label,
    so the text right of it on its line starts with that label (``labels`` longest
    first); None when no box is ticked."""
    runs: list[tuple[float, float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_rest: object) -> None:
        if text.strip():
            runs.append((cm[4] + tm[4], cm[5] + tm[5], text.strip()))

    PdfReader(pdf).pages[page - 1].extract_text(visitor_text=visit)
    ticks = [(x, y) for x, y, text in runs if text == "✔"]
    if not ticks:
        return None
    assert len(ticks) == 1
    x, y = ticks[0]
    # in drawing order: the runs of one paragraph share its origin
    right = squash("".join(text for rx, ry, text in runs if abs(ry - y) < 6 and rx > x))
    return next((label for label in labels if right.startswith(squash(label))), right)


def test_the_cover_counts_the_open_issues_and_the_support_person_days(
        services: Services, handover: tuple[list[Issue], list[Issue]], tmp_path: Path) -> None:
    _, still_open = handover
    go_live = services.projects.get(CODE).go_live
    services.handover.set_exit(CODE, go_live + timedelta(days=13))
    days = sum(services.handover.summary(CODE).support_days.values())
    pdf = write(tmp_path, services, "zh_CN")
    labels = ("问题总数", "已移交运维", "未移交也未关闭", "维护手册条目", "准备度达标", "支持人天")
    glance = _glance(text_of(pdf, 1), labels)
    assert glance["未移交也未关闭"] == str(len(still_open))
    assert glance["支持人天"] == f"{days:g}"
    exit_day = (go_live + timedelta(days=13)).isoformat()
    assert_has(text_of(pdf), f"支持人天 {days:g} 人天（{go_live.isoformat()} 至 {exit_day}")
    assert "尚未处理" not in squash(text_of(pdf, 1))
    english = text_of(write(tmp_path, services, "en", "en.pdf"), 1)
    assert_has(english, "Not transferred or closed", "Support person-days")


def test_before_the_sign_off_no_decision_is_ticked(
        services: Services, handover: tuple[list[Issue], list[Issue]], tmp_path: Path) -> None:
    pdf = write(tmp_path, services, "zh_CN")
    assert _ticked(pdf, page_count(pdf), ("同意验收", "有条件验收", "不同意验收")) is None


def test_a_sign_off_with_red_criteria_and_a_reason_ticks_accepted_with_conditions(
        services: Services, handover: tuple[list[Issue], list[Issue]], tmp_path: Path) -> None:
    _, still_open = handover
    ho = services.handover
    assert any(not c.ok for c in ho.readiness(CODE))  # the demo has red criteria
    reason = "月结遗留事项由运营维护服务部门跟进，客户项目经理同意按期交接。"
    ho.save_record(CODE, {"handover_override": reason}, ho.record(CODE).versions)
    ho.transfer_many([i.number for i in still_open], "郑敏", "按维护手册处理")
    ho.sign_off(CODE, date.today())
    pdf = write(tmp_path, services, "zh_CN")
    last = page_count(pdf)
    assert _ticked(pdf, last, ("同意验收", "有条件验收", "不同意验收")) == "有条件验收"
    assert squash(reason) in squash(text_of(pdf, last))
    english = write(tmp_path, services, "en", "en.pdf")
    assert _ticked(english, page_count(english), (
        "Accepted with conditions", "Accepted", "Not accepted")) == "Accepted with conditions"


def test_a_sign_off_without_a_reason_ticks_accepted(
        services: Services, handover: tuple[list[Issue], list[Issue]], tmp_path: Path) -> None:
    _, still_open = handover
    services.handover.transfer_many([i.number for i in still_open], "郑敏", "按维护手册处理")
    services.handover.sign_off(CODE, date.today())
    pdf = write(tmp_path, services, "zh_CN")
    assert _ticked(pdf, page_count(pdf), ("同意验收", "有条件验收", "不同意验收")) == "同意验收"


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
