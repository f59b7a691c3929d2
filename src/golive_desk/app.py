"""The one place that wires engine, services, translator and window.

No globals: everything the window needs is built here and passed down.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from golive_desk import __version__
from golive_desk import settings as settings_file
from golive_desk.domain.errors import GoLiveError, StoreDamagedError
from golive_desk.logging_setup import configure as configure_logging
from golive_desk.paths import AppDirs, resource
from golive_desk.services.container import Services
from golive_desk.services.start_view import StartView, read_start_view
from golive_desk.settings import Settings
from golive_desk.storage.lock import StoreLock
from golive_desk.ui.context import UiContext
from golive_desk.ui.crash import CrashReporter
from golive_desk.ui.error_text import describe
from golive_desk.ui.i18n import Translators, register_cjk_font
from golive_desk.ui.main_window import MainWindow, PageEntry
from golive_desk.ui.navigation import build_pages
from golive_desk.ui.prompter import Prompter, QtPrompter
from golive_desk.ui.pyside_refcount import protect as protect_singletons
from golive_desk.ui.task_runner import TaskRunner

if TYPE_CHECKING:
    from golive_desk.storage.engine import Store
    from golive_desk.ui.dialogs.first_start import FirstStartAnswer

log = logging.getLogger(__name__)


class DesktopApp:
    """Owns the store, the worker and the window; rebuilds the window on a language switch."""

    def __init__(self, qt_app: QApplication, dirs: AppDirs, log_path: Path,
                 prompter: Prompter, page_factory: Callable[[UiContext], list[PageEntry]]
                 = build_pages) -> None:
        self.qt_app = qt_app
        self.dirs = dirs
        self.log_path = log_path
        self.prompter = prompter
        self.page_factory = page_factory
        self.settings_path = dirs.config / "settings.json"
        self.translators = Translators(qt_app)
        self.runner = TaskRunner()
        self.services: Services | None = None
        self.lock: StoreLock | None = None
        self.window: MainWindow | None = None
        # Told whether the store opened after the first paint (False: the app ends).
        self.opened: Callable[[bool], None] = lambda ok: None

    def settings(self) -> Settings:
        return settings_file.load(self.settings_path)

    def save_settings(self, value: Settings) -> None:
        try:
            settings_file.save(self.settings_path, value)
        except OSError as exc:
            log.warning("could not save settings: %s", exc)

    def open_store(self, path: Path) -> bool:
        """Open ``path`` for this window; on failure tell the user and return False."""
        apply_style(self.qt_app)  # its messages come before the window
        lock = StoreLock(path)
        try:
            lock.acquire()
            services = Services.open(path)
        except GoLiveError as err:
            lock.release()
            self.prompter.error(None, QApplication.translate("App", "GoLive Desk"), describe(err))
            return False
        refusal = services.store.refusal
        if isinstance(refusal, StoreDamagedError):
            services.close()
            lock.release()
            return self._offer_recovery(path, refusal)
        if refusal is not None:  # written by a newer program: read it, never write it
            self.prompter.error(None, QApplication.translate("App", "GoLive Desk"),
                                describe(refusal))
        self.lock, self.services = lock, services
        return True

    def open_after_paint(self, view: StartView) -> bool:
        """Take the store for this window; it is opened by :meth:`finish_open`, after the
        window has painted ``view``. Until then the worker's tasks wait."""
        lock = StoreLock(view.path)
        try:
            lock.acquire()
        except GoLiveError as err:
            apply_style(self.qt_app)
            self.prompter.error(None, QApplication.translate("App", "GoLive Desk"), describe(err))
            return False
        self.lock = lock
        self.services = Services.later(view.path, view.inspection)
        self.runner.hold()
        return True

    def finish_open(self) -> None:
        """Open the store the window shows (after its first paint) and start its reads.

        The open runs on the worker, ahead of the reads the window queued: importing
        SQLAlchemy and SQLite's quick check (every page of the file) take a while,
        and the window answers meanwhile. ``opened`` is called with the outcome.
        """
        services = self.services
        assert services is not None
        self.runner.run_first(services.open_now, self._store_opened, self._open_failed)

    def _open_failed(self, err: GoLiveError) -> None:
        self.runner.drop_held()
        self.prompter.error(self.window, QApplication.translate("App", "GoLive Desk"),
                            describe(err))
        self.opened(False)

    def _store_opened(self, store: Store) -> None:
        if isinstance(store.refusal, StoreDamagedError):
            # The quick check ran in this open: a damaged store is closed and
            # recovered as at any open, and the window shows the recovered copy.
            self.runner.drop_held()
            self.close_store()
            recovered = self._offer_recovery(store.path, store.refusal)
            if recovered:
                self.show_window()
            self.opened(recovered)
            return
        if store.refusal is not None:  # written by a newer program: read it, never write
            self.prompter.error(self.window, QApplication.translate("App", "GoLive Desk"),
                                describe(store.refusal))
        self.runner.release()
        self.opened(True)

    def close_store(self) -> None:
        if self.services is not None:
            self.services.close()
        if self.lock is not None:
            self.lock.release()
        self.services, self.lock = None, None

    def _offer_recovery(self, path: Path, damage: StoreDamagedError) -> bool:
        """A damaged store: offer to copy what can be read beside it, then open the copy."""
        title = QApplication.translate("App", "GoLive Desk")
        question = describe(damage) + "\n\n" + QApplication.translate(
            "App", "Recover it now?")
        if not self.prompter.confirm(None, title, question):
            return False
        from golive_desk.services.store_admin import recover

        try:
            report = recover(path)
        except GoLiveError as err:
            self.prompter.error(None, title, describe(err))
            return False
        self.prompter.info(None, title, QApplication.translate(
            "App", "%1 operations and %2 files were recovered into %3, which is open now; "
            "%4 operations could not be read. The damaged store was not changed.")
            .replace("%1", str(report.ops_saved)).replace("%2", str(report.blobs))
            .replace("%3", str(report.target)).replace("%4", str(report.ops_lost)))
        self.save_settings(self.settings().with_(store_path=str(report.target)))
        return self.open_store(report.target)

    def first_start(self, path: Path, answer: FirstStartAnswer) -> bool:
        from golive_desk.services.store_admin import init_store

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            init_store(path, answer.name, answer.initials, office=answer.office)
        except (GoLiveError, OSError) as err:
            text = describe(err) if isinstance(err, GoLiveError) else str(err)
            self.prompter.error(None, QApplication.translate("App", "GoLive Desk"), text)
            return False
        return True

    def show_window(self, start: StartView | None = None) -> MainWindow:
        """The window on the open store, or with ``start`` on the store to open after it paints."""
        assert self.services is not None
        if start is not None:
            user = start.user
        else:
            from golive_desk.services.store_admin import local_user

            user = local_user(self.services.store)
        ctx = UiContext(self.services, self.runner, self.prompter, user, self.dirs,
                        self.log_path, self.settings, self.save_settings,
                        lambda: self.translators.language)
        window = MainWindow(ctx, self.page_factory(ctx), start)
        window.language_changed.connect(self.switch_language)
        window.demo_requested.connect(self.add_demo)
        if self.window is not None:
            window.restoreGeometry(self.window.saveGeometry())
            self.window.close()
            self.window.deleteLater()
        self.window = window
        apply_style(self.qt_app)
        window.show()
        return window

    def switch_language(self, language: str) -> None:
        self.translators.install(language or settings_file.system_language())
        self.show_window()

    def add_demo(self) -> None:
        from golive_desk.services.demo import fill_demo  # rarely used: not at start-up

        services = self.services
        assert services is not None

        def done(result: object) -> None:
            if self.window is not None:
                self.window.reload_projects("HX")

        self.runner.run(lambda: fill_demo(services).changes, done)

    def is_open(self) -> bool:
        return self.services is not None and self.services.is_open

    def shutdown(self) -> None:
        self.runner.wait()
        self.close_store()


