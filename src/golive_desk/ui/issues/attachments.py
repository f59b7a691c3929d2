"""Attachments as thumbnails: add files, drop them, paste a screenshot, open with the viewer.

Thumbnails are drawn from a QImage the form reads on the worker (QImage,
unlike QPixmap, may be made off the GUI thread); until then a file icon shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from golive_desk.domain.issues import Attachment

THUMB = QSize(88, 66)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp")


@dataclass(frozen=True)
class AttachmentItem:
    """A stored attachment, or a file waiting for a new issue to be saved."""

    key: str  # attachment id, or the pending file's path
    name: str
    size: int
    sha256: str = ""
    pending_path: str = ""

    @property
    def is_pending(self) -> bool:
        return bool(self.pending_path)

    @property
    def is_image(self) -> bool:
        return self.name.lower().endswith(IMAGE_SUFFIXES)

    @staticmethod
    def stored(attachment: Attachment) -> AttachmentItem:
        return AttachmentItem(attachment.id, attachment.name, attachment.size,
                              sha256=attachment.sha256)


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def file_urls(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    data = event.mimeData()
    return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]


class AttachmentPanel(QWidget):
    add_requested = Signal()
    paste_requested = Signal()
    files_dropped = Signal(list)  # list[Path]
    image_dropped = Signal(QImage)
    open_requested = Signal(object)  # AttachmentItem
    remove_requested = Signal(object)  # AttachmentItem

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        top = QHBoxLayout()
        heading = QLabel(self.tr("Attachments"))
        heading.setObjectName("sectionHeading")
        top.addWidget(heading)
        top.addStretch(1)
        self.add = QPushButton(self.tr("Add files…"))
        self.add.clicked.connect(self.add_requested)
        self.paste = QPushButton(self.tr("Paste screenshot"))
        self.paste.setToolTip(self.tr("Paste an image from the clipboard (Ctrl+V)"))
        self.paste.clicked.connect(self.paste_requested)
        top.addWidget(self.add)
        top.addWidget(self.paste)
        layout.addLayout(top)
        self.list = QListWidget()
        self.list.setObjectName("attachments")
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setGridSize(QSize(THUMB.width() + 36, THUMB.height() + 44))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAcceptDrops(False)  # the panel takes the drop, whatever is under it
        self.list.setFixedHeight(THUMB.height() + 60)
        self.list.itemActivated.connect(self._activated)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        layout.addWidget(self.list)
        bottom = QHBoxLayout()
        self.hint = QLabel(self.tr("Drop files here, or paste a screenshot with Ctrl+V."))
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        bottom.addWidget(self.hint, 1)
        self.open = QPushButton(self.tr("Open"))
        self.open.clicked.connect(lambda: self._emit_selected(self.open_requested))
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.clicked.connect(lambda: self._emit_selected(self.remove_requested))
        bottom.addWidget(self.open)
        bottom.addWidget(self.remove)
        layout.addLayout(bottom)
        self._items: dict[str, QListWidgetItem] = {}
        self._selection_changed()

    def set_items(self, items: list[AttachmentItem]) -> None:
        selected = self.selected()
        self.list.clear()
        self._items.clear()
        file_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        for item in items:
            entry = QListWidgetItem(file_icon, f"{item.name}\n{self._caption(item)}")
            entry.setData(Qt.ItemDataRole.UserRole, item)
            entry.setToolTip(item.name)
            entry.setSizeHint(self.list.gridSize())
            self.list.addItem(entry)
            self._items[item.key] = entry
            if selected is not None and selected.key == item.key:
                entry.setSelected(True)
        self._selection_changed()

    def _caption(self, item: AttachmentItem) -> str:
        size = human_size(item.size) if item.size else ""
        return self.tr("not saved yet") if item.is_pending else size

    def set_thumbnail(self, key: str, image: QImage) -> None:
        entry = self._items.get(key)
        if entry is not None and not image.isNull():
            entry.setIcon(QIcon(QPixmap.fromImage(image)))

    def items(self) -> list[AttachmentItem]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def has_thumbnail(self, key: str) -> bool:
        entry = self._items.get(key)
        if entry is None:
            return False
        size = entry.icon().actualSize(THUMB)
        return size.width() > 48 or size.height() > 48

    def selected(self) -> AttachmentItem | None:
        chosen = self.list.selectedItems()
        return chosen[0].data(Qt.ItemDataRole.UserRole) if chosen else None

    def select(self, key: str) -> None:
        entry = self._items.get(key)
        if entry is not None:
            self.list.setCurrentItem(entry)

    def set_writable(self, writable: bool) -> None:
        for widget in (self.add, self.paste, self.remove):
            widget.setEnabled(writable)
        self.setAcceptDrops(writable)
        self._writable = writable
        self._selection_changed()

    def _selection_changed(self) -> None:
        item = self.selected()
        self.open.setEnabled(item is not None)
        self.remove.setEnabled(item is not None and getattr(self, "_writable", True))

    def _activated(self, entry: QListWidgetItem) -> None:
        self.open_requested.emit(entry.data(Qt.ItemDataRole.UserRole))

    def _emit_selected(self, signal: object) -> None:
        item = self.selected()
        if item is not None:
            signal.emit(item)  # type: ignore[attr-defined]

    # -- drag and drop -------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if file_urls(event) or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = file_urls(event)
        if files:
            self.files_dropped.emit(files)
        elif event.mimeData().hasImage():
            image = QImage(event.mimeData().imageData())
            self.image_dropped.emit(image)
        else:
            return
        event.acceptProposedAction()


def clipboard_image() -> QImage | None:
    """The image on the clipboard (a screenshot), or None when it holds none."""
    data = QApplication.clipboard().mimeData()
    if data is None or not data.hasImage():
        return None
    image = QImage(data.imageData())
    return None if image.isNull() else image
