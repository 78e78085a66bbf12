"""The user's settings as frozen dataclasses, and the validation that makes them.

Validation is a plain function over plain data (what a TOML parser returns), so the
config file, the settings dialog and the tests all share one set of rules. A bad value
never stops the app: it is reported as a :class:`Problem` and that key keeps its default.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, time
from typing import Any

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
POSTURES = ("seated", "standing", "floor")


@dataclass(frozen=True)
class DayHours:
    """Working hours of one day; ``end`` before ``start`` means a shift across midnight."""

    start: time
    end: time


@dataclass(frozen=True)
class ScheduleSettings:
    workdays: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri")
    start: time = time(9, 0)
    end: time = time(17, 30)
    per_day: Mapping[str, DayHours] = field(default_factory=dict)
    days_off: tuple[date, ...] = ()

    def hours_for(self, weekday: str) -> DayHours:
        """The hours of a weekday (``"mon"``…), its own table overriding the common ones."""
        return self.per_day.get(weekday, DayHours(self.start, self.end))


@dataclass(frozen=True)
class BreakSettings:
    sit_limit_minutes: int = 50
    idle_reset_minutes: int = 5
    snooze_minutes: int = 10
    max_snoozes: int = 2
    prompt_routine: str = "quick-reset"
    outside_work_hours: bool = False


@dataclass(frozen=True)
class RitualSettings:
    enabled: bool = True
    time: time = time(8, 0)
    routine: str = "daily-ritual"


@dataclass(frozen=True)
class BreathingSettings:
    inhale_seconds: int = 4
    hold_seconds: int = 0
    exhale_seconds: int = 6


@dataclass(frozen=True)
class MovementSettings:
    postures: tuple[str, ...] = ("seated", "standing")
    avoid: tuple[str, ...] = ()


@dataclass(frozen=True)
class AppSettings:
    sound: bool = True
    autostart: bool = False
    weekly_goal_days: int = 5


@dataclass(frozen=True)
class Settings:
    schedule: ScheduleSettings = field(default_factory=ScheduleSettings)
    breaks: BreakSettings = field(default_factory=BreakSettings)
    ritual: RitualSettings = field(default_factory=RitualSettings)
    breathing: BreathingSettings = field(default_factory=BreathingSettings)
    movement: MovementSettings = field(default_factory=MovementSettings)
    app: AppSettings = field(default_factory=AppSettings)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the user's settings, worded for the user."""

    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.key}: {self.message}"


class InvalidValue(ValueError):
    """A value that cannot be used; its text says why and what is allowed."""


# ---------------------------------------------------------------------------
# Value parsers: each takes a raw value and returns the typed one or raises InvalidValue.


def _int_in(low: int, high: int) -> Callable[[Any], int]:
    def parse(raw: Any) -> int:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise InvalidValue(f"must be a whole number from {low} to {high}")
        if not low <= raw <= high:
            raise InvalidValue(f"must be from {low} to {high}")
        return raw

    return parse


def _bool(raw: Any) -> bool:
    if not isinstance(raw, bool):
        raise InvalidValue("must be true or false")
    return raw


def parse_clock_time(raw: Any) -> time:
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
        raise InvalidValue(f'must be a time of day from "00:00" to "23:59", not "{raw}"') from None


def _name(raw: Any) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise InvalidValue('must be a name in quotes, like "quick-reset"')
    return raw.strip()


def _weekdays(raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list):
        raise InvalidValue(f"must be a list of days from {_quoted(WEEKDAYS)}")
    days = []
    for item in raw:
        day = item.strip().lower()[:3] if isinstance(item, str) else None
        if day not in WEEKDAYS:
            raise InvalidValue(f"{_show(item)} is not a day; use {_quoted(WEEKDAYS)}")
        if day not in days:
            days.append(day)
    return tuple(sorted(days, key=WEEKDAYS.index))


def _dates(raw: Any) -> tuple[date, ...]:
    if not isinstance(raw, list):
        raise InvalidValue('must be a list of dates like ["2026-12-24"]')
    result = []
    for item in raw:
        if isinstance(item, datetime):  # a date *and* time: a day off is a whole day
            raise InvalidValue(
                f"{_show(item)} has a time of day; a day off is a date like 2026-12-24"
            )
        if isinstance(item, date):
            result.append(item)
            continue
        try:
            if not isinstance(item, str) or len(item.strip()) != 10:
                raise ValueError
            result.append(date.fromisoformat(item.strip()))
        except ValueError:
            raise InvalidValue(f'{_show(item)} is not a date like "2026-12-24"') from None
    return tuple(sorted(set(result)))


