"""What the window's tabs share in their code (`ui.tab.Tab` is what the window asks of them):
`DocumentTab`, a tab that follows its document's changes itself; `FormTab`, one whose typing all
is one form's. Light: Qt widgets only, no tab's package."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

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


class TabForm(Protocol):
    """The form a `FormTab`'s typing goes through."""

    def flush(self) -> None: ...

    def has_unsaved(self) -> bool: ...

    def show_problem(self, message: str) -> None: ...


class FormTab(DocumentTab):
    """A tab whose waiting typing is one form's (`form`, set while the tab is built): saving it,
    asking whether any is left unsaved and showing why an edit was refused go to that form."""

    form: TabForm

    def flush(self) -> None:
        self.form.flush()

    def has_unsaved(self) -> bool:
        return self.form.has_unsaved()

    def show_problem(self, message: str) -> None:
        self.form.show_problem(message)
