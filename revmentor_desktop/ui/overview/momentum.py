"""The Overview's headline figures: last session, next due, sessions held, time together and
cadence kept, each on a card that can warn."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from revmentor_desktop.data import compute, reads
from revmentor_desktop.report.text import by_count
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.overview.dates import day_or_dash, relative
from revmentor_desktop.ui.theme import tone
from revmentor_desktop.ui.widgets import PLAIN, SheetFollowsTheme, backdrop, embolden


class StatCard(QFrame):
    """One figure with its caption and a line of detail."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("statCard")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        self.caption = QLabel(caption, self)
        self.value = QLabel(self)
        self.detail = QLabel(self)
        for label in (self.caption, self.value, self.detail):
            label.setTextFormat(PLAIN)
        self.detail.setWordWrap(True)
        self.caption.setWordWrap(True)
        embolden(self.value, 1.5)
        caption_row = QHBoxLayout()
        caption_row.setSpacing(4)
        self.icon = QLabel(self)  # its warning sign is drawn when the card first warns
        self.icon.setToolTip(self.tr("Needs attention"))
        self.icon.hide()
        caption_row.addWidget(self.icon)
        caption_row.addWidget(self.caption, 1)
        layout.addLayout(caption_row)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        self._warn = False
        self._look = SheetFollowsTheme(self, self._sheet)

    def set(self, value: str, detail: str = "", warn: bool = False) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        if warn and self.icon.pixmap().isNull():
            from revmentor_desktop.ui.icons import overdue_icon

            self.icon.setPixmap(overdue_icon().pixmap(16, 16))
        self.icon.setVisible(warn)
        self._warn = warn
        self._look.restyle()
        self.setAccessibleName(f"{self.caption.text()}: {value}. {detail}")

    def _sheet(self) -> str:
        """A warning card is amber: pale on a light theme, deep on a dark one (text 4.5:1 or more)."""
        if not self._warn:
            return ""
        around = backdrop(self)
        border, background = (tone("#c77700", "#d08a2c", around).name(),
                              tone("#fff4e0", "#3d2e16", around).name())
        return f"#statCard {{ border: 1px solid {border}; background: {background}; }}"


class MomentumPanel(QWidget):
    """Last session, next due, sessions held, hours together, cadence kept."""

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.last = StatCard(self.tr("Last session"), self)
        self.next = StatCard(self.tr("Next session due"), self)
        self.held = StatCard(self.tr("Sessions held"), self)
        self.hours = StatCard(self.tr("Time together"), self)
        self.kept = StatCard(self.tr("Cadence kept"), self)
        for card in (self.last, self.next, self.held, self.hours, self.kept):
            row.addWidget(card, 1)
        self._sessions: list[tuple[date, int]] | None = None
        self._key: tuple[date, int, date | None, date] | None = None  # start, cadence, closed, today
        self._days: list[date] = []
        self.reload()

    def reload(self, today: date | None = None, *, sessions_changed: bool = True) -> None:
        """Recompute; the session list (10,000 rows in a long partnership) is re-read only when
        sessions changed — a new cadence or start date reuses it."""
        today = today or date.today()
        p = self.doc.partnership()
        key = (p.start_date, p.cadence_days, p.closed_on, today)
        if not sessions_changed and self._sessions is not None and key == self._key:
            return  # e.g. a new organisation name: nothing here changes
        self._key = key
        if sessions_changed or self._sessions is None:
            # Every session, private ones too: hiding private entries hides what was said, not that
            # the pair met (the figures must not change when the window is made screen-safe).
            pre, self.doc.opening_sessions = self.doc.opening_sessions, None  # read while opening
            self._sessions = pre if pre is not None else reads.session_dates(self.doc.store)
            self._days = [d for d, _minutes in self._sessions]
        m = compute.momentum(p.start_date, p.cadence_days, self._sessions, today, closed_on=p.closed_on)
        if m.last_session is None:
            self.last.set(self.tr("None yet"), self.tr("Add your first session in the Journal"))
        else:
            self.last.set(day_or_dash(m.last_session), relative(m.last_session, today))
        every = self.tr("every {n} days").format(n=p.cadence_days)
        if p.closed_on is not None:
            self.next.set(self.tr("Closed"), self.tr("on {day}: no more sessions are asked for")
                          .format(day=day_or_dash(p.closed_on)))
        elif m.days_overdue > 0:
            late = by_count(m.days_overdue, self.tr("Overdue by {n} day"), self.tr("Overdue by {n} days"))
            self.next.set(late.format(n=m.days_overdue),
                          self.tr("was due {day} ({every})").format(day=day_or_dash(m.next_due), every=every),
                          warn=True)
        else:
            self.next.set(day_or_dash(m.next_due), f"{relative(m.next_due, today)} · {every}")
        self.held.set(str(m.sessions_held), self.tr("since {day}").format(day=day_or_dash(p.start_date)))
        hours = m.hours_together
        self.hours.set(self.tr("{hours} h").format(hours=f"{hours:.1f}" if hours % 1 else int(hours)),
                       self.tr("about {n} min a session").format(
                           n=round(m.minutes_together / m.sessions_held)) if m.sessions_held else "")
        share = m.share_kept
        if share is None:
            self.kept.set("—", self.tr("no cadence period has ended yet"))
        else:
            self.kept.set(f"{round(share * 100)}%",
                          self.tr("{kept} of {elapsed} periods had a session").format(
                              kept=m.periods_kept, elapsed=m.periods_elapsed),
                          warn=share < 0.6)
        self.momentum = m

    def session_days(self) -> list[date]:
        """The days of every session, oldest first, as last read (the practice box counts them too:
        one read of 10,000 rows serves both)."""
        return self._days
