"""The two grids and their four quadrants: order, names, keyboard moves and colours."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from revmentor_desktop.data.vocab import Quadrant, Role

GRIDS: tuple[str, str] = (Role.MENTOR, Role.MENTEE)
QUADRANTS: tuple[str, ...] = (Quadrant.STRENGTHS, Quadrant.WEAKNESSES, Quadrant.OPPORTUNITIES,
                              Quadrant.THREATS)
ROLE_NAMES: dict[str, str] = {Role.MENTOR: "mentor", Role.MENTEE: "mentee"}

LEGEND = "= in both grids (same words, ignoring case, punctuation, small words and word order)"

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
    Quadrant.STRENGTHS: QuadrantLook("#e4f3e8", "#f7fcf8", "#a9d5b6", "#1e6b3c", "#bfe3ca",
                                     "Internal · helps", "Add a strength…",
                                     "What do you do well?\nWhat do people come to you for?"),
    Quadrant.WEAKNESSES: QuadrantLook("#fcefd9", "#fffaf2", "#e8c58c", "#8a4b00", "#f5d9a8",
                                      "Internal · holds back", "Add a weakness…",
                                      "Where could you improve?\nWhat do you tend to avoid?"),
    Quadrant.OPPORTUNITIES: QuadrantLook("#e3ecfa", "#f6f9fe", "#a8c1e8", "#1b4f9c", "#c3d5f3",
                                         "External · could help", "Add an opportunity…",
                                         "What around you could you\nmake the most of?"),
    Quadrant.THREATS: QuadrantLook("#fae4e7", "#fef7f8", "#e5a9b1", "#9b2636", "#f2c4ca",
                                   "External · could harm", "Add a threat…",
                                   "What around you could\nget in your way?"),
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


SINGULAR: dict[str, str] = {Quadrant.STRENGTHS: "Strength", Quadrant.WEAKNESSES: "Weakness",
            Quadrant.OPPORTUNITIES: "Opportunity", Quadrant.THREATS: "Threat"}
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

