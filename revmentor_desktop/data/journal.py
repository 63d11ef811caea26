"""Journal helpers beyond plain rows: full-text search, topic suggestions, the carried-over agenda."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from revmentor_desktop.data.reads import OpenAction
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
    with store.plain() as conn:
        return [int(row[0]) for row in conn.execute(sql, (query,))]


_SNIPPET_COLUMNS = ("topics", "agenda", "notes", "mentor_takeaway", "mentee_takeaway",
                    "feedback_good", "feedback_improve")


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _fold(text: str) -> str:
    """Case- and accent-insensitive form of text, as the FTS index sees it."""
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold()))


def _word_starts(words: Sequence[str]) -> list[re.Pattern[str]]:
    return [re.compile(r"\b" + re.escape(w)) for w in {_fold(w) for w in words if w}]


def make_snippet(text: str, words: Sequence[str], *, before: int = 4, after: int = 12) -> str | None:
    """The part of `text` around its first match of any of `words` (as prefixes), with each
    matching word wrapped in HIT_START/HIT_END; None when nothing matches."""
    wanted = tuple(_fold(w) for w in words if w)
    if not wanted:
        return None
    folded = _fold(text)
    if not any(p.search(folded) for p in _word_starts(wanted)):
        return None  # cheap rejection: most fields of a hit do not hold the words
    tokens = list(_TOKEN.finditer(text))
    # Fold tokens only up to the first hit and within the window shown: a long note's other
    # words need no folding (this runs for every row on screen at every keystroke).
    first = next((i for i, t in enumerate(tokens) if _fold(t.group()).startswith(wanted)), None)
    if first is None:
        return None
    lo, hi = max(0, first - before), min(len(tokens), first + after + 1)
    shown = {i for i in range(first, hi) if _fold(tokens[i].group()).startswith(wanted)}
    out: list[str] = ["…" if lo > 0 else ""]
    pos = tokens[lo].start()
    for i in range(lo, hi):
        t = tokens[i]
        out.append(text[pos:t.start()])
        out.append(f"{HIT_START}{t.group()}{HIT_END}" if i in shown else t.group())
        pos = t.end()
    out.append("…" if hi < len(tokens) else "")
    return " ".join("".join(out).split())  # one line, whatever the notes' layout


def snippets_for(store: Store, entry_ids: Sequence[int], text: str) -> dict[int, str]:
    """What to show for each search hit: the field that matches the most words typed, around its
    first match (topics when nothing matches, e.g. the entry changed since the search). One query
    for all the rows on screen."""
    words = _TOKEN.findall(text)
    starts = _word_starts(words)
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
                "ORDER BY entry_id, position, id", ids):
            actions.setdefault(entry_id, []).append(action)
    out: dict[int, str] = {}
    for entry_id in ids:
        row = rows.get(entry_id)
        if row is None:
            out[entry_id] = ""
            continue
        best: tuple[int, str] | None = None
        for value in (*row, " · ".join(actions.get(entry_id, []))):
            if not value:
                continue
            folded = _fold(value)
            found = sum(1 for p in starts if p.search(folded))
            if found and (best is None or found > best[0]):
                snip = make_snippet(value, words)
                if snip is not None:
                    best = (found, snip)
        out[entry_id] = best[1] if best else (row[0] or "")
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
    return [SearchHit(i, snippet_for(store, i, text)) for i in ids]


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

    hot = [t for area in focus_areas for t in HOT_TOPICS.get(area, ())]
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
