"""The two grids and their four quadrants: order, names, keyboard moves and colours.

The words here are marked for translation (QT_TRANSLATE_NOOP) and translated where they are shown:
the quadrants' subtitles, placeholders and hints by `QuadrantPanel`, the legend by `SwotTab`."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette

from revmentor_desktop.data.vocab import QUADRANT_LABELS, Quadrant, Role
from revmentor_desktop.report.text import vocab
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP

GRIDS: tuple[str, str] = (Role.MENTOR, Role.MENTEE)
QUADRANTS: tuple[str, ...] = (Quadrant.STRENGTHS, Quadrant.WEAKNESSES, Quadrant.OPPORTUNITIES,
                              Quadrant.THREATS)

LEGEND = QT_TRANSLATE_NOOP(
    "SwotTab", "= in both grids (same words, ignoring case, punctuation, small words and word order)")

#: `vocab.QUADRANT_LABELS`' words, for pyside6-lupdate (data/ knows nothing of Qt):
#: `quadrant_label` translates them in the "vocab" context.
_QUADRANT_WORDS = (
    QT_TRANSLATE_NOOP("vocab", "Strengths"),
    QT_TRANSLATE_NOOP("vocab", "Weaknesses"),
    QT_TRANSLATE_NOOP("vocab", "Opportunities"),
    QT_TRANSLATE_NOOP("vocab", "Threats"),
)


#: Each quadrant's name inside a sentence ("Dana Lee's strengths"), translated where it is used.
QUADRANT_NOUNS: dict[str, str] = {
    Quadrant.STRENGTHS: QT_TRANSLATE_NOOP("QuadrantPanel", "strengths"),
    Quadrant.WEAKNESSES: QT_TRANSLATE_NOOP("QuadrantPanel", "weaknesses"),
    Quadrant.OPPORTUNITIES: QT_TRANSLATE_NOOP("QuadrantPanel", "opportunities"),
    Quadrant.THREATS: QT_TRANSLATE_NOOP("QuadrantPanel", "threats"),
}


def quadrant_label(quadrant: str) -> str:
    """A quadrant's name ("Strengths"), in the user's language; an unknown code as it is."""
    return vocab(QUADRANT_LABELS.get(quadrant, quadrant))


def role_name(grid: str) -> str:
    """Whose grid it is, as it follows a partner's name ("Dana Lee — mentor")."""
    if grid == Role.MENTOR:
        return QCoreApplication.translate("SwotTab", "mentor")
    if grid == Role.MENTEE:
        return QCoreApplication.translate("SwotTab", "mentee")
    return grid

# Quadrants are tinted the same way in both grids. On a light theme the tints are pale and every
# text colour on them dark; on a dark theme the tints are deep and the text light (contrast 7:1 or
# better for text, 4.5:1 for the muted lines, either way). `look(quadrant, dark)` gives the pair's.
TEXT = "#1f2328"
MUTED = "#4b5560"
LINK = "#5b3fa6"
DARK_TEXT = "#e8eaed"
DARK_MUTED = "#a9b1ba"
DARK_LINK = "#b9a3ff"


@dataclass(frozen=True)
class QuadrantLook:
    tint: str  # the quadrant's background
    base: str  # behind its items
    border: str
    accent: str  # its heading and bullets (dark enough for text)
    selection: str
    subtitle: str
    placeholder: str
    hint: str  # shown in an empty quadrant


LOOKS: dict[str, QuadrantLook] = {
    Quadrant.STRENGTHS: QuadrantLook(
        "#e4f3e8", "#f7fcf8", "#a9d5b6", "#1e6b3c", "#bfe3ca",
        QT_TRANSLATE_NOOP("QuadrantPanel", "Internal · helps"),
        QT_TRANSLATE_NOOP("QuadrantPanel", "Add a strength…"),
        QT_TRANSLATE_NOOP("QuadrantPanel", "What do you do well?\nWhat do people come to you for?")),
    Quadrant.WEAKNESSES: QuadrantLook(
        "#fcefd9", "#fffaf2", "#e8c58c", "#8a4b00", "#f5d9a8",
        QT_TRANSLATE_NOOP("QuadrantPanel", "Internal · holds back"),
        QT_TRANSLATE_NOOP("QuadrantPanel", "Add a weakness…"),
        QT_TRANSLATE_NOOP("QuadrantPanel", "Where could you improve?\nWhat do you tend to avoid?")),
    Quadrant.OPPORTUNITIES: QuadrantLook(
        "#e3ecfa", "#f6f9fe", "#a8c1e8", "#1b4f9c", "#c3d5f3",
        QT_TRANSLATE_NOOP("QuadrantPanel", "External · could help"),
        QT_TRANSLATE_NOOP("QuadrantPanel", "Add an opportunity…"),
        QT_TRANSLATE_NOOP("QuadrantPanel", "What around you could you\nmake the most of?")),
    Quadrant.THREATS: QuadrantLook(
        "#fae4e7", "#fef7f8", "#e5a9b1", "#9b2636", "#f2c4ca",
        QT_TRANSLATE_NOOP("QuadrantPanel", "External · could harm"),
        QT_TRANSLATE_NOOP("QuadrantPanel", "Add a threat…"),
        QT_TRANSLATE_NOOP("QuadrantPanel", "What around you could\nget in your way?")),
}

