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
from revmentor_desktop.ui.skills.labels import gap_text, other
from revmentor_desktop.ui.skills.rows import SkillRow
from revmentor_desktop.ui.skills.table_model import EditableRows
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
    HEADERS = ("Skill", "Whose", "Focus area", "Target", "Latest self", "Latest partner", "Gap")
    FIELDS: ClassVar[dict[int, str]] = {NAME: "name", WHOSE: "owner", FOCUS: "focus_area", TARGET: "target_level"}
    LABELS: ClassVar[dict[int, str]] = {
        NAME: "Rename Skill", WHOSE: "Change Whose Skill", FOCUS: "Change Focus Area",
        TARGET: "Change Target Level"}
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
        return {
            self.TARGET: "The level (1–5) this person is aiming for",
            self.SELF: "The latest level this person gave themselves",
            self.PARTNER: "The latest level their partner gave them",
            self.GAP: f"Latest self and partner levels {GAP_THRESHOLD} or more apart",
        }.get(section)

    def _icon(self, s: SkillRow, col: int) -> QIcon | None:
        return gap_icon() if col == self.GAP and s.gap else None

    def _tooltip(self, s: SkillRow, col: int) -> str | None:
        if col == self.GAP and s.gap:
            return plain_tooltip(f"{self.names.get(s.owner, '')} rates this {s.latest_self}, "
                                 f"{self.names.get(other(s.owner), '')} rates it "
                                 f"{s.latest_partner}: worth talking about in your next session.")
        if col == self.NAME:
            return plain_tooltip(s.name)
        if col == self.WHOSE:
            return plain_tooltip(f"{self.names.get(s.owner, '')}'s skill ({s.owner})")
        if col == self.FOCUS:
            return plain_tooltip(s.focus_area) if s.focus_area else None
        return None

    def _text(self, s: SkillRow, col: int) -> str:
        if col == self.NAME:
            return s.name
        if col == self.WHOSE:
            return self.names.get(s.owner) or str(s.owner).capitalize()
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
