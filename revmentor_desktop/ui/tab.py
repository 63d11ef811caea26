"""What the window asks of every tab: one typed protocol instead of `hasattr` checks."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from revmentor_desktop.data.commands import Changes


@runtime_checkable
class Tab(Protocol):
    """A tab of the main window. It subscribes itself to `Document.changed` when built."""

    def on_changed(self, changes: Changes, initiator: object = None) -> None:
        """Redraw what `changes` concern; skip what this tab's own edit (`initiator`) already shows."""

    def flush(self) -> None:
        """Save typing still waiting for its debounce."""

    def has_unsaved(self) -> bool:
        """Typing that is not in the file (after a flush: it was refused)."""

    def new_item(self) -> None:
        """Edit › New Item (Ctrl+N) on this tab."""

    def delete_selection(self) -> None:
        """Edit › Delete on this tab's selection (undo brings it back)."""

    def show_problem(self, message: str) -> None:
        """Show why an edit was refused ("" clears it)."""
