"""Importing a partner's share as one edit: one step in Edit › Undo, whatever it changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from revmentor_desktop.data.commands_edit import _BY_TABLE, NOTHING, Change, Changes, Done, Edit

if TYPE_CHECKING:
    from revmentor_desktop.data.share_apply import Image
    from revmentor_desktop.data.share_merge import Plan
    from revmentor_desktop.data.store import Store


def _changes(tables: set[str]) -> Changes:
    out: set[Change] = set()
    for table in tables:
        out |= _BY_TABLE.get(table, NOTHING)
    if "partnership" in tables:
        out |= {Change.NAMES, Change.FOCUS_AREAS}
    return frozenset(out)


def import_share(plan: Plan, label: str) -> Edit:
    """Carry out `plan` (its conflicts settled); undo puts back every table it touched as it was."""

    def run(store: Store) -> Done:
        from revmentor_desktop.data.share_apply import apply_plan, now_image, tables_of

        before = apply_plan(store, plan)
        if not plan.items:  # only what both files hold was noted: nothing to show or undo
            return Done(plan.counts(), NOTHING, None)
        after = now_image(store, tables_of(plan))
        changes = _changes(set(before.tables))
        return Done(plan.counts(), changes, _putting(label, before, after, changes))

    return Edit(label, run)


def _putting(label: str, image: Image, other: Image, changes: Changes) -> Edit:
    def run(store: Store) -> Done:
        from revmentor_desktop.data.share_apply import put_image

        put_image(store, image)
        return Done(None, changes, _putting(label, other, image, changes))

    return Edit(label, run)
