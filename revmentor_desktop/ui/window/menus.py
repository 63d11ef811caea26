"""The window's menu bar (File, Edit, View with its Theme menu, Help) and the actions the window
keeps (`undo_action` and the like). Made once the window has painted, or sooner when something
asks for one of them (`MainWindow.finish_building`): the menus' Qt classes, shortcuts and modules
cost more than the first paint can afford."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from revmentor_desktop.ui.theme import add_theme_menu
from revmentor_desktop.ui.window.recent_menu import RecentMenu
from revmentor_desktop.ui.window.undo_actions import UndoActions

if TYPE_CHECKING:
    from revmentor_desktop.ui.window.main_window import MainWindow

#: The menus' words are the window's: context "MainWindow", written out in each call (lupdate reads it so).
translate = QCoreApplication.translate

#: A menu item's shortcut: one key sequence (as text or a standard key) or several.
Shortcut = str | QKeySequence.StandardKey | list[QKeySequence] | None


def add_action(window: MainWindow, menu: QMenu, text: str, slot: Callable[..., object],
               shortcut: Shortcut = None) -> QAction:
    """An item of `menu` that calls `slot`; its shortcut works wherever the window has focus."""
    act = QAction(text, window)
    if shortcut is not None:
        act.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
    act.triggered.connect(slot)
    menu.addAction(act)
    return act


def build_menus(window: MainWindow) -> None:
    """Fill the window's menu bar, and give the window the actions and menus it keeps."""
    w = window
    bar = w.menuBar()
    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    add_action(w, file_menu, translate("MainWindow", "&New Partnership…"), w.new_partnership,
               "Ctrl+Shift+N")
    add_action(w, file_menu, translate("MainWindow", "&Open…"), w.open_dialog,
               QKeySequence.StandardKey.Open)
    w.recent_menu = RecentMenu(file_menu)
    w.recent_menu.chosen.connect(w.open_file)
    file_menu.addMenu(w.recent_menu)
    file_menu.addSeparator()
    w.export_action = add_action(w, file_menu, translate("MainWindow", "&Export PDF Summary…"),
                                 w.export_pdf, "Ctrl+E")
    # No shortcut: Ctrl+Shift+S moves a SWOT item to Strengths, and a copy is a rare act.
    w.copy_action = add_action(w, file_menu, translate("MainWindow", "Save a &Copy…"), w.save_copy)
    w.restore_action = add_action(w, file_menu, translate("MainWindow", "Restore from &Backup…"),
                                  w.restore_from_backup)
    file_menu.addSeparator()
    # The partner exchange: each partner keeps a file; they swap what they choose to share.
    w.share_action = add_action(w, file_menu, translate("MainWindow", "S&hare with Partner…"),
                                lambda: w.exchange.share(), "Ctrl+Shift+E")
    w.import_share_action = add_action(w, file_menu, translate("MainWindow", "&Import from Partner…"),
                                       lambda: w.exchange.import_share(), "Ctrl+Shift+I")
    add_action(w, file_menu, translate("MainWindow", "Ne&w from Partner's Share…"),
               lambda: w.exchange.new_from_share())
    w._enable_file_actions(w.tabs is not None)
    file_menu.addSeparator()
    add_action(w, file_menu, translate("MainWindow", "&Quit"), w.close, QKeySequence.StandardKey.Quit)

    w.edit_menu = edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
    w.undo_action = add_action(w, edit_menu, translate("MainWindow", "&Undo"), w._undo,
                               QKeySequence.StandardKey.Undo)
    w.redo_action = add_action(w, edit_menu, translate("MainWindow", "&Redo"), w._redo,
                               [QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")])
    edit_menu.addSeparator()
    w.new_item_action = add_action(w, edit_menu, translate("MainWindow", "&New Item"), w._new_item,
                                   QKeySequence.StandardKey.New)
    w.delete_action = add_action(w, edit_menu, translate("MainWindow", "&Delete"), w._delete_selection,
                                 QKeySequence.StandardKey.Delete)
    # The menu names the Delete key, but the key itself belongs to the lists and tables: each
    # deletes its own selected row (widgets.DeleteKey). In a record's form (its status, its Private
    # box, a table of its parts) the key deletes nothing: a stray press must not take the whole
    # record. Edit › Delete still deletes the selection from anywhere in the tab.
    w.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    w.undo_actions = UndoActions(w.undo_action, w.redo_action, w)
    w.undo_actions.notice.connect(w.statusBar().showMessage)
    w.undo_actions.retract.connect(
        lambda text: w.statusBar().clearMessage() if w.statusBar().currentMessage() == text else None)
    w.find_action = add_action(w, edit_menu, translate("MainWindow", "&Find in Journal…"), w._find,
                               QKeySequence.StandardKey.Find)

    w.view_menu = view_menu = bar.addMenu(translate("MainWindow", "&View"))
    w.hide_private_action = add_action(w, view_menu, translate("MainWindow", "&Hide Private Entries"),
                                       w._toggle_private, "Ctrl+Shift+H")
    w.hide_private_action.setCheckable(True)
    w.hide_private_action.setToolTip(translate(
        "MainWindow", "Screen-share mode: private goals and sessions vanish from every tab until you "
        "switch this off."))
    w.theme_menu = add_theme_menu(view_menu)
    view_menu.addSeparator()
    w.tab_actions = []  # View › Ctrl+1… for each tab of the open partnership (`set_tab_actions`)

    w.help_menu = help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    add_action(w, help_menu, translate("MainWindow", "Reverse-Mentoring &Guide"),
               lambda: w.help.show_guide(), QKeySequence.StandardKey.HelpContents)
    add_action(w, help_menu, translate("MainWindow", "&Keyboard Shortcuts"),
               lambda: w.help.show_shortcuts(), "Ctrl+/")
    help_menu.addSeparator()
    add_action(w, help_menu, translate("MainWindow", "&About RevMentor"), lambda: w.help.about())
    add_action(w, help_menu, translate("MainWindow", "About &Qt"), QApplication.aboutQt)


def set_tab_actions(window: MainWindow, titles: list[str]) -> None:
    """View › one item per tab of the open partnership, Ctrl+1… in order, in place of the last
    file's (none: `titles` is empty)."""
    for act in window.tab_actions:
        window.view_menu.removeAction(act)
    window.tab_actions = []
    for i, title in enumerate(titles):
        text = "&" + title.replace("&", "&&")  # the title's own "&" is not a mnemonic
        window.tab_actions.append(add_action(window, window.view_menu, text,
                                             lambda _c=False, n=i: window.show_tab(n), f"Ctrl+{i + 1}"))
