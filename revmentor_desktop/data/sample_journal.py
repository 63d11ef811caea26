"""The sample partnership's journal: one entry per session — topics, agenda, notes, takeaways,
feedback both ways and action items — as rows for `sample.make_sample` to insert.

Every word comes from `sample_text.json`; every choice from the caller's seeded `rng`, except the
feedback and its ratings, drawn from `voice` (seeded by the caller too), so that how the pair
talk to each other can change without moving every other choice of the sample.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from revmentor_desktop.data.sample_plan import FOCUS_AREAS, TEXT, GoalWindow, Timeline, iso, stamp

#: id, held_on, duration_minutes, topics, agenda, notes, mentor_takeaway, mentee_takeaway,
#: mentor_says_keep, mentor_says_try, mentee_says_keep, mentee_says_try, mentor_rating,
#: mentee_rating, private, created_at
EntryRow = tuple[int, str, int, str, str, str, str, str, str, str, str, str, int | None, int | None,
                 int, str]
ActionRow = tuple[int, int, str, str, str | None, str | None]


# -- the words a session draws on ----------------------------------------------------------------

#: Per focus area, the topics a session can be about; per topic, the bullet points notes draw from.
TOPICS: dict[str, list[str]] = TEXT["topics"]
TOPIC_NOTES: dict[str, list[str]] = TEXT["topic_notes"]
WORDS: dict[str, list[str]] = TEXT["words"]  # what fills {tool}, {colleague}, {depot}, {post}
ACTIONS: dict[str, list[str]] = TEXT["actions"]  # per owner: mentee, mentor, both
PRIVATE: dict[str, Any] = TEXT["private"]  # what a private (off-the-record) session holds
KICKOFF: dict[str, str] = TEXT["kickoff"]  # the first session, always the same
#: What each says to the other at the end of a session: mentor_keep, mentor_try, mentee_keep, mentee_try.
FEEDBACK: dict[str, list[str]] = {k: v for k, v in TEXT["feedback"].items() if not k.startswith("_")}
_SAYS = ("mentor_says_keep", "mentor_says_try", "mentee_says_keep", "mentee_says_try")


def _pick_topics(
    rng: random.Random, area_cycle: list[str], topic_cycles: dict[str, list[str]]
) -> list[tuple[str, str]]:
    """1-3 (area, topic) pairs: areas rotate, and each area works through its hot topics in turn."""
    if not area_cycle:
        area_cycle.extend(FOCUS_AREAS)
        rng.shuffle(area_cycle)
    main = area_cycle.pop()
    picked = [(main, _next_topic(main, rng, topic_cycles))]
    extra = rng.random()
    for _ in range(2 if extra < 0.15 else 1 if extra < 0.65 else 0):
        area = rng.choice(FOCUS_AREAS)
        topic = rng.choice(TOPICS[area])
        if topic not in (t for _, t in picked):
            picked.append((area, topic))
    return picked


def _next_topic(area: str, rng: random.Random, cycles: dict[str, list[str]]) -> str:
    return _next(TOPICS[area], rng, cycles.setdefault(area, []))


def _next(pool: Sequence[str], rng: random.Random, cycle: list[str]) -> str:
    """Work through `pool` in a shuffled order, reshuffling when done, so nothing repeats soon."""
    if not cycle:
        cycle.extend(pool)
        rng.shuffle(cycle)
    return cycle.pop()


def _words(rng: random.Random) -> dict[str, str]:
    return {
        "tool": rng.choice(WORDS["tool"]),
        "colleague": rng.choice(WORDS["colleague"]),
        "depot": rng.choice(WORDS["depot"]),
        "post": rng.choice(WORDS["post"]),
        "next_topic": rng.choice(TOPICS[rng.choice(FOCUS_AREAS)]),
    }


def _agenda(topics: Sequence[str], recap: bool, rng: random.Random) -> str:
    items = ([TEXT["agenda"]["recap"]] if recap else []) + list(topics)
    if rng.random() < 0.3:
        items.append(TEXT["agenda"]["feedback"])
    if rng.random() < 0.5:
        return "\n".join(f"{n}. {item}" for n, item in enumerate(items, 1))
    return "\n".join(f"- {item}" for item in items)


def _notes(
    picked: Sequence[tuple[str, str]], recap: tuple[int, int] | None, rng: random.Random,
    words: dict[str, str], cycles: dict[str, list[str]],
) -> str:
    parts: list[str] = []
    if recap is not None and rng.random() < 0.6:
        done, total = recap
        recap_words = TEXT["recap"]
        rest = "" if done == total else recap_words["rest"]
        parts.append(recap_words["checked"].format(done=done, total=total, rest=rest))
    else:
        parts.append(_next(TEXT["openers"], rng, cycles.setdefault("openers", [])).format(**words))
    for _, topic in picked:
        bullets = list(TOPIC_NOTES[topic])
        rng.shuffle(bullets)
        keep = bullets[: rng.randint(1, len(bullets))]
        parts.append(f"**{topic}**\n" + "\n".join(f"- {b.format(**words)}" for b in keep))
    if rng.random() < 0.55:
        parts.append(rng.choice(TEXT["closers"]).format(**words))
    return "\n\n".join(parts)


def _takeaway(pool: Sequence[str], rng: random.Random) -> str:
    if rng.random() < 0.3:
        first, second = rng.sample(pool, 2)
        return f"{first} Also: {second[0].lower()}{second[1:]}"
    return rng.choice(pool)


def _feedback(voice: random.Random, cycles: dict[str, list[str]]) -> tuple[str, str, str, str]:
    """What the mentor tells the mentee and the mentee tells the mentor (keep doing, try next
    time). As in real sessions, not always both: now and then one of them says nothing, or only
    one half."""
    said: list[str] = []
    for who in ("mentor", "mentee"):
        r = voice.random()  # < .12 nothing; then keep only; keep and try; try only (> .85)
        keep = _next(FEEDBACK[f"{who}_keep"], voice, cycles.setdefault(f"{who}_keep", [])) \
            if 0.12 <= r < 0.85 else ""
        try_next = _next(FEEDBACK[f"{who}_try"], voice, cycles.setdefault(f"{who}_try", [])) \
            if r >= 0.40 else ""
        said += [keep, try_next]
    return said[0], said[1], said[2], said[3]


def _rating(voice: random.Random) -> int | None:
    """One partner's usefulness rating; now and then left blank."""
    return None if voice.random() < 0.08 else voice.choices(range(1, 6), RATING_WEIGHTS)[0]


