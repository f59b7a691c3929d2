"""A new issue's timeline opens with "created": who, when, who reported it and how."""

from __future__ import annotations

from golive_desk.app import DesktopApp
from golive_desk.domain.issues import TimelineEntry, TimelineKind
from golive_desk.reports.issue_sheet import printed_entry
from golive_desk.ui.issues import text as issue_text
from golive_desk.ui.issues.timeline import TimelineView

CREATED = TimelineEntry("op1", "i1", TimelineKind.CREATED,
                        "张力 created the issue (reported by 黄晓燕, phone)", "张力",
                        "2026-11-30T09:00", whom="黄晓燕", new_value="phone")


def test_the_created_line_in_both_languages(desktop: DesktopApp) -> None:
    assert issue_text.timeline_line(CREATED) == "Issue created: reported by 黄晓燕 (Phone)"
    assert issue_text.timeline_body(CREATED) == ""
    nobody = TimelineEntry("op1", "i1", TimelineKind.CREATED, "", "张力", "2026-11-30T09:00",
                           new_value="onsite")
    assert issue_text.timeline_line(nobody) == "Issue created (On site)"
    desktop.translators.install("zh_CN")
    try:
        assert issue_text.timeline_line(CREATED) == "创建问题：黄晓燕 报告（电话）"
        assert issue_text.timeline_line(nobody) == "创建问题（现场）"
    finally:
        desktop.translators.install("en")


def test_the_timeline_shows_it_instead_of_nothing(desktop: DesktopApp, qtbot) -> None:
    view = TimelineView()
    qtbot.addWidget(view)
    view.set_entries((CREATED,))
    (card,) = view.cards()
    assert card.headline.text() == "Issue created: reported by 黄晓燕 (Phone)"
    assert not card.body.isVisibleTo(view)


def test_the_printed_sheet_lists_only_what_was_done() -> None:
    assert not printed_entry(CREATED)