#: The same quadrants for a dark theme: deep tints, light accents (same words, same order).
DARK_LOOKS: dict[str, QuadrantLook] = {
    q: QuadrantLook(tint, base, border, accent, selection, LOOKS[q].subtitle, LOOKS[q].placeholder,
                    LOOKS[q].hint)
    for q, (tint, base, border, accent, selection) in {
        Quadrant.STRENGTHS: ("#1e3324", "#17281c", "#3f7050", "#8fd6a4", "#2f5a3c"),
        Quadrant.WEAKNESSES: ("#3a2c14", "#2c2110", "#7d5d28", "#f0bb66", "#5a4420"),
        Quadrant.OPPORTUNITIES: ("#1b2a40", "#142032", "#3d5e8f", "#9cc2f7", "#2c4870"),
        Quadrant.THREATS: ("#3b1f24", "#2d171b", "#803c48", "#f39ca8", "#5e2c35"),
    }.items()
}


def look(quadrant: str, dark: bool) -> QuadrantLook:
    return (DARK_LOOKS if dark else LOOKS)[quadrant]


def ink(dark: bool) -> tuple[str, str, str]:
    """(text, muted, link) colours on a quadrant of the given darkness."""
    return (DARK_TEXT, DARK_MUTED, DARK_LINK) if dark else (TEXT, MUTED, LINK)


#: The undo step of adding an item to each quadrant (translated where it is used).
ADD_LABELS: dict[str, str] = {
    Quadrant.STRENGTHS: QT_TRANSLATE_NOOP("ItemEditing", "Add Strength"),
    Quadrant.WEAKNESSES: QT_TRANSLATE_NOOP("ItemEditing", "Add Weakness"),
    Quadrant.OPPORTUNITIES: QT_TRANSLATE_NOOP("ItemEditing", "Add Opportunity"),
    Quadrant.THREATS: QT_TRANSLATE_NOOP("ItemEditing", "Add Threat"),
}
MOVE_KEYS: dict[str, str] = {Quadrant.STRENGTHS: "Ctrl+Shift+S", Quadrant.WEAKNESSES: "Ctrl+Shift+W",
             Quadrant.OPPORTUNITIES: "Ctrl+Shift+O", Quadrant.THREATS: "Ctrl+Shift+T"}
OTHER_GRID_KEY = "Ctrl+Shift+G"


def other_grid(grid: str) -> str:
    return Role.MENTEE if grid == Role.MENTOR else Role.MENTOR


def quadrant_palette(base: QPalette, look: QuadrantLook, dark: bool = False) -> QPalette:
    TEXT, MUTED, _link = ink(dark)
    pal = QPalette(base)
    colours = {
        QPalette.ColorRole.Window: look.tint,
        QPalette.ColorRole.WindowText: TEXT,
        QPalette.ColorRole.Base: look.base,
        QPalette.ColorRole.AlternateBase: look.base,
        QPalette.ColorRole.Text: TEXT,
        QPalette.ColorRole.PlaceholderText: MUTED,
        QPalette.ColorRole.Highlight: look.selection,
        QPalette.ColorRole.HighlightedText: TEXT,
        QPalette.ColorRole.Button: look.base,
        QPalette.ColorRole.ButtonText: TEXT,
        QPalette.ColorRole.ToolTipText: TEXT,
    }
    for role, colour in colours.items():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            pal.setColor(group, role, QColor(colour))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, QColor(look.tint))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(MUTED))
    return pal

