"""What importing a partner's share would do to my file: the plan, record by record, before anything
is written (the import dialog shows it; `share_apply` carries it out).

Shared records merge three-way. For each, the share says which version of *mine* the partner last
took into account (`seen`), and my file remembers which version of *theirs* I last took into
account (`exchange_seen`). Then, with theirs T and mine M:

* T equals M — nothing to do;
* M is the version they last saw — they changed it since: take theirs;
* T is the version I last saw — I changed it since: keep mine;
* otherwise both changed it since the last exchange: a **conflict**, settled by the user.

Afterwards my file remembers T as seen, whatever was chosen, so choosing mine tells the partner's
next import that I saw their version and chose mine (theirs then takes mine, no conflict again).

A shared record I deleted since I last saw it stays deleted when their version is the one I saw;
if they changed it since, that is a conflict too (keep it deleted, or take theirs back). A record
of mine that is private — or that hangs off a private one — is never touched, whatever the share
says about it (it may have been shared before I made it private), and their links to it are left
out.

Authored records (their SWOT grid, ratings, check-ins) and their side of sessions and reviews come
in as theirs, always (an empty field of their side never blanks text my copy holds); a record of theirs that I received before and that their new share no longer
holds is removed (they deleted it). Nothing of mine — my side, my authored records — is ever touched.
Shared records they no longer share are kept (their deleting or making private is not propagated:
nothing of mine is deleted by an import). A share dated more than a day ahead of this computer's
clock, or older than the last one imported, is refused.

The same session logged by both on the same date (a session of theirs I have never seen, and a
non-private session of mine on that date that their share does not hold) is offered as one session:
both keep the smaller of the two stable ids, so the two files converge whoever imports first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from revmentor_desktop.data.share_format import Incoming, Share
from revmentor_desktop.data.share_kinds import KINDS, ORDER, Canon, digest, one_line
from revmentor_desktop.data.share_local import Local, Records
from revmentor_desktop.errors import ErrorKind, KnownError

#: "skip": a conflict settled by keeping a record I deleted deleted (nothing is written)
#: a share may be dated this far ahead of this computer's clock (the partners' clocks differ)
FUTURE_TOLERANCE = timedelta(days=1)

Action = Literal["add", "update", "conflict", "remove", "skip"]
Choice = Literal["mine", "theirs"]

_NAMES = {"agreement": "The agreement", "clause": "Ground rule", "goal": "Goal",
          "milestone": "Milestone", "entry": "Session", "action": "Action item",
          "swot": "SWOT item", "snapshot": "SWOT snapshot", "skill": "Skill", "rating": "Rating",
          "check_in": "Check-in", "review": "Review", "review_goal": "Reviewed goal"}


@dataclass
class Item:
    """One record the import adds, changes, removes, or asks about."""

    kind: str
    uid: str
    action: Action
    theirs: Incoming | None
    mine: Local | None
    label: str
    #: what differs: (field, mine, theirs) — for a conflict, what the user chooses between
    fields: list[tuple[str, Any, Any]] = field(default_factory=list)
    #: whether their shared fields are taken (False: only their side or nothing shared changes)
    take_shared: bool = True
    #: a session of theirs matched to one of mine on the same date (offered as one session)
    same_session: bool = False
    #: for a same-session match: both versions' fields merged where only one holds text
    merged: Canon | None = None
    #: a shared record I deleted since the last exchange, which they changed since (a conflict:
    #: keep it deleted, or take theirs back)
    deleted_by_me: bool = False


@dataclass
class Plan:
    share: Share
    local: Records
    items: list[Item]
    #: (kind, uid) → digest of their version, remembered after the import
    seen: dict[tuple[str, str], str]

    def of(self, action: Action) -> list[Item]:
        return [i for i in self.items if i.action == action]

    @property
    def conflicts(self) -> list[Item]:
        return self.of("conflict")

    def is_empty(self) -> bool:
        """Nothing would change in my file (not even what it remembers of the exchange)."""
        return not self.changes() and all(
            self.local.seen.get(k, {}).get(u) == d for (k, u), d in self.seen.items()) and (
            self.local.last_share_at is not None and self.local.last_share_at >= self.share.written_at)

    def changes(self) -> list[Item]:
        """The items that write something (all but conflicts settled by keeping a deletion)."""
        return [i for i in self.items if i.action != "skip"]

    def counts(self) -> dict[str, int]:
        return {a: len(self.of(a)) for a in ("add", "update", "conflict", "remove")}


def _refuse(share: Share, why: str) -> KnownError:
    return KnownError(ErrorKind.BAD_SHARE,
                      f"“{one_line(share.path.name)}” cannot be imported: {one_line(why)}")


def label(kind: str, data: Canon) -> str:
    """A record named for people, in one line of plain text."""
    name = _NAMES[kind]
    text = {"clause": "text", "goal": "title", "milestone": "title", "action": "text", "swot": "text",
            "snapshot": "label", "skill": "name", "review_goal": "goal_title"}.get(kind)
    if kind == "entry":
        topics = one_line(str(data.get("topics") or ""), 80)
        return f"{name} of {data['held_on']}" + (f" — {topics}" if topics else "")
    if kind in ("check_in", "review", "rating"):
        when = data.get("held_on") or data.get("rated_on")
        return f"{name} of {when}"
    if text is None:
        return name
    return f"{name} “{one_line(str(data.get(text, '')), 60)}”"


def _named(kind: str, data: Canon) -> str:
    """`label`, as the subject inside a sentence ("goal “Board pack”…")."""
    text = label(kind, data)
    return text[:1].lower() + text[1:]


def _diff(a: Canon | None, b: Canon) -> list[tuple[str, Any, Any]]:
    a = a or {}
    return [(k, a.get(k), b[k]) for k in b if a.get(k) != b[k]]


def check_identity(share: Share, local: Records) -> None:
    """Refuse a share from another partnership, written from my own side, or older than one I
    already imported."""
    if share.pair != local.pair:
        names = share.records["agreement"][share.pair].data
        raise _refuse(share, f"it is from another partnership ({names['mentor_name']} & "
                             f"{names['mentee_name']}), not this one.")
    if share.author == local.me:
        raise _refuse(share, f"it was written from your own side ({local.me}) of the partnership; "
                             "import the share your partner wrote.")
    if share.written_at > datetime.now(UTC) + FUTURE_TOLERANCE:
        raise _refuse(share, f"it says it was written on {share.written_at.date().isoformat()}, in "
                             "the future; check the date of the computer that wrote it.")
    if local.last_share_at is not None and share.written_at < local.last_share_at:
        raise _refuse(share, "it is older than a share from your partner you already imported.")


def plan_import(share: Share, local: Records) -> Plan:
    """What importing `share` into the file `local` was read from would do. `local` must have been
    read with private records (so a share naming one of them is refused)."""
    check_identity(share, local)
    theirs_side = share.author
    items: list[Item] = []
    seen: dict[tuple[str, str], str] = {}
    all_uids = {k: set(local.by_kind.get(k, {})) | set(share.records[k]) for k in ORDER}
    matched: set[str] = set()
    for kind_name in ORDER:
        kind = KINDS[kind_name]
        mine_all = local.by_kind.get(kind_name, {})
        for uid, t in share.records[kind_name].items():
            m = mine_all.get(uid)
            _check_refs(share, local, kind_name, t, all_uids)
            if (m is not None and m.private) or _needs_private(local, kind_name, t):
                continue  # mine, made private since: never touched by an import
            t = _without_private_links(local, kind_name, t)
            if kind.authored:
                if m is not None and m.author != theirs_side:
                    raise _refuse(share, f"{_named(kind_name, t.data)} has the stable id of a record "
                                         "of yours.")
                seen[(kind_name, uid)] = digest(t.data)
                if m is None:
                    items.append(Item(kind_name, uid, "add", t, None, label(kind_name, t.data)))
                elif m.data != t.data:
                    items.append(Item(kind_name, uid, "update", t, m, label(kind_name, t.data),
                                      _diff(m.data, t.data)))
                continue
            d_t = digest(t.data)
            seen_mine = local.seen.get(kind_name, {}).get(uid)
            seen[(kind_name, uid)] = d_t
            if m is None and seen_mine is not None:  # I had it, and deleted it since
                if d_t != seen_mine:  # …and they changed it since: keep it deleted, or take theirs?
                    items.append(Item(kind_name, uid, "conflict", t, None, label(kind_name, t.data),
                                      [(k, None, val) for k, val in t.data.items()],
                                      deleted_by_me=True))
                continue
            if m is None:
                match = _same_session(kind_name, t, local, share, matched)
                items.append(match or Item(kind_name, uid, "add", t, None, label(kind_name, t.data)))
                continue
            item = _merge_shared(kind_name, t, d_t, m, seen_mine, theirs_side)
            if item is not None:
                items.append(item)
        if kind.authored:  # theirs I received before, gone from their share: they deleted it
            for uid, m in mine_all.items():
                if (m.author == theirs_side and uid in local.seen.get(kind_name, {})
                        and uid not in share.records[kind_name]):
                    items.append(Item(kind_name, uid, "remove", None, m, label(kind_name, m.data)))
    return Plan(share, local, items, seen)


#: links a record cannot do without (a milestone's goal…); other links may dangle — the partner's
#: link to something private of theirs is never shared — and are dropped on import
REQUIRED_REFS = {("milestone", "goal"), ("action", "entry"), ("rating", "skill"), ("review_goal", "review")}


def _check_refs(share: Share, local: Records, kind_name: str, t: Incoming,
                all_uids: dict[str, set[str]]) -> None:
    """A record refers only to records one of the two files holds, and never to a private one of mine."""
    refs = [(ref, target, t.data[ref]) for ref, target in KINDS[kind_name].refs.items()]
    if kind_name == "entry":
        refs += [("goals", "goal", g) for g in t.data["goals"]]
    for ref, target, value in refs:
        if value is not None and (kind_name, ref) in REQUIRED_REFS and value not in all_uids[target]:
            raise _refuse(share, f"{_named(kind_name, t.data)} refers to a "
                                 f"{_NAMES[target].lower()} that neither file holds.")


def _is_private(local: Records, kind: str, uid: str | None) -> bool:
    mine = local.by_kind.get(kind, {}).get(uid) if uid is not None else None
    return mine is not None and mine.private


def _needs_private(local: Records, kind_name: str, t: Incoming) -> bool:
    """Whether the record hangs off a record of mine that is private (a milestone of my private
    goal, an action item of my private session): it is left alone with it."""
    return any(_is_private(local, target, t.data[ref]) for ref, target in KINDS[kind_name].refs.items()
               if (kind_name, ref) in REQUIRED_REFS)


def _without_private_links(local: Records, kind_name: str, t: Incoming) -> Incoming:
    """Their record without its links to records of mine that are private (a session's goal, a
    rating's session, a reviewed goal's goal): those links are mine alone, and stay as they are."""
    data = t.data
    if kind_name == "entry" and any(_is_private(local, "goal", g) for g in data["goals"]):
        data = {**data, "goals": [g for g in data["goals"] if not _is_private(local, "goal", g)]}
    for ref, target in KINDS[kind_name].refs.items():
        if (kind_name, ref) not in REQUIRED_REFS and _is_private(local, target, data[ref]):
            data = {**data, ref: None}
    return t if data is t.data else replace(t, data=data)


def side_changes(m: Local, t: Incoming, author: str) -> list[tuple[str, Any, Any]]:
    """What their side of a shared record changes in my copy of it. An empty field of theirs never
    blanks text my copy holds (typed by me on their behalf, before any exchange)."""
    if t.side is None:
        return []
    return [(k, mine, theirs) for k, mine, theirs in _diff(m.sides.get(author), t.side)
            if not _is_blank(theirs)]


def _merge_shared(kind_name: str, t: Incoming, d_t: str, m: Local, seen_mine: str | None,
                  theirs_side: str) -> Item | None:
    d_m = d_t if m.data == t.data else digest(m.data)
    side_fields = side_changes(m, t, theirs_side)
    name = label(kind_name, t.data)
    if d_t == d_m:
        take = False
    elif d_m == t.seen:
        take = True  # they built on my version: theirs is newer
    elif d_t == seen_mine:
        take = False  # I already took theirs into account: mine is newer
    else:
        return Item(kind_name, t.uid, "conflict", t, m, name, _diff(m.data, t.data) + side_fields)
    fields = (_diff(m.data, t.data) if take else []) + side_fields
    if not fields:
        return None
    return Item(kind_name, t.uid, "update", t, m, name, fields, take_shared=take)


def _is_blank(value: Any) -> bool:
    return value in (None, "", [])


def _same_session(kind_name: str, t: Incoming, local: Records, share: Share,
                  matched: set[str]) -> Item | None:
    if kind_name != "entry":
        return None
    for uid, m in sorted(local.by_kind.get("entry", {}).items()):
        if (m.private or uid in matched or uid in share.records["entry"]
                or m.data["held_on"] != t.data["held_on"]):
            continue
        matched.add(uid)
        merged = dict(m.data)
        clash = []
        for k, theirs in t.data.items():
            mine = m.data[k]
            if k == "goals":
                merged[k] = sorted(set(mine) | set(theirs))
            elif _is_blank(mine):
                merged[k] = theirs
            elif not _is_blank(theirs) and theirs != mine and k != "duration_minutes":
                clash.append((k, mine, theirs))
        side = side_changes(m, t, share.author)
        action: Action = "conflict" if clash else "update"
        return Item("entry", t.uid, action, t, m, label("entry", t.data),
                    (clash if clash else _diff(m.data, merged)) + side, same_session=True,
                    merged=merged)
    return None


def resolve(plan: Plan, choices: dict[tuple[str, str], Choice] | None = None,
            prefer: Choice | None = None) -> list[tuple[str, str]]:
    """Settle the plan's conflicts: a choice per record, else `prefer`. Returns the conflicts left
    unsettled (each (kind, uid)); an import applies only once none are left."""
    choices = choices or {}
    left = []
    for item in plan.conflicts:
        choice = choices.get((item.kind, item.uid), prefer)
        if choice is None:
            left.append((item.kind, item.uid))
            continue
        item.take_shared = choice == "theirs"
        if item.deleted_by_me:
            item.action = "add" if choice == "theirs" else "skip"
            continue
        item.action = "update"
        if item.same_session and item.merged is not None and choice == "theirs":
            item.merged = {**item.merged, **{k: t for k, _m, t in item.fields if k in item.merged}}
        if item.same_session and item.merged is not None and choice == "mine":
            item.take_shared = True  # the merged fields: mine where both hold text
    return left


def unmatch(plan: Plan, uids: Iterable[str]) -> None:
    """Import these sessions of theirs as sessions of their own, not as the same session as mine."""
    wanted = set(uids)
    for item in plan.items:
        if item.same_session and item.uid in wanted:
            item.same_session, item.mine, item.merged = False, None, None
            item.action, item.take_shared, item.fields = "add", True, []
