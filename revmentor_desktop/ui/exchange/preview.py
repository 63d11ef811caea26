"""The import preview: what a partner's share would add, change and remove, and — side by side — each
record both partners changed, with a choice per record. Nothing is written until Import."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from revmentor_desktop.data.share_merge import Choice, Item, Plan
from revmentor_desktop.report.text import by_count, day_text
from revmentor_desktop.ui.layout import fit_minimum
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import wrapped_label

#: the item a row stands for (conflict and same-session rows)
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1


def field_name(name: str) -> str:
    """A field as people say it: "success_measure" → "Success measure"."""
    words = {"says_keep": "feedback: keep doing", "says_try": "feedback: try next time",
             "manual_progress": "progress", "held_on": "date", "goals": "goals discussed"}
    return words.get(name, name.replace("_", " ")).capitalize()


def shown(value: Any) -> str:
    if value in (None, "", []):
        return "—"
    if isinstance(value, list):
        return by_count(len(value), QCoreApplication.translate("ImportPreview", "{n} item"),
                        QCoreApplication.translate("ImportPreview", "{n} items")).format(n=len(value))
    return " ".join(str(value).split())


#: How many records of a kind, for one and for several ({n}: how many); translated when shown.
_KIND_WORDS = {
    "agreement": (QT_TRANSLATE_NOOP("ImportPreview", "the agreement"), QT_TRANSLATE_NOOP("ImportPreview", "the agreement")),
    "clause": (QT_TRANSLATE_NOOP("ImportPreview", "{n} ground rule"), QT_TRANSLATE_NOOP("ImportPreview", "{n} ground rules")),
    "goal": (QT_TRANSLATE_NOOP("ImportPreview", "{n} goal"), QT_TRANSLATE_NOOP("ImportPreview", "{n} goals")),
    "milestone": (QT_TRANSLATE_NOOP("ImportPreview", "{n} milestone"), QT_TRANSLATE_NOOP("ImportPreview", "{n} milestones")),
    "entry": (QT_TRANSLATE_NOOP("ImportPreview", "{n} session"), QT_TRANSLATE_NOOP("ImportPreview", "{n} sessions")),
    "action": (QT_TRANSLATE_NOOP("ImportPreview", "{n} action item"), QT_TRANSLATE_NOOP("ImportPreview", "{n} action items")),
    "swot": (QT_TRANSLATE_NOOP("ImportPreview", "{n} SWOT item"), QT_TRANSLATE_NOOP("ImportPreview", "{n} SWOT items")),
    "snapshot": (QT_TRANSLATE_NOOP("ImportPreview", "{n} SWOT snapshot"), QT_TRANSLATE_NOOP("ImportPreview", "{n} SWOT snapshots")),
    "skill": (QT_TRANSLATE_NOOP("ImportPreview", "{n} skill"), QT_TRANSLATE_NOOP("ImportPreview", "{n} skills")),
    "rating": (QT_TRANSLATE_NOOP("ImportPreview", "{n} rating"), QT_TRANSLATE_NOOP("ImportPreview", "{n} ratings")),
    "check_in": (QT_TRANSLATE_NOOP("ImportPreview", "{n} check-in"), QT_TRANSLATE_NOOP("ImportPreview", "{n} check-ins")),
    "review": (QT_TRANSLATE_NOOP("ImportPreview", "{n} review"), QT_TRANSLATE_NOOP("ImportPreview", "{n} reviews")),
    "review_goal": (QT_TRANSLATE_NOOP("ImportPreview", "{n} reviewed goal"), QT_TRANSLATE_NOOP("ImportPreview", "{n} reviewed goals")),
}


def kinds_summary(items: list[Item]) -> str:
    """"24 sessions, 18 SWOT items, 3 goals": what a group holds, most first."""
    counts: dict[str, int] = {}
    for item in items:
        counts[item.kind] = counts.get(item.kind, 0) + 1
    ordered = sorted(counts.items(), key=lambda kv: -kv[1])
    return ", ".join(by_count(n, *(QCoreApplication.translate("ImportPreview", form)
                                   for form in _KIND_WORDS[k])).format(n=n) for k, n in ordered)


#: A dated record named for people ({day}: its date).
_DATED = {"entry": QT_TRANSLATE_NOOP("ImportPreview", "Session of {day}"),
          "check_in": QT_TRANSLATE_NOOP("ImportPreview", "Check-in of {day}"),
          "review": QT_TRANSLATE_NOOP("ImportPreview", "Review of {day}"),
          "rating": QT_TRANSLATE_NOOP("ImportPreview", "Rating of {day}")}


def row_label(item: Item) -> str:
    """The record named for people, its date in the user's format."""
    data = (item.theirs.data if item.theirs is not None else item.mine.data if item.mine else {})
    when = data.get("held_on") or data.get("rated_on")
    if item.kind in ("entry", "check_in", "review", "rating") and isinstance(when, str):
        day = day_text(date.fromisoformat(when))
        topics = data.get("topics") or ""
        named = QCoreApplication.translate("ImportPreview", _DATED[item.kind]).format(day=day)
        return named + (f" — {topics}" if topics else "")
    return item.label