RATING_WEIGHTS = (0, 2, 8, 40, 50)  # 1..5: mostly 4s and 5s
DURATIONS = (45, 50, 55, 60, 60, 60, 60, 65, 70, 75, 90)


@dataclass
class Journal:
    entries: list[EntryRow]
    links: list[tuple[int, int]]
    actions: list[ActionRow]


def journal_rows(tl: Timeline, windows: Sequence[GoalWindow], rng: random.Random,
                 voice: random.Random) -> Journal:
    n = tl.n
    entries: list[EntryRow] = []
    links: list[tuple[int, int]] = []
    actions: list[ActionRow] = []
    # About one entry in twelve is private: one in each block of twelve, never the kick-off.
    private = {b + rng.randrange(12) for b in range(0, n, 12)} - {0}
    area_cycle: list[str] = []
    topic_cycles: dict[str, list[str]] = {}
    cycles: dict[str, list[str]] = {}  # openers, so the same line doesn't recur soon
    said: dict[str, list[str]] = {}  # feedback, likewise
    previous: list[str | None] = []  # done_on of the last entry's actions
    owners = ("mentee", "mentor", "both")
    for i, held in enumerate(tl.held):
        entry_id = i + 1
        is_private = i in private
        words = _words(rng)
        picked: list[tuple[str, str]] = []
        if i == 0:
            topics, agenda, notes, mentor_tk, mentee_tk = (
                KICKOFF[k] for k in ("topics", "agenda", "notes", "mentor_takeaway", "mentee_takeaway"))
            feedback = tuple(KICKOFF[k] for k in _SAYS)
        elif is_private:
            topic_list = rng.sample(PRIVATE["topics"], 2)
            topics = ", ".join(topic_list)
            agenda = _agenda([TEXT["agenda"]["off_the_record"], *topic_list], False, rng)
            notes = rng.choice(PRIVATE["notes"]).format(**words)
            mentor_tk = rng.choice(PRIVATE["mentor_takeaways"])
            mentee_tk = rng.choice(PRIVATE["mentee_takeaways"])
            feedback = tuple(PRIVATE.get(k, "") for k in _SAYS)
        else:
            picked = _pick_topics(rng, area_cycle, topic_cycles)
            topic_names = [t for _, t in picked]
            topics = ", ".join(topic_names)
            held_text = held.isoformat()
            recap = None
            if previous:
                recap = (sum(1 for d in previous if d is not None and d <= held_text), len(previous))
            agenda = _agenda(topic_names, recap is not None, rng)
            notes = _notes(picked, recap, rng, words, cycles)
            mentor_tk = _takeaway(TEXT["mentor_takeaways"], rng)
            mentee_tk = _takeaway(TEXT["mentee_takeaways"], rng)
            feedback = _feedback(voice, said)
        mentor_keep, mentor_try, mentee_keep, mentee_try = feedback
        duration = 75 if i == 0 else rng.choice(DURATIONS)
        entries.append((
            entry_id, held.isoformat(), duration, topics, agenda, notes, mentor_tk, mentee_tk,
            mentor_keep, mentor_try, mentee_keep, mentee_try, _rating(voice), _rating(voice),
            int(is_private), stamp(held, rng, 12, 20),
        ))

        # Goals the session touched: prefer ones in the topics' focus areas, open at the time.
        open_goals = [
            w for w in windows
            if w.first <= i and (w.last is None or i <= w.last) and (is_private or not w.private)
        ]
        areas = {a for a, _ in picked}
        matching = [w for w in open_goals if w.focus_area in areas] or open_goals
        if matching:
            chosen = rng.sample(matching, min(len(matching), 1 + (rng.random() < 0.4)))
            if is_private:
                chosen = [w for w in open_goals if w.private][:1] or chosen
            links.extend((entry_id, w.goal_id) for w in sorted(chosen, key=lambda w: w.goal_id))

        # Action items: older ones mostly done; those from the last three sessions mostly open.
        count = rng.choices((0, 1, 2, 3), (15, 35, 35, 15))[0]
        from_end = n - 1 - i
        if from_end == 0:
            count = max(count, 1)
        previous = []
        texts: list[str] = []
        for _ in range(count):
            owner = rng.choices(owners, (45, 40, 15))[0]
            text = rng.choice(ACTIONS[owner]).format(**words)
            if text in texts:
                continue
            texts.append(text)
            due = None if rng.random() < 0.1 else held + timedelta(days=rng.choice((7, tl.cadence_days)))
            done_chance = 0.0 if from_end == 0 else 0.15 if from_end < 3 else 0.93
            done_on: date | None = None
            if rng.random() < done_chance:
                late = rng.randint(1, max(1, ((due - held).days if due else 10) + 3))
                done_on = min(tl.today, held + timedelta(days=late))
            previous.append(iso(done_on))
            actions.append((entry_id, len(texts) - 1, text, owner, iso(due), iso(done_on)))
    return Journal(entries, links, _close_superseded(actions, tl.held, tl.today))


def _close_superseded(actions: list[ActionRow], held: Sequence[date], today: date) -> list[ActionRow]:
    """No action is open twice: when a pair sets an action it already has open, the older copy
    is ticked off on the day the newer one is set (as a pair tidying its list would)."""
    newer_open: dict[str, date] = {}
    out: list[ActionRow] = []
    for row in reversed(actions):
        entry_id, position, text, owner, due, done = row
        if done is None:
            if text in newer_open:
                row = (entry_id, position, text, owner, due, iso(min(today, newer_open[text])))
            newer_open[text] = held[entry_id - 1]
        out.append(row)
    out.reverse()
    return out
