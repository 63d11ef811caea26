"""Journal helpers beyond plain rows: full-text search, topic suggestions, the carried-over agenda."""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from itertools import islice

from revmentor_desktop.data.reads import OpenAction
from revmentor_desktop.data.store import Store

#: Marks around matched words in search snippets (control characters never occur in stored text).
HIT_START = "\x02"
HIT_END = "\x03"

_TOKEN = re.compile(r"\w+", re.UNICODE)

@functools.cache
def hot_topics() -> dict[str, tuple[str, ...]]:
    """Topics worth a session, per standard focus area (the seeds' "hot topics"; rotate them):
    `hot_topics.json` beside this module, read the first time they are asked for."""
    text = resources.files(__package__).joinpath("hot_topics.json").read_text(encoding="utf-8")
    return {area: tuple(topics) for area, topics in json.loads(text).items()}


@dataclass(frozen=True)
class SearchHit:
    entry_id: int
    snippet: str  # text around the first match, matched words wrapped in HIT_START/HIT_END


def search_words(text: str) -> list[str]:
    """The words in what the user typed, as the search looks for them (each as a prefix)."""
    return _TOKEN.findall(text)


def fts_query(text: str) -> str | None:
    """Turn what the user typed into an FTS5 query: every word must match, as a prefix."""
    words = _TOKEN.findall(text)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words[:16])


def search_ids(store: Store, text: str, *, include_private: bool = True) -> list[int] | None:
    """Ids of the entries whose text matches every word typed (prefix match), newest first.

    None when `text` holds no searchable word (show everything). Only ids: FTS5's snippet() costs
    ten times the match itself, so snippets are made for the rows on screen (`snippets_for`).
    """
    query = fts_query(text)
    if query is None:
        return None
    sql = ("SELECT e.id FROM journal_fts JOIN journal_entry e ON e.id = journal_fts.rowid "
           "WHERE journal_fts MATCH ?")
    if not include_private:
        sql += " AND e.private = 0"
    sql += " ORDER BY e.held_on DESC, e.id DESC"
    with store.plain() as conn:
        return [int(row[0]) for row in conn.execute(sql, (query,))]


def matching_ids(store: Store, text: str) -> set[int] | None:
    """The ids of every entry, private ones included, that matches every word typed, in no order
    (None: no searchable word). For a caller that holds the entries it shows, in its own order,
    and narrows them to these: the index alone answers, with no join and no sort (a third of a
    keystroke's query when a short word matches most entries)."""
    query = fts_query(text)
    if query is None:
        return None
    with store.plain() as conn:
        # One row holding every id: building thousands of row tuples costs more than the split.
        (ids,) = conn.execute("SELECT group_concat(rowid) FROM journal_fts WHERE journal_fts MATCH ?",
                              (query,)).fetchone()
    return set(map(int, ids.split(","))) if ids else set()


# -- snippets: what the list shows of each hit ------------------------------------------------------