def side_by_side(item: Item, partner: str = "") -> tuple[str, str]:
    """The fields a conflict is about, as two plain texts: mine, theirs."""
    if item.deleted_by_me:
        mine = QCoreApplication.translate(
            "ImportPreview", "You deleted this since your last exchange, and {partner} changed it. "
            "Keep mine leaves it deleted; Take theirs brings their version back.").format(
                partner=partner or QCoreApplication.translate("ImportPreview", "your partner"))
    else:
        mine = "\n\n".join(f"{field_name(f)}:\n{'' if m is None else m}" for f, m, _t in item.fields)
    theirs = "\n\n".join(f"{field_name(f)}:\n{'' if t is None else t}" for f, _m, t in item.fields)
    return mine, theirs


class ImportPreview(QDialog):
    """Shows `plan`; `choices` holds the user's choice per conflict once accepted, `unmatched` the
    same-date sessions they want kept apart."""

    def __init__(self, plan: Plan, partner: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.partner = partner
        self.choices: dict[tuple[str, str], Choice] = {}
        self.setWindowTitle(self.tr("Import from Partner"))
        counts = plan.counts()
        parts = [text.format(n=counts[key]) for key, text in (
            ("add", self.tr("{n} to add")), ("update", self.tr("{n} to change")),
            ("remove", self.tr("{n} to remove")), ("conflict", self.tr("{n} to decide"))) if counts[key]]
        head = wrapped_label(self.tr("{partner}'s share, written {day}: {what}.").format(
            partner=partner, day=day_text(plan.share.written_at.date()), what=", ".join(parts)), self)
        note = QLabel(self.tr(
            "Nothing of your side and nothing private is changed. A backup is taken first, and "
            "Edit › Undo takes the whole import back."), self)
        note.setWordWrap(True)
        note.setEnabled(False)  # the palette's quieter text

        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([self.tr("Record"), self.tr("What happens")])
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self._fill()
        for r in range(self.model.rowCount()):  # long lists start folded: the summary says enough
            group = self.model.item(r)
            if group.rowCount() <= 20 or group.text().startswith(self.tr("To decide")):
                self.tree.expand(group.index())
                if group.rowCount() <= 5:  # a few changes: what each changes, at once
                    for c in range(group.rowCount()):
                        self.tree.expand(group.child(c).index())
        self.tree.selectionModel().currentChanged.connect(self._current_changed)

        self.conflict_box = QGroupBox(self.tr("Changed by both of you since your last exchange"), self)
        grid = QGridLayout(self.conflict_box)
        self.mine_text = QPlainTextEdit(self.conflict_box)
        self.theirs_text = QPlainTextEdit(self.conflict_box)
        for box in (self.mine_text, self.theirs_text):
            box.setReadOnly(True)
            box.setMinimumHeight(90)
        self.keep_mine = QRadioButton(self.tr("Keep &mine"), self.conflict_box)
        self.take_theirs = QRadioButton(self.tr("Take &theirs"), self.conflict_box)
        self.choice_group = QButtonGroup(self)
        self.choice_group.addButton(self.keep_mine)
        self.choice_group.addButton(self.take_theirs)
        self.keep_mine.toggled.connect(lambda on: self._choose("mine", on))
        self.take_theirs.toggled.connect(lambda on: self._choose("theirs", on))
        grid.addWidget(QLabel(self.tr("Yours"), self.conflict_box), 0, 0)
        grid.addWidget(QLabel(self.tr("Theirs"), self.conflict_box), 0, 1)
        grid.addWidget(self.mine_text, 1, 0)
        grid.addWidget(self.theirs_text, 1, 1)
        grid.addWidget(self.keep_mine, 2, 0)
        grid.addWidget(self.take_theirs, 2, 1)
        all_row = QHBoxLayout()
        self.all_mine = QPushButton(self.tr("Keep All Mine"), self.conflict_box)
        self.all_theirs = QPushButton(self.tr("Take All Theirs"), self.conflict_box)
        self.all_mine.clicked.connect(lambda: self._choose_all("mine"))
        self.all_theirs.clicked.connect(lambda: self._choose_all("theirs"))
        all_row.addStretch(1)
        all_row.addWidget(self.all_mine)
        all_row.addWidget(self.all_theirs)
        grid.addLayout(all_row, 3, 0, 1, 2)
        self.conflict_box.setVisible(bool(plan.conflicts))
        self._show_conflict(None)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(self.tr("&Import"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(note)
        layout.addWidget(self.tree, 2)
        layout.addWidget(self.conflict_box, 1)
        layout.addWidget(self.buttons)
        self._update_ready()
        if plan.conflicts:
            first = self._conflict_rows[0]
            self.tree.setCurrentIndex(first.index())
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(*fit_minimum(760, 560 if plan.conflicts else 440,
                                 (screen.x(), screen.y(), screen.width(), screen.height())))

    # -- the tree of what happens -------------------------------------------------------------------

    def _fill(self) -> None:
        self._conflict_rows: list[QStandardItem] = []
        self._state: dict[tuple[str, str], QStandardItem] = {}
        self.same_rows: list[QStandardItem] = []
        groups = [
            (self.tr("To decide"), [i for i in self.plan.items if i.action == "conflict"]),
            (self.tr("The same session on both sides"),
             [i for i in self.plan.items if i.same_session and i.action != "conflict"]),
            (self.tr("New"), self.plan.of("add")),
            (self.tr("Changed"), [i for i in self.plan.of("update") if not i.same_session]),
            (self.tr("Removed by your partner"), self.plan.of("remove")),
        ]
        for title, items in groups:
            if not items:
                continue
            head = QStandardItem(f"{title} ({len(items)}) — {kinds_summary(items)}")
            head.setEditable(False)
            tail = QStandardItem("")
            tail.setEditable(False)
            for item in items:
                row = QStandardItem(row_label(item))
                row.setEditable(False)
                row.setData(item, ITEM_ROLE)
                what = QStandardItem(self._what(item))
                what.setEditable(False)
                if item.action == "conflict":
                    self._conflict_rows.append(row)
                    self._state[(item.kind, item.uid)] = what
                elif item.same_session:
                    row.setCheckable(True)
                    row.setCheckState(Qt.CheckState.Checked)
                    row.setToolTip(self.tr("Ticked: one session holding both of your notes. "
                                           "Unticked: their session is added beside yours."))
                    self.same_rows.append(row)
                for f, m, t in item.fields[:12] if item.action == "update" else []:
                    detail = QStandardItem(f"{field_name(f)}: {shown(m)[:60]} → {shown(t)[:60]}")
                    detail.setEditable(False)
                    blank = QStandardItem("")
                    blank.setEditable(False)
                    row.appendRow([detail, blank])
                head.appendRow([row, what])
            self.model.appendRow([head, tail])

    def _what(self, item: Item) -> str:
        if item.action == "conflict":
            return self.tr("Choose…")
        if item.same_session:
            return self.tr("One session")
        return {"add": self.tr("Added"), "update": self.tr("Changed"),
                "remove": self.tr("Removed")}[item.action]

    # -- choosing --------------------------------------------------------------------------------------

    def _current_item(self) -> Item | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        item = self.model.itemFromIndex(index.siblingAtColumn(0)).data(ITEM_ROLE)
        return item if isinstance(item, Item) and item.action == "conflict" else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_conflict(self._current_item())

    def _show_conflict(self, item: Item | None) -> None:
        for widget in (self.mine_text, self.theirs_text, self.keep_mine, self.take_theirs):
            widget.setEnabled(item is not None)
        self.choice_group.setExclusive(False)
        self.keep_mine.setChecked(False)
        self.take_theirs.setChecked(False)
        self.choice_group.setExclusive(True)
        if item is None:
            self.mine_text.setPlainText(self.tr("Select a record under “To decide” to compare."))
            self.theirs_text.clear()
            return
        mine, theirs = side_by_side(item, self.partner)
        self.mine_text.setPlainText(mine)
        self.theirs_text.setPlainText(theirs)
        chosen = self.choices.get((item.kind, item.uid))
        if chosen is not None:
            (self.keep_mine if chosen == "mine" else self.take_theirs).setChecked(True)

    def _choose(self, choice: Choice, on: bool = True) -> None:
        item = self._current_item()
        if on and item is not None:
            self._set_choice(item, choice)

    def _choose_all(self, choice: Choice) -> None:
        for row in self._conflict_rows:
            self._set_choice(row.data(ITEM_ROLE), choice)
        self._show_conflict(self._current_item())

    def _set_choice(self, item: Item, choice: Choice) -> None:
        self.choices[(item.kind, item.uid)] = choice
        self._state[(item.kind, item.uid)].setText(
            self.tr("Keep mine") if choice == "mine" else self.tr("Take theirs"))
        self._update_ready()

    def _update_ready(self) -> None:
        left = len(self._conflict_rows) - len(self.choices)
        self.import_button.setEnabled(left == 0)
        self.import_button.setToolTip(
            "" if left == 0 else self.tr("Choose mine or theirs for each record under “To decide”."))

    def unmatched(self) -> list[str]:
        """Same-date sessions the user wants kept apart (unticked)."""
        return [row.data(ITEM_ROLE).uid for row in self.same_rows
                if row.checkState() != Qt.CheckState.Checked]
