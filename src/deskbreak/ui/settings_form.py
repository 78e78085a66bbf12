"""The settings form as plain data: Settings ⇄ the strings, flags and lists a dialog shows.

Kept free of Tk so the rules the dialog enforces as the user types are tested directly.
Every value is checked by :mod:`deskbreak.core.settings`, the same rules the config file
obeys, and worded by it (the short reason, as the field shows what was typed). Which
fields there are, and how each is shown, comes from :data:`deskbreak.core.setting_specs.SPECS`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import replace
from datetime import time
from typing import Any

from deskbreak.core.setting_specs import SPECS, Spec
from deskbreak.core.setting_values import AUTO
from deskbreak.core.settings import (
    WEEKDAYS,
    DayHours,
    InvalidValue,
    Settings,
    settings_from_mapping,
    validate_value,
)

FormValue = str | bool | list[str]

#: The one spec the form shows as a row per weekday (a tick and its own hours).
DAYS = "schedule.workdays"


def day_key(day: str, part: str) -> str:
    """Form key of one weekday's row: ``part`` is "on", "start" or "end"."""
    return f"schedule.{day}.{part}"


def field_keys() -> list[str]:
    """Every key the form holds, in the order of the table of settings (not the file-only ones)."""
    keys: list[str] = []
    for spec in SPECS:
        if spec.tab is None:
            continue
        if spec.key == DAYS:
            keys += [day_key(day, part) for day in WEEKDAYS for part in ("on", "start", "end")]
        else:
            keys.append(spec.key)
    return keys


def settings_to_form(settings: Settings) -> dict[str, FormValue]:
    """The values the dialog starts from."""
    values: dict[str, FormValue] = {}
    for spec in SPECS:
        if spec.key != DAYS and spec.tab is not None:
            values[spec.key] = _to_form(spec, getattr(getattr(settings, spec.section), spec.name))
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
            errors[f"{section}.{key}"] = error.short
            return None
        raw[section][key] = value  # the core parses it again, with its cross-checks
        parsed[f"{section}.{key}"] = result
        return result

    for spec in SPECS:
        if spec.key == DAYS or (spec.key == "schedule.days_off" and spec.key not in values):
            continue  # a caller without the days-off field keeps the ones it had
        if spec.tab is None and spec.key not in values:  # a config-file-only setting is kept
            check(spec.section, spec.name, getattr(getattr(base, spec.section), spec.name))
            continue
        value = check(spec.section, spec.name, _from_form(spec, values.get(spec.key)))
        if spec.kind == "name" and value is not None and routines and value not in routines:
            errors[spec.key] = f'"{value}" is not a routine deskbreak knows; pick one'

    workdays = [day for day in WEEKDAYS if values.get(day_key(day, "on"))]
    check("schedule", "workdays", workdays)
    common = (parsed.get("schedule.start"), parsed.get("schedule.end"))
    per_day = _per_day(values, base, common, errors)

    if errors:
        return None, errors
    settings, problems = settings_from_mapping(raw)
    for problem in problems:
        errors.setdefault(problem.key, problem.brief)
    if errors:
        return None, errors
    days_off = parsed.get("schedule.days_off", base.schedule.days_off)
    schedule = replace(settings.schedule, per_day=per_day, days_off=days_off)
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
                errors[day_key(day, part)] = error.short
        if len(hours) < 2:
            continue
        if hours[0] == hours[1]:
            errors[day_key(day, "end")] = "must differ from the start"
        elif (hours[0], hours[1]) != common or day in base.schedule.per_day:
            per_day[day] = DayHours(hours[0], hours[1])
    return per_day


def _to_form(spec: Spec, value: Any) -> FormValue:
    """A typed value as the dialog shows it."""
    if spec.kind == "bool":
        return bool(value)
    if spec.kind in ("postures", "ids"):
        return list(value)
    if spec.kind == "time":
        return _clock(value)
    if spec.kind == "scale":
        return AUTO if value is None else f"{value:g}"
    if spec.kind == "dates":
        return ", ".join(day.isoformat() for day in value)
    return str(value)


def _from_form(spec: Spec, value: FormValue | None) -> Any:
    """What the user entered, as the raw value the validator takes (it does the wording)."""
    if spec.kind == "bool":
        return bool(value)
    if spec.kind in ("postures", "ids"):
        return _as_list(value)
    text = str(value if value is not None and not isinstance(value, list) else "").strip()
    if spec.kind == "int":
        return _whole_number(text)
    if spec.kind == "scale":
        return _number(text)
    if spec.kind == "dates":
        return [part for part in re.split(r"[,;\s]+", text) if part]
    return text


def _number(text: str) -> Any:
    """A typed factor as a float ("1,5" too); anything else goes on as text."""
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return text


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
