"""The ratings table's model: the ratings of the selected skill, oldest first."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QCoreApplication

from revmentor_desktop.data import commands
from revmentor_desktop.data.commands import Edit
from revmentor_desktop.data.vocab import RatedBy, Role
from revmentor_desktop.report.text import day_text
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.skills.labels import HIDDEN_SESSION, rater_label
from revmentor_desktop.ui.skills.rows import RatingRow
from revmentor_desktop.ui.skills.sessions import SessionListModel
from revmentor_desktop.ui.skills.table_model import EditableRows
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import plain_tooltip


class RatingTableModel(EditableRows[RatingRow]):
    """The ratings of one skill, oldest first."""

    DATE, LEVEL, BY, NOTE, SESSION = range(5)
    HEADERS = (QT_TRANSLATE_NOOP("RatingTableModel", "Date"), QT_TRANSLATE_NOOP("RatingTableModel", "Level"),
               QT_TRANSLATE_NOOP("RatingTableModel", "Rated by"), QT_TRANSLATE_NOOP("RatingTableModel", "Note"),
               QT_TRANSLATE_NOOP("RatingTableModel", "From session"))
    FIELDS: ClassVar[dict[int, str]] = {
        DATE: "rated_on", LEVEL: "level", BY: "rated_by", NOTE: "note", SESSION: "entry_id"}
    LABELS: ClassVar[dict[int, str]] = {
        DATE: QT_TRANSLATE_NOOP("RatingTableModel", "Change Rating Date"),
        LEVEL: QT_TRANSLATE_NOOP("RatingTableModel", "Change Rating Level"),
        BY: QT_TRANSLATE_NOOP("RatingTableModel", "Change Who Rated"),
        NOTE: QT_TRANSLATE_NOOP("RatingTableModel", "Edit Rating Note"),
        SESSION: QT_TRANSLATE_NOOP("RatingTableModel", "Change Rating Session")}
    CENTRED_COLUMNS = frozenset({LEVEL})

    def __init__(self, doc: Document, sessions: SessionListModel) -> None:
        super().__init__(doc)
        self.skill_owner = Role.MENTEE.value
        self.sessions = sessions
        sessions.modelReset.connect(self.refresh_all)

    def set_rows(self, rows: list[RatingRow], skill_owner: str) -> None:
        owner_changed = skill_owner != self.skill_owner
        self.skill_owner = skill_owner
        self._set_rows(rows)
        if owner_changed:
            self.refresh_all()

    def rating_at(self, row: int) -> RatingRow | None:
        return self.at(row)

    def _update(self, row_id: int, label: str, values: dict[str, object]) -> Edit:
        return commands.update_rating(row_id, label, **values)

    def session_text(self, entry_id: int | None) -> str:
        if entry_id is None or not self.sessions.loaded:
            return ""
        label = self.sessions.label(entry_id)
        if label is not None:
            return label
        # Not in the list: only a private session hidden in screen-share mode is missing from it.
        return QCoreApplication.translate("SkillsTab", HIDDEN_SESSION) if self._doc.hide_private else ""

    def _text(self, r: RatingRow, col: int) -> str:
        if col == self.DATE:
            return day_text(r.rated_on)
        if col == self.LEVEL:
            return str(r.level)
        if col == self.BY:
            return self.tr("Self") if r.rated_by == RatedBy.SELF else self.tr("Partner")
        if col == self.NOTE:
            return r.note
        return self.session_text(r.entry_id)

    def _tooltip(self, r: RatingRow, col: int) -> str | None:
        if col == self.BY:
            return plain_tooltip(rater_label(self.skill_owner, r.rated_by, self.names))
        if col == self.NOTE:
            return plain_tooltip(r.note) if r.note else None
        if col == self.SESSION:
            text = self.session_text(r.entry_id)
            return plain_tooltip(text) if text else None
        return None
