"""The grid's widgets: a tinted quadrant (heading, item list, add field) and a partner's 2×2 grid."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QFocusEvent,
    QFont,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.swot.board import SwotBoard
from revmentor_desktop.ui.swot.look import (
    QUADRANT_NOUNS,
    QUADRANTS,
    QuadrantLook,
    ink,
    quadrant_label,
    quadrant_palette,
)
from revmentor_desktop.ui.swot.look import look as quadrant_look
from revmentor_desktop.ui.swot.quadrant_model import QuadrantModel
from revmentor_desktop.ui.theme import is_dark
from revmentor_desktop.ui.theme import notifier as theme_notifier
from revmentor_desktop.ui.widgets import PLAIN


class QuadrantList(QListView):
    """A quadrant's items; when empty it shows a question to get the pair started."""

    def __init__(self, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = hint
        #: the frame that shows the list has the keyboard: its quadrant's accent (set by the panel)
        self.focus_colour = QColor()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        empty = model is not None and model.rowCount() == 0
        if not empty and not self.hasFocus():
            return
        p = QPainter(self.viewport())
        if empty:
            p.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            font = p.font()
            font.setItalic(True)
            p.setFont(font)
            p.drawText(self.viewport().rect().adjusted(8, 6, -8, -6),
                       Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.hint)
        if self.hasFocus():  # the frameless list shows it has the keyboard (empty, it has no row to)
            colour = self.focus_colour if self.focus_colour.isValid() else \
                self.palette().color(QPalette.ColorRole.Highlight)
            p.setPen(QPen(colour, 2))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(self.viewport().rect()).adjusted(1, 1, -1, -1))
        p.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()


def _coloured(label: QLabel, colour: str) -> None:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)


class QuadrantPanel(QWidget):
    """One tinted quadrant: its heading with a count, its items, and a field to add one."""

    def __init__(self, doc: Document, board: SwotBoard, grid: str, quadrant: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = grid
        self.quadrant = quadrant
        self.dark = is_dark()
        self.look = look = quadrant_look(quadrant, self.dark)
        self._board = board
        self.moves: dict[str, QAction] = {}  # its keyboard moves, made by the tab
        self.setPalette(quadrant_palette(QApplication.palette(), look, self.dark))
        self.setAutoFillBackground(False)
        self.setMinimumWidth(200)

        column = QVBoxLayout(self)
        column.setContentsMargins(8, 6, 8, 8)
        column.setSpacing(4)
        column.addLayout(self._build_heading(look))
        self.model = QuadrantModel(doc, board, grid, quadrant)
        self.view = self._build_list(look)
        column.addWidget(self.view, 1)
        self.add_edit = self._build_add_field(look)
        column.addWidget(self.add_edit)
        theme_notifier().changed.connect(self.retheme)

    def _build_heading(self, look: QuadrantLook) -> QHBoxLayout:
        """The quadrant's name and count in its accent colour, with what it is about beside it."""
        self.heading = QLabel(self)
        self.heading.setTextFormat(PLAIN)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        _coloured(self.heading, look.accent)
        self.subtitle = QLabel(self.tr(look.subtitle), self)
        self.subtitle.setTextFormat(PLAIN)
        small = self.subtitle.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.subtitle.setFont(small)
        _coloured(self.subtitle, ink(self.dark)[1])
        head = QHBoxLayout()
        head.setSpacing(6)
        head.addWidget(self.heading)
        head.addStretch(1)
        head.addWidget(self.subtitle)
        return head

    def _build_list(self, look: QuadrantLook) -> QuadrantList:
        """The items: edited in place, dragged within and between quadrants."""
        view = QuadrantList(self.tr(look.hint), self)
        view.focus_colour = QColor(look.accent)
        view.setModel(self.model)
        view.setFrameShape(QFrame.Shape.NoFrame)
        view.setWordWrap(True)
        view.setUniformItemSizes(False)
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setSpacing(1)
        view.setIconSize(QSize(14, 14))
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        view.setDragEnabled(True)
        view.setAcceptDrops(True)
        view.setDropIndicatorShown(True)
        view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        view.setDefaultDropAction(Qt.DropAction.MoveAction)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.setMinimumHeight(84)
        view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        return view

    def _build_add_field(self, look: QuadrantLook) -> QLineEdit:
        """Type and press Enter to add (the tab connects Enter); Escape clears it."""
        edit = QLineEdit(self)
        edit.setPlaceholderText(self.tr(look.placeholder))
        edit.setClearButtonEnabled(True)
        escape = QAction(edit)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        escape.triggered.connect(edit.clear)
        edit.addAction(escape)
        return edit

    @property
    def label(self) -> str:
        return quadrant_label(self.quadrant)

    def refresh(self) -> None:
        """After a reload or rename: the count in the heading and the names screen readers hear."""
        self.model.reload()
        self.heading.setText(f"{self.label} ({self.model.rowCount()})")
        owner = self._board.names.get(self.grid, "")
        noun = self.tr(QUADRANT_NOUNS[self.quadrant])
        self.view.setAccessibleName(self.tr("{name}'s {quadrant}").format(name=owner, quadrant=noun))
        self.view.setAccessibleDescription(
            self.tr("{about}. F2 edits, Delete removes, Alt+Up and Alt+Down reorder; Ctrl+Shift+S, W, "
                    "O or T moves an item to that quadrant, Ctrl+Shift+G to the other grid.").format(
                about=self.tr(self.look.subtitle)))
        self.add_edit.setAccessibleName(self.tr("Add to {name}'s {quadrant}").format(name=owner, quadrant=noun))

    def retheme(self) -> None:
        """The application's theme changed: take this quadrant's colours for it."""
        if is_dark() == self.dark:
            return
        self.dark = is_dark()
        self.look = quadrant_look(self.quadrant, self.dark)
        self.setPalette(quadrant_palette(QApplication.palette(), self.look, self.dark))
        _coloured(self.heading, self.look.accent)
        _coloured(self.subtitle, ink(self.dark)[1])
        self.view.focus_colour = QColor(self.look.accent)
        self.model.layoutChanged.emit()  # its bullets, in the new colour
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(self.look.border), 1))
        p.setBrush(QColor(self.look.tint))
        p.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        p.end()


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
