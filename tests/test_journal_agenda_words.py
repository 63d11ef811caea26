"""The carried-over agenda is worded by the window (its words and date format, in the user's
language); data/ only puts the pieces together."""

from __future__ import annotations

from datetime import date

from revmentor_desktop.data import journal as jr
from revmentor_desktop.data.reads import OpenAction


def test_the_agenda_takes_the_windows_words_and_dates() -> None:
    actions = [OpenAction(1, 1, date(2026, 3, 2), "Lire le rapport", "mentee", date(2026, 3, 16)),
               OpenAction(2, 1, date(2026, 3, 2), "Appeler Dev", "both", None)]
    words = jr.AgendaWords("Reporté :", "- {text} ({who} ; depuis le {since})",
                           "- {text} ({who}, pour le {due} ; depuis le {since})")
    text = jr.carried_over_agenda(actions, {"mentee": "Martin", "both": "les deux"}, words,
                                  lambda d: d.strftime("%d/%m/%Y"))
    assert text == ("Reporté :\n- Lire le rapport (Martin, pour le 16/03/2026 ; depuis le 02/03/2026)\n"
                    "- Appeler Dev (les deux ; depuis le 02/03/2026)\n")


def test_the_default_words_are_the_english_ones() -> None:
    actions = [OpenAction(1, 1, date(2026, 3, 2), "Read the report", "mentor", date(2026, 3, 16))]
    assert jr.carried_over_agenda(actions, {"mentor": "Priya"}) == (
        "Carried over from earlier sessions:\n- Read the report (Priya, due 16 Mar 2026; from 2 Mar 2026)\n")
    assert jr.carried_over_agenda([], {}) == ""
