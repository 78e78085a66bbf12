"""The settings form as plain data: Settings ⇄ the strings, flags and lists a dialog shows.

Kept free of Tk so the rules the dialog enforces as the user types are tested directly.
Every value is checked by :mod:`deskbreak.core.settings`, the same rules the config file
obeys; this module only adds the wording for cross-field problems.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import replace
from datetime import time
from typing import Any

from deskbreak.core.settings import (
    WEEKDAYS,
    DayHours,
    InvalidValue,
    Settings,
    settings_from_mapping,
    validate_value,
)

FormValue = str | bool | list[str]

# Fields typed as text that hold whole numbers: (section, key).
INT_FIELDS = (
    ("breaks", "sit_limit_minutes"),
    ("breaks", "idle_reset_minutes"),
    ("breaks", "snooze_minutes"),
    ("breaks", "max_snoozes"),
    ("breathing", "inhale_seconds"),
    ("breathing", "hold_seconds"),
    ("breathing", "exhale_seconds"),
    ("app", "weekly_goal_days"),
)
TIME_FIELDS = (("schedule", "start"), ("schedule", "end"), ("ritual", "time"))
BOOL_FIELDS = (
    ("breaks", "outside_work_hours"),
    ("ritual", "enabled"),
    ("movement", "wall_nearby"),
    ("movement", "clear_floor"),
    ("app", "sound"),
    ("app", "autostart"),
)
NAME_FIELDS = (("breaks", "prompt_routine"), ("ritual", "routine"))
TEXT_FIELDS = (("movement", "chair"), ("ritual", "anchor"))
LIST_FIELDS = (("movement", "postures"), ("movement", "avoid"))

# Cross-field problems from the core, reworded to sit beside one field.
_CROSS_REASONS = {
    "schedule.end": "must differ from the start",
    "breaks.idle_reset_minutes": "must be shorter than the sit limit",
    "breathing.exhale_seconds": "must be at least as long as the in-breath",
}


def day_key(day: str, part: str) -> str:
    """Form key of one weekday's row: ``part`` is "on", "start" or "end"."""
    return f"schedule.{day}.{part}"


def field_keys() -> list[str]:
    """Every key the form holds, in the order the dialog shows them."""
    keys = ["schedule.start", "schedule.end"]
    keys += [day_key(day, part) for day in WEEKDAYS for part in ("on", "start", "end")]
    groups = (INT_FIELDS, TIME_FIELDS[2:], BOOL_FIELDS, NAME_FIELDS, TEXT_FIELDS, LIST_FIELDS)
    keys += [f"{section}.{key}" for group in groups for section, key in group]
    return keys


def settings_to_form(settings: Settings) -> dict[str, FormValue]:
    """The values the dialog starts from."""
    values: dict[str, FormValue] = {}
    for section, key in INT_FIELDS + NAME_FIELDS + TEXT_FIELDS:
        values[f"{section}.{key}"] = str(getattr(getattr(settings, section), key))
    for section, key in TIME_FIELDS:
        values[f"{section}.{key}"] = _clock(getattr(getattr(settings, section), key))
    for section, key in BOOL_FIELDS:
        values[f"{section}.{key}"] = bool(getattr(getattr(settings, section), key))
    for section, key in LIST_FIELDS:
        values[f"{section}.{key}"] = list(getattr(getattr(settings, section), key))
    schedule = settings.schedule
    for day in WEEKDAYS:
        hours = schedule.hours_for(day)
        values[day_key(day, "on")] = day in schedule.workdays
        values[day_key(day, "start")] = _clock(hours.start)
        values[day_key(day, "end")] = _clock(hours.end)
    return values


def form_to_settings(
    values: Mapping[str, FormValue],
    base: Settings | None = None,
    routines: Collection[str] = (),
) -> tuple[Settings | None, dict[str, str]]:
    """Check every field; the new Settings if all is well, else None and field → reason.

    ``base`` supplies what the form does not show (days off) and tells which weekdays
    already had their own hours: those are always written, so a day set back to the
    common hours also updates its table in the file. ``routines`` (ids), when given,
    are the only routine names accepted.
    """
    base = base or Settings()
    errors: dict[str, str] = {}
    raw: dict[str, dict[str, Any]] = {section: {} for section in base.__dataclass_fields__}
    parsed: dict[str, Any] = {}

    def check(section: str, key: str, value: Any) -> Any:
        try:
            result = validate_value(section, key, value)
        except InvalidValue as error:
            errors[f"{section}.{key}"] = str(error)
            return None
        raw[section][key] = value  # the core parses it again, with its cross-checks
        parsed[f"{section}.{key}"] = result
        return result

    for section, key in INT_FIELDS:
        check(section, key, _whole_number(values.get(f"{section}.{key}", "")))
    for section, key in TIME_FIELDS:
        check(section, key, str(values.get(f"{section}.{key}", "")))
    for section, key in BOOL_FIELDS:
        default = getattr(getattr(base, section), key)
        check(section, key, bool(values.get(f"{section}.{key}", default)))
    for section, key in NAME_FIELDS:
        name = check(section, key, str(values.get(f"{section}.{key}", "")))
        if name is not None and routines and name not in routines:
            errors[f"{section}.{key}"] = f'"{name}" is not a routine deskbreak knows; pick one'
    for section, key in TEXT_FIELDS:
        default = getattr(getattr(base, section), key)
        check(section, key, str(values.get(f"{section}.{key}", default)))
    for section, key in LIST_FIELDS:
        check(section, key, list(_as_list(values.get(f"{section}.{key}", []))))

    workdays = [day for day in WEEKDAYS if values.get(day_key(day, "on"))]
    check("schedule", "workdays", workdays)
    common = (parsed.get("schedule.start"), parsed.get("schedule.end"))
    per_day = _per_day(values, base, common, errors)

    if errors:
        return None, errors
    settings, problems = settings_from_mapping(raw)
    for problem in problems:
        errors.setdefault(problem.key, _CROSS_REASONS.get(problem.key, problem.message))
    if errors:
        return None, errors
    schedule = replace(settings.schedule, per_day=per_day, days_off=base.schedule.days_off)
    return replace(settings, schedule=schedule), {}


def _per_day(
    values: Mapping[str, FormValue],
    base: Settings,
    common: tuple[time | None, time | None],
    errors: dict[str, str],
) -> dict[str, DayHours]:
    """Days whose hours differ from the common ones, or that had a table already."""
    per_day: dict[str, DayHours] = {}
    for day in WEEKDAYS:
        if not values.get(day_key(day, "on")):
            if day in base.schedule.per_day:
                per_day[day] = base.schedule.per_day[day]
            continue
        hours = []
        for part in ("start", "end"):
            try:
                hours.append(validate_value("schedule", part, str(values.get(day_key(day, part)))))
            except InvalidValue as error:
                errors[day_key(day, part)] = str(error)
        if len(hours) < 2:
            continue
        if hours[0] == hours[1]:
            errors[day_key(day, "end")] = "must differ from the start"
        elif (hours[0], hours[1]) != common or day in base.schedule.per_day:
            per_day[day] = DayHours(hours[0], hours[1])
    return per_day


def _whole_number(value: FormValue | None) -> Any:
    """A typed number as an int; anything else is passed on for the validator to word."""
    text = str(value if value is not None else "").strip()
    return int(text) if re.fullmatch(r"[+-]?\d{1,6}", text) else text


def _as_list(value: FormValue | None) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return []


def _clock(value: time) -> str:
    return f"{value:%H:%M}"
