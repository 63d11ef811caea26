"""The Skills tab's upper left: the skills table, with Add Skill and Delete Skill under it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QTableView, QVBoxLayout, QWidget

from revmentor_desktop.ui.skills.delegates import EditorChoices, SkillDelegate
from revmentor_desktop.ui.skills.labels import gap_text
from revmentor_desktop.ui.skills.rows import SkillRow
from revmentor_desktop.ui.skills.skill_table import SkillTableModel
from revmentor_desktop.ui.skills.views import (
    button_row,
    push_button,
    size_columns,
    table_view,
    text_width,
)
from revmentor_desktop.ui.widgets import heading, muted_label


class SkillsPane(QWidget):
    """Every skill of both partners, one of them current (its ratings show below)."""

    def __init__(self, model: SkillTableModel, choices: EditorChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        self.heading = heading(self.tr("Skills"), self)
        layout.addWidget(self.heading)
        self.view = self._build_view(choices)
        layout.addWidget(self.view, 1)
        self.add_button = push_button(self.tr("&Add Skill"), self.tr("Add skill"),
                                      self.tr("Add a skill, then type its name (Ctrl+N)"), self)
        self.delete_button = push_button(self.tr("Delete Skill"), self.tr("Delete skill"),
                                         self.tr("Delete the selected skill with its ratings (Delete); "
                                                 "Undo brings them back"), self)
        self.hint = muted_label(self.tr("Double-click a cell (or press F2) to change it."), self)
        layout.addLayout(button_row(self.add_button, self.delete_button, then=self.hint))

    def _build_view(self, choices: EditorChoices) -> QTableView:
        view = table_view(self, self.tr("Skills"))
        view.setModel(self.model)
        view.setItemDelegate(SkillDelegate(choices, view))
        m = SkillTableModel
        size_columns(view, {
            m.NAME: "Stakeholder managem", m.WHOSE: "Morgan Hale", m.FOCUS: "Technology ado",
            m.TARGET: "Target", m.SELF: "Latest", m.PARTNER: "partner",
            m.GAP: gap_text(2, 4),
        })
        view.setMinimumHeight(140)
        self._fitted: dict[int, int] = {}
        return view

    def fit_columns(self, rows: Sequence[SkillRow]) -> None:
        """Columns of words as wide as their longest text in `rows` (every skill, not only those
        shown, so a filter does not move them), so the words are read; the tooltip has the whole
        of a very long one. A width the user dragged stays until the texts change."""
        m, view = SkillTableModel, self.view
        for col in range(len(m.HEADERS)):
            texts = [self.model.cell_text(row, col) for row in rows]
            width = text_width(view, col, texts, icon=col == m.GAP)
            if self._fitted.get(col) != width:
                self._fitted[col] = width
                view.setColumnWidth(col, width)

    def show_count(self, shown: int, of: int) -> None:
        """Say when the filters hide some of the skills."""
        if shown == of:
            self.heading.setText(self.tr("Skills"))
        else:
            self.heading.setText(self.tr("Skills ({shown} of {total} shown)").format(shown=shown, total=of))

    def current(self) -> SkillRow | None:
        idx = self.view.currentIndex()
        return self.model.skill_at(idx.row()) if idx.isValid() else None

    def current_row(self) -> int:
        return self.view.currentIndex().row()

    def go_to_row(self, row: int) -> None:
        """Make `row` current (its ratings show) and scroll to it; nothing if there is no such row."""
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, SkillTableModel.NAME)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def select(self, skill_id: int) -> bool:
        """Make the skill current and selected; False when it is not in the table."""
        row = self.model.row_of(skill_id)
        if row < 0:
            return False
        if self.current_row() != row:
            self.go_to_row(row)
        else:
            self.view.selectRow(row)
        return True

    def set_editable(self, writable: bool) -> None:
        self.add_button.setEnabled(writable)
        self.hint.setVisible(writable)  # how to edit, where nothing can be
        self.delete_button.setEnabled(writable and self.current() is not None)
