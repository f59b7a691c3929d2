"""A dialog with labelled fields and validation messages right beside them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from golive_desk.domain.errors import ValidationError


class FormDialog(QDialog):
    """Subclasses add rows with :meth:`add_row` and implement :meth:`collect`."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        outer = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        outer.addWidget(self.intro)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        self._errors: dict[str, QLabel] = {}
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def add_row(self, key: str, label: str, widget: QWidget) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self._errors[key] = error
        self.form.addRow(label, box)

    def show_error(self, key: str, text: str) -> None:
        label = self._errors.get(key)
        if label is None:
            label = next(iter(self._errors.values()))
        label.setText(text)
        label.show()
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow (never shrink) so a message that wraps does not squeeze the fields."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        width = self.width()
        needed = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        needed = max(needed, layout.totalMinimumSize().height())
        if needed > self.height():
            self.resize(width, needed)

    def clear_error(self, key: str) -> None:
        """Hide one field's message (its condition no longer applies)."""
        label = self._errors.get(key)
        if label is not None:
            label.hide()
            label.setText("")

    def error_text(self, key: str) -> str:
        label = self._errors[key]
        return label.text() if label.isVisibleTo(self) else ""

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.hide()
            label.setText("")

    def collect(self) -> None:
        """Validate and build the answer; raise ValidationError naming the field."""
        raise NotImplementedError

    def _try_accept(self) -> None:
        self.clear_errors()
        try:
            self.collect()
        except ValidationError as err:
            self.show_error(err.field, self.explain(err))
            return
        self.accept()

    def explain(self, err: ValidationError) -> str:
        return err.message


def checked(field: str, check: Callable[[], object], message: str) -> None:
    """Run a domain check; re-raise its failure with a translated message."""
    try:
        check()
    except ValidationError:
        raise ValidationError(field, message) from None
