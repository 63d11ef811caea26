"""A realistic sample partnership, for trying the app, demos and stress tests (`--make-sample`).

Priya Raman, a 24-year-old data analyst, mentors Martin Okafor, the chief operating officer of
Northwind Logistics, on AI tools and social media; he helps her with stakeholder management and
presenting to senior people. Everything is deterministic for a given `seed` and `today`.

The file is made with `Store.create` (so it is refused if it exists) and then filled in one
transaction with plain `executemany` inserts, which keeps 10,000 sessions to a few seconds.
"""

from __future__ import annotations

import contextlib
import math
import os
import random
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from revmentor_desktop.data.files import place_new_file
from revmentor_desktop.data.store import Store
from revmentor_desktop.data.vocab import DEFAULT_FOCUS_AREAS
from revmentor_desktop.errors import ErrorKind, KnownError

__all__ = ["make_sample"]

MENTOR = "Priya Raman"
MENTEE = "Martin Okafor"
ORGANISATION = "Northwind Logistics"
OWN_FOCUS_AREA = "Social media presence"
FOCUS_AREAS: tuple[str, ...] = (*DEFAULT_FOCUS_AREAS, OWN_FOCUS_AREA)
TECH, DIVERSITY, LEADERSHIP, COMMUNICATION = DEFAULT_FOCUS_AREAS
SOCIAL = OWN_FOCUS_AREA

CADENCE_DAYS = 14
DURATION_MINUTES = 60
#: Share of cadence periods the pair misses (holidays, board weeks): ~92% of periods are kept.
SKIP_SHARE = 0.08
#: A partnership longer than this (only ever asked for by stress tests) meets more often instead,
#: so every date stays one the validators accept.
MAX_SPAN_DAYS = 40 * 365
EARLIEST_START = date(1901, 1, 1)
TUESDAY = 1

