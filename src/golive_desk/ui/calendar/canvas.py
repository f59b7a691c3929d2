"""What the month and week grids share: bars, selection and the mouse.

Press on a bar and drag: move it; press on its right edge: lengthen or shorten
it; press on empty days and drag: a new slot over them. Double-click edits a bar
(or creates a slot on an empty day); Delete removes the selected bar. The
canvas only asks (signals); the page writes through the runner.

A person on site for two projects in one half-day has their on-site bars
outlined in red on that day (the legend's "Double booked", as the team view
outlines the cell). The selected bar shows a grip at its right end, where a
drag resizes it (the cursor says so too); other bars show none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from golive_desk.domain.enums import SupportMode
from golive_desk.domain.support_calendar import Half, Slot
from golive_desk.domain.workdays import DayKind
from golive_desk.ui.calendar import texts
from golive_desk.ui.calendar.data import CalendarData
from golive_desk.ui.calendar.layout import Drag, DragKind, days_of

EDGE = 7  # pixels at a bar's right end that resize instead of move
ClashMarks = dict[date, list[QRectF]]  # per day, the pieces of bars outlined there

# (made once: a paint used to make each of them again for every bar and day)
_WHITE = QColor("#ffffff")
_NO_PEN = QPen(Qt.PenStyle.NoPen)
_SELECTED_PEN = QPen(texts.INK, 2)
_GRIP_PEN = QPen(QColor(255, 255, 255, 150), 1)
_CLASH_PEN = QPen(texts.CLASH, 2)
_LABEL_ALIGN = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
_DAY_FILLS: dict[DayKind | None, QColor] = {
    DayKind.HOLIDAY: texts.HOLIDAY_FILL, DayKind.WEEKEND: texts.WEEKEND_FILL,
    DayKind.ADJUSTED_WORKDAY: texts.ADJUSTED_FILL, None: _WHITE}
_DIMMED_FILLS = {kind: color.darker(103) for kind, color in _DAY_FILLS.items()}  # other months


@dataclass(frozen=True)
class Bar:
    """Where one piece of a slot is drawn; ``tail`` holds the slot's last day."""

    rect: QRectF
    slot: Slot
    tail: bool


