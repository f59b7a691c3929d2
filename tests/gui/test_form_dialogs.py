"""Form dialogs: a validation message makes room for itself and goes when it no longer applies."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from golive_desk.ui.dialogs.first_start import FirstStartDialog
from golive_desk.ui.dialogs.form_dialog import FormDialog
from golive_desk.ui.sync.export_dialog import ExportDialog


def _edits_keep_their_height(dialog: FormDialog) -> None:
    for edit in dialog.findChildren(QLineEdit):
        if edit.isVisibleTo(dialog):
            assert edit.height() >= edit.sizeHint().height(), edit.objectName()


def test_first_start_grows_for_its_messages(qtbot: QtBot) -> None:
    dialog = FirstStartDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    before = dialog.height()
    dialog.initials.setText("陈")
    dialog.buttons.accepted.emit()  # no name, bad initials: the name's message shows
    dialog.name.setText("陈思远")
    dialog.buttons.accepted.emit()
    QApplication.processEvents()
    assert dialog.error_text("initials")
    assert dialog.height() > before
    _edits_keep_their_height(dialog)


def test_export_dialog_grows_and_drops_a_stale_passphrase_message(qtbot: QtBot) -> None:
    dialog = ExportDialog([], "HX")
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    dialog.encrypt.setChecked(True)
    dialog.passphrase.setText("short")
    dialog.buttons.accepted.emit()
    QApplication.processEvents()
    assert "8 characters" in dialog.error_text("passphrase")
    _edits_keep_their_height(dialog)
    dialog.encrypt.setChecked(False)
    assert dialog.error_text("passphrase") == ""
