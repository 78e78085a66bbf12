"""The shipped routines, and the one place that says how long a step or a routine takes.

A routine's length is worked out, never stored: breath cycles × sides × the seconds of one
cycle, plus a short transition per movement. Soften moves breathe at the user's pace, so
the same routine is a little longer for someone who breathes slower.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from deskbreak.core.library import Library
from deskbreak.core.movements import Dose, Movement, Phase, Routine, Step
from deskbreak.core.settings import BreathingSettings

TRANSITION_SECONDS = 5.0  # reading the next cue and getting into position
PHASE_ORDER = (Phase.SOFTEN, Phase.ORGANIZE, Phase.STRENGTHEN)
# A routine may end on one calming breath step after its strengthen phase.
CLOSING_MOVEMENTS = frozenset({"closing-breath"})


@dataclass(frozen=True)
class RoutinePlan:
    """A shipped routine as written: ids and counts, resolved against the library later."""

    id: str
    name: str
    summary: str
    minutes: float
    steps: tuple[tuple[str, int | None], ...]


def breath_seconds(movement: Movement, breathing: BreathingSettings) -> tuple[float, float, float]:
    """(inhale, hold, exhale) seconds for one breath of this movement.

    Seconds the movement leaves out come from the user's ``[breathing]`` pace; the user's
    pause applies only to soften moves (never to effort).
    """
    breath = movement.breath
    inhale = breath.inhale_seconds or float(breathing.inhale_seconds)
    exhale = breath.exhale_seconds or float(breathing.exhale_seconds)
    hold = breath.hold_seconds
    if movement.phase is Phase.SOFTEN:
        hold = max(hold, float(breathing.hold_seconds))
    return inhale, hold, exhale


def duration_seconds(item: Step | Routine, breathing: BreathingSettings) -> float:
    """How long a step or a whole routine takes at this breathing pace."""
    if isinstance(item, Routine):
        return sum(duration_seconds(step, breathing) for step in item.steps)
    dose = item.effective_dose
    return (
        dose.count * dose.sides * sum(breath_seconds(item.movement, breathing)) + TRANSITION_SECONDS
    )


def phases_in_order(routine: Routine) -> bool:
    """True if the steps never go back to an earlier phase (a closing breath may end it)."""
    steps = list(routine.steps)
    if len(steps) > 1 and steps[-1].movement.id in CLOSING_MOVEMENTS:
        steps.pop()
    ranks = [PHASE_ORDER.index(step.movement.phase) for step in steps]
    return ranks == sorted(ranks)


def load_plans(path: Path | None = None) -> list[RoutinePlan]:
    source = path or Path(str(resources.files("deskbreak").joinpath("data", "routines.toml")))
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    return [_plan(raw) for raw in data.get("routine", [])]


def _plan(raw: Mapping[str, Any]) -> RoutinePlan:
    steps = tuple((str(s["id"]), s.get("count")) for s in raw["steps"])
    return RoutinePlan(
        str(raw["id"]), str(raw["name"]), str(raw["summary"]), float(raw["minutes"]), steps
    )


def routine_from_plan(plan: RoutinePlan, library: Library) -> Routine:
    """The plan's steps that the library holds (a missing movement is skipped, not fatal)."""
    steps = []
    for movement_id, count in plan.steps:
        movement = library.get(movement_id)
        if movement is None:
            continue
        dose = Dose(movement.dose.kind, count, movement.dose.per_side) if count else None
        steps.append(Step(movement, "base", dose))
    return Routine(plan.id, plan.name, plan.summary, tuple(steps))


def shipped_routines(
    library: Library, plans: Iterable[RoutinePlan] | None = None
) -> dict[str, Routine]:
    """Every shipped routine by id, in file order, as written (not yet adapted to the user)."""
    return {plan.id: routine_from_plan(plan, library) for plan in (plans or load_plans())}
