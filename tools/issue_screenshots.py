"""Grab the issue register and the issue form, in Chinese, with the demo data.

    QT_QPA_PLATFORM=offscreen uv run python tools/issue_screenshots.py [--lang en]

Writes docs/screenshots/issues_register_zh.png and issue_form_zh.png (or
``_en`` with ``--lang en``). A throw-away store in a temporary folder is used.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from screenshot_support import settle

from golive_desk.app import DesktopApp, make_qt_app
from golive_desk.paths import AppDirs
from golive_desk.services.container import Services
from golive_desk.services.demo import fill_demo
from golive_desk.services.store_admin import init_store
from golive_desk.ui.issues.page import IssuesPage
from golive_desk.ui.prompter import ScriptedPrompter

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SIZE = (1600, 940)




def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    parser.add_argument("--issue", default="", help="number of the issue to show in the form")
    options = parser.parse_args()
    suffix = "zh" if options.lang == "zh_CN" else "en"
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
        desktop = DesktopApp(app, AppDirs(root / "d", root / "c", root / "l"), root / "log",
                             ScriptedPrompter())
        desktop.translators.install(options.lang)
        assert desktop.open_store(store)
        window = desktop.show_window()
        window.resize(*SIZE)
        window.show_page("issues")
        settle(desktop)
        page = window.page("issues")
        assert isinstance(page, IssuesPage)
        settle(desktop)
        OUT.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(OUT / f"issues_register_{suffix}.png"))
        issue = desktop.services.issues.get(number)  # type: ignore[union-attr]
        page.open_issue(issue.id)
        settle(desktop, 1.0)
        window.grab().save(str(OUT / f"issue_form_{suffix}.png"))
        print(f"wrote {OUT}/issues_register_{suffix}.png and issue_form_{suffix}.png ({number})")
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
