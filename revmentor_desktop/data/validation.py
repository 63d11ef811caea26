"""Checks on everything the user types before it reaches the file, with messages a user can read.

Text policy (the same for every field): line endings become "\\n"; NUL and other control characters
except tab and newline (C0, DEL and C1) are removed; lone surrogates (which cannot be stored as UTF-8) become U+FFFD.
Everything else — markup, right-to-left text, emoji — is kept exactly as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

MIN_YEAR = 1900
MAX_YEAR = 2200

NAME_MAX = 100
TITLE_MAX = 300
SHORT_MAX = 2_000
LONG_MAX = 1_000_000

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class ValidationError(ValueError):
    """Input the file will not take; `str()` is a sentence for the user."""


Validator = Callable[[Any], Any]


def clean_text(value: object, label: str, *, required: bool = False, max_len: int = SHORT_MAX) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(f"{label} must be text.")
    text = value.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = _SURROGATE.sub("\ufffd", text)
    if required:
        text = text.strip()
        if not text:
            raise ValidationError(f"{label} cannot be empty.")
    if len(text) > max_len:
        raise ValidationError(f"{label} is too long ({len(text):,} characters; the limit is {max_len:,}).")
    return text


def check_date(value: object, label: str, *, required: bool = False) -> date | None:
    if value is None or value == "":
        if required:
            raise ValidationError(f"{label} is required.")
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            if not _ISO_DAY.fullmatch(text):  # Python also takes 20240108 and 2024-W02-1
                raise ValueError(text)
            value = date.fromisoformat(text)
        except ValueError:
            raise ValidationError(f"{label} “{value}” is not a real date (use YYYY-MM-DD).") from None
    if not isinstance(value, date):
        raise ValidationError(f"{label} must be a date.")
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValidationError(f"{label} must fall between {MIN_YEAR} and {MAX_YEAR}.")
    return date(value.year, value.month, value.day)


def check_int(value: object, label: str, lo: int, hi: int, *, optional: bool = False) -> int | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"{label} must be a whole number from {lo} to {hi}.")
    if not lo <= value <= hi:
        raise ValidationError(f"{label} must be from {lo} to {hi} (got {value}).")
    return value


def check_choice(value: object, label: str, choices: Iterable[str]) -> str:
    allowed = [str(c) for c in choices]
    if not isinstance(value, str) or value not in allowed:
        raise ValidationError(f"{label} must be one of: {', '.join(allowed)}.")
    return value


def check_bool(value: object, label: str) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(f"{label} must be yes or no.")
    return value


# Small factories so tables can declare their fields once.


def text(label: str, *, required: bool = False, max_len: int = SHORT_MAX) -> Validator:
    return lambda v: clean_text(v, label, required=required, max_len=max_len)


def a_date(label: str, *, required: bool = False) -> Validator:
    return lambda v: check_date(v, label, required=required)


def integer(label: str, lo: int, hi: int, *, optional: bool = False) -> Validator:
    return lambda v: check_int(v, label, lo, hi, optional=optional)


def choice(label: str, choices: Iterable[str]) -> Validator:
    allowed = tuple(str(c) for c in choices)
    return lambda v: check_choice(v, label, allowed)


def flag(label: str) -> Validator:
    return lambda v: check_bool(v, label)
