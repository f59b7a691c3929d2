"""Issue texts use each language's punctuation, and a reason does not repeat its action."""

from __future__ import annotations

from golive_desk.app import DesktopApp
from golive_desk.domain.issues import NotifyChannel, TimelineEntry, TimelineKind
from golive_desk.ui.issues import text as issue_text

NOTIFIED = TimelineEntry("e1", "i1", TimelineKind.CUSTOMER_NOTIFIED, "", "张力",
                         "2026-11-30T09:00", channel=NotifyChannel("phone"), whom="刘芳")


def test_english_texts_hold_no_chinese_punctuation(desktop: DesktopApp) -> None:
    line = issue_text.timeline_line(NOTIFIED)
    assert line == "Customer notified (Phone, 刘芳)"
    reason = issue_text.workflow_reason("needs_proposal")
    assert reason == "Fill in the proposed handling first."
    for text in (line, reason, issue_text.workflow_reason("needs_resolution")):
        assert not set(text) & set("：（），处理建议解决方案")


def test_chinese_reason_does_not_repeat_the_action(desktop: DesktopApp) -> None:
    desktop.translators.install("zh_CN")
    try:
        assert issue_text.timeline_line(NOTIFIED).endswith("（电话，刘芳）")
        assert issue_text.workflow_reason("needs_proposal") == "请先填写处理建议。"
    finally:
        desktop.translators.install("en")
