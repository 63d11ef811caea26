"""The Check-ins & Reviews tab: how the pair evaluates and adjusts its partnership (issue 13).

The window imports this package and takes `PracticeTab` by name. A file per job: `tab` (the list
and the form side by side; selection; the Tab protocol), `item_list` and `list_model` (the list of
check-ins and reviews), `check_in_form` and `stars` (a check-in), `review_form`, `review_goals` and
`decision` (a review), `banner` (the partnership is closed), `start_review` (the dialog),
`defaults` (what a new check-in or review offers), `fields` and `common` (what the others share).
"""

from __future__ import annotations

from revmentor_desktop.ui.practice.list_model import PracticeListModel
from revmentor_desktop.ui.practice.review_goals import ReviewGoalsModel
from revmentor_desktop.ui.practice.tab import PracticeTab

__all__ = ["PracticeListModel", "PracticeTab", "ReviewGoalsModel"]
