"""File > Restore from Backup…: the partnership's backups, newest first, and restoring one."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data import backup
from revmentor_desktop.report.text import moment_text
from revmentor_desktop.ui import paths
from revmentor_desktop.ui.tables import Index, RowsTableModel
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import PLAIN

#: Why a backup was taken (the reason stored with it), in words (translated where shown).
REASONS = {"open": QT_TRANSLATE_NOOP("BackupModel", "when opened"),
           "auto": QT_TRANSLATE_NOOP("BackupModel", "while editing"),
           "close": QT_TRANSLATE_NOOP("BackupModel", "when closed"),
           "before-upgrade": QT_TRANSLATE_NOOP("BackupModel", "before upgrading"),
           "before-restore": QT_TRANSLATE_NOOP("BackupModel", "before a restore"),
           "manual": QT_TRANSLATE_NOOP("BackupModel", "by hand"),
           "restored": QT_TRANSLATE_NOOP("BackupModel", "just after a restore")}
#: A size in each unit (translated where shown).
SIZES = (QT_TRANSLATE_NOOP("BackupModel", "{size} bytes"), QT_TRANSLATE_NOOP("BackupModel", "{size} KB"),
         QT_TRANSLATE_NOOP("BackupModel", "{size} MB"), QT_TRANSLATE_NOOP("BackupModel", "{size} GB"))


# Where backups live is in ui.paths (opening a file needs it without this module's dialog).
backups_root = paths.backups_root
folder_for = paths.backup_folder_for


def human_size(n: int) -> str:
    for i, unit in enumerate(SIZES):
        if n < 1024 or i == len(SIZES) - 1:
            size = f"{n:.0f}" if i == 0 else f"{n:.1f}"
            return QCoreApplication.translate("BackupModel", unit).format(size=size)
        n /= 1024  # type: ignore[assignment]
    return str(n)


class BackupModel(RowsTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("BackupModel", "Taken"), QT_TRANSLATE_NOOP("BackupModel", "Why"),
               QT_TRANSLATE_NOOP("BackupModel", "Size"), QT_TRANSLATE_NOOP("BackupModel", "Goals"),
               QT_TRANSLATE_NOOP("BackupModel", "Sessions"))

    def __init__(self, backups: list[backup.BackupInfo]) -> None:
        super().__init__()
        self._rows = backups
        self._counts: dict[Path, tuple[int, int] | None] = {}

    def backup_at(self, row: int) -> backup.BackupInfo | None:
        found: backup.BackupInfo | None = self.row_at(row)
        return found

    def _counts_of(self, b: backup.BackupInfo) -> tuple[int, int] | None:
        if b.path not in self._counts:
            try:
                self._counts[b.path] = b.counts()
            except Exception:  # noqa: BLE001 - a backup we cannot read shows "?" and stays listed
                self._counts[b.path] = None
        return self._counts[b.path]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        b = self._rows[index.row()]
        col = index.column()
        if col == 0:
            return moment_text(b.taken_at.replace(tzinfo=UTC))
        if col == 1:
            return self.tr(REASONS[b.reason]) if b.reason in REASONS else b.reason
        if col == 2:
            return human_size(b.size)
        counts = self._counts_of(b)
        if counts is None:
            return "?"
        return str(counts[0] if col == 3 else counts[1])


class RestoreDialog(QDialog):
    def __init__(self, partnership: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from Backup"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        folder = folder_for(partnership)
        self.backups = backup.list_backups(folder)
        intro = QLabel(
            (self.tr("Backups of “{name}”, newest first. Restoring replaces the partnership with "
                     "the chosen backup; its current state is backed up first, so you can come back "
                     "to it.")
             if self.backups else
             self.tr("There are no backups of “{name}” yet. RevMentor makes one when you open a "
                     "file that changed, and every 30 minutes while you edit.")).format(name=partnership.name),
            self)
        intro.setWordWrap(True)
        intro.setTextFormat(PLAIN)
        layout.addWidget(intro)
        self.model = BackupModel(self.backups)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.doubleClicked.connect(lambda _i: self.accept())
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Restore"))
        self.ok.setEnabled(bool(self.backups))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.backups:
            self.table.selectRow(0)
            self.table.setFocus()

    def chosen(self) -> backup.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup_at(rows[0].row()) if rows else None
