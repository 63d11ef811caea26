"""Help › Keyboard Shortcuts and Help › About RevMentor.

The shortcuts list is read from the window's actions each time it opens, so it can never go stale:
a shortcut added to a menu or a tab shows up here by itself.
"""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    qVersion,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop import APP_NAME, __version__
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import embolden, wrapped_label
from revmentor_desktop.ui.window.undo_actions import LISTED_AS

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Shortcut:
    where: str  # the menu, or the tab the keys work in
    what: str  # the action's name, without its "&" mnemonic marks
    keys: str  # as the user's platform writes them, e.g. "Ctrl+Shift+N" or "⇧⌘N"


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…").strip()


def collect_shortcuts(window: QMainWindow) -> list[Shortcut]:
    """Every action in the window that has keys: the menus' first, in menu order, then those that
    work inside one tab (found on the tab's widgets)."""
    seen: set[int] = set()
    out: list[Shortcut] = []

    def add(where: str, act: QAction) -> None:
        keys = [k for k in act.shortcuts() if not k.isEmpty()]
        if id(act) in seen or not keys or not act.text():
            return
        seen.add(id(act))
        # (Edit › Undo's text names the step it would undo: the list gives its plain name)
        name = act.property(LISTED_AS) or act.text()
        shortcut = Shortcut(where, _plain(str(name)), ", ".join(
            k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys))
        if shortcut not in out:  # each SWOT quadrant has its own "Move Up": listed once
            out.append(shortcut)

    def walk(menu: QMenu, where: str) -> None:
        for act in menu.actions():
            sub = act.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{where} › {_plain(sub.title())}")
            else:
                add(where, act)

    for act in window.menuBar().actions():
        menu = act.menu()
        if isinstance(menu, QMenu):
            walk(menu, _plain(menu.title()))
    for act in window.findChildren(QAction):
        add(_where(act, window), act)
    return out


def _where(act: QAction, window: QMainWindow) -> str:
    """The tab an action belongs to, by walking up from the widget that holds it."""
    tabs = getattr(window, "tabs", None)
    widget = act.parent()
    while isinstance(widget, QWidget) and widget is not window:
        if tabs is not None and widget.parent() is not None and tabs.indexOf(widget) >= 0:
            return QCoreApplication.translate("Shortcuts", "{tab} tab").format(
                tab=_plain(tabs.tabText(tabs.indexOf(widget))))
        widget = widget.parentWidget()
    return QCoreApplication.translate("Shortcuts", "Window")


class ShortcutModel(QAbstractTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("ShortcutModel", "Where"), QT_TRANSLATE_NOOP("ShortcutModel", "Action"),
               QT_TRANSLATE_NOOP("ShortcutModel", "Keys"))

    def __init__(self, shortcuts: list[Shortcut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = shortcuts

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        s = self.rows[index.row()]
        return (s.where, s.what, s.keys)[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ShortcutModel", self.HEADERS[section])
        return None


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        layout = QVBoxLayout(self)
        self.model = ShortcutModel(collect_shortcuts(window), self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.view)
        note = QLabel(self.tr("In lists and tables, Delete removes the selected row; in a form it "
                              "removes nothing (Edit › Delete removes the selected record from "
                              "anywhere). Ctrl+Z brings it back. Tab and Shift+Tab move between "
                              "fields."), self)
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.view.resizeRowsToContents()  # a line of text each, not the style's roomy default
        self._fit(layout, note, buttons)

    def _fit(self, layout: QVBoxLayout, note: QLabel, buttons: QDialogButtonBox) -> None:
        """Wide enough for every action's whole name and keys, tall enough for every row, within
        the screen (the table scrolls on a small one)."""
        view, header = self.view, self.view.horizontalHeader()
        frame = 2 * view.frameWidth()
        columns = sum(max(view.sizeHintForColumn(c), header.sectionSizeHint(c))
                      for c in range(self.model.columnCount()))
        rows = sum(view.rowHeight(r) for r in range(self.model.rowCount()))
        margins = layout.contentsMargins()
        spacing = layout.spacing()
        width = columns + frame + view.verticalScrollBar().sizeHint().width() + margins.left() + margins.right()
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        width = min(max(width, 40 * self.fontMetrics().averageCharWidth()), int(screen.width() * 0.9))
        inner = width - margins.left() - margins.right()
        height = (header.sizeHint().height() + rows + frame + note.heightForWidth(inner)
                  + buttons.sizeHint().height() + 2 * spacing + margins.top() + margins.bottom())
        self.resize(width, min(height, int(screen.height() * 0.85)))


def about_details(open_file: Path | None) -> str:
    """What a bug report needs, one fact a line (plain text, for the clipboard). In English, not
    translated: it is read by whoever fixes the bug."""
    import PySide6

    os_name = platform.platform(terse=True)
    screen = QGuiApplication.primaryScreen()
    scale = f"{screen.devicePixelRatio():g}" if screen is not None else "?"
    return "\n".join([
        f"{APP_NAME} {__version__}",
        f"Qt {qVersion()} · PySide6 {PySide6.__version__} · Python {sys.version.split()[0]}",
        f"{os_name} ({platform.machine()}) · {QGuiApplication.platformName()} · scale {scale}",
        f"Open file: {open_file if open_file is not None else 'none'}",
    ])


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None, open_file: Path | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About {app}").format(app=APP_NAME))
        layout = QVBoxLayout(self)
        title = QLabel(f"{APP_NAME} Desktop {__version__}", self)  # the product's name: not translated
        embolden(title, 1.4)
        title.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(title)
        blurb = wrapped_label(self.tr(
            "Goals, sessions, SWOT and skills for one reverse-mentoring partnership, kept in a file "
            "you own. Nothing leaves this computer unless you export or share it."), self)
        layout.addWidget(blurb)
        self.details = QPlainTextEdit(about_details(open_file), self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Version details"))
        self.details.setFixedHeight(self.details.fontMetrics().lineSpacing() * 5 + 12)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(self.tr("&Copy Details"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(60 * self.fontMetrics().averageCharWidth(), self.sizeHint().height())

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
