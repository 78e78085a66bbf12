"""Whole-value checks for log records that come from outside (an import): what parsing lets by.

A JSON or CSV reader happily gives ``NaN`` seconds, ``Infinity``, a negative count, a break that
ends before it starts, ``"sessions": 5`` or a timestamp without a UTC offset. Each of those used
to pass and break something later (a naive/aware comparison in the adaptation, "inf min" in the
stats). Here every field is checked once, at the boundary, and a record that fails raises
:class:`BadValue` naming the field and the value; the caller reports it and goes on.

Naive timestamps are read as local time (``local_tz``), and every timestamp is stored in local
time, so the log holds aware values only.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, datetime, tzinfo
from typing import Any

from deskbreak.core.records import (
    Comfort,
    DaySitting,
    MovementRecord,
    Outcome,
    SessionRecord,
    Trigger,
)

MAX_TEXT = 200  # ids, routine names: longer is not something deskbreak wrote
MAX_SECONDS = 24 * 3600.0  # a movement or a day's sitting is never longer than a day
MAX_COUNT = 100_000
VARIANTS = ("base", "easier", "harder")


class BadValue(ValueError):
    """One field of one record is unusable; the text names the field and shows the value."""


def shown(value: object) -> str:
    """A value as it appeared in the file, short (a 1 MB id is not printed whole)."""
    text = repr(value) if isinstance(value, str) else str(value)
    if isinstance(value, float) and not math.isfinite(value):
        text = "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    return text if len(text) <= 60 else text[:57] + "…"


def text(raw: Mapping[str, Any], name: str, *, required: bool = True) -> str:
    value = raw.get(name)
    if value is None or value == "":
        if required:
            raise BadValue(f"{name} is missing")
        return ""
    if not isinstance(value, str):
        raise BadValue(f"{name} must be text, not {shown(value)}")
    value = value.strip()
    if required and not value:
        raise BadValue(f"{name} is empty")
    if len(value) > MAX_TEXT:
        raise BadValue(f"{name} is longer than {MAX_TEXT} characters: {shown(value)}")
    return value


def timestamp(raw: Mapping[str, Any], name: str, local_tz: tzinfo) -> datetime:
    value = raw.get(name)
    if not isinstance(value, str) or len(value.strip()) < 16:  # a date alone has no time
        raise BadValue(
            f"{name} must be a date and time like 2026-03-02T10:15:00+01:00, not {shown(value)}"
        )
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise BadValue(f"{name} is not a date and time: {shown(value)}") from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        moment = moment.replace(tzinfo=local_tz)  # no offset given: the local time it says
    return moment.astimezone(local_tz)


def number(raw: Mapping[str, Any], name: str, high: float = MAX_SECONDS) -> float:
    value = raw.get(name)
    if isinstance(value, bool) or value is None or value == "":
        raise BadValue(f"{name} must be a number of seconds, not {shown(value)}")
    try:
        result = float(value)
    except (TypeError, ValueError, OverflowError):
        raise BadValue(f"{name} must be a number of seconds, not {shown(value)}") from None
    if not math.isfinite(result) or not 0 <= result <= high:
        raise BadValue(f"{name} must be from 0 to {high:g} seconds, not {shown(value)}")
    return result


def count(raw: Mapping[str, Any], name: str) -> int:
    value = raw.get(name, 0)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise BadValue(f"{name} must be a whole number, not {shown(value)}")
    try:
        result = int(value)
    except ValueError:
        raise BadValue(f"{name} must be a whole number, not {shown(value)}") from None
    if not 0 <= result <= MAX_COUNT:
        raise BadValue(f"{name} must be from 0 to {MAX_COUNT}, not {shown(value)}")
    return result


def flag(raw: Mapping[str, Any], name: str, default: bool | None = None) -> bool:
    value = raw.get(name)
    if (value is None or value == "") and default is not None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("1", "true"):
        return True
    if isinstance(value, str) and value.strip().lower() in ("0", "false"):
        return False
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise BadValue(f"{name} must be true or false, not {shown(value)}")


def choice(raw: Mapping[str, Any], name: str, allowed: Sequence[str]) -> str:
    value = raw.get(name)
    if not isinstance(value, str) or value.strip() not in allowed:
        raise BadValue(f"{name} must be one of {', '.join(allowed)}, not {shown(value)}")
    return value.strip()


def comfort(raw: Mapping[str, Any]) -> Comfort | None:
    value = raw.get("comfort")
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value in set(Comfort):
        return Comfort(value)
    if isinstance(value, str) and value.strip().upper() in Comfort.__members__:
        return Comfort[value.strip().upper()]
    names = ", ".join(c.name.lower() for c in Comfort)
    raise BadValue(f"comfort must be one of {names}, not {shown(value)}")


def felt_in(raw: Mapping[str, Any]) -> tuple[str, ...]:
    value = raw.get("felt_in")
    if value is None or value == "":
        return ()
    items = value.split(";") if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(isinstance(i, str) for i in items):
        raise BadValue(f"felt_in must be a list of places, not {shown(value)}")
    if any(len(i) > MAX_TEXT for i in items) or len(items) > 20:
        raise BadValue(f"felt_in is too long: {shown(value)}")
    return tuple(i.strip() for i in items if i.strip())


def movement(raw: object) -> MovementRecord:
    if not isinstance(raw, Mapping):
        raise BadValue(f"each of movements must be an object, not {shown(raw)}")
    return MovementRecord(
        movement_id=text(raw, "movement_id"),
        variant=choice(raw, "variant", VARIANTS),
        completed=flag(raw, "completed"),
        seconds=number(raw, "seconds"),
        pain_stop=flag(raw, "pain_stop", default=False),
    )


def session(
    raw: Mapping[str, Any], movements: tuple[MovementRecord, ...], local_tz: tzinfo
) -> SessionRecord:
    started = timestamp(raw, "started", local_tz)
    ended = timestamp(raw, "ended", local_tz)
    if ended < started:
        raise BadValue(
            f"ended ({shown(raw.get('ended'))}) is before started ({shown(raw.get('started'))})"
        )
    if (ended - started).total_seconds() > MAX_SECONDS:
        raise BadValue("the break lasts more than a day (started to ended)")
    return SessionRecord(
        id=text(raw, "id"),
        started=started,
        ended=ended,
        routine_id=text(raw, "routine"),
        trigger=Trigger(choice(raw, "trigger", [str(t) for t in Trigger])),
        outcome=Outcome(choice(raw, "outcome", [str(o) for o in Outcome])),
        movements=movements,
        comfort=comfort(raw),
        felt_in=felt_in(raw),
    )


def day_sitting(raw: object) -> DaySitting:
    if not isinstance(raw, Mapping):
        raise BadValue(f"a day must be an object, not {shown(raw)}")
    value = raw.get("day")
    try:
        if not isinstance(value, str) or len(value.strip()) != 10:
            raise ValueError
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise BadValue(f"day must be a date like 2026-03-02, not {shown(value)}") from None
    return DaySitting(
        day=day,
        sitting_seconds=number(raw, "sitting_seconds") if "sitting_seconds" in raw else 0.0,
        longest_spell_seconds=(
            number(raw, "longest_spell_seconds") if "longest_spell_seconds" in raw else 0.0
        ),
        natural_breaks=count(raw, "natural_breaks"),
        prompts_shown=count(raw, "prompts_shown"),
        prompts_accepted=count(raw, "prompts_accepted"),
        prompts_snoozed=count(raw, "prompts_snoozed"),
        prompts_skipped=count(raw, "prompts_skipped"),
    )
