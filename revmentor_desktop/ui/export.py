"""File > Export PDF Summary…: choose sections, dates and page size, then write the PDF off the UI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data.files import refuse_overwriting
from revmentor_desktop.errors import KnownError
from revmentor_desktop.report import summary as sm
from revmentor_desktop.ui import dialogs, paths
from revmentor_desktop.ui.controls import ComboBox
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import OptionalDateEdit, problem_label, wrapped_label

SCOPE_RECENT, SCOPE_ALL, SCOPE_RANGE = "recent", "all", "range"


#: The sections as the dialog names them (translated where shown, in the dialog's context).
SECTION_TITLES = {
    sm.SECTION_OVERVIEW: QT_TRANSLATE_NOOP("ExportDialog", "Overview & agreement"),
    sm.SECTION_GOALS: QT_TRANSLATE_NOOP("ExportDialog", "Goals"),
    sm.SECTION_SWOT: QT_TRANSLATE_NOOP("ExportDialog", "SWOT"),
    sm.SECTION_SKILLS: QT_TRANSLATE_NOOP("ExportDialog", "Skills"),
    sm.SECTION_JOURNAL: QT_TRANSLATE_NOOP("ExportDialog", "Journal highlights"),
    sm.SECTION_ACTIONS: QT_TRANSLATE_NOOP("ExportDialog", "Open action items"),
    sm.SECTION_CHECK_INS: QT_TRANSLATE_NOOP("ExportDialog", "Check-ins"),
    sm.SECTION_REVIEW: QT_TRANSLATE_NOOP("ExportDialog", "Reviews"),
}


class ExportDialog(QDialog):
    """The choices for one export; the last ones are remembered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export PDF Summary"))
        layout = QVBoxLayout(self)
        intro = wrapped_label(self.tr("A summary to share with your partner or a sponsor. Private "
                                      "goals and entries are never included."), self)
        layout.addWidget(intro)

        box = QGroupBox(self.tr("Sections"), self)
        box_layout = QVBoxLayout(box)
        self.section_boxes: dict[str, QCheckBox] = {}
        for name in sm.ALL_SECTIONS:
            check = QCheckBox(self.tr(SECTION_TITLES[name]).replace("&", "&&"), box)
            check.setChecked(True)
            self.section_boxes[name] = check
            box_layout.addWidget(check)
        presets = QHBoxLayout()
        self.everything_button = QPushButton(self.tr("&Everything"), box)
        self.everything_button.clicked.connect(lambda: self.choose_sections(sm.ALL_SECTIONS))
        self.review_only_button = QPushButton(self.tr("&Review Only"), box)
        self.review_only_button.setToolTip(self.tr("Just the latest review: what to send each other "
                                                   "after the mid-point or closing review."))
        self.review_only_button.clicked.connect(lambda: self.choose_sections((sm.SECTION_REVIEW,)))
        presets.addWidget(self.everything_button)
        presets.addWidget(self.review_only_button)
        presets.addStretch(1)
        box_layout.addLayout(presets)
        layout.addWidget(box)

        form = QFormLayout()
        self.journal_scope = ComboBox(self)
        self.journal_scope.addItem(self.tr("The {n} most recent").format(n=sm.RECENT_SESSIONS),
                                   SCOPE_RECENT)
        self.journal_scope.addItem(self.tr("All sessions"), SCOPE_ALL)
        self.journal_scope.addItem(self.tr("Between dates"), SCOPE_RANGE)
        self.journal_scope.setAccessibleName(self.tr("Sessions in the journal highlights"))
        form.addRow(self.tr("Se&ssions:"), self.journal_scope)
        self.journal_from = OptionalDateEdit(self.tr("From"), self)
        self.journal_to = OptionalDateEdit(self.tr("Until"), self)
        self.journal_from.setAccessibleName(self.tr("Journal from"))
        self.journal_to.setAccessibleName(self.tr("Journal until"))
        dates = QHBoxLayout()  # one row: "Dates: ☐ From [day]  ☐ Until [day]"
        for half in (self.journal_from, self.journal_to):
            dates.addWidget(half, 1)
        form.addRow(self.tr("Dates:"), dates)
        self.journal_scope.currentIndexChanged.connect(self._scope_changed)
        self.page_size = ComboBox(self)
        self.page_size.addItem(self.tr("A4"), "A4")
        self.page_size.addItem(self.tr("Letter"), "Letter")
        self.page_size.setAccessibleName(self.tr("Page size"))
        form.addRow(self.tr("Page &size:"), self.page_size)
        layout.addLayout(form)
        self.problem = problem_label(self)
        layout.addWidget(self.problem)
        self.section_boxes[sm.SECTION_JOURNAL].toggled.connect(self._journal_toggled)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._restore()

    def _journal_toggled(self, on: bool) -> None:
        self.journal_scope.setEnabled(on)
        self._scope_changed()

    def _scope_changed(self) -> None:
        ranged = (self.journal_scope.isEnabled()
                  and self.journal_scope.currentData() == SCOPE_RANGE)
        self.journal_from.setEnabled(ranged)
        self.journal_to.setEnabled(ranged)

    def _restore(self) -> None:
        from revmentor_desktop.report.pdf import page_size_for_locale

        s = paths.settings()
        chosen = s.value("export/sections")
        if isinstance(chosen, str):
            chosen = [chosen] if chosen else []
        if isinstance(chosen, list):
            for name, check in self.section_boxes.items():
                check.setChecked(name in chosen)
        scope = s.value("export/journalScope") or SCOPE_RECENT
        self.journal_scope.setCurrentIndex(max(0, self.journal_scope.findData(scope)))
        size = s.value("export/pageSize") or page_size_for_locale()
        self.page_size.setCurrentIndex(max(0, self.page_size.findData(size)))
        for key, widget in (("export/journalFrom", self.journal_from), ("export/journalTo", self.journal_to)):
            value = s.value(key)
            try:
                widget.set_value(date.fromisoformat(value) if isinstance(value, str) and value else None)
            except ValueError:
                widget.set_value(None)
        self._scope_changed()

    def remember(self) -> None:
        s = paths.settings()
        s.setValue("export/sections", self.sections())
        s.setValue("export/pageSize", self.page_size.currentData())
        s.setValue("export/journalScope", self.journal_scope.currentData())
        for key, widget in (("export/journalFrom", self.journal_from), ("export/journalTo", self.journal_to)):
            value = widget.value()
            s.setValue(key, value.isoformat() if value else "")
        s.sync()

    def choose_sections(self, names: tuple[str, ...]) -> None:
        for name, check in self.section_boxes.items():
            check.setChecked(name in names)

    def sections(self) -> list[str]:
        return [name for name, check in self.section_boxes.items() if check.isChecked()]

    def options(self) -> sm.ExportOptions:
        scope = self.journal_scope.currentData()
        ranged = scope == SCOPE_RANGE
        return sm.ExportOptions(
            sections=tuple(self.sections()),
            journal_from=self.journal_from.value() if ranged else None,
            journal_to=self.journal_to.value() if ranged else None,
            journal_latest=sm.RECENT_SESSIONS if scope == SCOPE_RECENT else None,
            page_size=str(self.page_size.currentData()),
        )

    def accept(self) -> None:
        if not self.sections():
            self.problem.setText(self.tr("Choose at least one section."))
            return
        start, end = self.journal_from.value(), self.journal_to.value()
        if self.journal_scope.currentData() == SCOPE_RANGE and not (start or end):
            self.problem.setText(self.tr("Tick From or To (or both) to choose the sessions' dates."))
            return
        if start and end and end < start:
            self.problem.setText(self.tr("The journal's end date is before its start date."))
            return
        self.remember()
        super().accept()


