"""The main window: project switcher, navigation bar, pages, menus, status bar.

It knows pages only through :class:`Page`; ``ui/navigation.py`` decides which
pages exist. A page is built the first time it is shown (the start page at
once, the others on first navigation or when something asks for it), so the
first paint waits only for the start page; until then the navigation bar
shows the page's badge from its entry's ``count``, read on the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from golive_desk import __version__
from golive_desk.domain.errors import GoLiveError
from golive_desk.domain.models import Changes, LocalUser, Project, ProjectSettings
from golive_desk.services.start_view import StartView
from golive_desk.ui.context import UiContext
from golive_desk.ui.error_text import describe
from golive_desk.ui.icons import icon
from golive_desk.ui.pages.base import Page

# _LAZY: dialogs are imported when first opened, not before the window's first paint
# (each module imported after PySide6 costs its import and PySide6's source scan).


@dataclass(frozen=True)
class PageEntry:
    """One page of the navigation bar.

    ``build`` makes the page when it is first shown. ``count``, when given, is the
    page's badge while it is not built yet: it runs on the worker with the
    current project (None: none) and returns what :meth:`Page.badge` would.
    """

    key: str
    icon_name: str
    title: str
    build: Callable[[], Page]
    count: Callable[[Project | None], int] | None = None


class MainWindow(QMainWindow):
    language_changed = Signal(str)
    demo_requested = Signal()

    def __init__(self, ctx: UiContext, pages: list[PageEntry],
                 start: StartView | None = None) -> None:
        """``start``: the start-up's read, shown at once (the store opens after the first
        paint); without it the projects are read on the worker."""
        super().__init__()
        self._ctx = ctx
        self._entries = pages
        self._built: dict[int, Page] = {}  # row → page, in the order they were built
        self._counts: dict[int, int] = {}  # badges of pages not built yet
        self._projects: list[Project] = []
        self._projects_read = False
        self._count_timer = QTimer(self)  # see _count_unbuilt
        self._count_waits = 0
        self._closed = False
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(10)
        self._count_timer.timeout.connect(self._count_when_shown)
        # The edit dialog; an attribute so tests can answer it.
        self.ask_project_settings: Callable[[str, ProjectSettings], ProjectSettings | None] = (
            self._ask_project_settings)
        self.setWindowTitle(self.tr("GoLive Desk"))
        self.setWindowIcon(icon("app"))
        self.resize(1280, 800)
        self._build_toolbar()
        self._build_body()
        self._build_menus()
        self._build_status_bar()
        ctx.runner.changed.connect(self._on_changes)
        ctx.runner.busy_changed.connect(self._busy.setVisible)
        ctx.runner.user_error.connect(self.show_error)
        if start is None:
            self.reload_projects()
        else:
            self.current_page().show_start(start)
            self._show_projects(start.projects, ctx.settings().last_project)

    # -- construction ------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Project"))
        _name(bar, "projectBar")
        bar.setMovable(False)
        bar.setIconSize(QSize(20, 20))
        brand = QLabel(" GoLive Desk ")
        brand.setObjectName("brand")
        bar.addWidget(brand)
        bar.addSeparator()
        caption = QLabel(self.tr("Project:") + " ")
        caption.setObjectName("projectCaption")
        caption.setContentsMargins(8, 0, 0, 0)  # clear of the separator before it
        self.project_caption = caption
        bar.addWidget(caption)
        self.project_box = QComboBox()
        _name(self.project_box, "projectBox")
        self.project_box.setMinimumWidth(380)
        self.project_box.setAccessibleName(self.tr("Project"))
        self.project_box.currentIndexChanged.connect(self._on_project_chosen)
        bar.addWidget(self.project_box)
        self.edit_project_action = self._action(self.tr("&Edit project…"), self.edit_project)
        # The toolbar's button: the menu's text without its mnemonic ("编辑项目(&E)…").
        self.edit_project_action.setIconText(self.tr("Edit project…"))
        self.edit_project_action.setToolTip(self.tr(
            "Name, customer, dates, modules, document number prefix, on-site days"))
        self.edit_project_action.setEnabled(False)  # until a project is chosen
        bar.addAction(self.edit_project_action)
        self.addToolBar(bar)


    def _build_body(self) -> None:
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFixedWidth(176)
        self.stack = QStackedWidget()
        for entry in self._entries:
            item = QListWidgetItem(icon(entry.icon_name), entry.title)
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            item.setSizeHint(QSize(160, 44))
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())  # stands in until the page is first shown
        self.nav.currentRowChanged.connect(self._show_row)
        self.nav.setCurrentRow(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(body)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.new_project_action = self._action(self.tr("&New project…"), self.new_project,
                                               QKeySequence("Ctrl+Shift+N"))
        file_menu.addAction(self.new_project_action)
        file_menu.addAction(self.edit_project_action)
        file_menu.addAction(self._action(self.tr("Add &demo project"), self.demo_requested.emit))
        file_menu.addSeparator()
        # The issues page owns Ctrl+N and Ctrl+P (two actions on one key would cancel
        # each other): these entries show the key after a tab and do not claim it.
        self.new_issue_action = self._action(self.tr("New &issue") + "\tCtrl+N", self.new_issue)
        self.print_action = self._action(self.tr("&Print…") + "\tCtrl+P", self.print_current)
        self.export_bundle_action = self._action(self.tr("&Export bundle…"), self.export_bundle)
        self.import_bundle_action = self._action(self.tr("I&mport bundle…"), self.import_bundle)
        for action in (self.new_issue_action, self.print_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_bundle_action)
        file_menu.addAction(self.import_bundle_action)
        self.import_holidays_action = self._action(self.tr("Import &holiday calendar…"),
                                                   self.import_holidays)
        file_menu.addAction(self.import_holidays_action)
        file_menu.addSeparator()
        # Explicit keys: Qt's standard Preferences and Quit keys are empty on Windows.
        self.settings_action = self._action(self.tr("&Settings…"), self.open_settings,
                                            QKeySequence("Ctrl+,"))
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        self.quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence("Ctrl+Q"))
        file_menu.addAction(self.quit_action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for number, entry in enumerate(self._entries, start=1):
            # triggered(bool) would fill the first default argument: keep it for `checked`.
            view_menu.addAction(self._action(
                entry.title, lambda _checked=False, n=number - 1: self.nav.setCurrentRow(n),
                QKeySequence(f"Ctrl+{number}")))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("Open &log folder"), self._open_log_folder))
        help_menu.addAction(self._action(self.tr("&About GoLive Desk"), self.show_about))

    # -- menu entries that act on a page ----------------------------------------
    def new_issue(self) -> None:
        self.show_page("issues")
        page = self.page("issues")
        if hasattr(page, "new_issue"):
            page.new_issue()

    def print_current(self) -> None:
        """The open issue's sheet, else the selected sheets, else the register as filtered."""
        self.show_page("issues")
        page = self.page("issues")
        form = getattr(page, "form", None)
        if hasattr(page, "is_form_open") and page.is_form_open() and form is not None:
            form.print_sheet()
            return
        button = getattr(page, "print_button", None)
        menu = button.menu() if button is not None else None
        actions = [a for a in menu.actions() if not a.isSeparator()] if menu is not None else []
        if len(actions) >= 3:
            selected = hasattr(page, "current_id") and page.current_id() is not None
            actions[0 if selected else 2].trigger()

    def export_bundle(self) -> None:
        self.show_page("sync")
        page = self.page("sync")
        if hasattr(page, "export_bundle"):
            page.export_bundle()

    def import_bundle(self) -> None:
        self.show_page("sync")
        page = self.page("sync")
        if hasattr(page, "choose_import"):
            page.choose_import()

    def import_holidays(self) -> None:
        from golive_desk.ui.overview.holidays import import_holiday_calendar  # see _LAZY

        import_holiday_calendar(self._ctx, self)

    def _action(self, text: str, slot: object, shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(shortcut)
        return action

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.user_label = QLabel(self._user_text())
        self.store_label = QLabel(str(self._ctx.services.path))
        self.store_label.setObjectName("muted")
        self._busy = QProgressBar()
        self._busy.setRange(0, 0)
        self._busy.setMaximumWidth(120)
        self._busy.hide()
        status.addWidget(self.user_label)
        status.addPermanentWidget(self._busy)
        status.addPermanentWidget(self.store_label)

    def _user_text(self) -> str:
        user = self._ctx.user
        role = self.tr("branch office") if user.is_office else self.tr("laptop")
        return (self.tr("%1 (%2) · %3 · node %4").replace("%1", user.name)
                .replace("%2", user.initials).replace("%3", role).replace("%4", user.node_id[:8]))

    # -- projects ----------------------------------------------------------
    def reload_projects(self, select_code: str | None = None) -> None:
        wanted = select_code or self._ctx.settings().last_project
        self._ctx.runner.run(self._ctx.services.projects.list_projects,
                             lambda projects: self._show_projects(projects, wanted))

    def _show_projects(self, projects: list[Project], wanted: str) -> None:
        self._projects, self._projects_read = projects, True
        self.project_box.blockSignals(True)
        self.project_box.clear()
        for project in projects:
            self.project_box.addItem(f"{project.code} · {project.name} · {project.customer}",
                                     project.code)
        index = max(0, self.project_box.findData(wanted)) if projects else -1
        self.project_box.setCurrentIndex(index)
        self.project_box.blockSignals(False)
        self._on_project_chosen(index)

    def current_project(self) -> Project | None:
        index = self.project_box.currentIndex()
        return self._projects[index] if 0 <= index < len(self._projects) else None

    def _on_project_chosen(self, _index: int) -> None:
        project = self.current_project()
        for page in self.built_pages():
            page.set_project(project)
        self._count_unbuilt()
        self.edit_project_action.setEnabled(project is not None)
        settings = self._ctx.settings()
        if project is not None and settings.last_project != project.code:  # (not at every start)
            self._ctx.save_settings(settings.with_(last_project=project.code))
        self.setWindowTitle(self.tr("GoLive Desk") + (f" – {project.name}" if project else ""))

    def new_project(self) -> None:
        from golive_desk.ui.dialogs.project_dialog import ProjectDialog  # see _LAZY

        answer = ProjectDialog(self).ask()
        if answer is None:
            return
        self._ctx.runner.run(
            lambda: self._ctx.services.projects.add_project(
                answer.code, answer.name, answer.customer, answer.go_live, answer.month_end,
                answer.doc_prefix),
            lambda result: self.reload_projects(result[0].code))

    def edit_project(self) -> None:
        """The current project's settings: read on the worker, asked, written on the worker."""
        project = self.current_project()
        if project is None:
            return
        code, projects = project.code, self._ctx.services.projects

        def ask(settings: ProjectSettings) -> None:
            answer = self.ask_project_settings(code, settings)
            if answer is not None and answer != settings:
                self._ctx.runner.run(lambda: projects.update_project(code, answer))

        self._ctx.runner.run(lambda: projects.settings(code), ask)

    def _ask_project_settings(self, code: str, settings: ProjectSettings
                              ) -> ProjectSettings | None:
        from golive_desk.ui.dialogs.project_dialog import EditProjectDialog  # see _LAZY

        return EditProjectDialog(code, settings, self).ask_settings()

    # -- changes, errors, dialogs -------------------------------------------
    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("project"):
            current = self.current_project()
            self.reload_projects(current.code if current else None)
        for page in self.built_pages():
            page.apply_changes(changes)
        self._count_unbuilt()
        self.refresh_badges()

    def refresh_badges(self) -> None:
        for row, entry in enumerate(self._entries):
            page = self._built.get(row)
            count = page.badge() if page is not None else self._counts.get(row, 0)
            self.nav.item(row).setText(f"{entry.title}  ({count})" if count else entry.title)

    def _count_unbuilt(self) -> None:
        """The badges of pages not built yet, read once the page shown has its content.

        Started earlier, they would run (and import the sync service) on the worker
        while the GUI thread paints the start page's figures, and slow that paint.
        """
        if not self._count_timer.isActive():
            self._count_waits = 0
            self._count_timer.start()

    def _count_when_shown(self) -> None:
        if self._closed:
            return
        # A page whose read failed never has content: wait at most ~2 s for it.
        if not self.current_page().has_content() and self._count_waits < 200:
            self._count_waits += 1
            self._count_timer.start()
            return
        project = self.current_project()
        for row, entry in enumerate(self._entries):
            if entry.count is not None and row not in self._built:
                self._ctx.runner.run_later(partial(entry.count, project),
                                           partial(self._show_count, row))

    def closeEvent(self, event: QCloseEvent) -> None:
        # A window replaced (a language switch, a recovered store) is deleted later: its
        # badge timer must not queue reads whose answers would come to a deleted window.
        self._closed = True
        self._count_timer.stop()
        super().closeEvent(event)

    def _show_count(self, row: int, count: int) -> None:
        if row not in self._built and not self._closed:
            self._counts[row] = count
            self.refresh_badges()

    def show_error(self, err: GoLiveError) -> None:
        self._ctx.prompter.error(self, self.tr("GoLive Desk"), describe(err))

    def open_settings(self) -> None:
        settings = self._ctx.settings()
        from golive_desk.ui.dialogs.settings_dialog import SettingsDialog  # see _LAZY

        dialog = SettingsDialog(settings.language, self._ctx.user.name, self._ctx.user.initials,
                                self)
        answer = dialog.ask()
        if answer is None:
            return
        if answer.user_name != self._ctx.user.name:
            # Imported here: it brings SQLAlchemy, which the first paint does without.
            from golive_desk.services.store_admin import rename_local_user

            self._ctx.runner.run(lambda: rename_local_user(self._ctx.services.store,
                                                           answer.user_name),
                                 self._user_renamed)
        if answer.language != settings.language:
            self._ctx.save_settings(settings.with_(language=answer.language))
            self.language_changed.emit(answer.language)

    def _user_renamed(self, user: LocalUser) -> None:
        self._ctx.user = user
        self.user_label.setText(self._user_text())

    def show_about(self) -> None:
        self._ctx.prompter.info(self, self.tr("About GoLive Desk"), self.tr(
            "<h3>GoLive Desk %1</h3><p>The go-live support desk for ERP implementation "
            "consultants: issue records, support calendar, handover and offline sync.</p>"
            "<p>Store: %2<br>Log: %3</p><p>Chinese font: WenQuanYi Micro Hei (Apache-2.0).</p>")
            .replace("%1", __version__).replace("%2", str(self._ctx.services.path))
            .replace("%3", str(self._ctx.log_path)))

    def _open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._ctx.log_path.parent)))

    # -- pages ---------------------------------------------------------------------
    def page(self, key: str) -> Page:
        """The page ``key``, built now if it has not been shown yet."""
        return self._page_at(self._row_of(key))

    def current_page(self) -> Page:
        return self._page_at(self.nav.currentRow())

    def is_built(self, key: str) -> bool:
        return self._row_of(key) in self._built

    def built_pages(self) -> list[Page]:
        return list(self._built.values())

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow(self._row_of(key))

    def _row_of(self, key: str) -> int:
        return next(i for i, e in enumerate(self._entries) if e.key == key)

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentWidget(self._page_at(row))

    def _page_at(self, row: int) -> Page:
        page = self._built.get(row)
        if page is not None:
            return page
        page = self._entries[row].build()
        stand_in = self.stack.widget(row)
        self.stack.insertWidget(row, page)
        if stand_in is not None:
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
        self._built[row] = page
        self._counts.pop(row, None)
        if self._projects_read:  # else _show_projects will tell every built page
            page.set_project(self.current_project())
        return page


def _name(widget: QWidget, name: str) -> None:
    """Name ``widget`` for the style sheet, and polish it again if the sheet is set.

    A tool bar or a combo box polishes itself when made, before it has its name, so
    the sheet's rules for the name (padding, spacing) would not size it; polished
    again they do, as when the sheet is set after the window is built
    (``app.apply_style``, the start-up): the window looks the same either way. Without
    a sheet yet nothing is polished again: naming Python's first ``QStyle`` makes its
    thirty enums (~5 ms of the first paint).
    """
    widget.setObjectName(name)
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.styleSheet():
        widget.style().unpolish(widget)
        widget.style().polish(widget)
