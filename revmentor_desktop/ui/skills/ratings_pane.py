"""The Skills tab's lower left: the selected skill's ratings, and the form that adds a rating."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data.vocab import RatedBy, Role
from revmentor_desktop.ui.controls import ComboBox, SpinBox
from revmentor_desktop.ui.skills.delegates import EditorChoices, RatingDelegate
from revmentor_desktop.ui.skills.labels import LEVELS, rater_label
from revmentor_desktop.ui.skills.rating_table import RatingTableModel
from revmentor_desktop.ui.skills.rows import SkillRow
from revmentor_desktop.ui.skills.views import (
    button_row,
    push_button,
    size_columns,
    table_view,
)
from revmentor_desktop.ui.widgets import FlowLayout, from_qdate, heading, labelled, make_date_edit

if TYPE_CHECKING:
    from revmentor_desktop.data.reads import EntrySummary


class RatingsPane(QWidget):
    """The ratings of one skill, oldest first; below them a new rating's date, level, rater, note
    and session, and Add Rating."""

    def __init__(self, model: RatingTableModel, choices: EditorChoices,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.sessions = model.sessions
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.heading = heading("", self)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.view = self._build_view(choices)
        layout.addWidget(self.view, 1)
        layout.addLayout(self._build_form())
        self.add_button = push_button(self.tr("Add &Rating"), self.tr("Add rating"),
                                      self.tr("Add a rating of the selected skill with the values above"), self)
        self.delete_button = push_button(self.tr("Delete Rating"), self.tr("Delete rating"),
                                         self.tr("Delete the selected rating (Delete while the ratings "
                                                 "have focus); Undo brings it back"), self)
        layout.addLayout(button_row(self.add_button, self.delete_button))
        self.rate_date.dateChanged.connect(lambda _d: self.match_session())

    def _build_view(self, choices: EditorChoices) -> QTableView:
        view = table_view(self, self.tr("Ratings of the selected skill"))
        view.setModel(self.model)
        view.setItemDelegate(RatingDelegate(choices, self.model, view))
        # No buddy: a buddy makes "&" in a skill's name a keyboard shortcut.
        r = RatingTableModel
        size_columns(view, {
            r.DATE: "00 May 0000", r.LEVEL: QCoreApplication.translate("RatingTableModel", "Level"),
            r.BY: QCoreApplication.translate("RatingTableModel", "Partner"),
            r.NOTE: "Noticeably more confident.", r.SESSION: "00 May 0000 — Board presentations",
        })
        # Its header and two rows at the least (it grows with the room there is): the form under it
        # and its buttons then fit without scrolling on a 1280×800 screen (2560×1600 at scale 2).
        view.setMinimumHeight(view.horizontalHeader().sizeHint().height()
                              + 2 * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth())
        return view

    def _build_form(self) -> QGridLayout:
        """The new rating: set it up, then Add Rating."""
        form = QGridLayout()
        form.setContentsMargins(0, 4, 0, 0)
        form.setHorizontalSpacing(8)
        form.addLayout(self._build_date_level_rater(), 0, 0, 1, 2)
        self.rate_note = QLineEdit(self)
        self.rate_note.setPlaceholderText(self.tr("Optional: why this level? (Enter adds the rating)"))
        self.rate_note.setAccessibleName(self.tr("Note for the new rating"))
        self.rate_session = ComboBox(self)
        self.rate_session.setModel(self.sessions)
        self.rate_session.setAccessibleName(self.tr("Session the new rating came from"))
        self.rate_session.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.rate_session.setMinimumContentsLength(16)
        self.rate_session.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for row, (caption, field) in enumerate(((self.tr("&Note:"), self.rate_note),
                                                (self.tr("Fro&m session:"), self.rate_session)), start=1):
            label = QLabel(caption, self)
            label.setBuddy(field)
            form.addWidget(label, row, 0)
            form.addWidget(field, row, 1)
        form.setColumnStretch(1, 1)
        return form

    def _build_date_level_rater(self) -> FlowLayout:
        """The short fields, side by side while there is room (they wrap in a narrow pane)."""
        self.rate_date = make_date_edit(self)
        self.rate_date.setAccessibleName(self.tr("Date of the new rating"))
        self.rate_level = SpinBox(self)
        self.rate_level.setRange(LEVELS.start, LEVELS.stop - 1)
        self.rate_level.setValue(3)
        self.rate_level.setAccessibleName(self.tr("Level of the new rating, 1 to 5"))
        self.rate_level.setToolTip(self.tr("1 just starting · 2 getting there · 3 comfortable · "
                                           "4 confident · 5 could teach it"))
        self.rate_by = ComboBox(self)
        self.rate_by.setAccessibleName(self.tr("Who gives the new rating"))
        # As wide as the longest choice ("Partner (Robert Hale)") each time the names change.
        self.rate_by.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        top = FlowLayout(spacing=12)
        top.addWidget(labelled(self.tr("&Date:"), self.rate_date, self))
        top.addWidget(labelled(self.tr("&Level:"), self.rate_level, self))
        top.addWidget(labelled(self.tr("Rated &by:"), self.rate_by, self))
        return top

    # -- what it shows -------------------------------------------------------------------------------

    def show_skill(self, skill: SkillRow | None, has_ratings: bool, names: dict[str, str]) -> None:
        """Say whose ratings these are, and offer that skill's raters in the form."""
        owner = skill.owner if skill is not None else Role.MENTEE.value
        if skill is None:
            self.heading.setText(self.tr("Select a skill to see and add its ratings."))
        elif has_ratings:
            self.heading.setText(self.tr("Ratings of “{skill}” ({name})").format(
                skill=skill.name, name=names.get(owner, "")))
        else:
            self.heading.setText(self.tr("No ratings of “{skill}” yet: choose a level below and press "
                                         "Add Rating.").format(skill=skill.name))
        with QSignalBlocker(self.rate_by):
            by = self.rate_by.currentData() or RatedBy.SELF.value
            self.rate_by.clear()
            for value in (RatedBy.SELF.value, RatedBy.PARTNER.value):
                self.rate_by.addItem(rater_label(owner, value, names), value)
            self.rate_by.setCurrentIndex(max(0, self.rate_by.findData(by)))

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        r = self.model.rating_at(rows[0].row()) if rows else None
        return r.id if r is not None else None

    def select(self, rating_id: int, *, scroll: bool = False) -> None:
        """Select the rating, if it is in the table."""
        row = self.model.row_of(rating_id)
        if row >= 0:
            self.view.selectRow(row)
            if scroll:
                self.view.scrollTo(self.model.index(row, 0))

    def set_editable(self, writable: bool, has_skill: bool) -> None:
        """The form is for a skill that is selected, in a file that can be written."""
        for w in (self.rate_date, self.rate_level, self.rate_by, self.rate_note, self.rate_session,
                  self.add_button):
            w.setEnabled(writable and has_skill)
        self.delete_button.setEnabled(writable and self.selected_id() is not None)

    # -- the new rating ------------------------------------------------------------------------------

    def new_rating(self) -> tuple[date, int, dict[str, object]]:
        """The form's date, level and other values (who rated, the note, the session)."""
        day = from_qdate(self.rate_date.date())
        self.rate_level.interpretText()
        level = self.rate_level.value()
        values: dict[str, object] = {
            "rated_by": self.rate_by.currentData() or RatedBy.SELF.value,
            "note": self.rate_note.text(), "entry_id": self.rate_session.currentData()}
        return day, level, values

    def match_session(self) -> None:
        """A rating dated on a session day most likely came from that session: pick it."""
        day = from_qdate(self.rate_date.date())
        self.rate_session.setCurrentIndex(max(0, self.sessions.row_of(self.sessions.held_on(day))))

    def set_sessions(self, entries: list[EntrySummary]) -> None:
        """Offer these sessions; with none picked yet, the one held on the form's date."""
        if self._keeping_session(lambda: self.sessions.set_entries(entries)) is None:
            self.match_session()

    def drop_private_sessions(self) -> None:
        self._keeping_session(self.sessions.drop_private)

    def _keeping_session(self, change: Callable[[], None]) -> object:
        """Change the list of sessions, keeping the session picked if it is still there; return it."""
        with QSignalBlocker(self.rate_session):
            current = self.rate_session.currentData()
            change()
            self.rate_session.setCurrentIndex(max(0, self.sessions.row_of(current)))
        return current
