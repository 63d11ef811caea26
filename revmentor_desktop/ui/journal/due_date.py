"""The editor of an action item's due date: a line that takes a date typed as the user writes
dates ("12/03/2026" where days come first, "3/12/26" where months do, "12 Mar 2026" as the app
shows them, or 2026-03-12), a calendar under it (Alt+Down, or its arrow), Up and Down to move a
day, and nothing at all for "no due date".

A date field alone cannot be emptied, so it needed a date that meant "none" (1 Jan 1900): its
calendar opened in 1900, Up gave 2 Jan 1900, and typing met a field that held words. Here an
empty line is no date, and the calendar and the arrows start from the session's date."""

from __future__ import annotations

import re
from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QTextCharFormat, QValidator
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QStyle, QWidget

from revmentor_desktop.data.validation import MAX_YEAR, MIN_YEAR
from revmentor_desktop.report.text import DAY_FORMAT, day_text
from revmentor_desktop.ui.widgets import from_qdate, to_qdate

#: What separates a date's parts, as typed or in a format: all of it one space ("12.3.2026",
#: "12/3/2026" and "12-3-2026" are the same date to a reader).
_SEPARATORS = re.compile(r"[./\-,\s]+")


def _plain(text: str) -> str:
    return _SEPARATORS.sub(" ", text).strip()


def _formats(locale: QLocale) -> list[str]:
    """The formats a typed date is read in, the user's own first, their separators made spaces."""
    out: list[str] = []
    for kind in (QLocale.FormatType.ShortFormat, QLocale.FormatType.LongFormat):
        own = re.sub(r"d{3,4}\W*", "", locale.dateFormat(kind))  # no weekday: "12. März 2026"
        loose = own.replace("dd", "d").replace("MM", "M") if "MMM" not in own else own
        out += [own, loose]
        if "yyyy" in loose:
            out.append(loose.replace("yyyy", "yy"))
        elif "yy" in loose:
            out.append(loose.replace("yy", "yyyy"))
    out += [DAY_FORMAT, "d MMMM yyyy", "MMM d yyyy", "MMMM d yyyy", "yyyy M d"]
    return list(dict.fromkeys(map(_plain, out)))


def parse_day(text: str, today: date, locale: QLocale | None = None) -> date | None:
    """The day `text` names, in the user's way of writing dates (whatever separates its parts)
    or one of the plain ones; None when it names none (or one outside the years the file keeps).
    Two-digit years fall in the century around `today`."""
    text = _plain(text)
    if not text:
        return None
    locale = locale or QLocale()
    for fmt in _formats(locale):
        parsed = locale.toDate(text, fmt, today.year - 50) if "yyyy" not in fmt else \
            locale.toDate(text, fmt)
        if parsed.isValid() and MIN_YEAR <= parsed.year() <= MAX_YEAR:
            return from_qdate(parsed)
    return None


class _DayValidator(QValidator):
    """Empty or a day: acceptable; anything else may still become one (never refused outright,
    so the user can type freely and Enter commits only a date or nothing)."""

    def __init__(self, edit: DueDateEdit) -> None:
        super().__init__(edit)
        self._edit = edit

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        ok = not text.strip() or parse_day(text, self._edit.start) is not None
        return (QValidator.State.Acceptable if ok else QValidator.State.Intermediate), text, pos


class DueDateEdit(QLineEdit):
    """A due date, or none (the line left empty)."""

    #: a day was chosen in the calendar: the editor is done
    picked = Signal()

    def __init__(self, start: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.start = start  # where the calendar and the arrows begin when there is no date
        self.setPlaceholderText(self.tr("No due date"))
        self.setClearButtonEnabled(True)
        self.setAccessibleName(self.tr("Due date"))
        self.setToolTip(self.tr("Type a date, or pick one (Alt+Down); Up and Down move a day; "
                                "empty: no due date"))
        self.setValidator(_DayValidator(self))
        arrow = self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown)
        self.calendar_action = QAction(arrow, self.tr("Pick a date"), self)
        self.calendar_action.setToolTip(self.tr("Pick a date (Alt+Down)"))
        self.calendar_action.triggered.connect(self.show_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar: QCalendarWidget | None = None

    def value(self) -> date | None:
        """The date typed (None: none, or not a date: see `hasAcceptableInput`)."""
        return parse_day(self.text(), self.start)

    def set_value(self, value: date | None) -> None:
        self.setText(day_text(value))
        self.selectAll()

    def _step(self, days: int) -> None:
        current = self.value()
        new = self.start if current is None else current + timedelta(days=days)
        if MIN_YEAR <= new.year <= MAX_YEAR:
            self.set_value(new)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not mods & Qt.KeyboardModifier.AltModifier:
            self._step(1 if key == Qt.Key.Key_Up else -1)
        elif key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and mods & Qt.KeyboardModifier.AltModifier):
            self.show_calendar()
        else:
            super().keyPressEvent(event)

    def show_calendar(self) -> None:
        """The month of the date typed (else the session's), under the line; a click or Enter
        there chooses the day."""
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setMinimumDate(QDate(MIN_YEAR, 1, 1))
            self.calendar.setMaximumDate(QDate(MAX_YEAR, 12, 31))
            self.calendar.setAccessibleName(self.tr("Due date calendar"))
            for weekend in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):  # Qt's own red: the
                self.calendar.setWeekdayTextFormat(weekend, QTextCharFormat())  # palette's, here
            self.calendar.activated.connect(self._chosen)
            self.calendar.clicked.connect(self._chosen)
        day = to_qdate(self.value() or self.start)
        self.calendar.setSelectedDate(day)
        self.calendar.setCurrentPage(day.year(), day.month())
        self.calendar.adjustSize()
        self.calendar.move(self._popup_place(self.calendar.sizeHint()))
        self.calendar.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _popup_place(self, size: QSize) -> QPoint:
        """Under the line, its left edges together; kept on the screen (above the line when
        there is no room under it, its right edge with the line's at the screen's right)."""
        below = self.mapToGlobal(QPoint(0, self.height()))
        screen = self.screen().availableGeometry()
        x = below.x() if below.x() + size.width() <= screen.right() + 1 else \
            self.mapToGlobal(QPoint(self.width(), 0)).x() - size.width()
        y = below.y() if below.y() + size.height() <= screen.bottom() + 1 else \
            self.mapToGlobal(QPoint(0, 0)).y() - size.height()
        return QPoint(max(screen.left(), x), max(screen.top(), y))

    def _chosen(self, day: QDate) -> None:
        assert self.calendar is not None
        self.calendar.hide()
        self.set_value(from_qdate(day))
        self.setFocus(Qt.FocusReason.PopupFocusReason)
        self.picked.emit()
