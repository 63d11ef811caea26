"""Which of a sentence's forms to show for a count. Each form is a whole sentence, translated where
it is written (`tr` / `QCoreApplication.translate`); this is the one home of the rule that picks
between them, so that a move to Qt's plural forms (`tr(text, None, n)` with `%n`, which read well
only with a translation loaded, English's included) is one change."""

from __future__ import annotations


def by_count(n: int, one: str, many: str) -> str:
    """`one` for a single thing, `many` for none or several (English's rule)."""
    return one if n == 1 else many