class Exporter(QObject):
    """Writes one export at a time and reports back to the window.

    The PDF is drawn on the GUI thread, page by page, with the window repainting between pages (a
    progress bar in the status bar; clicks and keys wait). It used to be drawn on a worker thread,
    and that could deadlock: PySide keeps the GIL inside some Qt calls (QTextDocument's layout), so
    a worker waiting there for a Qt lock the GUI thread held, while the GUI thread waited for the
    GIL, froze both for good. A few seconds of a busy window are better than a hang.
    """

    done = Signal(object, int)  # target path, pages
    busy_changed = Signal(bool)

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.busy = False
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(180)
        self.progress.setTextVisible(False)
        self.progress.hide()

    def start(self) -> None:
        doc = self.window.doc
        if doc is None or self.busy:
            return
        dialog = ExportDialog(self.window)
        if not dialog.exec():
            return
        options = dialog.options()
        self.window.flush()
        summary = sm.build_summary(doc.store, options)  # quick queries; the slow part is drawing
        suggested = export_folder() / suggested_name(summary)
        target = dialogs.service.save_path(self.window, self.tr("Export PDF Summary"), suggested,
                                           self.tr("PDF document (*.pdf)"))
        if target is None:
            return
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:  # (a hard link of the partnership named "….pdf")
            refuse_overwriting(target, doc.store.shown_path,
                               self.tr("The PDF cannot overwrite the partnership file."))
        except KnownError as exc:
            dialogs.service.error(self.window, self.tr("Export Failed"), exc)
            return
        paths.settings().setValue("export/folder", str(target.parent))
        self.run(summary, target)

    def run(self, summary: sm.Summary, target: Path) -> None:
        from revmentor_desktop.report.pdf import write_pdf

        self.busy = True
        self.progress.setRange(0, 0)
        self.progress.show()
        self.window.statusBar().showMessage(self.tr("Exporting {name}…").format(name=target.name))
        self.busy_changed.emit(True)
        try:
            pages = write_pdf(summary, target, self._progress)
        except KnownError as exc:
            self._stop()
            self.window.statusBar().clearMessage()
            dialogs.service.error(self.window, self.tr("Export Failed"), exc)
            return
        except BaseException:
            self._stop()
            self.window.statusBar().clearMessage()
            raise  # a bug: the exception hook logs it and shows "Copy Details"
        self._stop()
        self._finished(target, pages)

    def _progress(self, n: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(n)
        # Let the window repaint between pages; clicks and keys wait until the PDF is written.
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def _stop(self) -> None:
        self.busy = False
        self.progress.hide()
        self.busy_changed.emit(False)

    def _finished(self, target: Path, pages: int) -> None:
        self.window.statusBar().showMessage(
            self.tr("Exported {n} pages to {path}").format(n=pages, path=target), 8000)
        self.done.emit(target, pages)
        written = (self.tr("The summary (1 page) was written to {path}.") if pages == 1
                   else self.tr("The summary ({n} pages) was written to {path}."))
        choice = dialogs.service.inform(
            self.window, self.tr("PDF Summary Exported"), written.format(n=pages, path=target),
            [self.tr("Open"), self.tr("Show in Folder")])
        if choice == 0:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        elif choice == 1:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target.parent)))


def export_folder() -> Path:
    """Where the save dialog starts: the folder used last, else Documents (else home)."""
    from PySide6.QtCore import QStandardPaths

    last = paths.settings().value("export/folder")
    if isinstance(last, str) and last and Path(last).is_dir():
        return Path(last)
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs and Path(docs).is_dir() else Path.home()


def suggested_name(summary: sm.Summary) -> str:
    """"Dana Lee & Morgan Hale — summary 2026-11-30.pdf": who, what and when, safe on any disk."""
    names = f"{summary.mentor_name} & {summary.mentee_name}"
    safe = "".join(c if c.isprintable() and c not in '\\/:*?"<>|' else " " for c in names)
    safe = " ".join(safe.split())[:80].strip(" .") or QCoreApplication.translate("Export", "Partnership")
    return QCoreApplication.translate("Export", "{names} — summary {day}.pdf").format(
        names=safe, day=summary.generated_on.isoformat())