_ENTRY_SQL = (
    "INSERT INTO journal_entry (id, held_on, duration_minutes, topics, agenda, notes, mentor_takeaway,"
    " mentee_takeaway, feedback_good, feedback_improve, rating, private, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_ACTION_SQL = (
    "INSERT INTO action_item (entry_id, position, text, owner, due_on, done_on)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)

EntryRow = tuple[int, str, int, str, str, str, str, str, str, str, int | None, int, str]
ActionRow = tuple[int, int, str, str, str | None, str | None]


# -- the timeline --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Timeline:
    """When the partnership started, its agreed cadence, and the day of every session (oldest first)."""

    start: date
    cadence_days: int
    held: list[date]
    today: date

    @property
    def n(self) -> int:
        return len(self.held)

    def index_at(self, frac: float) -> int:
        """The session nearest to `frac` of the way through (0 = kick-off, 1 = the latest)."""
        return min(self.n - 1, max(0, round(frac * (self.n - 1))))

    def day_at(self, frac: float) -> date:
        return self.held[self.index_at(frac)] if self.held else self.start


def _plan(n: int, rng: random.Random, today: date) -> Timeline:
    """Lay `n` sessions on the cadence so that the latest one is a few days before `today`.

    Sessions fall on the first few days of each cadence period (never spilling into the next one),
    and about one period in twelve is skipped, so "cadence kept" reads a realistic ~92%.
    """
    if n == 0:  # just agreed, nothing held yet: started on the most recent Tuesday
        return Timeline(today - timedelta(days=(today.weekday() - TUESDAY) % 7), CADENCE_DAYS, [], today)
    max_span = min(MAX_SPAN_DAYS, (today - EARLIEST_START).days)
    if max_span < 1:
        raise ValueError(f"today ({today}) must be after {EARLIEST_START}.")
    per_period = 1
    while True:
        periods_held = math.ceil(n / per_period)
        skips = round(periods_held * SKIP_SHARE) if periods_held >= 6 else 0
        periods = periods_held + skips
        cadence = min(CADENCE_DAYS, max_span // periods)
        if cadence >= 1:
            break
        per_period += 1
    skipped = set(rng.sample(range(1, periods - 1), min(skips, max(0, periods - 2))))
    jitter = min(3, cadence - 1)
    offsets: list[int] = []
    left = n
    for p in range(periods):
        if p in skipped:
            continue
        day = p * cadence + (0 if p == 0 else rng.randint(0, jitter))
        count = min(per_period, left)
        offsets.extend([day] * count)
        left -= count
    last = offsets[-1]
    if cadence >= 9:
        # The latest session 2-8 days ago, and the kick-off (hence most sessions) on a Tuesday.
        back = next(r for r in range(2, 9) if (today - timedelta(days=r + last)).weekday() == TUESDAY)
    else:
        back = rng.randint(0, cadence - 1)
    start = today - timedelta(days=back + last)
    return Timeline(start, cadence, [start + timedelta(days=d) for d in offsets], today)


def _review_date(start: date, today: date) -> date:
    """The agreement is reviewed yearly: the first anniversary of the start after today."""
    years = 1
    while True:
        try:
            review = start.replace(year=start.year + years)
        except ValueError:  # 29 February
            review = start.replace(year=start.year + years, day=28)
        if review > today:
            return review
        years += 1


def _stamp(day: date, rng: random.Random, first_hour: int = 8, last_hour: int = 19) -> str:
    """A created_at as SQLModel writes it (UTC, microseconds)."""
    h, m, s = rng.randint(first_hour, last_hour), rng.randrange(60), rng.randrange(60)
    return f"{day.isoformat()} {h:02d}:{m:02d}:{s:02d}.000000"


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _cadence_words(days: int) -> str:
    if days == 14:
        return "every two weeks"
    if days == 7:
        return "every week"
    if days == 1:
        return "every day"
    return f"every {days} days"


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _clauses(cadence: int, review: date) -> list[str]:
    return [
        "What we say in our sessions stays between us unless we both agree to share it. Either of "
        "us can mark a note or goal private, and private notes never go into the summary we share.",
        "Feedback goes both ways. Priya is the mentor on AI tools and social media; Martin is the "
        "mentor on stakeholder management and presenting. We end each session by saying what "
        "worked and what to change.",
        f"We meet {_cadence_words(cadence)} for about an hour"
        f"{', usually on Tuesday afternoons' if cadence % 7 == 0 else ''}. If one of us has to "
        "cancel, we rebook within the same week. No mentoring messages in the evening or at "
        "weekends.",
        "Priya is outside Martin's reporting line and Martin is outside hers: nothing said here "
        "goes into a performance review. If that ever changes, we pause and talk to HR.",
        "Either of us can end the partnership at any time, without giving a reason and without blame.",
        f"We review this agreement on {_long_date(review)} and decide together whether to carry on, "
        "change it or close.",
    ]


# -- goals ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoalSpec:
    title: str
    owner: str
    focus_area: str
    status: str  # as it stands once the partnership has run a while
    description: str
    success_measure: str
    opened: float  # fraction of the timeline at which the goal was set
    weeks_ahead: int  # target date, while the goal is still open
    milestones: tuple[tuple[str, float | None], ...]  # (title, fraction when ticked, or never)
    closed: float | None = None  # achieved / dropped at this fraction
    private: bool = False


GOALS: tuple[GoalSpec, ...] = (
    GoalSpec(
        "Draft my weekly board pack with an AI assistant", "mentee", TECH, "achieved",
        "I spend most of Sunday evening on the board pack. Priya thinks an assistant could write the "
        "first draft of the commentary if I give it the numbers and my bullet points. I want to try "
        "it properly and safely, and see whether the board notices.",
        "Board pack drafted in under two hours instead of five, with nothing confidential pasted "
        "into a tool IT hasn't approved.",
        0.0, 8,
        (
            ("Find out which AI tools IT has approved", 0.08),
            ("Draft one section with the assistant and compare it with my own", 0.2),
            ("Write a one-page guide for my team on what never to paste in", 0.35),
            ("Use it for a whole board pack", 0.55),
        ),
        closed=0.55,
    ),
    GoalSpec(
        "Post on LinkedIn every fortnight, in my own voice", "mentee", SOCIAL, "in_progress",
        "I have 2,000 connections and have posted twice in ten years. Our graduates and customers "
        "are on LinkedIn; I want them to see what operations actually does, without it sounding "
        "like a press release.",
        "Six posts written without Priya editing them, and at least one real conversation with "
        "someone outside Northwind because of a post.",
        0.0, 10,
        (
            ("Update profile photo, headline and About section", 0.06),
            ("First post: the warehouse automation pilot", 0.18),
            ("Comment on three posts a week for a month", 0.5),
            ("Six posts in a row without help", None),
        ),
    ),
    GoalSpec(
        "Present the churn analysis to the executive committee", "mentor", LEADERSHIP, "achieved",
        "My analysis shows we lose a third of small customers in their first year. It needs a "
        "decision from the exec, and I have never presented to them. Martin sits on the committee "
        "and knows how they think.",
        "A decision on the onboarding pilot in the meeting itself, and I answer the CFO's "
        "questions without looking at my notes.",
        0.0, 6,
        (
            ("Map what each committee member cares about", 0.1),
            ("Cut the deck from 22 slides to 6", 0.22),
            ("Rehearse with Martin playing the sceptical CFO", 0.3),
            ("Present, and follow up within 48 hours", 0.4),
        ),
        closed=0.4,
    ),
    GoalSpec(
        "Build a stakeholder map and keep it current", "mentor", COMMUNICATION, "in_progress",
        "I say yes to everyone and then drown. Martin suggested I map who I work for, who I need "
        "and who just needs to be kept informed, and review it with him every quarter.",
        "One page I actually use, and fewer than two 'urgent' requests a week that go round my "
        "manager.",
        0.05, 8,
        (
            ("List my key stakeholders and what each one needs from me", 0.12),
            ("Coffee with the five I know least", 0.45),
            ("Agree a way to take ad-hoc requests with my manager", None),
            ("Review the map with Martin every quarter", None),
        ),
    ),
    GoalSpec(
        "Run a generative AI lunch-and-learn for the ops leadership team", "shared", TECH,
        "in_progress",
        "Martin's directs keep asking him about AI and he doesn't want to pretend. We'll run it "
        "together: Priya demos, Martin talks about what it changed in his own work, including what "
        "went wrong.",
        "At least 15 of the 20 ops leads come, and three teams try a use case in the month after.",
        0.3, 6,
        (
            ("Pick three use cases from real ops work", 0.4),
            ("Check the demo data with IT security", 0.62),
            ("Book the room and send the invitation", None),
            ("Run the session", None),
            ("Collect feedback and share the slides", None),
        ),
    ),
    GoalSpec(
        "Make hybrid meetings fairer for people who dial in", "shared", DIVERSITY, "not_started",
        "Priya pointed out that in the Monday ops meeting the people on the screen hardly speak. "
        "We want to try a few small changes and ask the remote people whether they help.",
        "Remote attendees speak in every meeting, and the depot managers say it feels better in "
        "the next pulse survey.",
        0.7, 16,
        (
            ("Ask three remote team members what gets in their way", None),
            ("Try 'remote people first' in the Monday meeting for a month", None),
            ("Write up what worked for the other leadership meetings", None),
        ),
    ),
    GoalSpec(
        "Stop talking over junior colleagues", "mentee", DIVERSITY, "in_progress",
        "Priya told me, kindly, that I interrupted the graduate three times in the pricing meeting. "
        "I hadn't noticed. Keeping this one between the two of us.",
        "Priya counts no interruptions in two meetings in a row.",
        0.25, 12,
        (
            ("Ask Priya to count my interruptions in one meeting", 0.3),
            ("Let two people speak before I give my view", 0.75),
            ("Two meetings in a row with no interruptions", None),
        ),
        private=True,
    ),
    GoalSpec(
        "Find a finance mentor to learn P&L basics", "mentor", LEADERSHIP, "dropped",
        "I want to understand how my analysis moves the numbers the board looks at.\n\n"
        "**Dropped:** Martin ended up walking me through the P&L in our sessions, which was "
        "exactly what I needed.",
        "I can read our monthly P&L and explain the three biggest movements.",
        0.1, 10,
        (
            ("Ask HR about the internal mentoring scheme", 0.15),
            ("Meet two possible mentors from finance", None),
        ),
        closed=0.35,
    ),
)


@dataclass(frozen=True)
class GoalWindow:
    """When a goal could come up in a session: from the session it was set to the one it closed."""

    goal_id: int
    focus_area: str
    private: bool
    first: int
    last: int | None


def _goal_rows(
    tl: Timeline, rng: random.Random
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]], list[GoalWindow]]:
    goals: list[tuple[object, ...]] = []
    milestones: list[tuple[object, ...]] = []
    windows: list[GoalWindow] = []
    early = tl.n < 6
    for spec in GOALS:
        if tl.n == 0 and (spec.opened > 0.1 or spec.status == "dropped"):
            continue  # only what the pair wrote at kick-off
        goal_id = len(goals) + 1
        status = spec.status
        ticks: list[date | None] = []
        for i, (_, frac) in enumerate(spec.milestones):
            done = frac is not None and tl.n > 0
            if early and status == "achieved" and i == len(spec.milestones) - 1:
                done = False  # too soon to have finished anything
            ticks.append(tl.day_at(frac) if done and frac is not None else None)
        if tl.n == 0:
            status = "not_started"
        elif early and status == "achieved":
            status = "in_progress"
        if status in ("achieved", "dropped") and spec.closed is not None:
            closed_on = tl.day_at(spec.closed)
            slack = 14 if status == "achieved" else 45
            target = closed_on + timedelta(days=slack)
            last = tl.index_at(spec.closed)
        else:
            target = tl.today + timedelta(weeks=spec.weeks_ahead)
            last = None
        created = tl.day_at(spec.opened)
        goals.append((
            goal_id, spec.title, spec.owner, spec.focus_area, spec.description,
            spec.success_measure, target.isoformat(), status, 0, int(spec.private), goal_id - 1,
            _stamp(created, rng),
        ))
        for pos, ((title, _), tick) in enumerate(zip(spec.milestones, ticks, strict=True)):
            milestones.append((goal_id, pos, title, _iso(tick)))
        first = tl.index_at(spec.opened) if tl.n else 0
        windows.append(GoalWindow(goal_id, spec.focus_area, spec.private, first, last))
    return goals, milestones, windows


