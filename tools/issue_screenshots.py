"""Grab the issue register, the issue form and the Sync page, with the demo data.

    QT_QPA_PLATFORM=offscreen uv run python tools/issue_screenshots.py [--lang en]

Writes docs/screenshots/issues_register_zh.png, issue_form_zh.png (its severity
in conflict), sync_zh.png (the conflict inbox), sync_report_zh.png (the import
report), dialog_export_bundle_zh.png and the print previews
preview_issue_sheet_zh.png and preview_register_zh.png (``_en`` with
``--lang en``), and the printed sheet and register at 100 dpi (issue_sheet_zh.png,
register_cover_zh.png, register_zh.png). 陈思远's laptop, a second throw-away
store, makes the conflicts: the form's issue's severity set on both sides, an
issue edited there and deleted here, a note added there under an issue deleted
here.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from screenshot_support import (
    OUT,
    ROOT,
    SIZE,
    demo_desktop,
    grab_dialog,
    grab_open,
    language_option,
    pdf_page_png,
    settle,
    suffix_of,
)

from golive_desk.app import make_qt_app
from golive_desk.services.container import Services
from golive_desk.services.demo import fill_demo
from golive_desk.services.store_admin import init_store
from golive_desk.ui.issues.page import IssuesPage
from golive_desk.ui.printing import print_issue_sheets, print_register
from golive_desk.ui.scripted_prompter import ScriptedPrompter
from golive_desk.ui.sync.export_dialog import ExportDialog
from golive_desk.ui.sync.sync_page import SyncPage


def main() -> int:
    parser = argparse.ArgumentParser()
    language_option(parser)
    parser.add_argument("--issue", default="", help="number of the issue to show in the form")
    options = parser.parse_args()
    suffix = suffix_of(options.lang)
    app = make_qt_app(["golive-desk"])
    with tempfile.TemporaryDirectory(prefix="golive-shots-") as tmp:
        root = Path(tmp)
        store = root / "store.db"
        init_store(store, "张力", "ZL")
        services = Services.open(store)
        fill_demo(services)
        number = options.issue or _interesting_issue(services)
        services.issues.attach_bytes(number, "出库报错截图.png", _error_dialog_png())
        services.close()
        bundle = _laptop_conflicts(root, store, number)
        desktop = demo_desktop(app, root, options.lang)
        prompter = desktop.prompter
        assert isinstance(prompter, ScriptedPrompter)
        assert desktop.open_store(store)
        window = desktop.show_window()
        window.resize(*SIZE)
        OUT.mkdir(parents=True, exist_ok=True)
        written = []
        window.show_page("sync")
        sync = window.page("sync")
        assert isinstance(sync, SyncPage)
        prompter.confirms.append(True)  # trust 陈思远's laptop
        sync.import_bundle(bundle)
        settle(desktop)
        sync.tabs.setCurrentWidget(sync.report)
        settle(desktop)
        written.append(OUT / f"sync_report_{suffix}.png")
        window.grab().save(str(written[-1]))
        sync.tabs.setCurrentIndex(0)
        sync.conflicts_view.selectRow(0)
        settle(desktop)
        written.append(OUT / f"sync_{suffix}.png")
        window.grab().save(str(written[-1]))
        written.append(grab_dialog(desktop, ExportDialog(sync._peers, "HX", sync),
                                   OUT / f"dialog_export_bundle_{suffix}.png"))
        window.show_page("issues")
        settle(desktop)
        page = window.page("issues")
        assert isinstance(page, IssuesPage)
        settle(desktop)
        written.append(OUT / f"issues_register_{suffix}.png")
        window.grab().save(str(written[-1]))
        assert desktop.services is not None
        issue = desktop.services.issues.get(number)
        page.open_issue(issue.id)
        settle(desktop, 1.0)
        written.append(OUT / f"issue_form_{suffix}.png")
        window.grab().save(str(written[-1]))
        ctx = window._ctx
        written.append(grab_open(desktop, print_issue_sheets(ctx, window, [number]),
                                 OUT / f"preview_issue_sheet_{suffix}.png"))
        written.append(grab_open(desktop, print_register(ctx, window, "HX"),
                                 OUT / f"preview_register_{suffix}.png"))
        printing = desktop.services.printing
        written.append(pdf_page_png(printing.print_sheet([number], options.lang), 0,
                                     OUT / f"issue_sheet_{suffix}.png"))
        register = printing.print_register("HX", None, options.lang)
        written.append(pdf_page_png(register, 0, OUT / f"register_cover_{suffix}.png"))
        written.append(pdf_page_png(register, 1, OUT / f"register_{suffix}.png"))
        for path in written:
            print(f"wrote {path.relative_to(ROOT)} ({number})")
        desktop.shutdown()
        window.close()
    return 0


def _error_dialog_png() -> bytes:
    """A made-up ERP message box, as a user would paste it: the attachment's thumbnail."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(640, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("#dfe6f0"))
    painter = QPainter(image)
    painter.fillRect(QRect(0, 0, 640, 36), QColor("#2b5797"))
    painter.setPen(QColor("white"))
    painter.drawText(QRect(12, 0, 600, 36), Qt.AlignmentFlag.AlignVCenter, "材料出库单 - 新增")
    painter.fillRect(QRect(150, 120, 340, 170), QColor("white"))
    painter.setPen(QColor("#8a94a6"))
    painter.drawRect(QRect(150, 120, 340, 170))
    painter.setPen(QColor("#c62828"))
    painter.drawText(QRect(170, 140, 300, 30), Qt.AlignmentFlag.AlignLeft, "提示")
    painter.setPen(QColor("#1b2a44"))
    painter.drawText(QRect(170, 180, 300, 60), Qt.TextFlag.TextWordWrap,
                     "可用库存不足，不能出库。\n物料：M6 不锈钢螺栓  仓库：五金仓")
    painter.fillRect(QRect(400, 250, 70, 26), QColor("#e4ecfb"))
    painter.drawText(QRect(400, 250, 70, 26), Qt.AlignmentFlag.AlignCenter, "确定")
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    return bytes(data.data())


