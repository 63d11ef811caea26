"""A goal's status kept in step with its progress, and edits that move both as one undo step.

The rule (`status_for_progress`), applied whenever the user moves a goal's progress (the slider,
or ticking, adding or removing a milestone):

- progress reaching 100 % makes the goal Achieved;
- an Achieved goal whose progress drops below 100 % is In progress again;
- a Not started goal whose progress moves above 0 % is In progress;
- a Dropped goal is never moved: dropping it was the pair's decision.

The other way round (`progress_for_status`): setting the status to Achieved by hand brings the
progress to 100 % — the hand-set value for a goal without milestones, its open milestones ticked
(done today) for one with them — so "Achieved" never shows beside 40 %. Any other status set by
hand is left as chosen: the next move of the progress applies the rule again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from revmentor_desktop.data import commands
from revmentor_desktop.data.commands import NOTHING, Done, Edit
from revmentor_desktop.data.vocab import GoalStatus
from revmentor_desktop.report.text import by_count
from revmentor_desktop.ui.edit_notices import undo_keys
from revmentor_desktop.ui.goals.common import status_label

if TYPE_CHECKING:
    from revmentor_desktop.data.store import Store


def status_for_progress(status: str, progress: int) -> str | None:
    """The status a goal moves to when its progress moves to `progress` (None: it stays)."""
    if status == GoalStatus.DROPPED:
        return None
    if progress >= 100:
        return None if status == GoalStatus.ACHIEVED else GoalStatus.ACHIEVED.value
    if status == GoalStatus.ACHIEVED:
        return GoalStatus.IN_PROGRESS.value
    if status == GoalStatus.NOT_STARTED and progress > 0:
        return GoalStatus.IN_PROGRESS.value
    return None


@dataclass(frozen=True)
class ProgressFix:
    """What setting a status by hand also changes: the hand-set progress, or milestones to tick."""

    manual_progress: int | None = None
    tick: tuple[int, ...] = ()


def progress_for_status(status: str, progress: int, open_milestones: Sequence[int]) -> ProgressFix | None:
    """What else moves when the user sets `status` by hand on a goal at `progress` (None: nothing)."""
    if status != GoalStatus.ACHIEVED or progress >= 100:
        return None
    if open_milestones:
        return ProgressFix(tick=tuple(open_milestones))
    return ProgressFix(manual_progress=100)


def moved_note(old: str, new: str, progress: int) -> str:
    """The status bar's line after a progress move also moved the status."""
    if new == GoalStatus.ACHIEVED:
        why = QCoreApplication.translate("GoalsTab", "progress reached 100%")
    else:
        why = QCoreApplication.translate("GoalsTab", "progress is {percent}%").format(percent=progress)
    if old == GoalStatus.ACHIEVED:
        line = QCoreApplication.translate("GoalsTab", "Status set back to {status}: {why}. {keys} undoes both.")
    else:
        line = QCoreApplication.translate("GoalsTab", "Status set to {status}: {why}. {keys} undoes both.")
    return line.format(status=status_label(new), why=why, keys=undo_keys())


def fixed_note(fix: ProgressFix) -> str:
    """The status bar's line after a status set by hand also moved the progress."""
    if fix.tick:
        n = len(fix.tick)
        line = by_count(n, QCoreApplication.translate(
            "GoalsTab", "Goal achieved: the open milestone ticked as done, so progress is 100%. "
            "{keys} undoes both."), QCoreApplication.translate(
            "GoalsTab", "Goal achieved: the {n} open milestones ticked as done, so progress is 100%. "
            "{keys} undoes both."))
        return line.format(n=n, keys=undo_keys())
    return QCoreApplication.translate(
        "GoalsTab", "Goal achieved: progress set to 100%. {keys} undoes both.").format(keys=undo_keys())


def together(label: str, edits: Sequence[Edit]) -> Edit:
    """Several edits as one undo step, applied in order (its value is the first one's).

    If one is refused, those already applied are undone before the refusal goes on to the
    caller, so the file is left as it was. Undo applies their inverses in reverse order.
    """

    def run(store: Store) -> Done:
        applied: list[Done] = []
        try:
            for edit in edits:
                applied.append(edit.apply(store))
        except Exception:
            for done in reversed(applied):
                if done.undo is not None:
                    done.undo.apply(store)
            raise
        changes = NOTHING.union(*(d.changes for d in applied))
        undos = [d.undo for d in reversed(applied) if d.undo is not None]
        return Done(applied[0].value if applied else None, changes,
                    together(label, undos) if undos else None)

    return Edit(label, run)


def with_status(edit: Edit, goal_id: int, status: str) -> Edit:
    """`edit` (which moves a goal's progress) and the goal's new status, as one undo step."""
    label = QCoreApplication.translate("GoalPane", "Change Goal Status")
    return together(edit.label, [edit, commands.update_goal(goal_id, label, merge=False, status=status)])


def status_with_progress(goal_id: int, status: str, fix: ProgressFix, today: date) -> Edit:
    """The status set by hand and the progress that goes with it, as one undo step."""
    label = QCoreApplication.translate("GoalPane", "Change Goal Status")
    if fix.manual_progress is not None:  # one row: one command, one transaction
        return commands.update_goal(goal_id, label, merge=False, status=status,
                                    manual_progress=fix.manual_progress)
    ticks = [commands.tick_milestone(m, True, today) for m in fix.tick]
    return together(label, [commands.update_goal(goal_id, label, merge=False, status=status), *ticks])
