"""Export a bundle: for whom (a peer, this project, everything) and how it travels."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QButtonGroup, QCheckBox, QComboBox, QLineEdit, QRadioButton, QWidget

from golive_desk.domain.errors import ValidationError
from golive_desk.services.sync_models import PeerView
from golive_desk.ui.dialogs.form_dialog import FormDialog

BUNDLE_SUFFIX = ".golive"
# Characters no file system takes in a name, and runs of blanks.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+|\s+')


def bundle_name(*, project_name: str | None, code: str | None, day: date, who: str) -> str:
    """A bundle's file name: project, date and for whom, e.g. ``华星电子-HX-2026-11-30-张力``.

    ``project_name``'s first word leads when it is not the code itself; ``who``
    is the computer it goes to (or, for a bundle of everything, who sent it).
    """
    parts: list[str] = []
    first = (project_name or "").split()[0] if (project_name or "").split() else ""
    if first and code and first.upper() != code.upper():
        parts.append(first)
    if code:
        parts.append(code)
    parts.append(day.isoformat())
    if who:
        parts.append(who)
    return "-".join(_UNSAFE.sub("_", p).strip("._") for p in parts if p.strip()) + BUNDLE_SUFFIX


def free_path(folder: Path, name: str) -> Path:
    """``folder/name``, or ``name-2``, ``name-3``… when a file of that name exists."""
    path = folder / name
    stem, suffix = path.stem, path.suffix
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}{suffix}"
        number += 1
    return path


@dataclass(frozen=True)
class ExportAnswer:
    scope: str  # "peer", "project" or "full"
    peer: str | None
    passphrase: str | None


class ExportDialog(FormDialog):
    def __init__(self, peers: list[PeerView], project_code: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Export bundle"), parent)
        self.set_intro(self.tr(
            "A bundle carries your changes to the branch office or another laptop. "
            "Importing it twice is harmless, so when in doubt send more."))
        self.for_peer = QRadioButton(self.tr("What this computer has not received yet:"))
        self.peer = QComboBox()
        for peer in peers:
            self.peer.addItem(f"{peer.name} ({peer.initials}) · {peer.fingerprint}", peer.node_id)
        self.for_project = QRadioButton(self.tr("Everything of project %1").replace(
            "%1", project_code or "–"))
        self.everything = QRadioButton(self.tr("Everything in this store (fills a new laptop)"))
        group = QButtonGroup(self)
        for button in (self.for_peer, self.for_project, self.everything):
            group.addButton(button)
        self.for_peer.setEnabled(bool(peers))
        self.peer.setEnabled(bool(peers))
        self.for_project.setEnabled(project_code is not None)
        (self.for_peer if peers else self.everything).setChecked(True)
        self.encrypt = QCheckBox(self.tr("Encrypt with a passphrase (for e-mail)"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setEnabled(False)
        self.encrypt.toggled.connect(self.passphrase.setEnabled)
        # A passphrase message means nothing once the bundle goes unencrypted.
        self.encrypt.toggled.connect(self._on_encrypt)
        self.add_row("scope", self.tr("Send"), self.for_peer)
        self.form.addRow("", self.peer)
        self.form.addRow("", self.for_project)
        self.form.addRow("", self.everything)
        self.form.addRow("", self.encrypt)
        self.add_row("passphrase", self.tr("Passphrase"), self.passphrase)
        self.answer: ExportAnswer | None = None

    def _on_encrypt(self, on: bool) -> None:
        if not on:
            self.clear_error("passphrase")

    def collect(self) -> None:
        secret = self.passphrase.text() if self.encrypt.isChecked() else None
        if secret is not None and len(secret) < 8:
            raise ValidationError("passphrase",
                                  self.tr("Use a passphrase of at least 8 characters."))
        if self.for_peer.isChecked():
            self.answer = ExportAnswer("peer", str(self.peer.currentData()), secret)
        elif self.for_project.isChecked():
            self.answer = ExportAnswer("project", None, secret)
        else:
            self.answer = ExportAnswer("full", None, secret)

    def ask(self) -> ExportAnswer | None:
        return self.answer if self.exec() else None
