"""How the Overview words a date: the day itself (or a dash), and how far it is from today."""

from __future__ import annotations

from datetime import date

from revmentor_desktop.report.text import day_text


def day_or_dash(value: date | None) -> str:
    return day_text(value, empty="—")


def relative(value: date, today: date) -> str:
    days = (value - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"
