"""The Journal tab's building blocks: the editor's long-text boxes, bold captions and the notes
preview that renders Markdown without reading anything outside the note; rows of controls."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QWidget,
)

from revmentor_desktop.report.markdown import ClosedDocument, closed_resource, set_markdown
from revmentor_desktop.ui.widgets import PLAIN


class NotesPreview(QTextBrowser):
    """The notes rendered as Markdown, reading nothing outside them.

    A note may come from a partner's file: an image or link naming a local file (or a FIFO that
    never answers) must not be opened, so the document and the browser both answer every resource
    with a placeholder, links are not followed and there are no search paths to resolve against.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocument(ClosedDocument(self))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])

    def loadResource(self, type: int, name: QUrl | str) -> object:
        return closed_resource(type)

    def show_notes(self, notes: str) -> None:
        document = self.document()
        assert isinstance(document, ClosedDocument)
        set_markdown(document, notes)




def caption(text: str, buddy: QWidget, parent: QWidget) -> QLabel:
    """A bold label over a field; its "&" marks the shortcut that moves to `buddy`."""
    label = QLabel(text, parent)
    label.setTextFormat(PLAIN)  # partner names appear in captions: never render them as HTML
    label.setBuddy(buddy)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def stretch_row(first: QWidget, *rest: QWidget) -> QHBoxLayout:
    """A row of controls in which the first takes the width the others leave."""
    row = QHBoxLayout()
    row.addWidget(first, 1)
    for widget in rest:
        row.addWidget(widget)
    return row
