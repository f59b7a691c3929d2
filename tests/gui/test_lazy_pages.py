"""Pages are built when first shown; until then their badges come from the entry's count."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from golive_desk.app import DesktopApp
from golive_desk.domain.issues import OPEN_STATUSES, IssueQuery
from golive_desk.services.container import Services
from golive_desk.services.demo import fill_demo
from golive_desk.ui.issues.page import IssuesPage
from tests.gui.conftest import settle


def test_only_the_start_page_is_built_and_the_others_on_first_navigation(
        qtbot: QtBot, desktop: DesktopApp, store_path: Path) -> None:
    services = Services.open(store_path)
    fill_demo(services)
    open_issues = sum(n for status, n in services.issues.counts(
        IssueQuery(project="HX")).items() if status in OPEN_STATUSES)
    services.close()
    assert desktop.open_store(store_path)
    window = desktop.show_window()
    settle(qtbot, desktop)
    assert [window.is_built(k) for k in ("overview", "issues", "calendar", "sync")] == [
        True, False, False, False]
    # The register's badge is on the navigation bar before the register is built.
    assert window.nav.item(1).text() == f"Issues  ({open_issues})"

    window.show_page("issues")
    settle(qtbot, desktop)
    page = window.stack.currentWidget()
    assert isinstance(page, IssuesPage)
    assert window.is_built("issues")
    assert page is window.page("issues")
    assert page.model.rowCount() > 0  # the built page was given the current project
    assert page.badge() == open_issues
    assert window.nav.item(1).text() == f"Issues  ({open_issues})"
    assert not window.is_built("sync")
