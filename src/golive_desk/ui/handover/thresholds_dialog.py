"""The project's exit thresholds: what each readiness criterion must reach.

Spin boxes bound every value, so nothing typed can be out of range; the
defaults are the published vendor figures and the methodology's own
(``domain/handover.ReadinessThresholds``), and "Defaults" puts them back.
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtWidgets import QDialogButtonBox, QDoubleSpinBox, QSpinBox, QWidget

from golive_desk.domain.handover import ReadinessThresholds
from golive_desk.ui.dialogs.form_dialog import FormDialog

# field: (lowest, highest, suffix, is a share in %)
_RANGES: dict[str, tuple[float, float, str]] = {
    "max_urgent_without_plan": (0, 100, ""),
    "min_sla_share": (0, 100, " %"),
    "min_resolved_by_staying": (0, 100, " %"),
    "min_month_end_closes": (0, 12, ""),
    "max_new_per_day": (0, 1000, ""),
    "trend_days": (1, 90, ""),
    "min_days_since_urgent": (0, 365, ""),
    "max_operation_error_share": (0, 100, " %"),
}


class ThresholdsDialog(FormDialog):
    """Edit a project's :class:`ReadinessThresholds`; :attr:`answer` is the result."""

    def __init__(self, thresholds: ReadinessThresholds, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Exit thresholds"), parent)
        self.set_intro(self.tr(
            "What each exit criterion must reach before the handover, for this project. "
            "The defaults: no urgent issue without a plan, 90 % of urgent and high issues "
            "within their SLA, 95 % resolved by the customer's own people, at most 5 new "
            "issues a day over the last 7 days, a week since the last urgent issue, at most "
            "30 % operation errors."))
        self.boxes: dict[str, QSpinBox | QDoubleSpinBox] = {}
        for f in fields(ReadinessThresholds):
            low, high, suffix = _RANGES[f.name]
            value = getattr(thresholds, f.name)
            box: QSpinBox | QDoubleSpinBox
            if isinstance(value, int):
                box = QSpinBox()
                box.setRange(int(low), int(high))
            else:
                box = QDoubleSpinBox()
                box.setDecimals(1)
                box.setRange(low, high)
            box.setSuffix(suffix)
            box.setValue(value)
            self.boxes[f.name] = box
            self.add_row(f.name, self._label(f.name), box)
        defaults = self.buttons.addButton(self.tr("Defaults"),
                                          QDialogButtonBox.ButtonRole.ResetRole)
        defaults.clicked.connect(self.restore_defaults)
        self.answer: ReadinessThresholds | None = None

    def _label(self, name: str) -> str:
        return {
            "max_urgent_without_plan": self.tr("Urgent issues open without a plan, at most"),
            "min_sla_share": self.tr("Urgent and high issues within their SLA, at least"),
            "min_resolved_by_staying": self.tr("Resolved by the customer's people, at least"),
            "min_month_end_closes": self.tr("Month-end closes held and passed, at least"),
            "max_new_per_day": self.tr("New issues a day, at most"),
            "trend_days": self.tr("Counted over the last days"),
            "min_days_since_urgent": self.tr("Days since the last urgent issue, at least"),
            "max_operation_error_share": self.tr("Share of operation errors, at most"),
        }[name]

    def restore_defaults(self) -> None:
        defaults = ReadinessThresholds()
        for name, box in self.boxes.items():
            box.setValue(getattr(defaults, name))

    def collect(self) -> None:
        values = {name: box.value() for name, box in self.boxes.items()}
        self.answer = ReadinessThresholds(**values)  # type: ignore[arg-type]

    def ask(self) -> ReadinessThresholds | None:
        return self.answer if self.exec() else None
