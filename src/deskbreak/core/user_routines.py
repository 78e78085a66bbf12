"""The user's own routines (``routines.toml`` in the config dir), checked like the shipped ones.

Same format as ``deskbreak/data/routines.toml``; a routine with the id of a shipped one
replaces it. Every routine goes through the same rules the shipped ones are tested against
(known movement ids, soften → organize → strengthen, fitted by the builder to the user's
postures, equipment and avoid list, within 15 % of its stated length). A routine with a
problem is left out and the problem names the file, the line and the key; the rest are used.
A broken file never stops the app.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from deskbreak.core.builder import CannotBuild, adapt_routine
from deskbreak.core.library import Library
from deskbreak.core.movement_entry import ID_PATTERN
from deskbreak.core.movements import Phase
from deskbreak.core.offers import equipment_at_hand
from deskbreak.core.routines import (
    CLOSING_MOVEMENTS,
    PHASE_ORDER,
    RoutinePlan,
    duration_seconds,
    phases_in_order,
    routine_from_plan,
)
from deskbreak.core.settings import Settings

TOLERANCE = 0.15
_LINE = re.compile(r"at line (\d+)")


@dataclass(frozen=True)
class RoutineProblem:
    """One thing wrong in the user's routines file, worded for the person who edits it."""

    file: str
    line: int | None
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else self.file
        return f"{where}, {self.key}: {self.message}"


