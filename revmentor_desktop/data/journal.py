"""Journal helpers beyond plain rows: full-text search, topic suggestions, the carried-over agenda."""

from __future__ import annotations

import re
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


def search_entries(store: Store, text: str, *, include_private: bool = True,
                   limit: int | None = None) -> list[SearchHit] | None:
    """Entries whose text matches every word typed (prefix match), newest first.

    Returns None when `text` holds no searchable word (show everything).
    """
    query = fts_query(text)
    if query is None:
        return None
    sql = (
        "SELECT e.id, snippet(journal_fts, -1, ?, ?, '…', 10) FROM journal_fts "
        "JOIN journal_entry e ON e.id = journal_fts.rowid WHERE journal_fts MATCH ?"
    )
    if not include_private:
        sql += " AND e.private = 0"
    sql += " ORDER BY e.held_on DESC, e.id DESC"
    params: list[object] = [HIT_START, HIT_END, query]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    with store.read() as s:
        conn = s.connection().connection.dbapi_connection
        assert conn is not None
        rows = conn.execute(sql, params).fetchall()
    return [SearchHit(int(i), str(snip or "")) for i, snip in rows]


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
