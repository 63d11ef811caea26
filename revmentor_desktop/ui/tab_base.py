"""What the window's tabs share in their code (`ui.tab.Tab` is what the window asks of them):
`DocumentTab`, a tab that follows its document's changes itself; `FormTab`, one whose waiting
typing is all in one form; `QuietFlag` and `select_row`, to move a list's selection without that
counting as the user's pick. Light: Qt widgets only, no tab's package."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QWidget

if TYPE_CHECKING:
    from revmentor_desktop.data.commands import Changes
    from revmentor_desktop.ui.document import Document


class DocumentTab(QWidget):
    """A tab over the open document. It subscribes itself to `doc.changed` before anything else is
    built, and redraws in `on_changed` what a change concerns, skipping its own edits."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        doc.changed.connect(self.on_changed)  # the tab listens for itself; skips its own edits
        self.doc = doc

    def on_changed(self, kinds: Changes, initiator: object = None) -> None:
        raise NotImplementedError


class TypingForm(Protocol):
    """The form that holds a `FormTab`'s typing."""

    def flush(self) -> None: ...

    def has_unsaved(self) -> bool: ...


class FormTab(DocumentTab):
    """A tab whose typing waiting for its debounce is all in one form (`form`, set while the tab
    is built): saving it, and asking whether any is left unsaved, go to that form."""

    form: TypingForm

    def flush(self) -> None:
        self.form.flush()

    def has_unsaved(self) -> bool:
        return self.form.has_unsaved()


class QuietFlag:
    """True inside `with flag:`: while the code itself moves a selection (a reload, a filter, a
    pick put back), so that the selection's handler can tell that from the user's pick. Blocks
    nest: a reload inside a reload leaves the flag set until the outer one ends."""

    def __init__(self) -> None:
        self._depth = 0

    def __bool__(self) -> bool:
        return self._depth > 0

    def __enter__(self) -> None:
        self._depth += 1

    def __exit__(self, *_exc: object) -> None:
        self._depth -= 1


def select_row(view: QAbstractItemView, index: QModelIndex, *, scroll: bool = False) -> bool:
    """Make `index`'s row the view's current and only selected one (scrolled to, if asked), or
    clear the selection when `index` is not valid; whether it was."""
    sm = view.selectionModel()
    if not index.isValid():
        sm.clearSelection()
        return False
    sm.setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    if scroll:
        view.scrollTo(index)
    return True
