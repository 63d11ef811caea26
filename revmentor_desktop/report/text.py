"""User text set inside our own sentences: a name is isolated, so its direction stays its own;
days are written through QLocale; a sentence's singular or plural form is picked in one place.

A partner name may hold an RTL override (U+202E) or Arabic and Hebrew letters; set bare into
"Priya (mentor) took away" it turns the rest of the sentence round. `isolate()` wraps it in
FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (Unicode Bidirectional Algorithm, UAX #9).
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

FSI = "\u2068"  # FIRST STRONG ISOLATE: the name takes the direction of its first strong letter
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE
PDF = "\u202c"  # POP DIRECTIONAL FORMATTING: ends an embedding or override
LRI, RLI = "\u2066", "\u2067"
EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")  # LRE, RLE, LRO, RLO
ISOLATES = frozenset((LRI, RLI, FSI))


def isolate(name: str) -> str:
    """`name` as one unit in surrounding text, whatever direction marks it holds.

    Per UAX #9 (rule X6a) the closing PDI already ends every embedding and override opened inside
    the isolate; the name is balanced as well, so nothing leaks with renderers that predate
    isolates (they ignore FSI/PDI but honour PDF) and nothing in the name can close our isolate
    early: embeddings and isolates the name leaves open are closed (PDF, PDI) before our PDI, and
    a PDF or PDI in the name that closes nothing of its own is left out.
    """
    if not name:
        return ""  # nothing to keep apart (and "" stays falsy for `or "—"`)
    out: list[str] = []
    open_marks: list[str] = []  # what the name has opened and not closed, innermost last
    for ch in name:
        if ch in EMBEDDINGS or ch in ISOLATES:
            open_marks.append(ch)
        elif ch == PDF:
            if not open_marks or open_marks[-1] not in EMBEDDINGS:
                continue  # it would close nothing of the name's own
            open_marks.pop()
        elif ch == PDI:
            if not any(m in ISOLATES for m in open_marks):
                continue  # it would close our isolate
            while open_marks.pop() not in ISOLATES:  # a PDI ends the embeddings inside it too
                pass
        out.append(ch)
    closing = "".join(PDF if m in EMBEDDINGS else PDI for m in reversed(open_marks))
    return f"{FSI}{''.join(out)}{closing}{PDI}"


# -- dates as people read them ------------------------------------------------------------------------

#: Day, month and year in one fixed order, with the month named in the user's language: "12 Jan 2026"
#: (English), "12 janv. 2026" (French). A numeric short format would be ambiguous across locales.
DAY_FORMAT = "d MMM yyyy"


def day_text(value: date | None, empty: str = "") -> str:
    """A day as shown to people, everywhere (window and PDF): through QLocale, in one place."""
    if value is None:
        return empty
    return QLocale().toString(QDate(value.year, value.month, value.day), DAY_FORMAT)


def moment_text(value: datetime) -> str:
    """A day and time of day ("12 Jan 2026, 14:05"), in local time for an aware `value`."""
    local = value.astimezone() if value.tzinfo is not None else value
    when = QDateTime(QDate(local.year, local.month, local.day),
                     QTime(local.hour, local.minute))
    return QLocale().toString(when, f"{DAY_FORMAT}, {QLocale().timeFormat(QLocale.FormatType.ShortFormat)}")


# -- counts -----------------------------------------------------------------------------------------


def by_count(n: int, one: str, many: str) -> str:
    """`one` for a single thing, `many` for none or several (English's rule). Each form is a whole
    sentence, translated where it is written; this is the one home of the rule that picks between
    them, so that a move to Qt's plural forms (`tr(text, None, n)` with `%n`, which read well only
    with a translation loaded, English's included) is one change."""
    return one if n == 1 else many


def vocab(label: str) -> str:
    """One of data.vocab's labels in the user's language: data/ marks nothing for Qt, so the
    window (ui/, context "vocab") and the report translate them where they show them."""
    return QCoreApplication.translate("vocab", label)
