"""Journal helpers beyond plain rows: full-text search, topic suggestions, the carried-over agenda."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from revmentor_desktop.data.ops import OpenAction
from revmentor_desktop.data.store import Store

#: Marks around matched words in search snippets (control characters never occur in stored text).
HIT_START = "\x02"
HIT_END = "\x03"

_TOKEN = re.compile(r"\w+", re.UNICODE)

#: Topics worth a session, per standard focus area (the seeds' "hot topics"; rotate them).
HOT_TOPICS: dict[str, tuple[str, ...]] = {
    "Technology adoption": (
        "Generative AI at work", "Prompt writing", "Automating reports", "Collaboration tools",
        "Data dashboards", "Cybersecurity habits",
    ),
    "Diversity & inclusion": (
        "Generational expectations", "Inclusive meetings", "Unconscious bias", "Flexible work",
        "Accessible communication",
    ),
    "Leadership development": (
        "Giving feedback", "Stakeholder management", "Presenting to executives", "Decision making",
        "Leading change", "Delegation",
    ),
    "Workplace communication": (
        "Hybrid meeting etiquette", "Chat vs e-mail", "Social media presence", "Storytelling with data",
        "Writing for busy readers",
    ),
}


@dataclass(frozen=True)
class SearchHit:
    entry_id: int
    snippet: str  # text around the first match, matched words wrapped in HIT_START/HIT_END


def fts_query(text: str) -> str | None:
    """Turn what the user typed into an FTS5 query: every word must match, as a prefix."""
    words = _TOKEN.findall(text)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words[:16])


def search_ids(store: Store, text: str, *, include_private: bool = True) -> list[int] | None:
    """Ids of the entries whose text matches every word typed (prefix match), newest first.

    None when `text` holds no searchable word (show everything). Only ids: FTS5's snippet() costs
    ten times the match itself, so snippets are made for the rows on screen (`snippet_for`).
    """
    query = fts_query(text)
    if query is None:
        return None
    sql = ("SELECT e.id FROM journal_fts JOIN journal_entry e ON e.id = journal_fts.rowid "
           "WHERE journal_fts MATCH ?")
    if not include_private:
        sql += " AND e.private = 0"
    sql += " ORDER BY e.held_on DESC, e.id DESC"
    with store.read() as s:
        conn = s.connection().connection.dbapi_connection
        assert conn is not None
        return [int(row[0]) for row in conn.execute(sql, (query,))]


_SNIPPET_COLUMNS = ("topics", "agenda", "notes", "mentor_takeaway", "mentee_takeaway",
                    "feedback_good", "feedback_improve")


def _fold(word: str) -> str:
    """Case- and accent-insensitive form of a word, as the FTS index sees it."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def make_snippet(text: str, words: Sequence[str], *, before: int = 4, after: int = 12) -> str | None:
    """The part of `text` around its first match of any of `words` (as prefixes), with each
    matching word wrapped in HIT_START/HIT_END; None when nothing matches."""
    wanted = [_fold(w) for w in words if w]
    tokens = list(_TOKEN.finditer(text))
    hits = [i for i, t in enumerate(tokens) if any(_fold(t.group()).startswith(w) for w in wanted)]
    if not hits:
        return None
    first = hits[0]
    lo, hi = max(0, first - before), min(len(tokens), first + after + 1)
    start = tokens[lo].start()
    out: list[str] = ["…" if lo > 0 else ""]
    pos = start
    for i in range(lo, hi):
        t = tokens[i]
        out.append(text[pos:t.start()])
        out.append(f"{HIT_START}{t.group()}{HIT_END}" if i in hits else t.group())
        pos = t.end()
    out.append("…" if hi < len(tokens) else "")
    return " ".join("".join(out).split())  # one line, whatever the notes' layout