# -- journal text --------------------------------------------------------------------------------

TOPICS: dict[str, tuple[str, ...]] = {
    TECH: (
        "Generative AI at work", "Prompt writing", "AI meeting notes", "Spreadsheet automation",
        "AI and confidentiality", "Dashboards that get used", "Checking AI answers",
        "Automating the weekly report",
    ),
    DIVERSITY: (
        "Gen Z expectations", "Hybrid meetings etiquette", "Who gets heard in meetings",
        "Inclusive job adverts", "Neurodiversity at work", "Graduate onboarding",
        "Flexible working", "Generational stereotypes",
    ),
    LEADERSHIP: (
        "Board presentations", "Reading a P&L", "Managing up", "Saying no to senior people",
        "Decision-making under pressure", "Giving difficult feedback", "Delegation",
        "Running a restructure well",
    ),
    COMMUNICATION: (
        "Stakeholder management", "Slack vs e-mail", "Writing shorter e-mails",
        "Emoji in work chat", "Difficult conversations", "Asynchronous updates",
        "Meeting-free Fridays", "Negotiating deadlines",
    ),
    SOCIAL: (
        "LinkedIn posting", "Personal brand", "LinkedIn headline and profile",
        "Commenting before posting", "Short-form video", "TikTok for recruiting",
        "Company social media policy", "Posting about failures",
    ),
}

