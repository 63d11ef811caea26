"""The Goals tab: the pair's goals in a table and, beside it, the selected goal with its milestones.

The window imports this package and takes `GoalsTab` by name; tests take the roles from here too.
"""

from __future__ import annotations

from revmentor_desktop.ui.goals.tab import ID_ROLE, PROGRESS_ROLE, GoalsTab

__all__ = ["ID_ROLE", "PROGRESS_ROLE", "GoalsTab"]