def _postures(raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list) or not raw:
        raise InvalidValue(f"must be a non-empty list from {_quoted(POSTURES)}")
    out = []
    for item in raw:
        if not isinstance(item, str) or item not in POSTURES:
            raise InvalidValue(f"{_show(item)} is not a posture; use {_quoted(POSTURES)}")
        if item not in out:
            out.append(item)
    return tuple(out)


def _ids(raw: Any) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(i, str) for i in raw):
        raise InvalidValue('must be a list of movement ids like ["wall-angels"]')
    return tuple(dict.fromkeys(i.strip() for i in raw if i.strip()))


def _quoted(items: tuple[str, ...]) -> str:
    return ", ".join(f'"{i}"' for i in items)


# The whole schema: section → key → (parser, the allowed range as shown to people).
Parser = Callable[[Any], Any]
SCHEMA: dict[str, dict[str, tuple[Parser, str]]] = {
    "schedule": {
        "workdays": (_weekdays, "a list of mon … sun"),
        "start": (parse_clock_time, '"00:00" to "23:59"'),
        "end": (parse_clock_time, '"00:00" to "23:59"'),
        "days_off": (_dates, 'a list of dates like "2026-12-24"'),
    },
    "breaks": {
        "sit_limit_minutes": (_int_in(1, 240), "1 to 240"),
        "idle_reset_minutes": (_int_in(1, 60), "1 to 60"),
        "snooze_minutes": (_int_in(1, 120), "1 to 120"),
        "max_snoozes": (_int_in(0, 10), "0 to 10"),
        "prompt_routine": (_name, "a routine id"),
        "outside_work_hours": (_bool, "true or false"),
    },
    "ritual": {
        "enabled": (_bool, "true or false"),
        "time": (parse_clock_time, '"00:00" to "23:59"'),
        "routine": (_name, "a routine id"),
    },
    "breathing": {
        "inhale_seconds": (_int_in(2, 8), "2 to 8"),
        "hold_seconds": (_int_in(0, 2), "0 to 2"),
        "exhale_seconds": (_int_in(2, 10), "2 to 10"),
    },
    "movement": {
        "postures": (_postures, "seated, standing, floor"),
        "avoid": (_ids, "a list of movement ids"),
    },
    "app": {
        "sound": (_bool, "true or false"),
        "autostart": (_bool, "true or false"),
        "weekly_goal_days": (_int_in(1, 7), "1 to 7"),
    },
}
DAY_TABLE_KEYS = ("start", "end")


def known_keys() -> list[str]:
    """Every dotted key a config file may hold (per-day tables shown as ``schedule.mon.start``)."""
    keys = [f"{section}.{key}" for section, table in SCHEMA.items() for key in table]
    keys += [f"schedule.{day}.{key}" for day in WEEKDAYS for key in DAY_TABLE_KEYS]
    return keys


def validate_value(section: str, key: str, raw: Any) -> Any:
    """Parse one value by the schema; raises :class:`InvalidValue` (used by the settings dialog)."""
    parser, _ = SCHEMA[section][key]
    return parser(raw)


def allowed_range(section: str, key: str) -> str:
    return SCHEMA[section][key][1]


def settings_from_mapping(data: Mapping[str, Any]) -> tuple[Settings, list[Problem]]:
    """Build :class:`Settings` from parsed config data, keeping defaults for anything wrong."""
    problems: list[Problem] = []
    defaults = Settings()
    sections: dict[str, Any] = {}
    for section, value in data.items():
        if section not in SCHEMA:
            problems.append(_unknown(section, known=list(SCHEMA)))
        elif not isinstance(value, Mapping):
            problems.append(Problem(section, "must be a table, like [" + section + "]"))
    for section, table in SCHEMA.items():
        raw_table = data.get(section, {})
        if not isinstance(raw_table, Mapping):
            raw_table = {}
        default_part = getattr(defaults, section)
        values: dict[str, Any] = {}
        for key, raw in raw_table.items():
            dotted = f"{section}.{key}"
            if section == "schedule" and key in WEEKDAYS:
                continue  # per-day tables are read below
            if key not in table:
                problems.append(_unknown(dotted, known=known_keys()))
                continue
            parser, allowed = table[key]
            try:
                values[key] = parser(raw)
            except InvalidValue as error:
                problems.append(
                    Problem(
                        dotted,
                        f"{_show(raw)} {error}; allowed: {allowed}. "
                        f"Using the default, {_show(getattr(default_part, key))}.",
                    )
                )
        if section == "schedule":
            values["per_day"] = _per_day(raw_table, problems)
        sections[section] = replace(default_part, **values)
    settings = Settings(**sections)
    problems.extend(_cross_checks(settings))
    return settings, problems