TOPIC_NOTES: dict[str, tuple[str, ...]] = {
    "Generative AI at work": (
        "Showed Martin how I use {tool} for a first draft of the weekly summary. He was surprised "
        "it took four minutes.",
        "He worries people will stop thinking. We agreed the rule: **draft with it, decide "
        "without it**.",
        "Went through which of his tasks suit it: summaries yes, performance reviews no.",
    ),
    "Prompt writing": (
        "Tried the **role, task, context, format** pattern on his depot report. Second attempt "
        "was much better.",
        "Martin's prompts are one line long, so the answers are generic. More context in, better "
        "answer out.",
        "He liked asking the assistant to list what it might have got wrong.",
    ),
    "AI meeting notes": (
        "Talked about switching on meeting notes in the ops call. People need to know up front "
        "and be able to say no.",
        "The notes missed who agreed to do what, so a human still **checks the actions**.",
    ),
    "Spreadsheet automation": (
        "Showed him a formula that replaces the copy-paste he does every Monday. He made me do it "
        "twice so he could write it down.",
        "His PA rebuilds the same pivot table every week; we sketched how to make it refresh "
        "itself.",
    ),
    "AI and confidentiality": (
        "Clear line agreed: **no customer names, no salaries, no contract terms** in any tool IT "
        "hasn't approved.",
        "{colleague} is putting together an approved-tools list; Martin will push for it at the "
        "exec.",
    ),
    "Dashboards that get used": (
        "Why nobody opens the depot dashboard: it answers questions nobody asked. Martin listed "
        "the three he actually asks every week.",
        "I'll cut the dashboard from 14 charts to 4 and see whether usage moves.",
    ),
    "Checking AI answers": (
        "The assistant invented a regulation number in his draft. Good lesson: **check every "
        "fact and figure**.",
        "Practised asking it for sources, then actually opening them.",
    ),
    "Automating the weekly report": (
        "Mapped the weekly ops report end to end: **6 hours, 4 people**, mostly copying numbers.",
        "First step is the data pull; the commentary stays with Martin for now.",
    ),
    "Gen Z expectations": (
        "Martin asked why graduates want feedback every week. Talked about growing up with "
        "instant feedback; it isn't neediness.",
        "I explained why \"we've always done it this way\" lands so badly with my friends here.",
        "He was surprised how many of us would trade a pay rise for flexible hours.",
    ),
    "Hybrid meetings etiquette": (
        "People on the screen can't break in. Idea to try: **remote people speak first**.",
        "Cameras on or off? We disagreed, then agreed it should be the team's call, not his.",
    ),
    "Who gets heard in meetings": (
        "I counted in the pricing meeting: three people did about 80% of the talking.",
        "Martin will ask the quietest person for their view **before** he gives his.",
    ),
    "Inclusive job adverts": (
        "Looked at the analyst advert together: \"rockstar\" and \"work hard, play hard\" are out.",
        "Agreed to ask HR about dropping the degree requirement for the apprentice role.",
    ),
    "Neurodiversity at work": (
        "Talked about a colleague who prefers questions in writing beforehand. Martin will send "
        "agendas a day earlier.",
        "Small things help most: **agendas, quiet rooms, fewer surprise calls**.",
    ),
    "Graduate onboarding": (
        "My first week here: laptop on day 3 and no idea who to ask. Martin wrote that down word "
        "for word.",
        "Idea: a buddy from the previous intake for every graduate.",
    ),
    "Flexible working": (
        "Martin worries about fairness for depot staff who can't work from home. Fair point; "
        "talked about flexibility in shift swaps instead.",
        "**Output, not hours in the building.**",
    ),
    "Generational stereotypes": (
        "We each listed what we assume about the other's generation. Lots of laughing, a few "
        "uncomfortable truths.",
        "\"Young people don't want to work\": Martin admitted he'd said it in a board meeting.",
    ),
    "Board presentations": (
        "Martin's rule: **start with the decision you want**, then the three facts that support it.",
        "Practised the first 60 seconds of my exec update three times. The third time I didn't "
        "look at the slides.",
        "Board members read the pack the night before; the meeting is for questions, not for "
        "reading slides out.",
    ),
    "Reading a P&L": (
        "Martin walked me through last month's P&L line by line. Gross margin finally makes sense.",
        "Linked my churn numbers to revenue: losing a small customer costs more than I thought.",
    ),
    "Managing up": (
        "Send my manager a **three-line update every Friday** so nothing surprises her.",
        "Martin: \"Your manager should never hear your news from someone else.\"",
    ),
    "Saying no to senior people": (
        "Practised: \"I can do that by Thursday if the pricing work moves to next week. Which "
        "would you prefer?\"",
        "Saying no with options isn't rude; it helps them decide.",
    ),
    "Decision-making under pressure": (
        "Martin talked through the night the {depot} depot flooded: you have 70% of the "
        "information and you decide anyway.",
        "Write down **what would change your mind**, then decide.",
    ),
    "Giving difficult feedback": (
        "Situation, behaviour, impact. Tried it on the report that went out with wrong numbers.",
        "Martin admitted he still puts it off. Good to hear that from a COO.",
    ),
    "Delegation": (
        "I keep doing the analysis myself because it's quicker. Martin: quicker this week, slower "
        "every week after.",
        "He delegates **outcomes, not tasks**. Going to try that with our new intern.",
    ),
    "Running a restructure well": (
        "How Martin told the {depot} team about the shift changes: in person, first, with the "
        "reasons.",
        "People forgive bad news more easily than surprises.",
    ),
    "Stakeholder management": (
        "Drew my stakeholder map, **power vs interest**. Finance is high on both and I barely talk "
        "to them.",
        "Martin: find out what each person is measured on; that's what they care about.",
        "Who needs a heads-up before the meeting rather than in it?",
    ),
    "Slack vs e-mail": (
        "Martin sends e-mails for things that need a one-line answer. Showed him threads and "
        "reactions.",
        "Agreed: **chat for quick things, e-mail for decisions** and anything external.",
    ),
    "Writing shorter e-mails": (
        "Rewrote one of his e-mails together: 340 words down to 90, with the ask in the first line.",
        "**Subject line = the ask.**",
    ),
    "Emoji in work chat": (
        "Martin thought the thumbs-up reaction was rude. To my generation it just means \"seen, "
        "fine\".",
        "We laughed about the 🙂 that reads as passive-aggressive.",
    ),
    "Difficult conversations": (
        "Prepared for my conversation with the team lead who keeps going round our request "
        "process.",
        "Martin's tip: **say the hard sentence in the first two minutes**.",
    ),
    "Asynchronous updates": (
        "Could the Monday status meeting be a written update plus 15 minutes of questions?",
        "Martin will try a written update for a month and then ask the team.",
    ),
    "Meeting-free Fridays": (
        "Analytics tried meeting-free Friday mornings; Martin wants to see whether it helped.",
        "Worry: depots run seven days a week, so office rules don't fit everyone.",
    ),
    "Negotiating deadlines": (
        "I always accept the first deadline I'm given. Practised asking **\"what's driving that "
        "date?\"**",
        "Martin: the first date is usually a guess. Ask before you agree.",
    ),
    "LinkedIn posting": (
        "Wrote Martin's post about the automation pilot together. He cut every adjective I added.",
        "Post in the morning, **reply to comments in the first hour**.",
        "His last post got 4,000 views. He pretended not to care, then checked it twice during "
        "our session.",
    ),
    "Personal brand": (
        "What does Martin want to be known for outside Northwind? \"The ops person who actually "
        "listens.\"",
        "Three themes to post about: **automation, people, lessons from mistakes**.",
    ),
    "LinkedIn headline and profile": (
        "His headline was just his job title. Now: \"COO at Northwind Logistics · getting parcels "
        "and people where they need to be\".",
        "New photo, no more conference-lanyard picture from 2011.",
    ),
    "Commenting before posting": (
        "An easier start: thoughtful comments on other people's posts before writing your own.",
        "A good comment adds **one fact or one question**, not \"Great post!\".",
    ),
    "Short-form video": (
        "Martin wants nothing to do with video. Showed him a 30-second depot tour another COO "
        "made; he's thinking about it.",
        "Vertical, subtitles on, and the first two seconds decide everything.",
    ),
    "TikTok for recruiting": (
        "Graduate applications are down, and competitors recruit drivers and warehouse staff on "
        "TikTok.",
        "Idea: let the apprentices film a day in the life, with comms signing it off.",
    ),
    "Company social media policy": (
        "Read the social media policy together. It says nothing about personal posts about work; "
        "Martin will ask comms to update it.",
        "Rule of thumb: **if you wouldn't say it at the all-hands, don't post it.**",
    ),
    "Posting about failures": (
        "Martin's idea: a post about the pilot that didn't work and what we learned. Comms are "
        "nervous.",
        "Honest posts get the most engagement, and the best conversations.",
    ),
}

