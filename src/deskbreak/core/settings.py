"""The user's settings as frozen dataclasses, and the validation that makes them.

Validation is a plain function over plain data (what a TOML parser returns), so the
config file, the settings dialog and the tests all share one set of rules. A bad value
never stops the app: it is reported as a :class:`Problem` and that key keeps its default.
What each setting accepts, and its default, is said once in
:mod:`deskbreak.core.setting_specs`; the fields below are the typed view of that table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date, time
from typing import Any

from deskbreak.core.setting_specs import BY_KEY, CROSS_RULES, SECTIONS, SPECS, default
from deskbreak.core.setting_values import POSTURES as POSTURES
from deskbreak.core.setting_values import WEEKDAYS as WEEKDAYS
from deskbreak.core.setting_values import InvalidValue as InvalidValue
from deskbreak.core.setting_values import clock_time as parse_clock_time
from deskbreak.core.setting_values import show, to_toml


@dataclass(frozen=True)
class DayHours:
    """Working hours of one day; ``end`` before ``start`` means a shift across midnight."""

    start: time
    end: time


@dataclass(frozen=True)
class ScheduleSettings:
    workdays: tuple[str, ...] = default("schedule.workdays")
    start: time = default("schedule.start")
    end: time = default("schedule.end")
    per_day: Mapping[str, DayHours] = field(default_factory=dict)
    days_off: tuple[date, ...] = default("schedule.days_off")

    def hours_for(self, weekday: str) -> DayHours:
        """The hours of a weekday (``"mon"``…), its own table overriding the common ones."""
        return self.per_day.get(weekday, DayHours(self.start, self.end))


@dataclass(frozen=True)
class BreakSettings:
    sit_limit_minutes: int = default("breaks.sit_limit_minutes")
    idle_reset_minutes: int = default("breaks.idle_reset_minutes")
    snooze_minutes: int = default("breaks.snooze_minutes")
    max_snoozes: int = default("breaks.max_snoozes")
    prompt_routine: str = default("breaks.prompt_routine")
    outside_work_hours: bool = default("breaks.outside_work_hours")


@dataclass(frozen=True)
class RitualSettings:
    enabled: bool = default("ritual.enabled")
    time: time = default("ritual.time")
    routine: str = default("ritual.routine")
    anchor: str = default("ritual.anchor")  # the habit the ritual follows


@dataclass(frozen=True)
class BreathingSettings:
    inhale_seconds: int = default("breathing.inhale_seconds")
    hold_seconds: int = default("breathing.hold_seconds")
    exhale_seconds: int = default("breathing.exhale_seconds")


@dataclass(frozen=True)
class MovementSettings:
    postures: tuple[str, ...] = default("movement.postures")
    avoid: tuple[str, ...] = default("movement.avoid")
    chair: str = default("movement.chair")  # "rolling" or "fixed"
    wall_nearby: bool = default("movement.wall_nearby")
    clear_floor: bool = default("movement.clear_floor")


@dataclass(frozen=True)
class AppSettings:
    sound: bool = default("app.sound")
    autostart: bool = default("app.autostart")
    weekly_goal_days: int = default("app.weekly_goal_days")
    theme: str = default("app.theme")  # "system", "light" or "dark"
    scale: float | None = default("app.scale")  # None: the screen decides
    tray: str = default("app.tray")  # "auto", "sni", "xembed", "appindicator" or "none"


@dataclass(frozen=True)
class ContextSettings:
    """What deskbreak may learn from the desktop when no key or mouse moves."""

    calls: bool = default("context.calls")
    media_counts_as_sitting: bool = default("context.media_counts_as_sitting")
    ask_when_unsure: bool = default("context.ask_when_unsure")


@dataclass(frozen=True)
class Settings:
    schedule: ScheduleSettings = field(default_factory=ScheduleSettings)
    breaks: BreakSettings = field(default_factory=BreakSettings)
    ritual: RitualSettings = field(default_factory=RitualSettings)
    breathing: BreathingSettings = field(default_factory=BreathingSettings)
    movement: MovementSettings = field(default_factory=MovementSettings)
    app: AppSettings = field(default_factory=AppSettings)
    context: ContextSettings = field(default_factory=ContextSettings)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the user's settings, worded for the user.

    ``short`` is the reason without the refused value, for a form field that shows it.
    """

    key: str
    message: str
    short: str = ""

    def __str__(self) -> str:
        return f"{self.key}: {self.message}"

    @property
    def brief(self) -> str:
        return self.short or self.message