def snippet_for(store: Store, entry_id: int, text: str) -> str:
    """What to show for a search hit: the field that matches the most words typed, around its
    first match (topics when nothing matches, e.g. the entry changed since the search)."""
    words = _TOKEN.findall(text)
    with store.read() as s:
        conn = s.connection().connection.dbapi_connection
        assert conn is not None
        row = conn.execute(f"SELECT {', '.join(_SNIPPET_COLUMNS)} FROM journal_entry WHERE id = ?",
                           (entry_id,)).fetchone()
        actions = [r[0] for r in conn.execute(
            "SELECT text FROM action_item WHERE entry_id = ? ORDER BY position, id", (entry_id,))]
    if row is None:
        return ""
    fields = [*row, " · ".join(actions)]
    best: tuple[int, str] | None = None
    for value in fields:
        snip = make_snippet(value or "", words)
        if snip is None:
            continue
        found = len({_fold(w) for w in words
                     if any(_fold(t).startswith(_fold(w)) for t in _TOKEN.findall(value))})
        if best is None or found > best[0]:
            best = (found, snip)
    return best[1] if best else (row[0] or "")


def search_entries(store: Store, text: str, *, include_private: bool = True,
                   limit: int | None = None) -> list[SearchHit] | None:
    """Matching entries with their snippets, newest first (None: no searchable word typed)."""
    ids = search_ids(store, text, include_private=include_private)
    if ids is None:
        return None
    if limit is not None:
        ids = ids[:limit]
    return [SearchHit(i, snippet_for(store, i, text)) for i in ids]


def split_topics(topics: str) -> list[str]:
    """Topics are typed as a comma- or semicolon-separated list."""
    return [t.strip() for t in re.split(r"[,;\n]", topics) if t.strip()]


def topic_last_used(store: Store) -> dict[str, tuple[str, date]]:
    """For each topic (case-folded): how it was written and the last session date it came up."""
    with store.read() as s:
        conn = s.connection().connection.dbapi_connection
        assert conn is not None
        rows = conn.execute(
            "SELECT topics, max(held_on) FROM journal_entry WHERE topics != '' GROUP BY topics"
        ).fetchall()
    last: dict[str, tuple[str, date]] = {}
    for topics, held in rows:
        day = date.fromisoformat(held)
        for topic in split_topics(topics):
            key = topic.casefold()
            if key not in last or last[key][1] < day:
                last[key] = (topic, day)
    return last


def topic_suggestions(store: Store, focus_areas: Sequence[str], today: date, *,
                      stale_after_days: int = 90, limit: int = 8) -> list[str]:
    """Topics to rotate in: hot topics of the pair's focus areas never or not recently discussed,
    then the pair's own topics not touched for `stale_after_days`, longest-untouched first."""
    last = topic_last_used(store)
    cutoff = today - timedelta(days=stale_after_days)
    out: list[str] = []
    seen: set[str] = set()

    def offer(topic: str) -> None:
        key = topic.casefold()
        if key not in seen:
            seen.add(key)
            out.append(topic)

    hot = [t for area in focus_areas for t in HOT_TOPICS.get(area, ())]
    for topic in hot:
        used = last.get(topic.casefold())
        if used is None:
            offer(topic)
    stale = sorted((day, written) for written, day in last.values() if day < cutoff)
    for _day, written in stale:
        offer(written)
    for topic in hot:  # then hot topics not discussed lately, so the list is never empty
        used = last.get(topic.casefold())
        if used is not None and used[1] < today - timedelta(days=30):
            offer(topic)
    return out[:limit]


def carried_over_agenda(actions: Iterable[OpenAction], names: dict[str, str]) -> str:
    """The agenda a new entry starts with: every action item still open from earlier sessions."""
    lines = []
    for a in actions:
        who = names.get(a.owner, a.owner)
        due = f", due {a.due_on.day} {a.due_on:%b %Y}" if a.due_on else ""
        lines.append(f"- {a.text} ({who}{due}; from {a.held_on.day} {a.held_on:%b %Y})")
    if not lines:
        return ""
    return "Carried over from earlier sessions:\n" + "\n".join(lines) + "\n"
