"""Parsers for one setting's value: a raw value (what TOML or a form gives) in, the typed one out.

Each parser raises :class:`InvalidValue` with two wordings: the long one names the value that
was refused (for the config file, where the user cannot see it beside the message) and the
short one does not (for the settings dialog, where the user sees what they typed). Which parser
a setting uses is said by its entry in :mod:`deskbreak.core.setting_specs`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from typing import Any

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
POSTURES = ("seated", "standing", "floor")
AUTO = "auto"

Parser = Callable[[Any], Any]


class InvalidValue(ValueError):
    """A value that cannot be used; ``str()`` says why and what is allowed.

    ``short`` is the same reason without repeating the refused value, for a form that
    shows the value right beside it.
    """

    def __init__(self, message: str, short: str | None = None) -> None:
        super().__init__(message)
        self.short = short or message


def int_in(low: int, high: int) -> Parser:
    def parse(raw: Any) -> int:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise InvalidValue(f"must be a whole number from {low} to {high}")
        if not low <= raw <= high:
            raise InvalidValue(f"must be from {low} to {high}")
        return raw

    return parse


def boolean(raw: Any) -> bool:
    if not isinstance(raw, bool):
        raise InvalidValue("must be true or false")
    return raw


def clock_time(raw: Any) -> time:
    """``"08:30"`` → ``time(8, 30)``; anything else is refused with the expected form."""
    if isinstance(raw, time):
        return raw.replace(tzinfo=None, second=0, microsecond=0)
    if isinstance(raw, date):  # a TOML date or date-time is not a time of day
        raise InvalidValue('must be a time of day in quotes, like "09:00"')
    if not isinstance(raw, str):
        raise InvalidValue('must be a time of day in quotes, like "09:00"')
    try:
        hours, minutes = raw.strip().split(":")
        if len(minutes) != 2:
            raise ValueError
        return time(int(hours), int(minutes))
    except ValueError:
        long = f'must be a time of day from "00:00" to "23:59", not "{raw}"'
        raise InvalidValue(long, "must be a time from 00:00 to 23:59") from None


def name(raw: Any) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise InvalidValue('must be a name in quotes, like "quick-reset"')
    return raw.strip()


def phrase(longest: int) -> Parser:
    """A short text in quotes, trimmed, at most ``longest`` characters (may be empty)."""

    def parse(raw: Any) -> str:
        if not isinstance(raw, str) or len(raw.strip()) > longest:
            raise InvalidValue(
                f'must be a short phrase in quotes, up to {longest} characters, like "after my morning coffee"',
                f"must be a short phrase, up to {longest} characters",
            )
        return raw.strip()

    return parse


def one_of(choices: tuple[str, ...]) -> Parser:
    def parse(raw: Any) -> str:
        value = raw.strip().lower() if isinstance(raw, str) else None
        if value not in choices:
            raise InvalidValue(f"must be one of {quoted(choices)}")
        return value

    return parse


def factor_or_auto(low: float, high: float) -> Parser:
    """``"auto"`` → None (the screen decides); a number from ``low`` to ``high`` → a float."""

    def parse(raw: Any) -> float | None:
        if isinstance(raw, str) and raw.strip().lower() == AUTO:
            return None
        if isinstance(raw, bool) or not isinstance(raw, int | float) or raw != raw:
            raise InvalidValue(f'must be "{AUTO}" or a number from {low:g} to {high:g}')
        if not low <= raw <= high:
            raise InvalidValue(f'must be "{AUTO}" or from {low:g} to {high:g}')
        return float(raw)

    return parse


def weekdays(raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list):
        raise InvalidValue(f"must be a list of days from {quoted(WEEKDAYS)}")
    days = []
    for item in raw:
        day = item.strip().lower()[:3] if isinstance(item, str) else None
        if day not in WEEKDAYS:
            raise InvalidValue(f"{show(item)} is not a day; use {quoted(WEEKDAYS)}")
        if day not in days:
            days.append(day)
    return tuple(sorted(days, key=WEEKDAYS.index))


def dates(raw: Any) -> tuple[date, ...]:
    if not isinstance(raw, list):
        raise InvalidValue('must be a list of dates like ["2026-12-24"]')
    result = []
    for item in raw:
        if isinstance(item, datetime):  # a date *and* time: a day off is a whole day
            raise InvalidValue(
                f"{show(item)} has a time of day; a day off is a date like 2026-12-24",
                "has a time of day; a day off is a date like 2026-12-24",
            )
        if isinstance(item, date):
            result.append(item)
            continue
        try:
            if not isinstance(item, str) or len(item.strip()) != 10:
                raise ValueError
            result.append(date.fromisoformat(item.strip()))
        except ValueError:
            raise InvalidValue(
                f'{show(item)} is not a date like "2026-12-24"',
                f"{show(item)} is not a date like 2026-12-24",
            ) from None
    return tuple(sorted(set(result)))


def postures(raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw:
        raise InvalidValue(
            f"must be a non-empty list from {quoted(POSTURES)}", "tick at least one position"
        )
    out = []
    for item in raw:
        if not isinstance(item, str) or item not in POSTURES:
            raise InvalidValue(f"{show(item)} is not a posture; use {quoted(POSTURES)}")
        if item not in out:
            out.append(item)
    return tuple(out)


def ids(raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(i, str) for i in raw):
        raise InvalidValue('must be a list of movement ids like ["wall-angels"]')
    return tuple(dict.fromkeys(i.strip() for i in raw if i.strip()))


def quoted(items: tuple[str, ...]) -> str:
    return ", ".join(f'"{i}"' for i in items)


def show(value: Any) -> str:
    """A value as TOML would spell it, for messages: never a Python repr."""
    if value is None:
        return f'"{AUTO}"'
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, time):
        return f'"{value:%H:%M}"'
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return f'"{value.isoformat()}"'
    if isinstance(value, tuple | list):
        return "[" + ", ".join(show(v) for v in value) + "]"
    if isinstance(value, float):
        if value != value:
            return "nan"
        if value in (float("inf"), float("-inf")):
            return "inf" if value > 0 else "-inf"
        return f"{value:g}"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k} = {show(v)}" for k, v in value.items()) + "}"
    return str(value)


def to_toml(value: Any) -> Any:
    """A typed value as a plain TOML-ready one (the inverse of the parsers)."""
    if value is None:
        return AUTO
    if isinstance(value, time):
        return f"{value:%H:%M}"
    if isinstance(value, tuple):
        return [v.isoformat() if isinstance(v, date) else v for v in value]
    return value
