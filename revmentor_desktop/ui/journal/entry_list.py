"""The list of journal entries beside the editor: newest first, narrowed (with snippets of the
matching text) while a search is on.

The list is painted at every search keystroke, a cell at a time, each cell asking `data` for
seven roles: `data` answers the roles it has nothing for at once, and the text of a row is made
once (its snippet when the rows on screen first need one, a screenful per query)."""

from __future__ import annotations

from itertools import compress

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, Qt

from revmentor_desktop.data import journal as jr
from revmentor_desktop.data import reads
from revmentor_desktop.report.text import day_text
from revmentor_desktop.ui.document import Document
from revmentor_desktop.ui.icons import lock_icon
from revmentor_desktop.ui.tables import ROOT, Index
from revmentor_desktop.ui.translations import QT_TRANSLATE_NOOP
from revmentor_desktop.ui.widgets import plain_tooltip


def rating_text(e: reads.EntrySummary) -> str:
    """The Rating column: each partner's usefulness, the mentor's first ("4★ · 5★", "– · 3★"); an
    entry from before they were kept apart shows its one earlier rating ("4★")."""
    if e.mentor_rating is None and e.mentee_rating is None:
        return f"{e.rating}★" if e.rating is not None else ""
    return " · ".join(f"{r}★" if r is not None else "–" for r in (e.mentor_rating, e.mentee_rating))


def rating_words(e: reads.EntrySummary, mentor: str, mentee: str) -> str:
    """The Rating column in words, each rating named by whose it is."""
    if e.mentor_rating is None and e.mentee_rating is None:
        if e.rating is None:
            return QCoreApplication.translate("EntryListModel", "Not rated")
        return QCoreApplication.translate(
            "EntryListModel", "Earlier rating (whose was not recorded): {rating} of 5").format(rating=e.rating)
    rated = QCoreApplication.translate("EntryListModel", "Useful for {name}: {rating} of 5")
    unrated = QCoreApplication.translate("EntryListModel", "Useful for {name}: not rated")
    return "\n".join(unrated.format(name=name) if r is None else rated.format(name=name, rating=r)
                     for name, r in ((mentor, e.mentor_rating), (mentee, e.mentee_rating)))

_DISPLAY = Qt.ItemDataRole.DisplayRole
_DECORATION = Qt.ItemDataRole.DecorationRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
_USER = Qt.ItemDataRole.UserRole
_ANSWERED = frozenset({_DISPLAY, _DECORATION, _TOOLTIP, _ACCESSIBLE, _USER})


def search_words(text: str) -> tuple[str, ...]:
    """The words a search looks for, as the snippets mark them (case and accents aside)."""
    return tuple(dict.fromkeys(w.casefold() for w in jr.search_words(text)))


