"""The SWOT tab: both partners' grids side by side, edited in place, and what moved since a snapshot.

All eight quadrants share one load of the SWOT items (`SwotBoard`); each quadrant is a thin list model
over its slice of it. Drag and drop, the keyboard moves and the context menu all end in one undoable
`move_swot_item`; the `changed` signal then reloads every quadrant, so no view moves rows by itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import pairwise
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QDate,
    QMimeData,
    QModelIndex,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QIcon,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QBoxLayout,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data import commands, compute, ops
from revmentor_desktop.data.commands import Change, Changes
from revmentor_desktop.data.vocab import QUADRANT_LABELS, Quadrant, Role
from revmentor_desktop.report.text import day_text, isolate
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.icons import canvas
from revmentor_desktop.ui.tables import ROOT, Index, RowDiff
from revmentor_desktop.ui.widgets import PLAIN, from_qdate, make_date_edit, problem_label, to_qdate

GRIDS: tuple[str, str] = (Role.MENTOR, Role.MENTEE)
QUADRANTS: tuple[str, ...] = (Quadrant.STRENGTHS, Quadrant.WEAKNESSES, Quadrant.OPPORTUNITIES,
                              Quadrant.THREATS)
ROLE_NAMES: dict[str, str] = {Role.MENTOR: "mentor", Role.MENTEE: "mentee"}

#: Carries the dragged item's id between quadrant models (and nowhere else).
MIME_TYPE = "application/x-revmentor-swot-item"
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole
SHARED_ROLE = Qt.ItemDataRole.UserRole + 1

LEGEND = "= in both grids (same words, ignoring case, punctuation, small words and word order)"

# Quadrants are tinted the same way in both grids. The tints are pale and every text colour on them
# is dark (contrast 7:1 or better), whatever the desktop theme: the grid reads like a sheet of paper.
TEXT = "#1f2328"
MUTED = "#4b5560"
LINK = "#5b3fa6"


@dataclass(frozen=True)
class QuadrantLook:
    tint: str  # the quadrant's background
    base: str  # behind its items
    border: str
    accent: str  # its heading and bullets (dark enough for text)
    selection: str
    subtitle: str
    placeholder: str
    hint: str  # shown in an empty quadrant


LOOKS: dict[str, QuadrantLook] = {
    Quadrant.STRENGTHS: QuadrantLook("#e4f3e8", "#f7fcf8", "#a9d5b6", "#1e6b3c", "#bfe3ca",
                                     "Internal · helps", "Add a strength…",
                                     "What do you do well?\nWhat do people come to you for?"),
    Quadrant.WEAKNESSES: QuadrantLook("#fcefd9", "#fffaf2", "#e8c58c", "#8a4b00", "#f5d9a8",
                                      "Internal · holds back", "Add a weakness…",
                                      "Where could you improve?\nWhat do you tend to avoid?"),
    Quadrant.OPPORTUNITIES: QuadrantLook("#e3ecfa", "#f6f9fe", "#a8c1e8", "#1b4f9c", "#c3d5f3",
                                         "External · could help", "Add an opportunity…",
                                         "What around you could you\nmake the most of?"),
    Quadrant.THREATS: QuadrantLook("#fae4e7", "#fef7f8", "#e5a9b1", "#9b2636", "#f2c4ca",
                                   "External · could harm", "Add a threat…",
                                   "What around you could\nget in your way?"),
}

SINGULAR: dict[str, str] = {Quadrant.STRENGTHS: "Strength", Quadrant.WEAKNESSES: "Weakness",
            Quadrant.OPPORTUNITIES: "Opportunity", Quadrant.THREATS: "Threat"}
MOVE_KEYS: dict[str, str] = {Quadrant.STRENGTHS: "Ctrl+Shift+S", Quadrant.WEAKNESSES: "Ctrl+Shift+W",
             Quadrant.OPPORTUNITIES: "Ctrl+Shift+O", Quadrant.THREATS: "Ctrl+Shift+T"}
OTHER_GRID_KEY = "Ctrl+Shift+G"




def other_grid(grid: str) -> str:
    return Role.MENTEE if grid == Role.MENTOR else Role.MENTOR


# -- icons (drawn in code, on ui/icons.py's canvas) ---------------------------------------------------------


@cache
def shared_icon() -> QIcon:
    """A round badge with two opposed arrows (⇄): the item is in both partners' grids."""
    pixmap, p = canvas()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(LINK))
    p.drawEllipse(QRectF(1, 1, 30, 30))
    pen = QPen(QColor("#ffffff"), 2.6)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    top = QPainterPath()
    top.moveTo(8, 12)
    top.lineTo(24, 12)
    top.moveTo(19.5, 7.5)
    top.lineTo(24, 12)
    top.lineTo(19.5, 16.5)
    bottom = QPainterPath()
    bottom.moveTo(24, 20)
    bottom.lineTo(8, 20)
    bottom.moveTo(12.5, 15.5)
    bottom.lineTo(8, 20)
    bottom.lineTo(12.5, 24.5)
    p.drawPath(top)
    p.drawPath(bottom)
    p.end()
    return QIcon(pixmap)


