"""Importing a partner's share as one edit: one step in Edit › Undo, whatever it changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from revmentor_desktop.data.commands_edit import _BY_TABLE, NOTHING, Change, Changes, Done, Edit

if TYPE_CHECKING:
    from revmentor_desktop.data.share_merge import Plan
    from revmentor_desktop.data.share_undo import Image
    from revmentor_desktop.data.store import Store


def _changes(image: Image) -> Changes:
    """What the import's rows are (its images hold every table it touched)."""
    out: set[Change] = set()
    for table in (*image.rows, *image.sets):
        out |= _BY_TABLE.get(table, NOTHING)
    if "journal_entry" in image.rows:
        out |= {Change.DISCUSSED, Change.ACTIONS, Change.RATINGS}  # (an added session's links)
    out |= {Change.PARTNERSHIP, Change.NAMES, Change.FOCUS_AREAS}
    return frozenset(out)


def import_share(plan: Plan, label: str) -> Edit:
    """Carry out `plan` (its conflicts settled); undo puts back every table it touched as it was."""

    def run(store: Store) -> Done:
        from revmentor_desktop.data.share_apply import apply_plan

        before, after = apply_plan(store, plan)
        if not plan.changes():  # only what both files hold was noted: nothing to show or undo
            return Done(plan.counts(), NOTHING, None)
        changes = _changes(after)
        return Done(plan.counts(), changes, _putting(label, before, after, changes))

    return Edit(label, run)


def _putting(label: str, image: Image, other: Image, changes: Changes) -> Edit:
    def run(store: Store) -> Done:
        from revmentor_desktop.data.share_apply import put_image

        put_image(store, image, other)
        return Done(None, changes, _putting(label, other, image, changes))

    return Edit(label, run)