def _laptop_conflicts(root: Path, store: Path, number: str) -> Path:
    """陈思远's laptop gets everything, then both sides edit: the bundle it sends back."""
    from golive_desk.domain.issues import IssueQuery

    laptop = root / "csy.db"
    init_store(laptop, "陈思远", "CSY")
    office, other = Services.open(store), Services.open(laptop)
    try:
        office.sync.export_bundle(root / "a.golive", full=True)
        other.sync.import_bundle(root / "a.golive", trust_new=True)
        severity = office.issues.get(number).severity.value
        office.issues.update(number, {"severity": "high" if severity == "urgent" else "urgent"})
        other.issues.update(number, {"severity": "low" if severity != "low" else "medium"})
        others = [i.number for i in office.issues.list_issues(IssueQuery(project="HX"))
                  if i.number != number]
        edited, noted = others[0], others[1]
        office.issues.delete(edited)
        other.issues.update(edited, {"title": other.issues.get(edited).title + "（月结后复核）"})
        office.issues.delete(noted)
        other.issues.add_entry(noted, "note", "供应商价格表已更新，请复核")
        other.sync.export_bundle(root / "b.golive", full=True)
    finally:
        office.close()
        other.close()
    return root / "b.golive"


def _interesting_issue(services: Services) -> str:
    """An escalated issue with a long history: the form at its fullest."""
    from golive_desk.domain.issues import IssueQuery, IssueStatus

    ids = services.issues.list_ids(IssueQuery(project="HX", statuses=frozenset(
        {IssueStatus.APPLIED_ON_SITE})))
    issues = services.issues.fetch(ids)
    best = max(issues, key=lambda i: len(services.issues.get(i.number).timeline))
    return best.number


if __name__ == "__main__":
    sys.exit(main())