@cache
def bullet_icon(quadrant: str) -> QIcon:
    """A small dot in the quadrant's colour, so plain items line up with the ⇄ badges."""
    pixmap, p = canvas()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(LOOKS[quadrant].accent))
    p.drawEllipse(QPointF(16, 16), 5, 5)
    p.end()
    return QIcon(pixmap)


# -- the items, loaded once for all eight quadrants ---------------------------------------------------


@dataclass(frozen=True)
class SwotRow:
    id: int
    grid: str
    quadrant: str
    text: str
    twins: tuple[tuple[str, str], ...] = ()  # (text, quadrant) of the same item in the other grid


@dataclass
class SwotBoard:
    """Both grids as the file holds them now, with each item's twins in the other grid."""

    rows: dict[tuple[str, str], list[SwotRow]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=lambda: {g: "" for g in GRIDS})

    def load(self, items: Sequence[Any]) -> None:
        entries = [compute.SwotEntry(it.grid, it.quadrant, it.text) for it in items]
        twins = compute.shared_items(entries)
        self.rows = {(g, q): [] for g in GRIDS for q in QUADRANTS}
        for i, it in enumerate(items):
            found = tuple((entries[j].text, entries[j].quadrant) for j in twins.get(i, []))
            self.rows.setdefault((it.grid, it.quadrant), []).append(
                SwotRow(int(it.id), it.grid, it.quadrant, it.text, found))

    def slice(self, grid: str, quadrant: str) -> list[SwotRow]:
        return self.rows.get((grid, quadrant), [])

    def entries(self) -> list[compute.SwotEntry]:
        return [compute.SwotEntry(r.grid, r.quadrant, r.text) for rows in self.rows.values() for r in rows]

    def find(self, item_id: int) -> tuple[str, str, int] | None:
        """Where an item is now: (grid, quadrant, row)."""
        for (grid, quadrant), rows in self.rows.items():
            for i, r in enumerate(rows):
                if r.id == item_id:
                    return grid, quadrant, i
        return None

    def title(self, grid: str) -> str:
        return f"{self.names.get(grid, '')} — {ROLE_NAMES.get(grid, grid)}"


def move_item(doc: Document, item_id: int, grid: str, quadrant: str, index: int) -> bool:
    """Move an item anywhere in either grid, as one undo step."""
    return doc.run(commands.move_swot_item(item_id, grid, quadrant, index)) is not None


