"""The skills table's model: every skill of both partners, with their latest levels and any gap."""

from __future__ import annotations

from functools import cache
from typing import ClassVar

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainterPath

from revmentor_desktop.data import commands
from revmentor_desktop.data.commands import Edit
from revmentor_desktop.data.compute import GAP_THRESHOLD
from revmentor_desktop.ui.icons import canvas
from revmentor_desktop.ui.skills.labels import (
    gap_text,
    other,
    role_title,
    role_word,
)
from revmentor_desktop.ui.skills.rows import SkillRow
from revmentor_desktop.ui.skills.table_model import EditableRows
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import plain_tooltip


@cache
def gap_icon() -> QIcon:
    """Two speech bubbles: the partners see a skill differently (always shown with text as well)."""
    pixmap, p = canvas()
    p.setPen(Qt.PenStyle.NoPen)
    for rect, tail, colour in ((QRectF(1, 3, 20, 15), (5, 17, 4, 24, 11, 17), "#0072B2"),
                               (QRectF(11, 12, 20, 15), (26, 26, 28, 31, 20, 26), "#D55E00")):
        path = QPainterPath()
        path.addRoundedRect(rect, 5, 5)
        tail_path = QPainterPath()
        tail_path.moveTo(tail[0], tail[1])
        tail_path.lineTo(tail[2], tail[3])
        tail_path.lineTo(tail[4], tail[5])
        tail_path.closeSubpath()
        p.setBrush(QColor(colour))
        p.drawPath(path.united(tail_path))
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(QRectF(19.6, 14.5, 2.8, 7.5), 1.4, 1.4)
    p.drawEllipse(QPointF(21, 24.3), 1.6, 1.6)
    p.end()
    return QIcon(pixmap)


class SkillTableModel(EditableRows[SkillRow]):
    """Every skill of both partners, with the latest self and partner levels and any gap."""

    NAME, WHOSE, FOCUS, TARGET, SELF, PARTNER, GAP = range(7)
    #: (Two short lines keep the narrow number columns narrow.)
    HEADERS = (QT_TRANSLATE_NOOP("SkillTableModel", "Skill"), QT_TRANSLATE_NOOP("SkillTableModel", "Whose"),
               QT_TRANSLATE_NOOP("SkillTableModel", "Focus area"), QT_TRANSLATE_NOOP("SkillTableModel", "Target"),
               QT_TRANSLATE_NOOP("SkillTableModel", "Latest\nself"),
               QT_TRANSLATE_NOOP("SkillTableModel", "Latest\npartner"), QT_TRANSLATE_NOOP("SkillTableModel", "Gap"))
    FIELDS: ClassVar[dict[int, str]] = {NAME: "name", WHOSE: "owner", FOCUS: "focus_area", TARGET: "target_level"}
    LABELS: ClassVar[dict[int, str]] = {
        NAME: QT_TRANSLATE_NOOP("SkillTableModel", "Rename Skill"),
        WHOSE: QT_TRANSLATE_NOOP("SkillTableModel", "Change Whose Skill"),
        FOCUS: QT_TRANSLATE_NOOP("SkillTableModel", "Change Focus Area"),
        TARGET: QT_TRANSLATE_NOOP("SkillTableModel", "Change Target Level")}
    CENTRED_COLUMNS = frozenset({TARGET, SELF, PARTNER})

    def set_rows(self, rows: list[SkillRow]) -> None:
        self._set_rows(rows)

    def skill_at(self, row: int) -> SkillRow | None:
        return self.at(row)

    def cell_text(self, row: SkillRow, col: int) -> str:
        """What column `col` shows for `row` (whether or not the row is in the table)."""
        return self._text(row, col)

    def _update(self, row_id: int, label: str, values: dict[str, object]) -> Edit:
        return commands.update_skill(row_id, label, **values)

    def _header_tip(self, section: int) -> str | None:
        if section == self.TARGET:
            return self.tr("The level (1–5) this person is aiming for")
        if section == self.SELF:
            return self.tr("The latest level this person gave themselves")
        if section == self.PARTNER:
            return self.tr("The latest level their partner gave them")
        if section == self.GAP:
            return self.tr("Latest self and partner levels {n} or more apart").format(n=GAP_THRESHOLD)
        return None

    def _icon(self, s: SkillRow, col: int) -> QIcon | None:
        return gap_icon() if col == self.GAP and s.gap else None

    def _tooltip(self, s: SkillRow, col: int) -> str | None:
        if col == self.GAP and s.gap:
            return plain_tooltip(self.tr("{owner} rates this {self_level}, {partner} rates it {partner_level}: "
                                         "worth talking about in your next session.").format(
                owner=self.names.get(s.owner, ""), self_level=s.latest_self,
                partner=self.names.get(other(s.owner), ""), partner_level=s.latest_partner))
        if col == self.NAME:
            return plain_tooltip(s.name)
        if col == self.WHOSE:
            return plain_tooltip(self.tr("{name}'s skill ({role})").format(
                name=self.names.get(s.owner, ""), role=role_word(s.owner)))
        if col == self.FOCUS:
            return plain_tooltip(s.focus_area) if s.focus_area else None
        return None

    def _text(self, s: SkillRow, col: int) -> str:
        if col == self.NAME:
            return s.name
        if col == self.WHOSE:
            return self.names.get(s.owner) or role_title(s.owner)
        if col == self.FOCUS:
            return s.focus_area
        if col == self.TARGET:
            return str(s.target_level)
        if col == self.SELF:
            return "—" if s.latest_self is None else str(s.latest_self)
        if col == self.PARTNER:
            return "—" if s.latest_partner is None else str(s.latest_partner)
        if col == self.GAP and s.gap and s.latest_self is not None and s.latest_partner is not None:
            return gap_text(s.latest_self, s.latest_partner)
        return ""
