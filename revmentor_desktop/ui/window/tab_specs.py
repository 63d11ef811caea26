"""The window's tabs as specs: each one's title and how to load its class, in order, and `TabOf`,
the window's typed attribute for one of them. Light on purpose: the window imports it before its
first paint, and the tab widget itself (`tab_host`) loads only when a file opens."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.window.later import WindowAttribute

if TYPE_CHECKING:
    from revmentor_desktop.ui.document import Document
    from revmentor_desktop.ui.goals import GoalsTab
    from revmentor_desktop.ui.journal import JournalTab
    from revmentor_desktop.ui.overview import OverviewTab
    from revmentor_desktop.ui.practice import PracticeTab
    from revmentor_desktop.ui.skills import SkillsTab
    from revmentor_desktop.ui.swot import SwotTab
    from revmentor_desktop.ui.window.tab_host import TabHost

W = TypeVar("W", bound=QWidget)


@dataclass(frozen=True)
class TabSpec(Generic[W]):
    #: in English, with its mnemonic (&): the tab's name in the code (the guide's links, the
    #: Overview's steps), and its source text for translation (context "TabHost")
    title: str
    #: the tab's package under `revmentor_desktop.ui` ("goals"); it is imported only when the tab
    #: is built
    package: str
    #: the tab's class, as that package exports it ("GoalsTab")
    class_name: str

    def load(self) -> Callable[[Document, QWidget | None], W]:
        """The tab's class (called with the open document and the tab widget that holds it); its
        package is imported now if it was not yet."""
        from importlib import import_module

        module = import_module(f"revmentor_desktop.ui.{self.package}")
        tab_class: Callable[[Document, QWidget | None], W] = getattr(module, self.class_name)
        return tab_class

    def shown_title(self) -> str:
        """The title as the tab shows it: in the user's language when there is a translation."""
        return QCoreApplication.translate("TabHost", self.title)


def plain_title(title: str) -> str:
    """A title without its mnemonics ("&&" is a plain "&")."""
    return title.replace("&&", "\0").replace("&", "").replace("\0", "&")


OVERVIEW: TabSpec[OverviewTab] = TabSpec(QT_TRANSLATE_NOOP("TabHost", "&Overview"), "overview", "OverviewTab")
GOALS: TabSpec[GoalsTab] = TabSpec(QT_TRANSLATE_NOOP("TabHost", "&Goals"), "goals", "GoalsTab")
JOURNAL: TabSpec[JournalTab] = TabSpec(QT_TRANSLATE_NOOP("TabHost", "&Journal"), "journal", "JournalTab")
SWOT: TabSpec[SwotTab] = TabSpec(QT_TRANSLATE_NOOP("TabHost", "S&WOT"), "swot", "SwotTab")
SKILLS: TabSpec[SkillsTab] = TabSpec(QT_TRANSLATE_NOOP("TabHost", "S&kills"), "skills", "SkillsTab")
PRACTICE: TabSpec[PracticeTab] = TabSpec(
    QT_TRANSLATE_NOOP("TabHost", "&Check-ins && Reviews"), "practice", "PracticeTab")

#: Every tab, in order; View › Ctrl+1… follow this order. The first is built with the window's data.
TABS = (OVERVIEW, GOALS, JOURNAL, SWOT, SKILLS, PRACTICE)


def shown_name(name: str) -> str:
    """A tab's English name without mnemonics ("Goals") as the tab shows it: translated, when there
    is a translation (the guide's links say where they go in the user's language)."""
    for spec in TABS:
        if plain_title(spec.title).casefold() == name.casefold():
            return plain_title(spec.shown_title())
    return name


class HoldsTabs(Protocol):
    tabs: TabHost | None  # None while no partnership is open


class TabOf(WindowAttribute[HoldsTabs, W]):
    """`window.goals_tab` and the like: the open partnership's tab that a spec describes, typed and
    built on first use (AttributeError while no partnership is open)."""

    def __init__(self, spec: TabSpec[W]) -> None:
        self._spec = spec

    def value(self, holder: HoldsTabs) -> W:
        if holder.tabs is None:
            raise AttributeError(f"no partnership is open, so there is no {self._spec.title} tab")
        return holder.tabs.tab(self._spec)
