"""Print preview: the PDF's pages, then print (QPrinter/QPrintDialog) or save as PDF.

The document is made on the worker by a ``pdf_factory`` (a service call that
returns PDF bytes), so the window never freezes while a batch of sheets is
laid out; pages are rendered as they come into view.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QResizeEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from golive_desk.domain.errors import GoLiveError
from golive_desk.services.printing import write_file
from golive_desk.ui.context import UiContext
from golive_desk.ui.error_text import describe
from golive_desk.ui.printing.page_model import PdfPageModel
from golive_desk.ui.printing.pdf_pages import PdfInfo, inspect, print_pdf

ZOOM_DPI = (36.0, 48.0, 60.0, 80.0, 110.0, 150.0)


class PageView(QListView):
    """The pages side by side, wrapping, the row of them centred in the view.

    QListView lays icons out from the left edge; equal margins left and right,
    sized to what a whole number of pages leaves over, centre them.
    """

    def centre(self) -> None:
        model = self.model()
        count = model.rowCount() if model is not None else 0
        if count == 0:
            self.setViewportMargins(0, 0, 0, 0)
            return
        spacing = self.spacing()
        item = self.sizeHintForIndex(model.index(0, 0)).width()
        cell = max(1, item + 2 * spacing)
        scroll = self.verticalScrollBar().sizeHint().width()
        room = self.width() - 2 * self.frameWidth() - scroll
        per_row = max(1, min(count, room // cell))
        margin = max(0, (room - per_row * cell) // 2)
        self.setViewportMargins(margin, 0, margin, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.centre()
        super().resizeEvent(event)


class PrintPreviewDialog(QDialog):
    """Shows a PDF made by ``pdf_factory``; Print…, Save as PDF…, zoom."""

    def __init__(self, ctx: UiContext, parent: QWidget | None,
                 pdf_factory: Callable[[str], bytes], *, title: str, suggested_name: str) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._factory = pdf_factory
        self._suggested = suggested_name
        self.info: PdfInfo | None = None
        self.saved_to: Path | None = None
        self.printed_pages = 0
        self._printer: QPrinter | None = None
        self.setWindowTitle(title)
        self.resize(980, 760)
        self.model = PdfPageModel(ctx.runner, self._page_label)
        self._build()
        self._zoom = ZOOM_DPI.index(60.0)
        self._set_ready(False)
        self.status.setText(self.tr("Preparing the document…"))

    def _build(self) -> None:
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.choose_printer)
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.save_button.clicked.connect(self.save_as)
        self.zoom_out_button = QPushButton(self.tr("Zoom out"))
        self.zoom_out_button.setShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut))
        self.zoom_out_button.clicked.connect(lambda: self.zoom(-1))
        self.zoom_in_button = QPushButton(self.tr("Zoom in"))
        self.zoom_in_button.setShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn))
        self.zoom_in_button.clicked.connect(lambda: self.zoom(+1))
        # The document's language: the window's unless the user picks the other.
        self.language_box = QComboBox()
        self.language_box.addItem("中文", "zh_CN")
        self.language_box.addItem("English", "en")
        wanted = self.language_box.findData(self._ctx.language())
        self.language_box.setCurrentIndex(max(0, wanted))
        self.language_box.setToolTip(self.tr("Language of the printed document"))
        self.language_box.currentIndexChanged.connect(self._language_changed)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        self.status = QLabel()
        self.status.setObjectName("muted")
        bar = QHBoxLayout()
        for button in (self.print_button, self.save_button, self.zoom_out_button,
                       self.zoom_in_button):
            bar.addWidget(button)
        bar.addWidget(self.language_box)
        bar.addWidget(self.status, 1)
        bar.addWidget(close)
        self.view = PageView()
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setFlow(QListView.Flow.LeftToRight)
        self.view.setWrapping(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setUniformItemSizes(True)
        self.view.setSpacing(10)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setStyleSheet("QListView { background: #8a8f98; }")
        self.view.setModel(self.model)
        self._apply_icon_size()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def _page_label(self, page: int, pages: int) -> str:
        return self.tr("Page %1 of %2").replace("%1", str(page)).replace("%2", str(pages))

    def _set_ready(self, ready: bool) -> None:
        for button in (self.print_button, self.save_button, self.zoom_in_button,
                       self.zoom_out_button):
            button.setEnabled(ready)

    # -- loading ---------------------------------------------------------------------
    def language(self) -> str:
        return str(self.language_box.currentData())

    def load(self) -> None:
        """Make the document on the worker, in the chosen language, then show its pages."""
        factory, language = self._factory, self.language()
        self._ctx.runner.run(lambda: inspect(factory(language)), on_done=self._loaded,
                             on_error=self._failed)

    def _language_changed(self) -> None:
        self.info = None
        self.model.set_document(None)
        self._set_ready(False)
        self.status.setText(self.tr("Preparing the document…"))
        self.load()

    def _loaded(self, info: PdfInfo) -> None:
        self.info = info
        self.model.set_document(info)
        self._apply_icon_size()
        self._set_ready(info.pages > 0)
        self.status.setText(self.tr("Pages: %1").replace("%1", str(info.pages)))

    def _failed(self, error: GoLiveError) -> None:
        self.status.setText(describe(error))
        self._ctx.prompter.error(self, self.tr("Cannot print"), describe(error))

    # -- zoom --------------------------------------------------------------------------
    def zoom(self, step: int) -> None:
        self._zoom = max(0, min(len(ZOOM_DPI) - 1, self._zoom + step))
        self.model.set_dpi(ZOOM_DPI[self._zoom])
        self._apply_icon_size()

    def _apply_icon_size(self) -> None:
        size = self.model.page_size()
        self.view.setIconSize(size if not size.isEmpty() else QSize(420, 595))
        self.view.centre()

    # -- save and print --------------------------------------------------------------
    def save_as(self) -> None:
        if self.info is None:
            return
        path = self._ctx.prompter.save_file(self, self.tr("Save as PDF"), self._suggested,
                                            self.tr("PDF documents (*.pdf)"))
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        data = self.info.data
        self._ctx.runner.run(lambda: write_file(path, data),
                             on_done=lambda _: self._saved(path), on_error=self._save_failed)

    def _saved(self, path: Path) -> None:
        self.saved_to = path
        self.status.setText(self.tr("Saved to %1").replace("%1", str(path)))

    def _save_failed(self, error: GoLiveError) -> None:
        self._ctx.prompter.error(self, self.tr("Cannot save the PDF"), describe(error))

    def make_printer(self) -> QPrinter:
        """A printer set up for this document: A4, its orientation, the whole sheet."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        landscape = self.info is not None and self.info.landscape
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                                   else QPageLayout.Orientation.Portrait)
        printer.setFullPage(True)  # the PDF has its own margins
        printer.setDocName(self.windowTitle())
        if self.info is not None:
            printer.setFromTo(1, self.info.pages)
        return printer

    def choose_printer(self) -> None:
        if self.info is None:
            return
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setMinMax(1, self.info.pages)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Print on ``printer`` from the worker (rasterising pages takes a while)."""
        if self.info is None:
            return
        data = self.info.data
        self._set_ready(False)
        self.status.setText(self.tr("Printing…"))
        self._printer = printer  # kept alive until the worker is done with it
        self._ctx.runner.run(lambda: print_pdf(data, printer), on_done=self._printed)

    def _printed(self, pages: int) -> None:
        self._printer = None
        self._set_ready(True)
        self.printed_pages = pages
        if pages:
            self.status.setText(self.tr("Pages sent to the printer: %1").replace("%1", str(pages)))
        else:
            self.status.setText("")
            self._ctx.prompter.error(self, self.tr("Cannot print"),
                                     self.tr("The printer could not be started. Check that it "
                                             "is switched on and connected, then try again."))

    def done(self, result: int) -> None:
        # Drop pixmaps at once rather than when Python collects the dialog.
        self.model.set_document(None)
        super().done(result)