OPENERS: tuple[str, ...] = (
    "Martin came straight from the ops review, so we started with ten minutes on how that went.",
    "Met in the quiet room on the 3rd floor, much better than the café.",
    "On video this time; Martin was at the {depot} depot.",
    "Started ten minutes late because the exec meeting overran.",
    "Good energy today, lots of laughing.",
    "Martin brought a real example from his week, which made it easy to get going.",
    "Short one: both of us had deadlines.",
    "Walked and talked round the car park for the first part. Recommended.",
    "Martin had read the article I sent and came with questions.",
    "I was nervous about my own update this week, so we started with that.",
)
CLOSERS: tuple[str, ...] = (
    "Next time: {next_topic}.",
    "**Decision:** we keep the next session to 45 minutes.",
    "**Decision:** Martin shares drafts with his PA before posting.",
    "**Decision:** I bring real data next time instead of made-up examples.",
    "**Decision:** we try the new tool for a month before judging it.",
    "Next time we start with my questions, not his.",
)
MENTOR_TAKEAWAYS: tuple[str, ...] = (
    "Start with the decision I need, then the evidence.",
    "Find out what each stakeholder is measured on.",
    "\"I'll come back to you by Friday\" is a complete answer.",
    "The CFO cares about cash, not churn percentages: translate.",
    "Silence after a question is fine. Let them think.",
    "A chat with the sceptic before the meeting saves the meeting.",
    "Bad news early, and in person.",
    "Delegate the outcome, not the steps.",
    "Write the e-mail I'd want to receive.",
    "Ask what's driving a date before agreeing to it.",
    "Senior people get nervous too: Martin still rehearses before the board.",
    "One point, one example, stop.",
)
MENTEE_TAKEAWAYS: tuple[str, ...] = (
    "Draft with the assistant, decide without it.",
    "Nothing confidential in a tool IT hasn't approved.",
    "A post doesn't need to be polished; it needs to sound like me.",
    "Give the assistant context, not one-line orders.",
    "Ask the tool what it might have got wrong.",
    "A thumbs-up means \"seen\", not \"whatever\".",
    "Graduates want feedback often, not praise.",
    "People on the screen need an invitation to speak.",
    "Comment before you post.",
    "Check every number the assistant gives me.",
    "Short e-mails get answered.",
    "Let the quiet people speak first.",
    "Automate the copying, keep the judgement.",
)
FEEDBACK_GOOD: tuple[str, ...] = (
    "Martin came with a real problem from his week, so it wasn't theory.",
    "Priya sent the links beforehand, so we didn't waste time.",
    "Good balance between my topics and Martin's.",
    "Trying the tool live beat talking about it.",
    "Martin was honest about what he finds hard, which makes it easier for me to be honest too.",
    "We kept to time.",
    "Priya explained it without jargon.",
    "The role-play felt awkward but really helped.",
    "Both of us had done our actions.",
)
FEEDBACK_IMPROVE: tuple[str, ...] = (
    "We ran over by ten minutes; park side topics earlier.",
    "Martin checked his phone a few times. Agreed: phones away.",
    "Too much AI, not enough of my stakeholder questions. Swap the order next time.",
    "I (Priya) used jargon, \"tokens\" and \"RAG\", and lost Martin for a bit.",
    "We only wrote the actions down at the end and nearly forgot one.",
    "Should have tried it on his laptop, not mine.",
    "Rushed the last topic.",
    "Nothing really, a good one.",
    "The agenda came too late for Martin to prepare.",
)
PRIVATE_NOTES: tuple[str, ...] = (
    "**Private, stays between us.** Martin is frustrated with {colleague}, who blocked the "
    "automation budget again. He wants to sort it out himself before the exec meeting; I'm not "
    "to mention it to anyone.",
    "**Private.** I told Martin that {colleague} keeps sending me \"urgent\" requests at 6 pm. He "
    "suggested I raise it with my manager first, and offered to help if nothing changes.",
    "**Private.** Martin mentioned restructuring plans for the {depot} depot. Not announced yet; "
    "it must not come up with the team.",
    "**Private.** Talked about my pay review and whether to ask to move to the strategy team. "
    "Martin thinks I should, with the churn project as evidence.",
    "**Private.** Martin admitted he feels out of his depth when the graduates talk about AI and "
    "doesn't want the board to notice. I'm glad he trusted me with it.",
    "**Private.** {colleague} made a comment about my age in the pricing meeting (\"the kids will "
    "sort the tech\"). Talked through whether and how to raise it; Martin will back me up if I do.",
)
PRIVATE_TOPICS: tuple[str, ...] = (
    "Office politics", "Career", "Difficult conversations", "Confidential: restructuring",
    "Ageism at work",
)
PRIVATE_MENTOR_TAKEAWAYS: tuple[str, ...] = (
    "Keep a note of dates and what was said, in case I need it later.",
    "Go to my manager first; go round her only if that fails.",
    "Ask for what I want, with evidence, and give them time to answer.",
)
PRIVATE_MENTEE_TAKEAWAYS: tuple[str, ...] = (
    "Say it to the person before I say it to anyone else.",
    "It's fine for a COO to say \"I don't know this yet\".",
    "Protect the people who bring me bad news.",
)

TOOLS: tuple[str, ...] = ("Copilot", "ChatGPT", "Gemini", "the approved assistant")
COLLEAGUES: tuple[str, ...] = (
    "Harriet in finance", "Greg from procurement", "Dev in IT security", "Sofia from HR",
    "Tom in warehouse operations", "Aisha in comms",
)
DEPOTS: tuple[str, ...] = ("Leeds", "Felixstowe", "Daventry", "Bristol", "Glasgow")
POST_SUBJECTS: tuple[str, ...] = (
    "the automation pilot", "our graduate intake", "what a night shift taught me",
    "a mistake I learned from", "the Felixstowe team's safety record",
)

ACTIONS: dict[str, tuple[str, ...]] = {
    "mentee": (
        "Draft next week's ops update with {tool} and compare it with my own version",
        "Write one LinkedIn post about {post}",
        "Ask Dev in IT security which AI tools are approved for customer data",
        "Comment on three posts from people in logistics",
        "Try the meeting-notes feature in the Monday ops call",
        "Ask the two newest graduates what they would change about onboarding",
        "Let two people speak before giving my view in Thursday's meeting",
        "Send the depot managers a written update instead of the Monday call, once",
        "Update my LinkedIn headline",
        "Ask {tool} to critique my board commentary before sending it",
    ),
    "mentor": (
        "Send Martin three example prompts for summarising reports",
        "Update my stakeholder map with the pricing project people",
        "Rehearse the exec update out loud, timed to five minutes",
        "Book a coffee with {colleague} to understand their priorities",
        "Rewrite the dashboard e-mail so the ask is in the first line",
        "Read the last two board minutes before our next session",
        "Ask my manager for ten minutes on how ad-hoc requests reach me",
        "Cut the depot dashboard down to four charts",
        "Prepare the one-slide version of the churn story",
    ),
    "both": (
        "Agree three use cases for the AI lunch-and-learn",
        "Try 'remote people first' in one meeting each",
        "Bring one post each that we admire, and say why",
        "Each bring one thing that went badly this fortnight",
    ),
}

