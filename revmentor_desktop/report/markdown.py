"""Notes are Markdown, rendered by Qt's own Markdown support with raw HTML switched off."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

#: GitHub-flavoured Markdown without raw HTML: `<b>` typed in a note shows as the characters "<b>".
MARKDOWN_FEATURES = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)


def set_markdown(document: QTextDocument, text: str) -> None:
    """Render `text` as Markdown into `document`; raw HTML and entities stay literal text."""
    # "&amp;" typed in a note means those five characters, not "&": escape every ampersand.
    document.setMarkdown(text.replace("&", "\\&"), MARKDOWN_FEATURES)
