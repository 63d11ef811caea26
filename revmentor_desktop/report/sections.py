"""The PDF summary's sections and choices, by name: what the command line and the export dialog
offer (the dialog words them: ui/export.py) (nothing heavy imported here, so `revmentor --help` and argument errors stay instant)."""

SECTION_OVERVIEW = "overview"
SECTION_GOALS = "goals"
SECTION_SWOT = "swot"
SECTION_SKILLS = "skills"
SECTION_JOURNAL = "journal"
SECTION_ACTIONS = "actions"
SECTION_CHECK_INS = "checkins"
SECTION_REVIEW = "review"
ALL_SECTIONS: tuple[str, ...] = (SECTION_OVERVIEW, SECTION_REVIEW, SECTION_GOALS, SECTION_SWOT,
                                 SECTION_SKILLS, SECTION_JOURNAL, SECTION_CHECK_INS, SECTION_ACTIONS)

#: How many of the latest check-ins the PDF shows (both partners' together).
RECENT_CHECK_INS = 6


#: How many sessions the journal highlights show unless asked for a range or for all: what a partner
#: catching up needs, not the whole history (a 500-session file would otherwise be ~75 pages).
RECENT_SESSIONS = 10
