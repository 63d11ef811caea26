"""Layout arithmetic: how a table's columns share its width. Pure functions on plain numbers (no Qt),
so the rules can be tested without fonts or a display."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

Col = TypeVar("Col", bound=Hashable)


def fit_columns(available: int, wanted: Mapping[Col, int], minimum: Mapping[Col, int], stretch: Col,
                floor: int, droppable: Sequence[Col] = (),
                comfortable: Mapping[Col, int] | None = None) -> dict[Col, int]:
    """Share `available` pixels between the columns of `wanted`; a width of 0 means "hide it".

    `wanted` is each column's ideal width, `minimum` the least it can show sensibly (a column
    never gets less, unless it is dropped), and `comfortable` (default: `minimum`) the least at
    which it still shows its text whole, in some form. `stretch` is the column that takes
    whatever is left over (the title); `floor` is how far it narrows before any other column
    has to. `droppable` lists columns, first to go first, that may be hidden to spare the
    others from going below comfortable.

    When not everything fits, each step is taken only as far as needed:

    1. the stretch column narrows from its wanted width to `floor`;
    2. the other columns narrow toward their comfortable widths, each giving up the same share
       of its slack, so no single column is squeezed first;
    3. droppable columns are hidden, in order, until the rest fit beside the floor at their
       comfortable widths (what a hidden column freed goes back to the others);
    4. the other columns narrow on toward their minimums, again by the same share of slack;
    5. the stretch column narrows from `floor` to its own minimum;
    6. only then do the columns overflow (every column at its minimum; the caller scrolls).

    So the widths add up to exactly `available` whenever the minimums fit, and the stretch
    column keeps at least `floor` whenever that and the other minimums fit.
    """
    want = {c: max(wanted[c], minimum[c]) for c in wanted}
    comfy = {c: min(max((comfortable or minimum).get(c, minimum[c]), minimum[c]), want[c]) for c in want}
    floor = min(max(floor, minimum[stretch]), want[stretch])
    kept = [c for c in want if c != stretch]
    widths = {c: want[c] for c in kept}
    if sum(widths.values()) + want[stretch] > available:
        room = available - floor  # for the columns beside the stretch column
        for col in droppable:
            if sum(comfy[c] for c in kept) <= room:
                break
            if col in kept:
                kept.remove(col)
        widths = {c: want[c] for c in kept}
        if sum(widths.values()) > room:
            if sum(comfy[c] for c in kept) <= room:
                widths = _shrink(widths, {c: comfy[c] for c in kept}, room)
            else:
                widths = _shrink({c: comfy[c] for c in kept}, {c: minimum[c] for c in kept}, room)
    result = dict.fromkeys(want, 0)
    result.update(widths)
    result[stretch] = max(minimum[stretch], available - sum(widths.values()))
    return result


def _shrink(wanted: dict[Col, int], minimum: dict[Col, int], room: int) -> dict[Col, int]:
    """Narrow the columns to add up to `room`, each by the same share of its slack; stop at the
    minimums. Whole pixels: the rounding is carried from column to column, so nothing is lost."""
    low = sum(minimum.values())
    if room <= low:
        return dict(minimum)
    slack = {c: wanted[c] - minimum[c] for c in wanted}
    total = sum(slack.values())
    spare = room - low  # < total, or there would be nothing to shrink
    widths: dict[Col, int] = {}
    running = given = 0
    for c in wanted:
        running += slack[c]
        share = running * spare // total - given
        given += share
        widths[c] = minimum[c] + share
    return widths


#: The most of the screen's free area a window takes unasked: the rest shows the desktop is there.
SCREEN_SHARE = 0.9


def fit_window(x: int, y: int, width: int, height: int,
               screen: tuple[int, int, int, int], share: float = SCREEN_SHARE) -> tuple[int, int, int, int]:
    """Where a window of the given geometry goes so that it fits `screen` (x, y, width, height of
    the screen's available area, in the same device-independent pixels): at most `share` of it
    in each direction, and wholly on it. A window that already fits stays exactly where it is;
    one that was too big is centred."""
    sx, sy, sw, sh = screen
    w = min(width, max(1, int(sw * share)))
    h = min(height, max(1, int(sh * share)))
    if (w, h) != (width, height):  # shrunk: centre it, as a first window would be
        return sx + (sw - w) // 2, sy + (sh - h) // 2, w, h
    x = min(max(x, sx), sx + sw - w)
    y = min(max(y, sy), sy + sh - h)
    return x, y, w, h


def fit_minimum(width: int, height: int, screen: tuple[int, int, int, int],
                share: float = SCREEN_SHARE) -> tuple[int, int]:
    """A window's minimum size, lowered where the screen is smaller (a laptop at scale 2)."""
    return min(width, max(1, int(screen[2] * share))), min(height, max(1, int(screen[3] * share)))
