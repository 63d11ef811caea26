"""How the Overview words a date: the day itself (or a dash), and how far it is from today."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from revmentor_desktop.report.text import day_text


def day_or_dash(value: date | None) -> str:
    return day_text(value, empty="—")


def relative(value: date, today: date) -> str:
    days = (value - today).days
    if days == 0:
        return QCoreApplication.translate("Dates", "today")
    if days == 1:
        return QCoreApplication.translate("Dates", "tomorrow")
    if days == -1:
        return QCoreApplication.translate("Dates", "yesterday")
    if days > 0:
        return QCoreApplication.translate("Dates", "in {n} days").format(n=days)
    return QCoreApplication.translate("Dates", "{n} days ago").format(n=-days)