class SlotCanvas(QWidget):
    create_requested = Signal(object, object, object)  # start, end, Half
    move_requested = Signal(object, object, object)  # Slot, start, end
    edit_requested = Signal(object)  # Slot
    delete_requested = Signal(object)  # Slot
    day_selected = Signal(object)  # date
    issues_requested = Signal(object)  # date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data = CalendarData(date.today(), date.today())
        self.today = date.today()
        self.selected_slot_id: str | None = None
        self.selected_day: date | None = None
        self._bars: list[Bar] = []
        self._clash_marks: ClashMarks = {}
        self._drag: Drag | None = None
        self._fonts: dict[tuple[str, int | None, bool | None], tuple[QFont, QFontMetrics]] = {}
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(560, 420)

    # -- what subclasses answer -------------------------------------------------------
    def day_at(self, pos: QPointF) -> date | None:
        raise NotImplementedError

    def day_rect(self, day: date) -> QRectF | None:
        """The rectangle of ``day``'s cell (None when not shown)."""
        raise NotImplementedError

    def half_at(self, pos: QPointF) -> Half:
        return Half.DAY

    def badge_rect(self, day: date) -> QRectF | None:
        """Where the day's issue count is drawn (None: no badge)."""
        return None

    def layout_bars(self) -> list[Bar]:
        raise NotImplementedError

    # -- data ----------------------------------------------------------------------------
    def set_data(self, data: CalendarData) -> None:
        self.data = data
        self.keep_selection()
        self._relayout()

    def keep_selection(self) -> None:
        """Forget the selected slot when the data shown no longer holds it."""
        if self.selected_slot_id and self.data.slot(self.selected_slot_id) is None:
            self.selected_slot_id = None

    def select_day(self, day: date | None) -> None:
        self.selected_day = day
        self.update()

    def selected_slot(self) -> Slot | None:
        return self.data.slot(self.selected_slot_id) if self.selected_slot_id else None

    def bars_of(self, slot_id: str) -> list[QRectF]:
        """The rectangles a slot is drawn in (tests drag these)."""
        return [bar.rect for bar in self._bars if bar.slot.id == slot_id]

    def bar_at(self, pos: QPointF) -> Bar | None:
        return next((bar for bar in reversed(self._bars) if bar.rect.contains(pos)), None)

    def double_booked(self) -> dict[date, list[QRectF]]:
        """Per day, where a double booking is outlined (the pieces of bars)."""
        return {day: [QRectF(r) for r in rects] for day, rects in self._clash_marks.items()}

    def _relayout(self) -> None:
        self._bars = self.layout_bars()
        self._clash_marks = self._mark_clashes()
        self.update()

    def _mark_clashes(self) -> ClashMarks:
        """The piece of each on-site bar on a day its person is double booked."""
        clashes = self.data.clashes
        if not clashes:
            return {}
        marks: dict[date, list[QRectF]] = {}
        for bar in self._bars:
            slot = bar.slot
            if slot.mode is not SupportMode.ONSITE:
                continue
            for day in days_of(max(slot.start, self.data.start), min(slot.end, self.data.end)):
                if (slot.person_id, day) not in clashes:
                    continue
                cell = self.day_rect(day)
                piece = bar.rect.intersected(cell) if cell is not None else QRectF()
                if not piece.isEmpty():
                    marks.setdefault(day, []).append(piece)
        return marks

    def paint_clashes(self, painter: QPainter) -> None:
        painter.setPen(_CLASH_PEN)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rects in self._clash_marks.values():
            for rect in rects:
                painter.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 3, 3)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    # -- mouse and keys -----------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self.setFocus()
        pos = event.position()
        for shown in self._shown_days():
            badge = self.badge_rect(shown)
            if badge is not None and badge.contains(pos):
                self.issues_requested.emit(shown)
                return
        bar = self.bar_at(pos)
        day = self.day_at(pos)
        if bar is not None:
            self.selected_slot_id = bar.slot.id
            resize = bar.tail and pos.x() >= bar.rect.right() - EDGE
            origin = day or bar.slot.start
            self._drag = Drag(DragKind.RESIZE if resize else DragKind.MOVE, origin, origin,
                              bar.slot)
        elif day is not None:
            self.selected_slot_id = None
            self._drag = Drag(DragKind.CREATE, day, day, extra={"half": self.half_at(pos)})
        if day is not None:
            self.selected_day = day
            self.day_selected.emit(day)
        self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        drag = self._drag
        if drag is None:
            bar = self.bar_at(pos)
            edge = bar is not None and bar.tail and pos.x() >= bar.rect.right() - EDGE
            self.setCursor(Qt.CursorShape.SizeHorCursor if edge else
                           Qt.CursorShape.OpenHandCursor if bar else Qt.CursorShape.ArrowCursor)
            return
        day = self.day_at(pos)
        if day is not None and day != drag.current:
            drag.current = day
            drag.moved = True
            self.update()
        if drag.kind is DragKind.CREATE and self.half_at(pos) != drag.extra.get("half"):
            drag.extra["half"] = Half.DAY

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        if drag is None or event.button() != Qt.MouseButton.LeftButton:
            return
        self.update()
        if not drag.moved:
            return
        start, end = drag.span()
        if drag.kind is DragKind.CREATE:
            half = drag.extra.get("half", Half.DAY)
            self.create_requested.emit(start, end, half if start == end else Half.DAY)
        elif drag.slot is not None and (start, end) != (drag.slot.start, drag.slot.end):
            self.move_requested.emit(drag.slot, start, end)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._drag = None
        pos = event.position()
        bar = self.bar_at(pos)
        if bar is not None:
            self.edit_requested.emit(bar.slot)
            return
        day = self.day_at(pos)
        if day is not None:
            self.create_requested.emit(day, day, self.half_at(pos))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        slot = self.selected_slot()
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and slot is not None:
            self.delete_requested.emit(slot)
            return
        if event.key() == Qt.Key.Key_Escape and self._drag is not None:
            self._drag = None
            self.update()
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def tooltip_at(self, pos: QPointF) -> str:
        bar = self.bar_at(pos)
        if bar is not None:
            slot = bar.slot
            lines = [f"{slot.person_name} · {texts.mode(slot.mode)} · {texts.half(slot.half)}",
                     f"{slot.project_code} {slot.customer}",
                     f"{slot.start.isoformat()} – {slot.end.isoformat()}"]
            if slot.note:
                lines.append(slot.note)
            return "\n".join(lines)
        day = self.day_at(pos)
        if day is None:
            return ""
        name = self.data.holidays.holiday_name(day)
        count = self.data.issues.get(day, 0)
        parts = [name] if name else []
        if count:
            reported = QCoreApplication.translate("Calendar", "%1 issues reported")
            parts.append(reported.replace("%1", str(count)))
        return "\n".join(parts)

    def _shown_days(self) -> list[date]:
        return list(days_of(self.data.start, self.data.end))

    # -- drawing helpers ----------------------------------------------------------------
    def paint_drag(self, painter: QPainter) -> None:
        drag = self._drag
        if drag is None or not drag.moved:
            return
        start, end = drag.span()
        color = QColor(texts.MODE_COLORS[drag.slot.mode]) if drag.slot else QColor(texts.TODAY)
        fill = QColor(color)
        fill.setAlpha(40)
        pen = QPen(color, 1.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for day in days_of(start, end):
            rect = self.day_rect(day)
            if rect is not None:
                painter.fillRect(rect.adjusted(1, 1, -1, -1), fill)
                painter.drawRect(rect.adjusted(1, 1, -1, -1))

    def paint_bar(self, painter: QPainter, bar: Bar, label: str) -> None:
        slot = bar.slot
        color = texts.MODE_COLORS[slot.mode]
        drag = self._drag
        if drag is not None and drag.moved and drag.slot is not None and drag.slot.id == slot.id:
            color = QColor(color)
            color.setAlpha(110)
        painter.setPen(_SELECTED_PEN if slot.id == self.selected_slot_id else _NO_PEN)
        painter.setBrush(color)
        rect = bar.rect
        painter.drawRoundedRect(rect, 3, 3)
        if bar.tail and slot.id == self.selected_slot_id:  # the resize grip
            x = rect.right() - 4
            painter.setPen(_GRIP_PEN)
            painter.drawLine(QPointF(x, rect.top() + 4), QPointF(x, rect.bottom() - 4))
        painter.setPen(_WHITE)
        font, metrics = self.font_like(painter.font(), max(10, min(12, int(rect.height()) - 6)))
        painter.setFont(font)
        text_rect = rect.adjusted(5, 0, -6, 0)
        elided = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(text_rect.width()))
        painter.drawText(text_rect, _LABEL_ALIGN, elided)

    def bar_label(self, slot: Slot) -> str:
        label = slot.person_name
        if self.data.show_project:
            label += f" · {slot.project_code}"
        if slot.note and slot.half is Half.DAY:
            label += f" · {slot.note}"
        return label

    def day_fill(self, day: date, in_month: bool = True) -> QColor:
        if self.selected_day == day:
            return texts.SELECTED_FILL
        kind = self.data.holidays.day_kind(day)
        fills = _DAY_FILLS if in_month else _DIMMED_FILLS
        return fills.get(kind, fills[None])

    def day_tag(self, day: date) -> tuple[str, QColor] | None:
        """休 and the festival on a day off, 班 on a 调休 working day."""
        kind = self.data.holidays.day_kind(day)
        name = self.data.holidays.holiday_name(day) or ""
        if kind is DayKind.HOLIDAY:
            off = QCoreApplication.translate("Calendar", "Off")
            return f"{off} {name}".strip(), texts.HOLIDAY_INK
        if kind is DayKind.ADJUSTED_WORKDAY:
            work = QCoreApplication.translate("Calendar", "Work")
            return f"{work} {name}".strip(), texts.ADJUSTED_INK
        return None

    def paint_badge(self, painter: QPainter, rect: QRectF, count: int) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#fff1e0"))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(QColor("#b45309"))
        painter.setFont(self.font_like(painter.font(), 10, bold=True)[0])
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(count))

    def font_like(self, base: QFont, pixels: int | None = None,
                  bold: bool | None = None) -> tuple[QFont, QFontMetrics]:
        """``base`` at ``pixels`` (None: its size), bold or not (None: as it is), with its
        metrics; made once per kind, as a paint asks for one per bar, day and badge."""
        key = (base.key(), pixels, bold)
        found = self._fonts.get(key)
        if found is None:
            font = QFont(base)
            if pixels is not None:
                font.setPixelSize(pixels)
            if bold is not None:
                font.setBold(bold)
            found = self._fonts[key] = (font, QFontMetrics(font))
        return found

    def locale_(self) -> QLocale:
        return QLocale()

    def paintEvent(self, event: QPaintEvent) -> None:  # pragma: no cover - subclasses
        raise NotImplementedError