class QuadrantModel(RowDiff, QAbstractListModel):
    """One quadrant of one grid, in order; edits, drags and drops go through the document."""

    def __init__(self, doc: Document, board: SwotBoard, grid: str, quadrant: str) -> None:
        super().__init__()
        self._doc = doc
        self._board = board
        self.grid = grid
        self.quadrant = quadrant
        self._rows: list[SwotRow] = []

    def reload(self) -> None:
        # In place, so an open editor and the selection survive.
        self._set_rows(list(self._board.slice(self.grid, self.quadrant)))

    def id_at(self, row: int) -> int:
        return self._rows[row].id

    def twin_note(self, row: SwotRow) -> str:
        other = self._board.names.get(other_grid(self.grid), "")
        lines = ["⇄ In both grids"]  # a fixed first line keeps Qt from reading the tooltip as HTML
        lines += [f"Also in {other}'s grid: “{text}” ({QUADRANT_LABELS.get(q, q)})"
                  for text, q in row.twins]
        return "\n".join(lines)

    # -- Qt's model interface ----------------------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.text
        if role == Qt.ItemDataRole.DecorationRole:
            return shared_icon() if row.twins else bullet_icon(self.quadrant)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.twin_note(row) if row.twins else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if row.twins:
                other = self._board.names.get(other_grid(self.grid), "")
                return f"{row.text} (also in {other}'s grid)"
            return row.text
        if role == ITEM_ID_ROLE:
            return row.id
        if role == SHARED_ROLE:
            return bool(row.twins)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        writable = not self._doc.read_only
        if not index.isValid():
            # Drops land between items (on the list itself), never onto an item.
            return Qt.ItemFlag.ItemIsDropEnabled if writable else Qt.ItemFlag.NoItemFlags
        flags = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                 | Qt.ItemFlag.ItemNeverHasChildren)
        if writable:
            flags |= Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self._doc.read_only:
            return False
        item_id = self._rows[index.row()].id
        return self._doc.run(commands.update_swot_item(item_id, str(value))) is not None

    # -- drag and drop -------------------------------------------------------------------------------

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = [self._rows[i.row()] for i in indexes if i.isValid() and 0 <= i.row() < len(self._rows)]
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray(",".join(str(r.id) for r in rows).encode("ascii")))
        mime.setText("\n".join(r.text for r in rows))  # dropped into another app: the words
        return mime

    @staticmethod
    def dragged_id(data: QMimeData) -> int | None:
        if data is None or not data.hasFormat(MIME_TYPE):
            return None
        first = bytes(data.data(MIME_TYPE).data()).decode("ascii", "replace").split(",")[0]
        return int(first) if first.isdigit() else None

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        return (not self._doc.read_only and action == Qt.DropAction.MoveAction
                and self.dragged_id(data) is not None)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        """Move the dropped item here (before `row`; at the end when -1), as one undo step.

        Always returns False: the move is done and the `changed` signal reloads every quadrant, so
        the source view must not remove the row it dragged."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        item_id = self.dragged_id(data)
        where = self._board.find(item_id) if item_id is not None else None
        if item_id is None or where is None:
            return False
        if parent.isValid():
            row = parent.row()
        count = len(self._rows)
        if not 0 <= row <= count:
            row = count
        grid, quadrant, old_row = where
        index = row
        if (grid, quadrant) == (self.grid, self.quadrant):
            index = row - 1 if row > old_row else row  # its own place no longer counts
            if index == old_row:
                return False
        move_item(self._doc, item_id, self.grid, self.quadrant, index)
        return False


# -- the widgets -------------------------------------------------------------------------------------


class QuadrantList(QListView):
    """A quadrant's items; when empty it shows a question to get the pair started."""

    def __init__(self, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = hint

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0:
            p = QPainter(self.viewport())
            p.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            font = p.font()
            font.setItalic(True)
            p.setFont(font)
            p.drawText(self.viewport().rect().adjusted(8, 6, -8, -6),
                       Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.hint)
            p.end()


class QuadrantPanel(QWidget):
    """One tinted quadrant: its heading with a count, its items, and a field to add one."""

    def __init__(self, doc: Document, board: SwotBoard, grid: str, quadrant: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = grid
        self.quadrant = quadrant
        self.look = look = LOOKS[quadrant]
        self._board = board
        self.moves: dict[str, QAction] = {}  # its keyboard moves, made by the tab
        self.setPalette(_palette(self.palette(), look))
        self.setAutoFillBackground(False)
        self.setMinimumWidth(200)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.setSpacing(4)
        head = QHBoxLayout()
        head.setSpacing(6)
        self.heading = QLabel(self)
        self.heading.setTextFormat(PLAIN)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        heading_palette = self.heading.palette()
        heading_palette.setColor(QPalette.ColorRole.WindowText, QColor(look.accent))
        self.heading.setPalette(heading_palette)
        self.subtitle = QLabel(look.subtitle, self)
        self.subtitle.setTextFormat(PLAIN)
        small = self.subtitle.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.subtitle.setFont(small)
        sub_palette = self.subtitle.palette()
        sub_palette.setColor(QPalette.ColorRole.WindowText, QColor(MUTED))
        self.subtitle.setPalette(sub_palette)
        head.addWidget(self.heading)
        head.addStretch(1)
        head.addWidget(self.subtitle)
        layout.addLayout(head)

        self.model = QuadrantModel(doc, board, grid, quadrant)
        self.view = QuadrantList(look.hint, self)
        self.view.setModel(self.model)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setSpacing(1)
        self.view.setIconSize(QSize(14, 14))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.setMinimumHeight(84)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.view, 1)

        self.add_edit = QLineEdit(self)
        self.add_edit.setPlaceholderText(look.placeholder)
        self.add_edit.setClearButtonEnabled(True)
        layout.addWidget(self.add_edit)
        escape = QAction(self.add_edit)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        escape.triggered.connect(self.add_edit.clear)
        self.add_edit.addAction(escape)

    @property
    def label(self) -> str:
        return QUADRANT_LABELS[self.quadrant]

    def refresh(self) -> None:
        """After a reload or rename: the count in the heading and the names screen readers hear."""
        self.model.reload()
        self.heading.setText(f"{self.label} ({self.model.rowCount()})")
        owner = self._board.names.get(self.grid, "")
        noun = self.label.lower()
        self.view.setAccessibleName(f"{owner}'s {noun}")
        self.view.setAccessibleDescription(
            f"{self.look.subtitle}. F2 edits, Delete removes, Alt+Up and Alt+Down reorder; "
            "Ctrl+Shift+S, W, O or T moves an item to that quadrant, Ctrl+Shift+G to the other "
            "grid.")
        self.add_edit.setAccessibleName(f"Add to {owner}'s {noun}")

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(self.look.border), 1))
        p.setBrush(QColor(self.look.tint))
        p.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        p.end()