#: The columns a snippet may come from, in the order a tie goes: the feedback both ways before the
#: earlier feedback (files from before version 3), whose direction was never recorded.
_SNIPPET_COLUMNS = ("topics", "agenda", "notes", "mentor_takeaway", "mentee_takeaway",
                    "mentor_says_keep", "mentor_says_try", "mentee_says_keep", "mentee_says_try",
                    "feedback_good", "feedback_improve")


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _fold(text: str) -> str:
    """Case- and accent-insensitive form of text, as the FTS index sees it. ASCII text folds to its
    lower case, character for character, so positions found in the fold hold in the text."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold()))


def _aligned(text: str, folded: str) -> bool:
    """Whether each character of `text` folds to one character of `folded`, so a position found in
    the fold holds in the text: true of ASCII (folded by lower()), and of any text whose fold is
    as long and that holds no combining mark of its own (each character folds to one at least, so
    none folds to two). "ß" → "ss" and "…" → "..." are not."""
    return text.isascii() or (len(folded) == len(text) and not _COMBINING.search(text))


# Markdown that only shapes the text, and the plain text it stands for, in the order they are taken
# off; each only when the text holds one of its guards (most fields hold few kinds of markup). Raw
# HTML stays text (the notes preview renders it as typed), and so do entities.
_MARKUP: list[tuple[tuple[str, ...], re.Pattern[str], str]] = [
    (("```", "~~~"), re.compile(r"^[ \t]*(?:`{3,}|~{3,}).*$", re.M), ""),  # code fences
    (("---", "***", "___", "- -", "* *", "_ _"),  # rules, and setext underlines
     re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.M), ""),
    (("==",), re.compile(r"^[ \t]*=+[ \t]*$", re.M), ""),
    (("#",), re.compile(r"[ \t]+#+[ \t]*$", re.M), ""),  # closing hashes of a heading
    # quotes, headings, bullets, numbers and task boxes at a line's start, however nested
    (("",), re.compile(
        r"^[ \t]*(?:(?:>[ \t]?)|#{1,6}[ \t]+|[-*+][ \t]+|\d{1,9}[.)][ \t]+|\[[ xX]\][ \t]+)+", re.M),
     ""),
    (("`",), re.compile(r"(`+)(.+?)\1", re.S), r"\2"),  # code spans
    (("![",), re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # images: their alt text
    (("](",), re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links: their text
    (("][",), re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (("<",), re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),  # autolinks
    (("**", "__"), re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.S), r"\2"),  # strong
    (("~~",), re.compile(r"~~(?=\S)(.+?)(?<=\S)~~", re.S), r"\1"),  # struck out
    (("*",), re.compile(r"(?<![\\*\w])\*(?=[^\s*])(.+?)(?<=[^\s\\*])\*(?![*\w])", re.S), r"\1"),
    (("_",), re.compile(r"(?<![\\\w])_(?=[^\s_])(.+?)(?<=[^\s\\_])_(?!\w)", re.S), r"\1"),
    (("**",), re.compile(r"\*{2,}"), ""),  # markers left unpaired
    (("__",), re.compile(r"(?<!\w)_{2,}(?!\w)"), ""),
    (("\\",), re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~>])"), r"\1"),  # backslash escapes
]


def plain_text(markdown: str) -> str:
    """What a reader sees of Markdown: the words, without the marks that style or structure them
    (`**bold**` → bold, `[text](url)` → text, bullets, numbers, quotes and headings' #)."""
    text = markdown
    for guards, pattern, repl in _MARKUP:
        for guard in guards:
            if guard in text:
                text = pattern.sub(repl, text)
                break
    return text


@dataclass(frozen=True)
class _Words:
    """The words typed, folded once per search: each as a pattern at a word's start; one pattern
    for any of them that takes in the rest of the word it starts; and the most telling of them
    (the longest: "data" more than the "p" being typed after it), that a snippet is centred on."""

    folded: tuple[str, ...]
    starts: tuple[re.Pattern[str], ...]
    any_word: re.Pattern[str] | None
    telling: str
    anchor: re.Pattern[str] | None

    @classmethod
    def of(cls, words: Iterable[str]) -> _Words:
        folded = tuple(dict.fromkeys(f for f in (_fold(w) for w in words if w) if f))
        if not folded:
            return cls((), (), None, "", None)
        starts = tuple(re.compile(r"\b" + re.escape(w)) for w in folded)
        longest_first = sorted(folded, key=len, reverse=True)
        any_word = re.compile(r"\b(?:" + "|".join(map(re.escape, longest_first)) + r")\w*")
        telling = longest_first[0]
        return cls(folded, starts, any_word, telling, re.compile(r"\b" + re.escape(telling) + r"\w*"))

    def count_in(self, folded_text: str) -> int:
        """How many of the words occur in a folded text (each at a word's start)."""
        if self.any_word is None or not self.any_word.search(folded_text):
            return 0  # one search rejects the fields that hold none (most of them)
        if len(self.starts) == 1:
            return 1
        return sum(1 for p in self.starts if p.search(folded_text))

    def centre(self, text: str, folded: str) -> tuple[int, int] | None:
        """The word of `text` (`folded` is its fold) a snippet is centred on: the first that the
        most telling word starts, else the first that any word starts; None when none does."""
        if self.any_word is None or self.anchor is None:
            return None
        if _aligned(text, folded):
            m = self.anchor.search(folded) or self.any_word.search(folded)
            return m.span() if m else None
        first_any: tuple[int, int] | None = None
        for m in _TOKEN.finditer(text):  # folding may change lengths (ß → ss): word by word
            word = _fold(m.group())
            if word.startswith(self.telling):
                return m.span()
            if first_any is None and word.startswith(self.folded):
                first_any = m.span()
        return first_any

    def spans(self, text: str, folded: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
        """Where the words occur in `text[lo:hi]`, each span a whole word, in order (`lo` and `hi`
        fall between words)."""
        if self.any_word is None:
            return
        if _aligned(text, folded):
            for m in self.any_word.finditer(folded, lo, hi):
                yield m.span()
            return
        for m in _TOKEN.finditer(text, lo, hi):
            if _fold(m.group()).startswith(self.folded):
                yield m.span()


def _snippet(text: str, folded: str, words: _Words, before: int, after: int) -> str | None:
    """`text` around the word it is centred on (see `_Words.centre`): `before` words before it and
    `after` words after; every hit in that window whole and marked. None when no word occurs."""
    centre = words.centre(text, folded)
    if centre is None:
        return None
    start, end = centre
    lead = deque(_TOKEN.finditer(text, 0, start), maxlen=before + 1)
    kept = list(lead)[-before:] if before else []
    cut_before = len(lead) > len(kept)
    lo = (kept[0].start() if kept else start) if cut_before else 0  # whole: from the start
    trail = _TOKEN.finditer(text, end)
    shown = list(islice(trail, after))
    cut_after = next(trail, None) is not None
    hi = (shown[-1].end() if shown else end) if cut_after else len(text)  # whole: to the end
    out = ["…" if cut_before else ""]
    pos = lo
    for hit_start, hit_end in words.spans(text, folded, lo, hi):
        out.append(text[pos:hit_start])
        out.append(f"{HIT_START}{text[hit_start:hit_end]}{HIT_END}")
        pos = hit_end
    out.append(text[pos:hi])
    out.append("…" if cut_after else "")
    return " ".join("".join(out).split())  # one line, whatever the notes' layout


def make_snippet(text: str, words: Sequence[str], *, before: int = 4, after: int = 12) -> str | None:
    """The part of `text` (Markdown, shown as plain text) around its first match of any of
    `words` (as prefixes), with each matching word wrapped whole in HIT_START/HIT_END; None when
    nothing matches."""
    typed = _Words.of(words)
    if not typed.folded:
        return None
    plain = plain_text(text)
    return _snippet(plain, _fold(plain), typed, before, after)


def best_snippet(fields: Sequence[str], words: _Words) -> str | None:
    """The snippet, as plain text, of the field that holds the most of the words (the first such
    field on a tie); None when no field holds any. Each field is folded once to count its words;
    only the field shown is turned into plain text (and if its words were all in markup, e.g. a
    link's address, the next one)."""
    ranked: list[tuple[int, int, str]] = []
    for i, value in enumerate(fields):
        if not value:
            continue
        found = words.count_in(value.lower() if value.isascii() else _fold(value))
        if found:
            ranked.append((-found, i, value))
    for _found, _i, value in sorted(ranked):
        plain = plain_text(value)
        snip = _snippet(plain, _fold(plain), words, 4, 12)
        if snip is not None:
            return snip
    return None


def snippets_for(store: Store, entry_ids: Sequence[int], text: str) -> dict[int, str]:
    """What to show for each search hit: the field that matches the most words typed, around its
    first match, as plain text (the entry's topics when nothing matches, e.g. the entry changed
    since the search). One query for all the rows on screen."""
    typed = _Words.of(_TOKEN.findall(text))
    ids = list(dict.fromkeys(entry_ids))
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    with store.plain() as conn:
        rows = {r[0]: r[1:] for r in conn.execute(
            f"SELECT id, {', '.join(_SNIPPET_COLUMNS)} FROM journal_entry WHERE id IN ({marks})", ids)}
        actions: dict[int, list[str]] = {}
        for entry_id, action in conn.execute(
                f"SELECT entry_id, text FROM action_item WHERE entry_id IN ({marks}) "
                "ORDER BY entry_id, position, uid, id", ids):
            actions.setdefault(entry_id, []).append(action)
    out: dict[int, str] = {}
    for entry_id in ids:
        row = rows.get(entry_id)
        if row is None:
            out[entry_id] = ""
            continue
        fields = (*row, " · ".join(actions.get(entry_id, [])))
        snip = best_snippet(fields, typed) if typed.folded else None
        out[entry_id] = snip if snip is not None else plain_text(row[0] or "")
    return out


def snippet_for(store: Store, entry_id: int, text: str) -> str:
    return snippets_for(store, [entry_id], text)[entry_id]


def search_entries(store: Store, text: str, *, include_private: bool = True,
                   limit: int | None = None) -> list[SearchHit] | None:
    """Matching entries with their snippets, newest first (None: no searchable word typed)."""
    ids = search_ids(store, text, include_private=include_private)
    if ids is None:
        return None
    if limit is not None:
        ids = ids[:limit]
    snippets = snippets_for(store, ids, text)
    return [SearchHit(i, snippets[i]) for i in ids]


def split_topics(topics: str) -> list[str]:
    """Topics are typed as a comma- or semicolon-separated list."""
    return [t.strip() for t in re.split(r"[,;\n]", topics) if t.strip()]


@dataclass(frozen=True)
class TopicUse:
    written: str  # as it was typed the last time it came up
    last: date
    sessions: int


def topic_uses(store: Store) -> dict[str, TopicUse]:
    """For each topic (case-folded): how it was written, the last session it came up in, and in
    how many sessions."""
    with store.plain() as conn:
        rows = conn.execute(
            "SELECT topics, max(held_on), count(*) FROM journal_entry WHERE topics != ''"
            " GROUP BY topics"
        ).fetchall()
    uses: dict[str, TopicUse] = {}
    for topics, held, count in rows:
        day = date.fromisoformat(held)
        for topic in split_topics(topics):
            key = topic.casefold()
            before = uses.get(key)
            if before is None:
                uses[key] = TopicUse(topic, day, count)
            else:
                newer = day > before.last
                uses[key] = TopicUse(topic if newer else before.written, max(day, before.last),
                                     before.sessions + count)
    return uses


def topic_suggestions(store: Store, focus_areas: Sequence[str], today: date, *,
                      stale_after_days: int = 90, limit: int = 8) -> list[str]:
    """Topics to rotate in: hot topics of the pair's focus areas never discussed; then themes of
    the pair's own (topics that came up in two sessions or more) not touched for
    `stale_after_days`, longest-untouched first; then hot topics not discussed in the last month.

    A topic raised in one session only (the kick-off's "Ground rules") is not a theme to come
    back to, however long ago that was.
    """
    uses = topic_uses(store)
    cutoff = today - timedelta(days=stale_after_days)
    out: list[str] = []
    seen: set[str] = set()

    def offer(topic: str) -> None:
        key = topic.casefold()
        if key not in seen:
            seen.add(key)
            out.append(topic)

    hot = [t for area in focus_areas for t in hot_topics().get(area, ())]
    for topic in hot:
        if topic.casefold() not in uses:
            offer(topic)
    stale = sorted((u.last, u.written) for u in uses.values() if u.last < cutoff and u.sessions >= 2)
    for _day, written in stale:
        offer(written)
    for topic in hot:  # then hot topics not discussed lately, so the list is never empty
        used = uses.get(topic.casefold())
        if used is not None and used.last < today - timedelta(days=30):
            offer(topic)
    return out[:limit]


@dataclass(frozen=True)
class AgendaWords:
    """How a carried-over agenda is worded (the window passes them in the user's language)."""

    heading: str = "Carried over from earlier sessions:"
    item: str = "- {text} ({who}; from {since})"
    item_due: str = "- {text} ({who}, due {due}; from {since})"


def _english_day(value: date) -> str:
    return f"{value.day} {value:%b %Y}"


def carried_over_agenda(actions: Iterable[OpenAction], names: dict[str, str],
                        words: AgendaWords = AgendaWords(),
                        day: Callable[[date], str] = _english_day) -> str:
    """The agenda a new entry starts with: every action item still open from earlier sessions,
    worded with `words` and dates written by `day` (the window gives the user's language and
    date format; this text then belongs to the entry, as if typed)."""
    lines = []
    for a in actions:
        who = names.get(a.owner, a.owner)
        template = words.item_due if a.due_on else words.item
        lines.append(template.format(text=a.text, who=who, since=day(a.held_on),
                                     due=day(a.due_on) if a.due_on else ""))
    if not lines:
        return ""
    return words.heading + "\n" + "\n".join(lines) + "\n"
