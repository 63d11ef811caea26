"""The Journal tab's building blocks: the editor's long-text boxes, bold captions and the notes
preview that renders Markdown without reading anything outside the note; rows of controls; the
line under the list that counts what it shows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, QUrl
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTextBrowser,
    QWidget,
)

from revmentor_desktop.report.markdown import ClosedDocument, closed_resource, set_markdown
from revmentor_desktop.ui.widgets import PLAIN, plain_tooltip


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
    """A bold label over a field; its "&" marks the shortcut that moves to `buddy`. It wraps: a
    caption holding a partner's long name must not make the editor wider than a small window
    (the editor then scrolls sideways, and paints a second scroll bar at every visit)."""
    label = QLabel(text, parent)
    label.setTextFormat(PLAIN)  # partner names appear in captions: never render them as HTML
    label.setWordWrap(True)
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


class StatusLine(QWidget):
    """One line of plain text that changes often: the count under the entry list, new at every
    search keystroke. A QLabel asks the whole window to lay itself out again whenever its text
    changes (the main window then re-applies its layout, and half the window is repainted, the
    editor's scroll bar included); this line only repaints itself. Its width is whatever the row
    leaves it; a text too long for it ends in "…" and is shown whole in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text == self._text:
            return
        self._text = text
        self.setAccessibleName(text)
        self.setToolTip("")  # set again at the next paint, if the text does not fit
        self.update()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        # Wide enough for the longest count it shows (the Journal tab's words) up to 10,000 sessions.
        sample = QCoreApplication.translate("JournalTab", "{shown} of {total} sessions match").format(
            shown="10,000", total="10,000")
        return QSize(metrics.horizontalAdvance(sample), metrics.height() + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height() + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        metrics = self.fontMetrics()
        shown = metrics.elidedText(self._text, Qt.TextElideMode.ElideRight, self.width())
        if shown != self._text and not self.toolTip():
            self.setToolTip(plain_tooltip(self._text))
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         shown)
