"""The tab's left side: every check-in and review, newest first (or, before there are any, what
they are for), whose check-in is due, and the buttons that add, start and delete."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data.compute import CheckInStatus
from revmentor_desktop.data.vocab import Role
from revmentor_desktop.report.text import by_count
from revmentor_desktop.ui.empty_state import EmptyState
from revmentor_desktop.ui.practice.common import Names, new_item_keys
from revmentor_desktop.ui.practice.list_model import PracticeListModel
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import muted_label, plain_tooltip

EMPTY_TEXT = QT_TRANSLATE_NOOP(
    "ItemList", "A check-in every few sessions: each of you says what works and what to tweak. The "
                "junior partner's view counts as much as the senior's.\n\n"
                "A review — at the mid-point, and at the close — looks back at your goals together: "
                "what you expected beside what you achieved, what each of you taught and learned. "
                "Then you decide: carry on, adjust, or close.\n\n"
                "Press New Check-in ({keys}) to write the first one.")


def due_words(status: CheckInStatus | None, names: Names, closed: bool) -> str:
    """The line under the list: whose check-in is due, or when the next one is."""
    if closed:
        return QCoreApplication.translate("ItemList", "The partnership is closed: it asks for no more check-ins.")
    if status is None:
        return ""
    if status.due_for:
        who = [names.name(r) for r in status.due_for]
        if len(who) == 1:
            return QCoreApplication.translate("ItemList", "{who}'s check-in is due (one every {n} sessions).").format(
                who=who[0], n=status.every)
        return QCoreApplication.translate(
            "ItemList", "{first} and {second}'s check-ins are due (one every {n} sessions).").format(
            first=who[0], second=who[-1], n=status.every)
    left = status.sessions_until_due
    text = by_count(left, QCoreApplication.translate(
        "ItemList", "The next check-ins are due in {left} session (one every {n} sessions)."),
        QCoreApplication.translate(
            "ItemList", "The next check-ins are due in {left} sessions (one every {n} sessions)."))
    return text.format(left=left, n=status.every)


class ItemList(QWidget):
    """The list (or its empty state), the due line and the buttons; the tab wires them."""

    def __init__(self, model: PracticeListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = QListView(self)
        self.view.setModel(model)
        self.view.setUniformItemSizes(True)  # thousands of rows lay out at once
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAccessibleName(self.tr("Check-ins and reviews, newest first"))
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.empty = EmptyState(self, self.tr("No check-ins or reviews yet."),
                                self.tr(EMPTY_TEXT).format(keys=new_item_keys()))
        self.empty_heading, self.empty_text = self.empty.heading, self.empty.text
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.due = muted_label("", self)
        layout.addWidget(self.due)
        layout.addLayout(self._build_buttons())
        self.setMinimumWidth(300)

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.new_button = QToolButton(self)
        self.new_button.setText(self.tr("&New Check-in"))
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.new_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.new_button.setAccessibleName(self.tr("New check-in"))
        self.by_menu = QMenu(self.new_button)
        self.by_actions: dict[str, QAction] = {}
        for role in Role:
            self.by_actions[role.value] = self.by_menu.addAction(role.value)
        self.new_button.setMenu(self.by_menu)
        self.review_button = QPushButton(self.tr("St&art Review…"), self)
        self.review_button.setAccessibleName(self.tr("Start a review"))
        self.review_button.setToolTip(self.tr("A mid-point or closing review of your goals, and your decision"))
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.setAccessibleName(self.tr("Delete the selected check-in or review"))
        self.delete_button.setToolTip(
            self.tr("Delete the selected check-in or review (Delete); Undo brings it back"))
        row.addWidget(self.new_button)
        row.addWidget(self.review_button)
        row.addStretch(1)
        row.addWidget(self.delete_button)
        # The tool button stands as tall as the push buttons beside it.
        self.new_button.setMinimumHeight(self.review_button.sizeHint().height())
        return row

    def set_names(self, names: Names, default_author: str) -> None:
        for role, action in self.by_actions.items():
            action.setText(self.tr("Check-in by {who}").format(who=names.titled(role)).replace("&", "&&"))
        self.new_button.setToolTip(plain_tooltip(
            self.tr("A check-in by {who} ({keys}); the arrow offers either of you").format(
                who=names.name(default_author), keys=new_item_keys())))

    def show_empty(self, empty: bool) -> None:
        self.stack.setCurrentWidget(self.empty if empty else self.view)
