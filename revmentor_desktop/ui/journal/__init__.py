"""The Journal tab: one entry per session, searchable, each edited in a pane beside the list.

Start at `tab.py`; `editor.py` is the pane, with the feedback both ways in `feedback.py`; the item
models are in `entry_list.py`, `actions.py` (whose due dates `due_date.py` edits) and `goal_pick.py`,
and `search_marks.py` paints what a search found."""

from revmentor_desktop.ui.journal.tab import JournalTab

__all__ = ["JournalTab"]
