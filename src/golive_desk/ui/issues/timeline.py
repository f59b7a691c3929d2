"""处理过程跟踪: the issue's append-only timeline, and the box to add to it.

An issue's timeline holds tens of entries, not thousands, so each entry is a
small widget in a scroll area rather than a model (the register is the place
for a model over ids).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from golive_desk.domain.issues import MANUAL_KINDS, NotifyChannel, TimelineEntry, TimelineKind
from golive_desk.ui import labels
from golive_desk.ui.issues import text as issue_text

_KIND_COLOURS: dict[TimelineKind, str] = {
    TimelineKind.NOTE: "#5f7396",
    TimelineKind.FIELD_CHANGE: "#b8c2d3",
    TimelineKind.CUSTOMER_NOTIFIED: "#00897b",
    TimelineKind.ESCALATED: "#8e24aa",
    TimelineKind.BRANCH_TESTED: "#4338a8",
    TimelineKind.APPLIED_ON_SITE: "#0277bd",
    TimelineKind.CREATED: "#0b57d0",
}

# The order of the kinds in the composer: what a consultant writes most often first.
_COMPOSER_KINDS = (TimelineKind.NOTE, TimelineKind.CUSTOMER_NOTIFIED, TimelineKind.ESCALATED,
                   TimelineKind.BRANCH_TESTED, TimelineKind.APPLIED_ON_SITE)
assert set(_COMPOSER_KINDS) == set(MANUAL_KINDS)


def _entry_colour(entry: TimelineEntry) -> str:
    if entry.kind == TimelineKind.STATUS_CHANGE and entry.to_status is not None:
        return issue_text.status_colours(entry.to_status)[1].name()
    return _KIND_COLOURS.get(entry.kind, "#5f7396")


class EntryCard(QFrame):
    """One entry: a coloured dot, what happened, who and when, and the text."""

    def __init__(self, entry: TimelineEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setObjectName("timelineEntry")
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        dot = QLabel()
        dot.setFixedSize(10, 10)
        dot.setStyleSheet(f"background: {_entry_colour(entry)}; border-radius: 5px;")
        grid.addWidget(dot, 0, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.headline = QLabel(issue_text.timeline_line(entry))
        self.headline.setObjectName("entryHeadline" if entry.kind != TimelineKind.FIELD_CHANGE
                                    else "entryMinor")
        self.headline.setWordWrap(True)
        meta = QLabel(f"{entry.author} · {entry.at.replace('T', ' ')}")
        meta.setObjectName("muted")
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.headline, 1)
        top.addWidget(meta, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(top, 0, 1)
        body = issue_text.timeline_body(entry)
        self.body = QLabel(body)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setVisible(bool(body))
        grid.addWidget(self.body, 1, 1)
        grid.setColumnStretch(1, 1)


class TimelineView(QWidget):
    """The entries, newest at the bottom, and the composer below them."""

    add_requested = Signal(str, str, object, str)  # kind, text, channel or None, whom

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[TimelineEntry] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        heading = QLabel(self.tr("Timeline"))
        heading.setObjectName("sectionHeading")
        layout.addWidget(heading)
        self._scroll = QScrollArea()
        self._scroll.setObjectName("timelineScroll")
        self._scroll.setWidgetResizable(True)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        holder = QWidget()
        holder.setObjectName("timelineHolder")
        self._list = QVBoxLayout(holder)
        self._list.setContentsMargins(6, 6, 6, 6)
        self._list.setSpacing(4)
        self._empty = QLabel(self.tr("Nothing recorded yet."))
        self._empty.setObjectName("muted")
        self._list.addWidget(self._empty)
        self._list.addStretch(1)
        self._scroll.setWidget(holder)
        layout.addWidget(self._scroll, 1)
        layout.addWidget(self._composer())

    def _composer(self) -> QWidget:
        box = QFrame()
        box.setObjectName("composer")
        grid = QGridLayout(box)
        grid.setContentsMargins(8, 8, 8, 8)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        self.kind = QComboBox()
        for kind in _COMPOSER_KINDS:
            self.kind.addItem(labels.timeline_kind(kind), kind.value)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.channel = QComboBox()
        for channel in NotifyChannel:
            self.channel.addItem(labels.notify_channel(channel), channel.value)
        self.channel.setCurrentIndex(self.channel.findData(NotifyChannel.PHONE.value))
        self.whom = QLineEdit()
        self.whom.setPlaceholderText(self.tr("Whom (e.g. 刘芳)"))
        self.text = QPlainTextEdit()
        self.text.setObjectName("composerText")
        self.text.setPlaceholderText(self.tr("What was done, found or agreed…"))
        self.text.setTabChangesFocus(True)
        self.text.setFixedHeight(56)
        self.add = QPushButton(self.tr("Add to timeline"))
        self.add.clicked.connect(self._request)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.disabled_reason = QLabel()
        self.disabled_reason.setObjectName("muted")
        self.disabled_reason.setWordWrap(True)
        self.disabled_reason.hide()
        grid.addWidget(self.kind, 0, 0)
        grid.addWidget(self.channel, 0, 1)
        grid.addWidget(self.whom, 0, 2)
        grid.addWidget(self.text, 1, 0, 1, 3)
        grid.addWidget(self.error, 2, 0, 1, 2)
        grid.addWidget(self.add, 2, 2, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.disabled_reason, 3, 0, 1, 3)
        grid.setColumnStretch(2, 1)
        self._kind_changed()
        return box

    def _kind_changed(self, _index: int = 0) -> None:
        notify = self.kind.currentData() == TimelineKind.CUSTOMER_NOTIFIED.value
        self.channel.setVisible(notify)
        self.whom.setVisible(notify)

    def _request(self) -> None:
        self.show_error("")
        notify = self.kind.currentData() == TimelineKind.CUSTOMER_NOTIFIED.value
        self.add_requested.emit(self.kind.currentData(), self.text.toPlainText().strip(),
                                self.channel.currentData() if notify else None,
                                self.whom.text().strip() if notify else "")

    # -- for the form --------------------------------------------------------------
    def set_entries(self, entries: tuple[TimelineEntry, ...]) -> None:
        self._entries = list(entries)
        while self._list.count() > 2:  # keep the "nothing yet" label and the stretch
            item = self._list.takeAt(1)
            widget = item.widget() if item else None
            if widget is not None:
                widget.deleteLater()
        for n, entry in enumerate(entries):
            self._list.insertWidget(1 + n, EntryCard(entry))
        self._empty.setVisible(not entries)
        # Newest at the bottom, as on the paper sheet; show it once laid out.
        QTimer.singleShot(0, self, self._scroll_to_end)

    def _scroll_to_end(self) -> None:
        bar = self._scroll.verticalScrollBar()
        bar.setValue(bar.maximum())

    def entries(self) -> list[TimelineEntry]:
        return list(self._entries)

    def cards(self) -> list[EntryCard]:
        holder = self._scroll.widget()
        return holder.findChildren(EntryCard) if holder is not None else []

    def set_writable(self, writable: bool, reason: str = "") -> None:
        for widget in (self.kind, self.channel, self.whom, self.text, self.add):
            widget.setEnabled(writable)
        self.disabled_reason.setText(reason)
        self.disabled_reason.setVisible(bool(reason) and not writable)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""

    def clear_composer(self) -> None:
        self.text.clear()
        self.whom.clear()
        self.show_error("")
