"""The Sync page words import warnings in the user's language, from their codes."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from golive_desk.app import DesktopApp
from golive_desk.domain.sync_warnings import SyncWarning, WarningCode
from golive_desk.ui.sync.report_text import warning_text

NODE = "0123456789abcdef0123456789abcdef"
AHEAD = SyncWarning.of(WarningCode.CLOCK_AHEAD, author="张力", node=NODE, count=3,
                       sample="2031-06-01T08:00:00.000+00:00")
PAST = SyncWarning.of(WarningCode.CLOCK_PAST, author="张力", node=NODE, count=1,
                      sample="2001-01-01T08:00:00.000+00:00")
NUMBER = SyncWarning.of(WarningCode.DUPLICATE_ISSUE_NUMBER, count=2, number="HX-ZL-0001")


def test_warnings_in_english(qapp: QApplication) -> None:
    text = warning_text(AHEAD)
    assert text.startswith("Clock skew: 3 change(s) from 张力 (computer 01234567) are dated in "
                           "the future (e.g. 2031-06-01T08:00:00.000+00:00)")
    assert "dated 2001-01-01, long before" in warning_text(PAST)
    assert warning_text(NUMBER).startswith("2 issues now share the number HX-ZL-0001")
    assert warning_text(SyncWarning.of("booked_twice", person="%2")) == "booked_twice (person=%2)"


def test_warnings_in_chinese(desktop: DesktopApp) -> None:
    assert desktop.translators.install("zh_CN")
    text = warning_text(AHEAD)
    assert text.startswith("时钟异常：来自 张力（电脑 01234567）的 3 项修改的日期在未来")
    assert "2031-06-01T08:00:00.000+00:00" in text
    assert "2001-01-01" in warning_text(PAST)
    assert warning_text(NUMBER).startswith("现在有 2 个问题使用同一编号 HX-ZL-0001")
    assert not any(word in warning_text(w) for w in (AHEAD, PAST, NUMBER)
                   for word in ("clock", "dated", "share"))