def _parse(args: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="golive-desk")
    parser.add_argument("--db", type=Path)
    parser.add_argument("--lang", choices=("zh_CN", "en"))
    parser.add_argument("--self-test", action="store_true")
    return parser.parse_args(args)


def make_qt_app(argv: list[str], styled: bool = True) -> QApplication:
    """The application object; ``styled=False`` leaves the style sheet to
    :func:`apply_style` (the start-up sets it once the window is built)."""
    protect_singletons()  # before any long run of Qt calls; see ui/pyside_refcount.py
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName("GoLive Desk")
    app.setOrganizationName("GoLiveDesk")
    app.setApplicationVersion(__version__)
    register_cjk_font(app)
    if styled:
        apply_style(app)
    return app


def apply_style(app: QApplication) -> None:
    """Give the application its style sheet, once.

    The start-up builds its window before this: Qt then polishes each widget
    once, with the sheet, where a sheet set first has each widget polished
    again and again as it is built and laid out (15 ms of the first paint).
    Anything shown before the window (a dialog, an error) calls it first.
    """
    if not app.styleSheet():
        app.setStyleSheet(resource("style.qss").read_text("utf-8"))


class _FirstPaint(QObject):
    """Runs ``then`` at the next turn of the event loop after ``widget`` first paints."""

    def __init__(self, widget: QWidget, then: Callable[[], object]) -> None:
        super().__init__(widget)
        self._then: Callable[[], object] | None = then
        widget.installEventFilter(self)
        # A window that is never painted (started minimised) still opens its store.
        QTimer.singleShot(_PAINT_WAIT_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


_PAINT_WAIT_MS = 500


def after_first_paint(window: MainWindow, then: Callable[[], object]) -> None:
    """Run ``then`` once the window's start page is on screen."""
    _FirstPaint(window.current_page(), then)


def _quit_when_shown(qt_app: QApplication, window: MainWindow, desktop: DesktopApp) -> None:
    """Start-up probe for benchmarks. Says "shown" once the projects are listed and the
    start page shows what it read (``Page.has_content``), painted; then "ready" once the
    store is open and every read the window queued at start has been shown; then quits."""
    shown = False

    def check() -> None:
        nonlocal shown
        if not shown and window.project_box.count() and window.current_page().has_content():
            window.repaint()
            print("shown", flush=True)
            shown = True
        elif shown and desktop.is_open() and not desktop.runner.is_busy():
            window.repaint()
            print("ready", flush=True)
            qt_app.quit()
            return
        QTimer.singleShot(2, check)

    QTimer.singleShot(0, check)


def run_app(args: list[str]) -> int:
    """Open the window on the default store (or ``--db``); returns the exit status."""
    options = _parse(args)
    if options.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a check, not a session
    dirs = AppDirs.for_user()
    log_path = configure_logging(dirs.log)
    log.info("GoLive Desk %s starting", __version__)
    qt_app = make_qt_app([sys.argv[0]], styled=False)  # see apply_style
    if options.self_test:
        from golive_desk.self_test import run_self_test

        apply_style(qt_app)
        return run_self_test(qt_app)
    desktop = DesktopApp(qt_app, dirs, log_path, QtPrompter())
    settings = desktop.settings()
    desktop.translators.install(options.lang or settings.effective_language())
    CrashReporter(log_path, lambda: desktop.window).install()
    path = options.db or (Path(settings.store_path) if settings.store_path else dirs.default_store)
    answer = None
    if not path.exists():
        from golive_desk.ui.dialogs.first_start import FirstStartDialog  # a first start only

        apply_style(qt_app)
        answer = FirstStartDialog().ask()
        if answer is None or not desktop.first_start(path, answer):
            return 0 if answer is None else 1
    # The start page read on a bare connection and painted before the store is opened
    # (and SQLAlchemy imported); a store that needs anything goes the long way.
    view = None if answer is not None else read_start_view(path, settings.last_project,
                                                           datetime.now())
    if view is not None:
        if not desktop.open_after_paint(view):
            return 1
        window = desktop.show_window(view)
        desktop.opened = lambda ok: None if ok else qt_app.exit(1)
        after_first_paint(window, desktop.finish_open)
    else:
        if not desktop.open_store(path):
            return 1
        window = desktop.show_window()
    if answer is not None and answer.demo:
        desktop.add_demo()
    if os.environ.get("GOLIVE_QUIT_WHEN_SHOWN"):
        _quit_when_shown(qt_app, window, desktop)
    try:
        return qt_app.exec()
    finally:
        desktop.shutdown()