KICKOFF: tuple[str, str, str, str, str, str, str] = (
    "Kick-off, Ground rules, SWOT",
    "1. Introductions: why we signed up\n2. Agree our ground rules\n3. Fill in our SWOT grids\n"
    "4. First goals",
    "First session. Both a bit nervous, which helped.\n\n"
    "**Why we're here**\n"
    "- Martin: \"I can run 40 depots but I can't work out what my graduates are doing on their "
    "phones.\"\n"
    "- Me: I want to understand how decisions actually get made at the top, and stop being "
    "terrified of the exec.\n\n"
    "**Ground rules**\n"
    "- Went through confidentiality, feedback both ways and how often we meet. Written up in the "
    "agreement.\n"
    "- Martin's reporting line and mine don't cross, and we checked that with HR.\n\n"
    "**SWOT**\n"
    "- Filled in both grids. Funny how many things ended up in both.",
    "He's more open than I expected. Asking \"what would good look like?\" got us unstuck twice.",
    "Priya knows things I don't, and I have to be willing to look like a beginner.",
    "Martin came with clear reasons for signing up.",
    "Next time, a shorter agenda.",
)


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
        "tool": rng.choice(TOOLS),
        "colleague": rng.choice(COLLEAGUES),
        "depot": rng.choice(DEPOTS),
        "post": rng.choice(POST_SUBJECTS),
        "next_topic": rng.choice(TOPICS[rng.choice(FOCUS_AREAS)]),
    }


def _agenda(topics: Sequence[str], recap: bool, rng: random.Random) -> str:
    items = (["Actions from last time"] if recap else []) + list(topics)
    if rng.random() < 0.3:
        items.append("Feedback on each other")
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
        rest = "" if done == total else ", the rest roll over"
        parts.append(f"Checked last time's actions: {done} of {total} done{rest}.")
    else:
        parts.append(_next(OPENERS, rng, cycles.setdefault("openers", [])).format(**words))
    for _, topic in picked:
        bullets = list(TOPIC_NOTES[topic])
        rng.shuffle(bullets)
        keep = bullets[: rng.randint(1, len(bullets))]
        parts.append(f"**{topic}**\n" + "\n".join(f"- {b.format(**words)}" for b in keep))
    if rng.random() < 0.55:
        parts.append(rng.choice(CLOSERS).format(**words))
    return "\n\n".join(parts)


def _takeaway(pool: Sequence[str], rng: random.Random) -> str:
    if rng.random() < 0.3:
        first, second = rng.sample(pool, 2)
        return f"{first} Also: {second[0].lower()}{second[1:]}"
    return rng.choice(pool)


RATING_WEIGHTS = (0, 2, 8, 40, 50)  # 1..5: mostly 4s and 5s
DURATIONS = (45, 50, 55, 60, 60, 60, 60, 65, 70, 75, 90)


@dataclass
class Journal:
    entries: list[EntryRow]
    links: list[tuple[int, int]]
    actions: list[ActionRow]


