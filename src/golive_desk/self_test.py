"""``golive-desk --self-test``: the check a frozen build must pass.

Every step uses what a consultant's laptop uses: the bundled migrations, the
op log, the bundled CJK font in a PDF, a sync bundle written and read, the
translations, and the window itself (offscreen). Prints one line per step and
returns 0 only if every step passed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QFont, QFontInfo, QFontMetrics
from PySide6.QtWidgets import QApplication
from sqlalchemy import create_engine

from golive_desk.domain.issues import IssueQuery
from golive_desk.paths import AppDirs, cjk_font_path, resource
from golive_desk.services.container import Services
from golive_desk.services.store_admin import init_store
from golive_desk.storage import migrate
from golive_desk.storage.engine import open_store
from golive_desk.storage.inspection import STORE_MAGIC
from golive_desk.ui.i18n import CJK_FAMILY_FALLBACK


def _migration(root: Path) -> str:
    """A store at the first revision, upgraded by opening it."""
    path = root / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        migrate.upgrade(conn, migrate.known_revisions()[0])
        conn.exec_driver_sql("INSERT INTO store_meta VALUES ('magic', ?)", (STORE_MAGIC,))
    engine.dispose()
    store = open_store(path)
    try:
        with store.read() as conn:
            revision = migrate.current_revision(conn)
    finally:
        store.close()
    if revision != migrate.head():
        raise RuntimeError(f"store stayed at {revision}")
    return f"{migrate.known_revisions()[0]} -> {revision}"


def _write_op(root: Path) -> str:
    init_store(root / "a.db", "张力", "ZL")
    services = Services.open(root / "a.db")
    try:
        services.projects.add_project("HX", "华星电子 ERP 上线支持", "杭州华星电子有限公司",
                                      "2026-11-02", "2026-11-30")
        issue, _ = services.issues.create("HX", {"title": "凭证审核后无法反审核",
                                                 "module": "总账"})
    finally:
        services.close()
    return issue.number


def _pdf(root: Path) -> str:
    services = Services.open(root / "a.db")
    try:
        number = services.issues.list_issues(_all())[0].number
        pdf = services.printing.print_sheet([number], "zh_CN")
    finally:
        services.close()
    if not pdf.startswith(b"%PDF") or b"FontFile2" not in pdf:
        raise RuntimeError("the PDF has no embedded TrueType font")
    (root / "sheet.pdf").write_bytes(pdf)
    return f"{len(pdf):,} bytes, CJK font embedded"


def _all() -> IssueQuery:
    return IssueQuery(project="HX")


def _bundle(root: Path) -> str:
    init_store(root / "b.db", "周建国", "ZJG", office=True)
    laptop = Services.open(root / "a.db")
    office = Services.open(root / "b.db")
    try:
        exported = laptop.sync.export_bundle(root / "a.golive", full=True)
        report = office.sync.import_bundle(root / "a.golive", trust_new=True)
        titles = [i.title for i in office.issues.list_issues(_all())]
    finally:
        laptop.close()
        office.close()
    if report.applied != exported.ops or titles != ["凭证审核后无法反审核"]:
        raise RuntimeError(f"imported {report.applied} of {exported.ops} ops")
    return f"{exported.ops} ops, {exported.bytes:,} bytes"


def _resources() -> str:
    needed = [cjk_font_path(), resource("translations", "golive_desk_zh_CN.qm"),
              resource("icons", "app.svg"), resource("style.qss"),
              migrate.script_location() / "env.py"]
    absent = [str(p) for p in needed if not p.is_file()]
    if absent:
        raise RuntimeError("missing: " + ", ".join(absent))
    return f"{len(needed)} files"


def _locale() -> str:
    """What Qt takes from ICU (the Linux build ships a trimmed ICU data library):
    pinyin collation, Chinese month names, time-zone names."""
    from PySide6.QtCore import QCollator, QLocale, QTimeZone

    zh = QLocale("zh_CN")
    names = sorted(["张伟", "王芳", "李娜", "陈静"], key=QCollator(zh).sortKey)
    if names != ["陈静", "李娜", "王芳", "张伟"]:
        raise RuntimeError(f"zh_CN collation is not pinyin order: {names}")
    if zh.monthName(1) != "一月" or zh.dayName(7) != "星期日":
        raise RuntimeError(f"zh_CN calendar names: {zh.monthName(1)}, {zh.dayName(7)}")
    zone = QTimeZone(b"Asia/Shanghai").displayName(
        QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, zh)
    if zone != "中国标准时间":
        raise RuntimeError(f"Asia/Shanghai is named {zone!r} in zh_CN")
    return f"{'、'.join(names)}; {zh.monthName(1)}; {zone}"


def _window(qt_app: QApplication, root: Path) -> str:
    from golive_desk.app import DesktopApp
    from golive_desk.ui.scripted_prompter import ScriptedPrompter

    desktop = DesktopApp(qt_app, AppDirs(root / "d", root / "c", root / "l"), root / "log",
                         ScriptedPrompter())
    if not desktop.translators.install("zh_CN"):
        raise RuntimeError("Chinese translation did not load")
    if not desktop.open_store(root / "a.db"):
        raise RuntimeError("the window could not open the store")
    window = desktop.show_window()
    for _ in range(200):
        qt_app.processEvents()
        desktop.runner.wait(100)
        if window.project_box.count():
            break
    title = window.nav.item(0).text()
    fonts = _cjk_font_check(qt_app)
    shot = os.environ.get("GOLIVE_SELF_TEST_SHOT")
    if shot:
        window.grab().save(shot)
    window.close()
    desktop.shutdown()
    if window.project_box.count() != 1 or title != "项目概览":
        raise RuntimeError(f"window showed {window.project_box.count()} projects, {title!r}")
    return f"shown and closed ({title}); {fonts}"


def _cjk_font_check(qt_app: QApplication) -> str:
    """The bundled font is registered, in the fallback chain, and has the glyphs we show."""
    family = CJK_FAMILY_FALLBACK
    if family not in qt_app.font().families():
        raise RuntimeError(f"{family} is not in the application font's fallback families")
    font = QFont(family)
    if QFontInfo(font).family() != family:
        raise RuntimeError(f"{family} is not available (got {QFontInfo(font).family()})")
    metrics = QFontMetrics(font)
    missing = [ch for ch in "项目概览问题记录" if not metrics.inFontUcs4(ord(ch))]
    if missing:
        raise RuntimeError(f"no glyphs for {''.join(missing)}")
    return f"CJK glyphs from {family}"


def run_self_test(qt_app: QApplication) -> int:
    """Run every step; print ``ok``/``FAIL`` per step; 0 when all passed."""
    with tempfile.TemporaryDirectory(prefix="golive-self-test-") as tmp:
        root = Path(tmp)
        steps: list[tuple[str, Callable[[], str]]] = [
            ("resources", _resources),
            ("locale", _locale),
            ("migration", lambda: _migration(root)),
            ("op log", lambda: _write_op(root)),
            ("pdf", lambda: _pdf(root)),
            ("bundle", lambda: _bundle(root)),
            ("window", lambda: _window(qt_app, root)),
        ]
        failed = 0
        for name, step in steps:
            try:
                detail = step()
            except Exception as exc:  # a self-test reports every failure, never crashes
                failed += 1
                print(f"FAIL {name}: {exc}", flush=True)
                traceback.print_exc(file=sys.stdout)
            else:
                print(f"ok   {name}: {detail}", flush=True)
    print("self-test passed" if not failed else f"self-test FAILED ({failed} steps)", flush=True)
    return 0 if not failed else 1