class EntryListModel(QAbstractTableModel):
    """Entries newest first: date, topics (or, while searching, the matching text), rating."""

    DATE, TOPICS, RATING = range(3)
    HEADERS = (QT_TRANSLATE_NOOP("EntryListModel", "Date"), QT_TRANSLATE_NOOP("EntryListModel", "Topics"),
               QT_TRANSLATE_NOOP("EntryListModel", "Rating"))

    def __init__(self, doc: Document) -> None:
        super().__init__()
        self._doc = doc
        self._all: list[reads.EntrySummary] = []
        self._all_ids: list[int] = []
        self._rows: list[reads.EntrySummary] = []
        self._row_ids: list[int] = []
        self._dates: dict[int, str] = {}  # entry id -> its date as shown
        self._snippets: dict[int, str] | None = None  # entry id -> snippet, while searching
        self._hits: set[int] | None = None
        self._query = ""
        self._words: tuple[str, ...] = ()
        self._names = (self.tr("the mentor"), self.tr("the mentee"))

    def set_names(self, mentor: str, mentee: str) -> None:
        """Whose ratings the Rating column's tooltips name."""
        self._names = (mentor, mentee)

    # loading and filtering
    def reload(self) -> None:
        self.beginResetModel()
        self._all = reads.list_entries(self._doc.store, include_private=not self._doc.hide_private)
        self._all_ids = [e.id for e in self._all]
        self._dates.clear()
        if self._snippets is not None:
            self._snippets = {}
        self._apply_filter()
        self.endResetModel()

    def set_hits(self, ids: set[int] | list[int] | None, text: str = "") -> None:
        """Show only the entries among `ids` (None: all), in the list's own order; snippets of
        `text` are made as rows are shown.

        Typing the rest of a word seldom changes which entries match: then the rows stay as they
        are (the view keeps its place, its selection and its scroll bar) and only their snippets
        are made again, if the words changed at all (a space typed: nothing to do)."""
        hits = None if ids is None else (ids if isinstance(ids, set) else set(ids))
        words = search_words(text) if hits is not None else ()
        self._query = text
        if hits is not None and self._hits is not None and hits == self._hits:
            if words != self._words:
                self._words = words
                self.forget_snippets()
            return
        self.beginResetModel()
        self._hits = hits
        self._snippets = None if hits is None else {}
        self._words = words
        self._apply_filter()
        self.endResetModel()

    def forget_snippets(self) -> None:
        """The words or the entries' text changed: the snippets on screen are made again."""
        if self._snippets is None:
            return
        self._snippets = {}
        if self._rows:
            last = len(self._rows) - 1
            self.dataChanged.emit(self.index(0, self.TOPICS), self.index(last, self.TOPICS),
                                  [Qt.ItemDataRole.DisplayRole])

    def _apply_filter(self) -> None:
        if self._hits is None:
            self._rows, self._row_ids = self._all, self._all_ids
        else:
            keep = list(map(self._hits.__contains__, self._all_ids))
            self._rows = list(compress(self._all, keep))
            self._row_ids = list(compress(self._all_ids, keep))

    #: Rows whose snippets one query makes: the view sets it to the rows it shows (`show_rows`).
    snippet_batch = 32

    def show_rows(self, rows: int) -> None:
        """The view shows this many rows at a time: snippets are made for that many, no more."""
        self.snippet_batch = max(1, rows)

    def _snippet(self, row: int) -> str:
        snippets = self._snippets
        assert snippets is not None
        entry_id = self._row_ids[row]
        found = snippets.get(entry_id)
        if found is None:
            batch = [i for i in self._row_ids[row:row + self.snippet_batch] if i not in snippets]
            snippets.update(jr.snippets_for(self._doc.store, batch, self._query))
            found = snippets.get(entry_id, "")
        return found

    def _date(self, e: reads.EntrySummary) -> str:
        shown = self._dates.get(e.id)
        if shown is None:
            shown = self._dates[e.id] = day_text(e.held_on)
        return shown

    @property
    def searching(self) -> bool:
        return self._hits is not None

    def total(self) -> int:
        return len(self._all)

    def entry_at(self, row: int) -> reads.EntrySummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, entry_id: int) -> int:
        try:
            return self._row_ids.index(entry_id)
        except ValueError:
            return -1

    # the model interface
    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == self.TOPICS and self.searching:
                return self.tr("Matching text")
            return self.tr(self.HEADERS[section])
        if role == _TOOLTIP and section == self.RATING:
            mentor, mentee = self._names
            return plain_tooltip(self.tr("How useful the session was for {mentor} · for {mentee}").format(
                mentor=mentor, mentee=mentee))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _ANSWERED:
            return None  # font, colours, alignment, check state…: the view's own
        row = index.row()
        if not 0 <= row < len(self._rows):  # an invalid index has row -1
            return None
        e = self._rows[row]
        col = index.column()
        if role == _DISPLAY:
            if col == self.TOPICS:
                if self._snippets is not None:
                    return self._snippet(row) or e.topics
                return e.topics or self.tr("(no topics)")
            return self._date(e) if col == self.DATE else rating_text(e)
        if role == _DECORATION:
            return lock_icon() if col == self.DATE and e.private else None
        if role == _TOOLTIP:
            if col == self.RATING:
                return plain_tooltip(rating_words(e, *self._names))  # names are the user's text
            parts = [self.tr("{day} · {minutes} min").format(day=self._date(e), minutes=e.duration_minutes)]
            if e.topics:
                parts.append(e.topics)
            if e.private:
                parts.append(self.tr("Private: never exported, hidden in screen-share mode"))
            return "\n".join(parts)
        if role == _ACCESSIBLE:
            if col == self.RATING:
                return rating_words(e, *self._names).replace("\n", "; ")
            text = str(self.data(index, _DISPLAY)).replace(jr.HIT_START, "").replace(jr.HIT_END, "")
            return self.tr("{text} (private)").format(text=text) if col == self.DATE and e.private else text
        return e.id  # the user role