def parse_user_routines(
    text: str, library: Library, settings: Settings, file: str = "routines.toml"
) -> tuple[list[RoutinePlan], list[RoutineProblem]]:
    """The valid routines of ``text`` and the problems of the rest (never raises)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = _LINE.search(str(error))
        line = int(found.group(1)) if found else None
        reason = str(error).split(" (at ")[0]
        return [], [RoutineProblem(file, line, "(file)", f"{reason}; no routine was read")]
    raw = data.get("routine", [])
    if not isinstance(raw, list):
        return [], [RoutineProblem(file, 1, "routine", "must be [[routine]] tables")]
    lines = text.splitlines()
    plans: list[RoutinePlan] = []
    problems: list[RoutineProblem] = []
    seen: set[str] = set()
    for index, entry in enumerate(raw):
        checker = _Checker(file, lines, index, entry if isinstance(entry, Mapping) else {})
        plan = checker.plan(library, seen)
        if plan is not None:
            checker.fits(plan, library, settings)
        if plan is not None and not checker.problems:
            plans.append(plan)
            seen.add(plan.id)
        problems += checker.problems
    return plans, problems


class _Checker:
    """Checks one ``[[routine]]`` table and words its problems with file, line and key."""

    def __init__(self, file: str, lines: Sequence[str], index: int, raw: Mapping[str, Any]):
        self.file, self.lines, self.raw = file, lines, raw
        self.key = f"routine[{index + 1}]"
        self.problems: list[RoutineProblem] = []
        self.start = _routine_line(lines, index)

    def problem(self, key: str, message: str, needle: str | None = None) -> None:
        line = _find(self.lines, needle, self.start) if needle else self.start
        self.problems.append(RoutineProblem(self.file, line, f"{self.key}.{key}", message))

    def plan(self, library: Library, seen: set[str]) -> RoutinePlan | None:
        raw = self.raw
        ident = raw.get("id")
        if not isinstance(ident, str) or not ID_PATTERN.match(ident):
            self.problem("id", 'must be kebab-case text, like "my-morning"', "id")
            return None
        if ident in seen:
            self.problem("id", f'"{ident}" is used twice; the second one is left out', ident)
            return None
        self.key = f"routine {ident!r}"
        for field in ("name", "summary"):
            if not isinstance(raw.get(field), str) or not raw[field].strip():
                self.problem(field, "must be some text in quotes", field)
        minutes = raw.get("minutes")
        if (
            isinstance(minutes, bool)
            or not isinstance(minutes, int | float)
            or not 2 <= minutes <= 30
        ):
            self.problem("minutes", "must be a number of minutes from 2 to 30", "minutes")
        steps = raw.get("steps")
        if not isinstance(steps, list) or not steps:
            self.problem(
                "steps", 'must be a list like [{ id = "belly-breathing", count = 2 }]', "steps"
            )
            return None
        parsed: list[tuple[str, int | None]] = []
        for number, step in enumerate(steps, 1):
            parsed.append(self._step(number, step, library))
        if self.problems or not isinstance(minutes, int | float):
            return None
        name, summary = str(raw["name"]).strip(), str(raw["summary"]).strip()
        return RoutinePlan(ident, name, summary, float(minutes), tuple(parsed))

    def _step(self, number: int, step: Any, library: Library) -> tuple[str, int | None]:
        key = f"steps[{number}]"
        if not isinstance(step, Mapping) or not isinstance(step.get("id"), str):
            self.problem(key, 'must be a table like { id = "belly-breathing", count = 2 }', "steps")
            return ("", None)
        movement_id, count = step["id"], step.get("count")
        if movement_id not in library:
            self.problem(
                f"{key}.id",
                f'"{movement_id}" is not a movement (see `deskbreak routines show ID`)',
                f'"{movement_id}"',
            )
        if count is not None and (
            isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 30
        ):
            self.problem(f"{key}.count", "must be a whole number from 1 to 30", f'"{movement_id}"')
        unknown = set(step) - {"id", "count"}
        if unknown:
            self.problem(
                key, f"{', '.join(sorted(unknown))} is not a step field", f'"{movement_id}"'
            )
        return (movement_id, count if isinstance(count, int) else None)

    def fits(self, plan: RoutinePlan, library: Library, settings: Settings) -> None:
        """The shipped routines' rules: phase order, every phase, the builder, the length."""
        routine = routine_from_plan(plan, library)
        body = [s for s in routine.steps if s.movement.id not in CLOSING_MOVEMENTS]
        if not phases_in_order(routine):
            self.problem(
                "steps",
                "must run soften → organize → strengthen (a closing breath may end it)",
                "steps",
            )
            return
        missing = [p.value for p in PHASE_ORDER if not any(s.movement.phase is p for s in body)]
        if missing:
            self.problem("steps", f"has no {' and no '.join(missing)} movement", "steps")
            return
        if routine.steps[0].movement.phase is not Phase.SOFTEN:
            self.problem("steps", "must start with a soften movement", "steps")
        movement = settings.movement
        try:
            adapt_routine(
                routine,
                library,
                postures=movement.postures,
                avoid=movement.avoid,
                have=equipment_at_hand(movement),
            )
        except CannotBuild as error:
            self.problem("steps", f"cannot be fitted to your settings: {error.reason}", "steps")
        stated = plan.minutes * 60
        real = duration_seconds(routine, settings.breathing)
        if abs(real - stated) > TOLERANCE * stated:
            self.problem(
                "minutes",
                f"says {plan.minutes:g} but the steps take about {real / 60:.1f} minutes at your "
                "breathing pace; change the counts or the minutes (15 % either way is fine)",
                "minutes",
            )


def _routine_line(lines: Sequence[str], index: int) -> int | None:
    """The line of the ``index``-th ``[[routine]]`` header (1-based)."""
    count = -1
    for number, line in enumerate(lines, 1):
        if line.strip().startswith("[[routine]]"):
            count += 1
            if count == index:
                return number
    return None


def _find(lines: Sequence[str], needle: str, start: int | None) -> int | None:
    """The first line from ``start`` (a routine's header) that mentions ``needle``."""
    begin = start or 1
    for number in range(begin, len(lines) + 1):
        text = lines[number - 1]
        if number > begin and text.strip().startswith("[[routine]]"):
            break
        if needle in text:
            return number
    return start


def merge_plans(shipped: Sequence[RoutinePlan], user: Sequence[RoutinePlan]) -> list[RoutinePlan]:
    """The shipped plans with the user's: same id replaces, new ids come after, in order."""
    mine = {p.id: p for p in user}
    merged = [mine.pop(p.id, p) for p in shipped]
    return merged + list(mine.values())