def _journal(tl: Timeline, windows: Sequence[GoalWindow], rng: random.Random) -> Journal:
    n = tl.n
    entries: list[EntryRow] = []
    links: list[tuple[int, int]] = []
    actions: list[ActionRow] = []
    # About one entry in twelve is private: one in each block of twelve, never the kick-off.
    private = {b + rng.randrange(12) for b in range(0, n, 12)} - {0}
    area_cycle: list[str] = []
    topic_cycles: dict[str, list[str]] = {}
    cycles: dict[str, list[str]] = {}  # openers and feedback, so the same line doesn't recur soon
    previous: list[str | None] = []  # done_on of the last entry's actions
    owners = ("mentee", "mentor", "both")
    for i, held in enumerate(tl.held):
        entry_id = i + 1
        is_private = i in private
        words = _words(rng)
        picked: list[tuple[str, str]] = []
        if i == 0:
            topics, agenda, notes, mentor_tk, mentee_tk, good, improve = KICKOFF
        elif is_private:
            topic_list = rng.sample(PRIVATE_TOPICS, 2)
            topics = ", ".join(topic_list)
            agenda = _agenda(["Off the record", *topic_list], False, rng)
            notes = rng.choice(PRIVATE_NOTES).format(**words)
            mentor_tk = rng.choice(PRIVATE_MENTOR_TAKEAWAYS)
            mentee_tk = rng.choice(PRIVATE_MENTEE_TAKEAWAYS)
            good = "Could talk openly. Thank you for listening."
            improve = ""
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
            mentor_tk = _takeaway(MENTOR_TAKEAWAYS, rng)
            mentee_tk = _takeaway(MENTEE_TAKEAWAYS, rng)
            good = _next(FEEDBACK_GOOD, rng, cycles.setdefault("good", []))
            improve = _next(FEEDBACK_IMPROVE, rng, cycles.setdefault("improve", []))
        rating = rng.choices(range(1, 6), RATING_WEIGHTS)[0]
        duration = 75 if i == 0 else rng.choice(DURATIONS)
        entries.append((
            entry_id, held.isoformat(), duration, topics, agenda, notes, mentor_tk, mentee_tk,
            good, improve, rating, int(is_private), _stamp(held, rng, 12, 20),
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
            previous.append(_iso(done_on))
            actions.append((entry_id, len(texts) - 1, text, owner, _iso(due), _iso(done_on)))
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
                row = (entry_id, position, text, owner, due, _iso(min(today, newer_open[text])))
            newer_open[text] = held[entry_id - 1]
        out.append(row)
    out.reverse()
    return out


# -- SWOT ----------------------------------------------------------------------------------------

# (grid, quadrant, text) as the grids stand now. Three items mean the same in both grids, written
# differently: the pair noticed they share them.
SWOT_NOW: tuple[tuple[str, str, str], ...] = (
    ("mentor", "S", "Curiosity about new tools"),
    ("mentor", "S", "Fluent in SQL and Python"),
    ("mentor", "S", "At home on social media"),
    ("mentor", "S", "Explaining data in plain words"),
    ("mentor", "W", "Nervous presenting to senior people"),
    ("mentor", "W", "Say yes to every request"),
    ("mentor", "W", "Little P&L or budget experience"),
    ("mentor", "W", "Avoid conflict in meetings"),
    ("mentor", "O", "Company-wide AI rollout"),
    ("mentor", "O", "Martin's network across the business"),
    ("mentor", "O", "The exec wants faster reporting"),
    ("mentor", "O", "Graduate programme needs data champions"),
    ("mentor", "T", "Restructuring rumours"),
    ("mentor", "T", "Burnout from ad-hoc requests"),
    ("mentor", "T", "Being seen as 'just the data person'"),
    ("mentee", "S", "new tools: curiosity"),
    ("mentee", "S", "25 years of operations experience"),
    ("mentee", "S", "Trusted by the board"),
    ("mentee", "S", "Build loyal teams"),
    ("mentee", "W", "Unsure what's safe to paste into AI tools"),
    ("mentee", "W", "Hardly ever post on LinkedIn"),
    ("mentee", "W", "Long e-mails nobody finishes"),
    ("mentee", "W", "Leave anything digital to my PA"),
    ("mentee", "O", "AI rollout (company-wide)"),
    ("mentee", "O", "Reaching graduates through LinkedIn"),
    ("mentee", "O", "Automating the weekly ops report"),
    ("mentee", "O", "Reverse mentoring for the whole leadership team"),
    ("mentee", "T", "rumours, restructuring"),
    ("mentee", "T", "Competitors automating faster"),
    ("mentee", "T", "Losing young talent to start-ups"),
    ("mentee", "T", "Customer data leaking through careless AI use"),
)

# The grids as they stood at kick-off: two items added since, one moved, one reworded.
SWOT_KICKOFF: tuple[tuple[str, str, str], ...] = tuple(
    (grid, "W", text) if text == "Being seen as 'just the data person'"
    else (grid, quadrant, "Terrified of presenting to the board")
    if text == "Nervous presenting to senior people"
    else (grid, quadrant, text)
    for grid, quadrant, text in SWOT_NOW
    if text not in ("Explaining data in plain words", "Reverse mentoring for the whole leadership team")
)


def _positioned(items: Sequence[tuple[str, str, str]]) -> list[tuple[str, str, str, int]]:
    seen: dict[tuple[str, str], int] = {}
    rows = []
    for grid, quadrant, text in items:
        pos = seen.get((grid, quadrant), 0)
        seen[(grid, quadrant)] = pos + 1
        rows.append((grid, quadrant, text, pos))
    return rows


# -- skills --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SkillSpec:
    name: str
    owner: str
    focus_area: str
    target_level: int
    first: float  # level at kick-off
    last: float  # level by the latest session
    self_bias: float = 0.0  # how the owner's view differs from the partner's
    gap: bool = False  # latest self and partner ratings end two levels apart


SKILLS: tuple[SkillSpec, ...] = (
    SkillSpec("Using AI assistants", "mentee", TECH, 4, 1, 4),
    SkillSpec("LinkedIn presence", "mentee", SOCIAL, 4, 1, 3, self_bias=0.4),
    SkillSpec("Data literacy", "mentee", TECH, 3, 2, 3),
    SkillSpec("Prompt writing", "mentee", TECH, 4, 1, 3.5),
    SkillSpec("Stakeholder management", "mentor", COMMUNICATION, 4, 2, 4),
    SkillSpec("Executive presence", "mentor", LEADERSHIP, 4, 1, 4, self_bias=-0.8, gap=True),
    SkillSpec("Negotiation", "mentor", COMMUNICATION, 3, 1, 2.5),
    SkillSpec("Presenting to the board", "mentor", LEADERSHIP, 5, 1, 4),
)
# Rating notes by how the level moved since the same person's last rating: up, same, down.
SELF_NOTES: dict[int, tuple[str, ...]] = {
    1: ("Better than last time.", "Practised a lot this month.", "Felt it in the last big meeting.",
        "After a good few weeks."),
    0: ("Honestly, about the same.", "Still a way to go.", "Steady, nothing new to report."),
    -1: ("A bad week, and it shows.", "Rusty after the holidays.", "Harder than I thought it would be."),
}
PARTNER_NOTES: dict[int, tuple[str, ...]] = {
    1: ("Noticeably more confident.", "A real step up since last time.", "Saw it in the exec meeting."),
    0: ("Steady progress.", "Based on the last two sessions.", "Same as last time, and that's fine."),
    -1: ("Less practice lately.", "Harder material this time round."),
}


def _note(pool: dict[int, tuple[str, ...]], level: int, previous: int, rng: random.Random) -> str:
    if rng.random() < 0.45:
        return ""
    return rng.choice(pool[(level > previous) - (level < previous)])


def _level(value: float) -> int:
    return max(1, min(5, math.floor(value + 0.5)))


def _skill_rows(
    tl: Timeline, rng: random.Random
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """Ratings every couple of months: the owner's own view, and from the second round the partner's."""
    skills: list[tuple[object, ...]] = []
    ratings: list[tuple[object, ...]] = []
    span = (tl.held[-1] - tl.start).days if tl.held else 0
    rounds = max(1, min(24, span // 61 + 1))
    for pos, spec in enumerate(SKILLS):
        skill_id = pos + 1
        last_self = last_partner = 0
        skills.append((skill_id, spec.name, spec.owner, spec.focus_area, spec.target_level, pos))
        for k in range(rounds):
            frac = k / (rounds - 1) if rounds > 1 else 0.0
            index = tl.index_at(frac) if tl.held else None
            day = tl.held[index] if index is not None else tl.start
            entry_id = index + 1 if index is not None and (k == 0 or rng.random() < 0.6) else None
            base = spec.first + (spec.last - spec.first) * frac
            wobble = rng.choices((-1, 0, 1), (8, 84, 8))[0] if 0 < k < rounds - 1 else 0
            self_level = _level(base + spec.self_bias + wobble)
            partner_level = _level(base + rng.choices((-0.5, 0, 0.5), (15, 70, 15))[0])
            if spec.gap and k == rounds - 1 and k > 0:
                self_level, partner_level = _level(spec.last) - 2, _level(spec.last)
                self_note = "Still feel like a fraud in the exec meeting."
                partner_note = "Rates herself far too low: the committee listened to every word."
            elif k == 0:
                self_note, partner_note = "Starting point at kick-off.", ""
                partner_level = self_level  # no partner rating yet: compare the first with this
            else:
                self_note = _note(SELF_NOTES, self_level, last_self, rng)
                partner_note = _note(PARTNER_NOTES, partner_level, last_partner, rng)
                if partner_level > self_level and rng.random() < 0.4:
                    partner_note = f"Rates {'her' if spec.owner == 'mentor' else 'him'}self too low."
            ratings.append((skill_id, day.isoformat(), self_level, "self", self_note, entry_id))
            if k > 0:
                ratings.append((skill_id, day.isoformat(), partner_level, "partner", partner_note,
                                entry_id))
            last_self, last_partner = self_level, partner_level
    return skills, ratings


# -- putting it together -------------------------------------------------------------------------


def make_sample(path: Path | str, sessions: int = 24, *, seed: int = 7, today: date | None = None) -> None:
    """Write a new sample partnership with `sessions` journal sessions to `path`.

    Refuses an existing file (KnownError ALREADY_EXISTS, the file untouched). The latest session
    falls 2-8 days before `today` (default: the real today), so the sample is never overdue. With
    `sessions=0` the pair has just agreed to start: the partnership began on the most recent
    Tuesday, and it holds the agreement, the goals set at kick-off (none started), both SWOT grids
    with their "Kick-off" snapshot and a kick-off self-rating per skill, but no journal. Very large
    counts (more than ~950) tighten the cadence, down to daily, so every date stays within the
    last 40 years.
    """
    if isinstance(sessions, bool) or not isinstance(sessions, int):
        raise TypeError(f"sessions must be a whole number, not {type(sessions).__name__}.")
    if sessions < 0:
        raise ValueError(f"sessions must be 0 or more (got {sessions}).")
    today = date.today() if today is None else today
    rng = random.Random(seed)
    tl = _plan(sessions, rng, today)
    review = _review_date(tl.start, today)
    partnership = {
        "mentor_name": MENTOR,
        "mentee_name": MENTEE,
        "me": "mentor",
        "organisation": ORGANISATION,
        "start_date": tl.start,
        "review_date": review,
        "cadence_days": tl.cadence_days,
        "duration_minutes": DURATION_MINUTES,
    }
    path = Path(path)
    if path.exists() or path.is_symlink():
        raise KnownError(ErrorKind.ALREADY_EXISTS, f"“{path}” already exists; it was left as it was.")
    # Built whole under a temporary name, then linked into place: a full disk or a kill leaves no
    # half-filled sample (and no side file) under the name the user gave.
    tmp = path.with_name(f".{path.name}.sample-{os.getpid()}")
    try:
        store = Store.create(tmp, partnership, focus_areas=list(FOCUS_AREAS),
                             clauses=_clauses(tl.cadence_days, review))
        try:
            conn = store.raw()
            try:
                conn.execute("BEGIN")
                _fill(conn, tl, rng)
                conn.execute("COMMIT")
            finally:
                conn.close()  # an unfinished transaction is rolled back as it closes
        finally:
            store.close()
        place_new_file(tmp, path)
    except sqlite3.Error as exc:
        full = "full" in str(exc).lower()
        raise KnownError(
            ErrorKind.DISK_FULL if full else ErrorKind.CANNOT_WRITE,
            "The disk is full, so the sample was not written." if full
            else f"The sample could not be written ({exc}).",
            "Free some space and try again." if full else "",
        ) from exc
    except KnownError as exc:
        if exc.kind is ErrorKind.DISK_FULL:
            raise KnownError(ErrorKind.DISK_FULL, "The disk is full, so the sample was not written.",
                             "Free some space and try again.") from exc
        raise
    finally:
        for leftover in (tmp, Path(f"{tmp}-journal")):
            with contextlib.suppress(OSError):  # never made (e.g. the folder is missing)
                leftover.unlink(missing_ok=True)


def _fill(conn: sqlite3.Connection, tl: Timeline, rng: random.Random) -> None:
    # The pair made the file at kick-off, so the sample says so (and stays deterministic).
    conn.execute("UPDATE partnership SET created_at = ? WHERE id = 1", (_stamp(tl.start, rng, 9, 11),))
    goals, milestones, windows = _goal_rows(tl, rng)
    conn.executemany(
        "INSERT INTO goal (id, title, owner, focus_area, description, success_measure, target_date,"
        " status, manual_progress, private, position, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        goals,
    )
    conn.executemany(
        "INSERT INTO milestone (goal_id, position, title, done_on) VALUES (?, ?, ?, ?)", milestones
    )
    journal = _journal(tl, windows, rng)
    conn.executemany(_ENTRY_SQL, journal.entries)
    conn.executemany("INSERT INTO entry_goal (entry_id, goal_id) VALUES (?, ?)", journal.links)
    conn.executemany(_ACTION_SQL, journal.actions)  # after the entries: triggers index their text

    swot_sql = "INSERT INTO swot_item (grid, quadrant, text, position) VALUES (?, ?, ?, ?)"
    conn.executemany(swot_sql, _positioned(SWOT_NOW if tl.n else SWOT_KICKOFF))
    conn.execute(
        "INSERT INTO swot_snapshot (id, label, taken_on, created_at) VALUES (1, ?, ?, ?)",
        ("Kick-off", tl.start.isoformat(), _stamp(tl.start, rng, 14, 16)),
    )
    conn.executemany(
        "INSERT INTO swot_snapshot_item (snapshot_id, grid, quadrant, text, position)"
        " VALUES (1, ?, ?, ?, ?)",
        _positioned(SWOT_KICKOFF),
    )
    skills, ratings = _skill_rows(tl, rng)
    conn.executemany(
        "INSERT INTO skill (id, name, owner, focus_area, target_level, position)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        skills,
    )
    conn.executemany(
        "INSERT INTO skill_rating (skill_id, rated_on, level, rated_by, note, entry_id)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        ratings,
    )
