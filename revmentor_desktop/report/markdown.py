"""Notes are Markdown, rendered by Qt's own Markdown support with raw HTML switched off.

A partnership file may come from someone else, so rendering a note must never make the app read,
or wait on, anything outside the file: every document that shows user text is a `ClosedDocument`,
which answers every resource it is asked for (an image, a style sheet) with a placeholder read
from nowhere, and a note's images are shown as their alt text.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtGui import QImage, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat

#: GitHub-flavoured Markdown without raw HTML: `<b>` typed in a note shows as the characters "<b>".
MARKDOWN_FEATURES = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)


#: What a note's image shows when it has no alt text.
IMAGE_NOT_SHOWN = "[image not shown]"


class ClosedDocument(QTextDocument):
    """A QTextDocument that reads nothing but its own text.

    Qt's default `loadResource` opens whatever a URL names: an image at `file:///etc/passwd`, a
    relative `x.png` (against the working folder or search paths), a FIFO that never answers and so
    freezes the window. Here every resource is a placeholder. An image must be a real (blank) image: given nothing, Qt's image
    handler falls back to opening the name itself.
    """

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        return closed_resource(type)  # whatever the name: nothing is read


def closed_resource(kind: int) -> Any:
    """The placeholder for any resource a document asks for: a blank pixel or no bytes."""
    if kind == QTextDocument.ResourceType.ImageResource:
        blank = QImage(1, 1, QImage.Format.Format_ARGB32)
        blank.fill(Qt.GlobalColor.transparent)
        return blank
    return QByteArray()


def set_markdown(document: ClosedDocument, text: str) -> None:
    """Render `text` as Markdown into `document`; raw HTML and entities stay literal text, and an
    image shows as its alt text in brackets (nothing is loaded; Qt drops one with no alt text)."""
    if not isinstance(document, ClosedDocument):  # a bug: a plain document would open files
        raise TypeError("notes render only into a ClosedDocument")
    # "&amp;" typed in a note means those five characters, not "&": escape every ampersand.
    document.setMarkdown(text.replace("&", "\\&"), MARKDOWN_FEATURES)
    _images_to_alt_text(document)


def _images_to_alt_text(document: QTextDocument) -> None:
    images: list[tuple[int, int, QTextCharFormat]] = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().isImageFormat():
                images.append((fragment.position(), fragment.length(), fragment.charFormat()))
            it += 1
        block = block.next()
    cursor = QTextCursor(document)
    for position, length, fmt in reversed(images):  # from the end: earlier positions stay valid
        alt = str(fmt.property(QTextFormat.Property.ImageAltText) or "").strip()
        marker = f"[{alt}]" if alt else IMAGE_NOT_SHOWN
        shown = QTextCharFormat()
        shown.setFontItalic(True)
        if fmt.isAnchor():  # an image inside a link stays inside it
            shown.setAnchor(True)
            shown.setAnchorHref(fmt.anchorHref())
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(marker * length, shown)