def _per_day(raw_table: Mapping[str, Any], problems: list[Problem]) -> dict[str, DayHours]:
    per_day: dict[str, DayHours] = {}
    common_start = raw_table.get("start", ScheduleSettings.start)
    common_end = raw_table.get("end", ScheduleSettings.end)
    for day in WEEKDAYS:
        table = raw_table.get(day)
        if table is None:
            continue
        if not isinstance(table, Mapping):
            problems.append(Problem(f"schedule.{day}", "must be a table, like [schedule.fri]"))
            continue
        hours: dict[str, time] = {}
        for key, raw in table.items():
            dotted = f"schedule.{day}.{key}"
            if key not in DAY_TABLE_KEYS:
                problems.append(_unknown(dotted, known=known_keys()))
                continue
            try:
                hours[key] = parse_clock_time(raw)
            except InvalidValue as error:
                problems.append(
                    Problem(dotted, f"{_show(raw)} {error}; ignoring this day's {key}.")
                )
        try:
            start = hours.get("start") or parse_clock_time(common_start)
            end = hours.get("end") or parse_clock_time(common_end)
        except InvalidValue:
            start, end = (
                hours.get("start", ScheduleSettings.start),
                hours.get("end", ScheduleSettings.end),
            )
        per_day[day] = DayHours(start, end)
    return per_day


def _cross_checks(settings: Settings) -> list[Problem]:
    problems = []
    schedule = settings.schedule
    if schedule.start == schedule.end:
        problems.append(
            Problem("schedule.end", "equals schedule.start, so no time counts as work.")
        )
    if settings.breaks.idle_reset_minutes >= settings.breaks.sit_limit_minutes:
        problems.append(
            Problem(
                "breaks.idle_reset_minutes",
                "is not shorter than breaks.sit_limit_minutes, so a pause in typing could end "
                "every sitting spell before a break is offered.",
            )
        )
    return problems


def _unknown(key: str, known: list[str]) -> Problem:
    """``schedule.mon.strat`` → did you mean ``schedule.mon.start`` (same table first)."""
    table, _, last = key.rpartition(".")
    siblings = [k for k in known if k.rpartition(".")[0] == table]
    if table and not siblings and table.rpartition(".")[2] in WEEKDAYS:
        siblings = [f"{table}.{k}" for k in DAY_TABLE_KEYS]
    pool = siblings or known
    candidates = {k.rpartition(".")[2]: k for k in pool} if table else {k: k for k in pool}
    close = difflib.get_close_matches(last, list(candidates), n=1, cutoff=0.6)
    if not close and siblings:
        by_whole = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        close_key = by_whole[0] if by_whole else None
    else:
        close_key = candidates[close[0]] if close else None
    hint = f' — did you mean "{close_key}"?' if close_key else ""
    return Problem(key, f"is not a setting deskbreak knows and is ignored{hint}")


def _show(value: Any) -> str:
    """A value as it would be written in the TOML file, never as a Python repr."""
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, time):
        return f'"{value:%H:%M}"'
    if isinstance(value, float):
        if value != value:
            return "nan"
        if value in (float("inf"), float("-inf")):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_show(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k} = {_show(v)}" for k, v in value.items()) + "}"
    return str(value)


def settings_to_mapping(settings: Settings) -> dict[str, dict[str, Any]]:
    """The inverse of :func:`settings_from_mapping`, as plain TOML-ready values."""
    out: dict[str, dict[str, Any]] = {}
    for section in fields(settings):
        part = getattr(settings, section.name)
        table: dict[str, Any] = {}
        for f in fields(part):
            value = getattr(part, f.name)
            if f.name == "per_day":
                for day, hours in value.items():
                    table[day] = {"start": f"{hours.start:%H:%M}", "end": f"{hours.end:%H:%M}"}
                continue
            if isinstance(value, time):
                value = f"{value:%H:%M}"
            elif isinstance(value, tuple):
                value = [v.isoformat() if isinstance(v, date) else v for v in value]
            table[f.name] = value
        out[section.name] = table
    return out