DAY_TABLE_KEYS = ("start", "end")


def known_keys() -> list[str]:
    """Every dotted key a config file may hold (per-day tables shown as ``schedule.mon.start``)."""
    keys = [spec.key for spec in SPECS]
    keys += [f"schedule.{day}.{key}" for day in WEEKDAYS for key in DAY_TABLE_KEYS]
    return keys


def validate_value(section: str, key: str, raw: Any) -> Any:
    """Parse one value by its spec; raises :class:`InvalidValue` (used by the settings dialog)."""
    return BY_KEY[f"{section}.{key}"].parse(raw)


def settings_from_mapping(data: Mapping[str, Any]) -> tuple[Settings, list[Problem]]:
    """Build :class:`Settings` from parsed config data, keeping defaults for anything wrong."""
    problems: list[Problem] = []
    defaults = Settings()
    sections: dict[str, Any] = {}
    for section, value in data.items():
        if section not in SECTIONS:
            problems.append(_unknown(section, known=list(SECTIONS)))
        elif not isinstance(value, Mapping):
            problems.append(Problem(section, "must be a table, like [" + section + "]"))
    for section in SECTIONS:
        raw_table = data.get(section, {})
        if not isinstance(raw_table, Mapping):
            raw_table = {}
        default_part = getattr(defaults, section)
        values: dict[str, Any] = {}
        for key, raw in raw_table.items():
            dotted = f"{section}.{key}"
            if section == "schedule" and key in WEEKDAYS:
                continue  # per-day tables are read below
            spec = BY_KEY.get(dotted)
            if spec is None:
                problems.append(_unknown(dotted, known=known_keys()))
                continue
            try:
                values[key] = spec.parse(raw)
            except InvalidValue as error:
                problems.append(
                    Problem(
                        dotted,
                        f"{show(raw)} {error}; allowed: {spec.allowed}. "
                        f"Using the default, {show(getattr(default_part, key))}.",
                        error.short,
                    )
                )
        if section == "schedule":
            values["per_day"] = _per_day(raw_table, problems)
        sections[section] = replace(default_part, **values)
    settings = Settings(**sections)
    problems.extend(cross_check(settings))
    if settings.breathing.exhale_seconds < settings.breathing.inhale_seconds:
        # A longer out-breath calms; a shorter one is never paced: the default pace is used.
        settings = replace(settings, breathing=BreathingSettings())
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
                problems.append(Problem(dotted, f"{show(raw)} {error}; ignoring this day's {key}."))
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


def cross_check(settings: Settings) -> list[Problem]:
    """The rules that tie two settings together (:data:`CROSS_RULES`), as problems."""
    flat = {spec.key: getattr(getattr(settings, spec.section), spec.name) for spec in SPECS}
    return [
        Problem(rule.key, rule.message, rule.short) for rule in CROSS_RULES if not rule.holds(flat)
    ]


def _unknown(key: str, known: list[str]) -> Problem:
    """``schedule.mon.strat`` → did you mean ``schedule.mon.start`` (same table first).

    difflib is imported here, not at the top: only a config with a typo needs it, and the
    tray app would otherwise hold it in memory for days.
    """
    import difflib

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
            table[f.name] = to_toml(value)
        out[section.name] = table
    return out