def _palette(base: QPalette, look: QuadrantLook) -> QPalette:
    pal = QPalette(base)
    colours = {
        QPalette.ColorRole.Window: look.tint,
        QPalette.ColorRole.WindowText: TEXT,
        QPalette.ColorRole.Base: look.base,
        QPalette.ColorRole.AlternateBase: look.base,
        QPalette.ColorRole.Text: TEXT,
        QPalette.ColorRole.PlaceholderText: MUTED,
        QPalette.ColorRole.Highlight: look.selection,
        QPalette.ColorRole.HighlightedText: TEXT,
        QPalette.ColorRole.Button: look.base,
        QPalette.ColorRole.ButtonText: TEXT,
        QPalette.ColorRole.ToolTipText: TEXT,
    }
    for role, colour in colours.items():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            pal.setColor(group, role, QColor(colour))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, QColor(look.tint))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(MUTED))
    return pal


class GridPanel(QWidget):
    """One partner's 2×2 grid under their name and role."""

    def __init__(self, doc: Document, board: SwotBoard, grid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = grid
        self._board = board
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.title = QLabel(self)
        self.title.setTextFormat(PLAIN)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        layout.addWidget(self.title)
        cells = QGridLayout()
        cells.setSpacing(8)
        self.quadrants: dict[str, QuadrantPanel] = {}
        for i, q in enumerate(QUADRANTS):
            panel = QuadrantPanel(doc, board, grid, q, self)
            cells.addWidget(panel, i // 2, i % 2)
            self.quadrants[q] = panel
        for i in range(2):
            cells.setRowStretch(i, 1)
            cells.setColumnStretch(i, 1)
        layout.addLayout(cells, 1)

    def refresh(self) -> None:
        self.title.setText(self._board.title(self.grid))
        for panel in self.quadrants.values():
            panel.refresh()


class SnapshotDialog(QDialog):
    """Asks for a snapshot's label and date (the label follows the date until the user edits it)."""

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Save Snapshot")
        today = today or date.today()
        layout = QVBoxLayout(self)
        intro = QLabel("A snapshot keeps both grids as they stand, so you can later compare and see "
                       "what each of you added, dropped or moved.", self)
        intro.setTextFormat(PLAIN)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.label = QLineEdit(self)
        self.label.setAccessibleName("Snapshot label")
        self.taken_on = make_date_edit(self)
        self.taken_on.setDate(to_qdate(today))
        self.taken_on.setAccessibleName("Snapshot date")
        self.label.setText(self.default_label(today))
        form.addRow("&Label:", self.label)
        form.addRow("&Date:", self.taken_on)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._label_edited = False
        self.label.textEdited.connect(self._edited)
        self.taken_on.dateChanged.connect(self._date_changed)
        self.label.selectAll()
        self.setMinimumWidth(380)

    @staticmethod
    def default_label(day: date) -> str:
        return f"Snapshot {day_text(day)}"

    def _edited(self, text: str) -> None:
        self._label_edited = bool(text.strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(bool(text.strip()))

    def _date_changed(self, value: QDate) -> None:
        if not self._label_edited:
            self.label.setText(self.default_label(from_qdate(value)))

    def values(self) -> tuple[str, date]:
        return self.label.text().strip(), from_qdate(self.taken_on.date())


class ComparePanel(QWidget):
    """Pick a snapshot; see, per partner, what was added, removed or moved since (collapsible)."""

    KIND_ORDER: ClassVar[dict[str, int]] = {"added": 0, "moved": 1, "removed": 2}
    max_lines = 8  # more than this and the list scrolls; the grids keep the room

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.toggle = QToolButton(self)
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setAccessibleName("Show the list of changes")
        self.toggle.setToolTip("Show or hide the list of changes")
        self.toggle.toggled.connect(self._set_open)
        caption = QLabel("&Compare with:", self)
        self.combo = QComboBox(self)
        self.combo.setAccessibleName("Snapshot to compare with")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumContentsLength(22)
        caption.setBuddy(self.combo)
        self.delete_button = QPushButton("Delete Snapshot", self)
        self.delete_button.setAccessibleName("Delete the chosen snapshot")
        self.delete_button.setToolTip("Delete the chosen snapshot; Undo brings it back")
        self.summary = QLabel(self)
        self.summary.setTextFormat(PLAIN)
        self.summary.setWordWrap(True)
        row.addWidget(self.toggle)
        row.addWidget(caption)
        row.addWidget(self.combo)
        row.addWidget(self.delete_button)
        row.addWidget(self.summary, 1)
        layout.addLayout(row)
        self.model = QStandardItemModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName("Changes since the snapshot, per partner")
        self.tree.setItemsExpandable(False)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(18)
        layout.addWidget(self.tree)

    def _set_open(self, open_: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if open_ else Qt.ArrowType.RightArrow)
        self._update_tree()

    def _update_tree(self) -> None:
        lines = len(self.lines())
        self.tree.setVisible(self.toggle.isChecked() and lines > 0)
        if lines:
            row_height = max(self.tree.sizeHintForRow(0), self.tree.fontMetrics().height() + 2)
            frame = 2 * self.tree.frameWidth()
            self.tree.setFixedHeight(min(lines, self.max_lines) * row_height + frame + 2)

    def set_snapshots(self, snapshots: Sequence[Any], keep: int | None) -> None:
        self.combo.blockSignals(True)
        try:
            self.combo.clear()
            for s in snapshots:
                self.combo.addItem(f"{s.label} — {day_text(s.taken_on)}", s.id)
            row = self.combo.findData(keep) if keep is not None else -1
            self.combo.setCurrentIndex(row if row >= 0 else (0 if snapshots else -1))
        finally:
            self.combo.blockSignals(False)
        has = bool(snapshots)
        self.combo.setEnabled(has)
        if not has:
            self.combo.setPlaceholderText("No snapshots yet")

    def snapshot_id(self) -> int | None:
        value = self.combo.currentData()
        return int(value) if value is not None else None

    def show_changes(self, changes: Sequence[compute.SwotChange], names: dict[str, str]) -> None:
        self.model.clear()
        if self.snapshot_id() is None:
            self.summary.setText("No snapshots yet. Save one (Alt+N) to keep both grids as they "
                                 "stand; later, compare to see how your thinking moved.")
            self._update_tree()
            return
        if not changes:
            self.summary.setText("No changes since this snapshot.")
            self._update_tree()
            return
        n = len(changes)
        self.summary.setText(f"{n} change{'s' if n != 1 else ''} since “{self.combo.currentText()}”.")
        bold = QFont(self.font())
        bold.setBold(True)
        for grid in GRIDS:
            mine = sorted((c for c in changes if c.grid == grid),
                          key=lambda c: (self.KIND_ORDER.get(c.kind, 9), QUADRANTS.index(c.quadrant)
                                         if c.quadrant in QUADRANTS else 9))
            head = QStandardItem(f"{names.get(grid, '')} — {ROLE_NAMES.get(grid, grid)}")
            head.setFont(bold)
            head.setEditable(False)
            for c in mine:
                line = QStandardItem(change_line(c))
                line.setEditable(False)
                head.appendRow(line)
            if not mine:
                none = QStandardItem("No changes")
                none.setEditable(False)
                head.appendRow(none)
            self.model.appendRow(head)
        self.tree.expandAll()
        self._update_tree()

    def lines(self) -> list[str]:
        """Every line the panel shows, partner headings first in their group (for tests, a11y)."""
        out: list[str] = []
        for r in range(self.model.rowCount()):
            head = self.model.item(r)
            out.append(head.text())
            out += [head.child(i).text() for i in range(head.rowCount())]
        return out


def change_line(c: compute.SwotChange) -> str:
    where = QUADRANT_LABELS.get(c.quadrant, c.quadrant)
    if c.kind == "added":
        return f"+ Added to {where}: {c.text}"
    if c.kind == "removed":
        return f"− Removed from {where}: {c.text}"
    before = QUADRANT_LABELS.get(c.from_quadrant or "", c.from_quadrant or "?")
    return f"→ Moved {before} → {where}: {c.text}"


# -- the tab -----------------------------------------------------------------------------------------


class SwotTab(QWidget):
    title = "S&WOT"
    NARROW_BELOW = 1000

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        doc.changed.connect(self.on_changed)  # the tab listens for itself; skips its own edits
        self.doc = doc
        self.board = SwotBoard()
        self._snapshot_cache: dict[int, list[compute.SwotEntry]] = {}
        self._narrow: bool | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 6)
        outer.setSpacing(6)

        top = QHBoxLayout()
        self.intro = QLabel("Each of you keeps your own grid. Type and press Enter to add; double-click "
                            "or F2 to edit; drag to reorder or move — or right-click for Move to.", self)
        self.intro.setTextFormat(PLAIN)
        self.intro.setWordWrap(True)
        self.problem = problem_label(self)
        self.problem.hide()
        self.snapshot_button = QPushButton("Save S&napshot…", self)
        self.snapshot_button.setAccessibleName("Save a snapshot of both grids")
        self.snapshot_button.setToolTip("Keep both grids as they stand now, to compare with later "
                                        "(Alt+N); Undo removes it again")
        self.snapshot_button.clicked.connect(self.save_snapshot)
        top.addWidget(self.intro, 1)
        top.addWidget(self.snapshot_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(top)
        outer.addWidget(self.problem)

        # -- the two grids, side by side or stacked --------------------------------------------------
        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 4, 0)
        content_layout.setSpacing(6)
        self.grid_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.grid_row.setSpacing(16)
        self.grids: dict[str, GridPanel] = {}
        for grid in GRIDS:
            grid_panel = GridPanel(doc, self.board, grid, content)
            self.grid_row.addWidget(grid_panel, 1)
            self.grids[grid] = grid_panel
        content_layout.addLayout(self.grid_row, 1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        # The legend stays in sight under the grids, outside the scrolling part (a wrapping label
        # inside it would also make the scroll area size the grids by their preferred height).
        grids_box = QWidget(self)
        grids_layout = QVBoxLayout(grids_box)
        grids_layout.setContentsMargins(0, 0, 0, 0)
        grids_layout.setSpacing(4)
        grids_layout.addWidget(self.scroll_area, 1)
        legend = QHBoxLayout()
        legend.setSpacing(6)
        badge = QLabel(grids_box)
        badge.setPixmap(shared_icon().pixmap(QSize(14, 14), self.devicePixelRatioF()))
        badge.setAccessibleName("⇄")
        self.legend = QLabel(LEGEND, grids_box)
        self.legend.setTextFormat(PLAIN)
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName(f"⇄ {LEGEND}")
        legend.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        legend.addWidget(self.legend, 1)
        grids_layout.addLayout(legend)

        self.compare = ComparePanel(self)
        self.compare.combo.currentIndexChanged.connect(lambda _i: self._refresh_compare())
        self.compare.delete_button.clicked.connect(self.delete_snapshot)

        outer.addWidget(grids_box, 1)
        outer.addWidget(self.compare)

        # -- behaviour -----------------------------------------------------------------------------------
        for panel in self.panels():
            self._wire(panel)
        order: list[QWidget] = [self.snapshot_button]
        for panel in self.panels():
            order += [panel.view, panel.add_edit]
        order += [self.compare.toggle, self.compare.combo, self.compare.delete_button,
                  self.compare.tree]
        for a, b in pairwise(order):
            self.setTabOrder(a, b)

        self._reload({Change.NAMES, Change.SWOT, Change.SNAPSHOTS})
        self._arrange(narrow=False)

    # -- building ----------------------------------------------------------------------------------

    def panels(self) -> list[QuadrantPanel]:
        return [g.quadrants[q] for g in self.grids.values() for q in QUADRANTS]

    def panel(self, grid: str, quadrant: str) -> QuadrantPanel:
        return self.grids[grid].quadrants[quadrant]

    def _wire(self, panel: QuadrantPanel) -> None:
        view = panel.view
        panel.add_edit.returnPressed.connect(lambda p=panel: self.add_item(p))
        view.customContextMenuRequested.connect(lambda pos, p=panel: self._context_menu(p, pos))
        view.selectionModel().selectionChanged.connect(
            lambda selected, _deselected, p=panel: self._selection_changed(p, selected))
        panel.moves = self._view_actions(panel)
        for act in panel.moves.values():
            view.addAction(act)
        ro = self.doc.read_only
        panel.add_edit.setReadOnly(ro)
        view.setDragEnabled(not ro)

    def _view_actions(self, panel: QuadrantPanel) -> dict[str, QAction]:
        """The keyboard moves of one quadrant's list (active while that list has focus)."""
        view = panel.view

        def make(key: str, text: str, shortcut: str, fn: Callable[..., object]) -> QAction:
            act = QAction(text, view)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            act.triggered.connect(fn)
            act.setObjectName(key)
            return act

        actions = {
            "up": make("up", "Move &Up", "Alt+Up", lambda: self.move_by(panel, -1)),
            "down": make("down", "Move &Down", "Alt+Down", lambda: self.move_by(panel, +1)),
        }
        for q in QUADRANTS:
            actions[q] = make(q, QUADRANT_LABELS[q], MOVE_KEYS[q],
                              lambda _checked=False, q=q: self.move_to(panel, panel.grid, q))
        actions["other"] = make("other", "Move to the Other Grid", OTHER_GRID_KEY,
                                lambda: self.move_to(panel, other_grid(panel.grid), panel.quadrant))
        return actions

    def _arrange(self, *, narrow: bool) -> None:
        if narrow == self._narrow:
            return
        self._narrow = narrow
        self.grid_row.setDirection(QBoxLayout.Direction.TopToBottom if narrow
                                   else QBoxLayout.Direction.LeftToRight)
        for grid in self.grids.values():
            grid.setMinimumHeight(430 if narrow else 0)
        self.compare.max_lines = 5 if narrow else 8
        self.compare._update_tree()

    @property
    def narrow(self) -> bool:
        return bool(self._narrow)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(narrow=self.width() < self.NARROW_BELOW)
        super().resizeEvent(event)

    # -- loading -----------------------------------------------------------------------------------

    def _reload(self, kinds: set[str] | frozenset[str]) -> None:
        store = self.doc.store
        if kinds & {Change.SWOT, Change.NAMES}:
            keep = self._remember()
            if Change.NAMES in kinds:
                p = self.doc.partnership()
                self.board.names = {Role.MENTOR: isolate(p.mentor_name), Role.MENTEE: isolate(p.mentee_name)}
            if Change.SWOT in kinds:
                self.board.load(ops.list_swot_items(store))  # one query for all eight quadrants
            for grid in self.grids.values():
                grid.refresh()
            self._restore(keep)
        if Change.SNAPSHOTS in kinds:
            self._snapshot_cache.clear()
            self.compare.set_snapshots(ops.list_snapshots(store), self.compare.snapshot_id())
            self.compare.delete_button.setEnabled(
                not self.doc.read_only and self.compare.snapshot_id() is not None)
        if kinds & {Change.SWOT, Change.SNAPSHOTS, Change.NAMES}:
            self._refresh_compare()
        self.snapshot_button.setEnabled(not self.doc.read_only)

    def _refresh_compare(self) -> None:
        snap = self.compare.snapshot_id()
        changes: list[compute.SwotChange] = []
        if snap is not None:
            before = self._snapshot_cache.get(snap)
            if before is None:
                before = [compute.SwotEntry(i.grid, i.quadrant, i.text)
                          for i in ops.snapshot_items(self.doc.store, snap)]
                self._snapshot_cache[snap] = before
            changes = compute.compare_swot(before, self.board.entries())
        self.compare.show_changes(changes, self.board.names)
        self.compare.delete_button.setEnabled(not self.doc.read_only and snap is not None)

    def _remember(self) -> tuple[int, bool] | None:
        """The selected item (and whether its list had focus), to find again after a reload."""
        for panel in self.panels():
            idx = panel.view.currentIndex()
            if idx.isValid() and panel.view.selectionModel().isSelected(idx):
                return panel.model.id_at(idx.row()), panel.view.hasFocus()
        return None

    def _restore(self, keep: tuple[int, bool] | None) -> None:
        if keep is None:
            return
        item_id, focused = keep
        self.select_item(item_id, focus=focused)

    def select_item(self, item_id: int, *, focus: bool = False) -> bool:
        where = self.board.find(item_id)
        if where is None:
            return False
        grid, quadrant, row = where
        panel = self.panel(grid, quadrant)
        idx = panel.model.index(row)
        panel.view.setCurrentIndex(idx)
        panel.view.scrollTo(idx)
        if focus:
            panel.view.setFocus()
        self._ensure_visible(panel.view)
        return True

    def _ensure_visible(self, widget: QWidget) -> None:
        content = self.scroll_area.widget()
        if content is not None and content.isAncestorOf(widget) and self.scroll_area.isVisible():
            self.scroll_area.ensureWidgetVisible(widget, 0, 0)

    def _selection_changed(self, panel: QuadrantPanel, selected: Any) -> None:
        # One selection across the whole tab: Delete and the menus act on exactly one item.
        if selected.isEmpty():
            return
        for other in self.panels():
            if other is not panel and other.view.selectionModel().hasSelection():
                other.view.clearSelection()

    # -- editing -----------------------------------------------------------------------------------

    def selected(self, panel: QuadrantPanel) -> int:
        idx = panel.view.currentIndex()
        ok = idx.isValid() and panel.view.selectionModel().isSelected(idx)
        return idx.row() if ok else -1

    def focused_panel(self) -> QuadrantPanel | None:
        """The quadrant whose list or add field has the keyboard focus."""
        w = QApplication.focusWidget()
        for panel in self.panels():
            if w is not None and (w is panel.view or w is panel.add_edit or panel.view.isAncestorOf(w)):
                return panel
        return None

    def add_item(self, panel: QuadrantPanel) -> int | None:
        text = panel.add_edit.text().strip()
        if not text or self.doc.read_only:
            return None
        grid, quadrant = panel.grid, panel.quadrant
        done = self.doc.run(commands.add_swot_item(grid, quadrant, text, f"Add {SINGULAR[quadrant]}"))
        if done is None:
            return None
        new_id = int(done.value)
        panel.add_edit.clear()
        row = panel.model.row_of(new_id)
        if row >= 0:
            idx = panel.model.index(row)
            panel.view.setCurrentIndex(idx)
            panel.view.scrollTo(idx)
        return new_id

    def delete_item(self, panel: QuadrantPanel) -> bool:
        row = self.selected(panel)
        if row < 0 or self.doc.read_only:
            return False
        had_focus = panel.view.hasFocus()
        ok = self.doc.run(commands.delete_swot_item(panel.model.id_at(row))) is not None
        n = panel.model.rowCount()
        if ok and n:
            panel.view.setCurrentIndex(panel.model.index(min(row, n - 1)))
        if ok and had_focus:
            panel.view.setFocus()
        return ok

    def move_by(self, panel: QuadrantPanel, step: int) -> bool:
        row = self.selected(panel)
        if row < 0 or not 0 <= row + step < panel.model.rowCount() or self.doc.read_only:
            return False
        return move_item(self.doc, panel.model.id_at(row), panel.grid, panel.quadrant, row + step)

    def move_to(self, panel: QuadrantPanel, grid: str, quadrant: str) -> bool:
        """Move the selected item to the end of another quadrant (or the other grid)."""
        row = self.selected(panel)
        if row < 0 or (grid, quadrant) == (panel.grid, panel.quadrant) or self.doc.read_only:
            return False
        target = self.panel(grid, quadrant).model.rowCount()
        return move_item(self.doc, panel.model.id_at(row), grid, quadrant, target)

    def _context_menu(self, panel: QuadrantPanel, pos: QPoint) -> None:
        menu = self.context_menu(panel, panel.view.indexAt(pos))
        if menu is not None:
            menu.exec(panel.view.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def context_menu(self, panel: QuadrantPanel, index: QModelIndex) -> QMenu | None:
        """Edit, delete and move the item under the pointer (built fresh: names may change)."""
        view = panel.view
        if not index.isValid():
            return None
        view.setCurrentIndex(index)
        ro = self.doc.read_only
        actions = panel.moves
        menu = QMenu(view)
        edit = menu.addAction("&Edit")
        edit.setShortcut(QKeySequence(Qt.Key.Key_F2))
        edit.triggered.connect(lambda: view.edit(view.currentIndex()))
        delete = menu.addAction("&Delete")
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        delete.triggered.connect(lambda: self.delete_item(panel))
        menu.addSeparator()
        row = index.row()
        actions["up"].setEnabled(not ro and row > 0)
        actions["down"].setEnabled(not ro and row < panel.model.rowCount() - 1)
        menu.addAction(actions["up"])
        menu.addAction(actions["down"])
        move = menu.addMenu("&Move to")
        for q in QUADRANTS:
            actions[q].setEnabled(not ro and q != panel.quadrant)
            move.addAction(actions[q])
        other = actions["other"]
        other.setText(f"Move to {self.board.names.get(other_grid(panel.grid), '')}'s &Grid")
        other.setEnabled(not ro)
        menu.addAction(other)
        for a in (edit, delete):
            a.setEnabled(not ro)
        return menu

    # -- snapshots ---------------------------------------------------------------------------------

    def ask_snapshot_label(self) -> tuple[str, date] | None:
        """Ask for the new snapshot's label and date (tests replace this)."""
        dialog = SnapshotDialog(self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.values()
        finally:
            dialog.deleteLater()

    def save_snapshot(self) -> int | None:
        if self.doc.read_only:
            return None
        answer = self.ask_snapshot_label()
        if answer is None:
            return None
        label, taken_on = answer
        had = self.compare.snapshot_id()
        done = self.doc.run(commands.save_snapshot(label, taken_on))
        new_id = None if done is None else int(done.value)
        if new_id is not None and had is None:
            self.compare.combo.setCurrentIndex(self.compare.combo.findData(new_id))
        return new_id

    def delete_snapshot(self) -> bool:
        snap = self.compare.snapshot_id()
        if snap is None or self.doc.read_only:
            return False
        return self.doc.run(commands.delete_snapshot(snap)) is not None

    # -- the tab protocol --------------------------------------------------------------------------

    def new_item(self) -> None:
        panel = self.focused_panel() or self.panel(Role.MENTOR, Quadrant.STRENGTHS)
        panel.add_edit.setFocus()
        self._ensure_visible(panel.add_edit)

    def delete_selection(self) -> None:
        for panel in self.panels():
            if panel.view.hasFocus():
                self.delete_item(panel)
                return

    def flush(self) -> None:
        # An item still being edited in place is saved, as anywhere else in the app.
        for panel in self.panels():
            view = panel.view
            if view.state() == QAbstractItemView.State.EditingState:
                for editor in view.viewport().findChildren(QLineEdit):
                    view.commitData(editor)
                    view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def on_changed(self, kinds: Changes, initiator: object = None) -> None:
        if kinds & {Change.SWOT, Change.SNAPSHOTS, Change.NAMES}:
            self.show_problem("")
            self._reload(kinds)

    def sizeHint(self) -> QSize:
        return QSize(1200, 760)
