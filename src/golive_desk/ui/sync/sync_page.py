"""Sync: export a bundle, import one (by button or drop), peers, and the conflict inbox."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from golive_desk.domain.conflicts import FieldConflict
from golive_desk.domain.errors import BundleError, GoLiveError
from golive_desk.domain.models import Changes, Project
from golive_desk.services.sync_models import ExportResult, ImportReport, PeerView, VerifyReport
from golive_desk.ui.context import UiContext
from golive_desk.ui.error_text import describe
from golive_desk.ui.pages.base import Page
from golive_desk.ui.sync.conflict_panel import ConflictPanel
from golive_desk.ui.sync.export_dialog import ExportDialog, bundle_name, free_path
from golive_desk.ui.sync.models import ConflictsModel, PeersModel
from golive_desk.ui.sync.report_text import OPEN_FOLDER, export_html, import_html


class SyncPage(Page):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._project: Project | None = None
        self._peers: list[PeerView] = []
        self._open_conflicts = 0
        self._export_folder: Path | None = None
        self._last_export: Path | None = None
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        heading = QLabel(self.tr("Sync bundles"))
        heading.setObjectName("pageHeading")
        hint = QLabel(self.tr("No network needed: export a bundle, carry it on a USB stick or "
                              "by mail, import it on the other side. Drop a bundle here to "
                              "import it."))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        me = QLabel(self.tr("This computer: %1 (%2) · key fingerprint %3")
                    .replace("%1", ctx.user.name).replace("%2", ctx.user.initials)
                    .replace("%3", ctx.user.fingerprint))
        me.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(me)
        actions = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Export bundle…"))
        self.export_button.setObjectName("primary")
        self.export_button.clicked.connect(self.export_bundle)
        self.import_button = QPushButton(self.tr("Import bundle…"))
        self.import_button.clicked.connect(self.choose_import)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        actions.addWidget(self.export_button)
        actions.addWidget(self.import_button)
        actions.addWidget(self.progress)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_conflicts(), self.tr("Conflict inbox"))
        self.report = QTextBrowser()
        self.report.setOpenExternalLinks(False)
        self.report.setOpenLinks(False)
        self.report.anchorClicked.connect(self._on_report_link)
        self.report.setHtml(self.tr("<p>No bundle exchanged in this session yet.</p>"))
        self.tabs.addTab(self.report, self.tr("Last report"))
        self.tabs.addTab(self._build_peers(), self.tr("Other computers"))
        layout.addWidget(self.tabs, 1)
        self.refresh()

    def _build_conflicts(self) -> QWidget:
        self.conflicts_model = ConflictsModel()
        self.conflicts_view = self._table(self.conflicts_model)
        self.conflicts_view.selectionModel().currentRowChanged.connect(self._on_conflict_chosen)
        header = self.conflicts_view.horizontalHeader()
        # The competing values are the only long column: they take what is left
        # (elided), so the record, the field and the authors stay readable.
        header.setSectionResizeMode(ConflictsModel.VALUES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ConflictsModel.RECORD, QHeaderView.ResizeMode.Interactive)
        self.conflicts_view.setWordWrap(False)
        self.conflict_panel = ConflictPanel()
        self.conflict_panel.resolve.connect(self.resolve)
        self.conflict_panel.open_issue.connect(self.open_issue)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.conflicts_view)
        split.addWidget(self.conflict_panel)
        split.setSizes([560, 440])
        return split

    def _build_peers(self) -> QWidget:
        self.peers_model = PeersModel()
        return self._table(self.peers_model)

    @staticmethod
    def _table(model: object) -> QTableView:
        view = QTableView()
        view.setModel(model)  # type: ignore[arg-type]
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        view.setAlternatingRowColors(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    # -- Page ----------------------------------------------------------------
    def set_project(self, project: Project | None) -> None:
        self._project = project

    def apply_changes(self, changes: Changes) -> None:
        self.refresh()

    def badge(self) -> int:
        return self._open_conflicts

    def refresh(self) -> None:
        services = self._ctx.services

        def read() -> tuple[list[PeerView], list[FieldConflict], dict[str, str]]:
            conflicts = services.sync.conflicts()
            ids = list(dict.fromkeys(c.entity_id for c in conflicts if c.entity == "issue"))
            titles = {i.id: i.title for i in services.issues.fetch(ids)} if ids else {}
            return services.sync.peers(), conflicts, titles

        self._ctx.runner.run(read, self._show_state)

    def _show_state(self, state: tuple[list[PeerView], list[FieldConflict],
                                       dict[str, str]]) -> None:
        self._peers, conflicts, titles = state
        self.peers_model.set_peers(self._peers)
        self.conflicts_model.set_conflicts(conflicts, titles)
        self._fit_record_column()
        self.conflict_panel.show_conflict(None)
        if conflicts:
            self.conflicts_view.selectRow(0)
        changed = len(conflicts) != self._open_conflicts
        self._open_conflicts = len(conflicts)
        self.tabs.setTabText(0, self.tr("Conflict inbox (%1)").replace("%1", str(len(conflicts)))
                             if conflicts else self.tr("Conflict inbox"))
        window = self.window()
        if changed and hasattr(window, "refresh_badges"):
            window.refresh_badges()

    def _fit_record_column(self) -> None:
        """The record column as wide as its text, but never more than a third of the view."""
        view = self.conflicts_view
        view.resizeColumnToContents(ConflictsModel.RECORD)
        cap = max(160, view.viewport().width() // 3)
        view.setColumnWidth(ConflictsModel.RECORD,
                            min(view.columnWidth(ConflictsModel.RECORD), cap))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_record_column()

    def _on_conflict_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            conflict = self.conflicts_model.conflict(current.row())
            self.conflict_panel.show_conflict(conflict, self.conflicts_model.title(conflict))

    def open_issue(self, issue_id: str) -> None:
        """The issue in the register's form (deleted ones open with their banner)."""
        window = self.window()
        if not hasattr(window, "show_page") or not hasattr(window, "page"):
            return
        window.show_page("issues")
        issues = window.page("issues")
        if hasattr(issues, "open_issue"):
            issues.open_issue(issue_id)

    def resolve(self, label: str, field: str, value: str) -> None:
        self._ctx.runner.run(lambda: self._ctx.services.sync.resolve(label, field, value))

    # -- export --------------------------------------------------------------
    def export_bundle(self) -> None:
        project = self._project
        answer = ExportDialog(self._peers, project.code if project else None, self).ask()
        if answer is None:
            return
        suggested = self._suggested_path(answer.scope, answer.peer)
        path = self._ctx.prompter.save_file(self, self.tr("Save bundle as"), str(suggested),
                                            self.tr("GoLive bundles (*.golive)"))
        if path is None:
            return
        self._export_folder = path.parent
        sync = self._ctx.services.sync
        code = project.code if project and answer.scope == "project" else None

        def work() -> ExportResult:
            return sync.export_bundle(path, peer=answer.peer, project=code,
                                      full=answer.scope != "peer", passphrase=answer.passphrase)

        self._busy(True)
        self._ctx.runner.run(work, self._exported, self._failed)

    def _suggested_path(self, scope: str, peer_id: str | None) -> Path:
        """Project, date and recipient in the name, never an existing file's (-2, -3…)."""
        project = self._project
        peer = next((p for p in self._peers if p.node_id == peer_id), None)
        who = peer.name if scope == "peer" and peer is not None else self._ctx.user.name
        in_project = project is not None and scope != "full"
        name = bundle_name(project_name=project.name if in_project and project else None,
                           code=project.code if in_project and project else None,
                           day=date.today(), who=who)
        folder = self._export_folder or Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        return free_path(folder, name)

    def _exported(self, result: ExportResult) -> None:
        self._busy(False)
        self._last_export = Path(result.file)
        self.report.setHtml(export_html(result))
        self.tabs.setCurrentWidget(self.report)

    def _on_report_link(self, url: QUrl) -> None:
        if url.toString() == OPEN_FOLDER and self._last_export is not None:
            self._ctx.prompter.open_folder(self._last_export.parent)

    # -- import --------------------------------------------------------------
    def choose_import(self) -> None:
        path = self._ctx.prompter.open_file(self, self.tr("Import bundle"),
                                            self.tr("GoLive bundles (*.golive);;All files (*)"))
        if path is not None:
            self.import_bundle(path)

    def import_bundle(self, path: Path, passphrase: str | None = None) -> None:
        """Verify first (nothing written); ask about unknown laptops; then import."""
        sync = self._ctx.services.sync
        self._busy(True)
        self._ctx.runner.run(lambda: sync.verify_bundle(path, passphrase=passphrase),
                             lambda report: self._verified(path, passphrase, report),
                             lambda err: self._verify_failed(path, err))

    def _verify_failed(self, path: Path, err: GoLiveError) -> None:
        self._busy(False)
        if isinstance(err, BundleError) and err.check in ("passphrase", "encrypted"):
            secret = self._ctx.prompter.ask_text(
                self, self.tr("Encrypted bundle"),
                self.tr("This bundle is encrypted. Passphrase:"), secret=True)
            if secret:
                self.import_bundle(path, secret)
            return
        self._failed(err)

    def _verified(self, path: Path, passphrase: str | None, check: VerifyReport) -> None:
        trust_new = False
        if not check.sender_known or check.unknown_nodes:
            question = self.tr(
                "This bundle comes from %1 (%2), a computer this store does not know yet.\n\n"
                "Key fingerprint: %3\n%4 changes, %5 attachments.\n\n"
                "Compare the fingerprint with the one shown on that computer's Sync page. "
                "Trust it and import?"
            ).replace("%1", check.from_name).replace("%2", check.from_initials) \
             .replace("%3", check.fingerprint).replace("%4", str(check.ops)) \
             .replace("%5", str(check.blobs))
            if not self._ctx.prompter.confirm(self, self.tr("Unknown computer"), question):
                self._busy(False)
                return
            trust_new = True
        sync = self._ctx.services.sync
        self._ctx.runner.run(
            lambda: sync.import_bundle(path, passphrase=passphrase, trust_new=trust_new),
            self._imported, self._failed)

    def _imported(self, report: ImportReport) -> None:
        self._busy(False)
        self.report.setHtml(import_html(report))
        self.tabs.setCurrentIndex(0 if report.conflicts else self.tabs.indexOf(self.report))
        self._ctx.runner.changed.emit(report.changes | Changes.of("sync"))

    def _failed(self, err: GoLiveError) -> None:
        self._busy(False)
        self._ctx.prompter.error(self, self.tr("Bundle refused"), describe(err))

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.export_button.setEnabled(not busy)
        self.import_button.setEnabled(not busy)

    # -- drag and drop ---------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.import_bundle(files[0])
