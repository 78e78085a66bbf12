"""Routines made for the user: a new one for a time budget, or a shipped one adapted.

Both honour the allowed postures, the ``[movement] avoid`` list and the adaptations from
the log. The same inputs always give the same routine; the day feeds the seed, so
equivalent movements take turns from one day to the next.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date

from deskbreak.core.adaptation import Adaptation
from deskbreak.core.library import Library
from deskbreak.core.movements import Dose, Phase, Region, Routine, Step
from deskbreak.core.offers import NAMED_ONLY, Offers
from deskbreak.core.routines import (
    CLOSING_MOVEMENTS,
    PHASE_ORDER,
    TRANSITION_SECONDS,
    breath_seconds,
    duration_seconds,
)
from deskbreak.core.settings import BreathingSettings

PHASE_SHARE = {Phase.SOFTEN: 0.35, Phase.ORGANIZE: 0.30, Phase.STRENGTHEN: 0.35}
MIN_COUNT = 2
TOLERANCE = 0.15


class CannotBuild(Exception):
    """No routine fits; ``reason`` says why in words for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def build_routine(
    library: Library,
    budget_minutes: float,
    postures: Iterable[str] = ("seated", "standing"),
    regions: Iterable[str] = (),
    avoid: Iterable[str] = (),
    adaptations: Mapping[str, Adaptation] | None = None,
    day: date | None = None,
    seed: int = 0,
    breathing: BreathingSettings | None = None,
    ritual: bool = False,
    have: Iterable[str] | None = None,
) -> Routine:
    """A routine of about ``budget_minutes`` (2–15): soften → organize → strengthen.

    Never longer than the budget plus 15 %; shorter only when every allowed movement is
    already in it. Raises :class:`CannotBuild` when a phase has nothing left to offer.
    """
    if not 2 <= budget_minutes <= 15:
        raise CannotBuild(f"a routine can be 2 to 15 minutes long, not {budget_minutes:g}")
    breathing = breathing or BreathingSettings()
    offers = Offers(library, postures, avoid, adaptations, ritual, _have(have))
    wanted = {Region(r) for r in regions}
    rng = random.Random(f"{(day or date(2000, 1, 1)).isoformat()}/{seed}")
    by_phase: dict[Phase, list[Step]] = {}
    for phase in PHASE_ORDER:
        candidates = [
            m for m in library.base_movements() if m.phase is phase and m.id not in NAMED_ONLY
        ]
        rng.shuffle(candidates)
        steps = [s for s in (offers.step_for(m) for m in candidates) if s is not None]
        steps.sort(key=lambda s: offers.demoted(s.movement))
        if not steps:
            raise CannotBuild(offers.nothing_left(phase))
        by_phase[phase] = steps
    budget = budget_minutes * 60
    chosen: list[Step] = []
    covered: Counter[Region] = Counter()
    spare = 0.0
    for phase in PHASE_ORDER:
        allowance = budget * PHASE_SHARE[phase] + spare
        used = 0.0
        pool = list(by_phase[phase])
        order = {id(s): i for i, s in enumerate(pool)}
        while pool:
            pool.sort(key=lambda s: _balance_key(s, covered, wanted, order[id(s)]))
            step = pool.pop(0)
            if step.movement.id in {c.movement.id for c in chosen}:
                continue
            fitted = _fit(
                step,
                allowance - used,
                breathing,
                first=not any(c.movement.phase is phase for c in chosen),
            )
            if fitted is None:
                continue
            chosen.append(fitted)
            used += duration_seconds(fitted, breathing)
            covered.update(fitted.movement.regions)
        spare = max(0.0, allowance - used)
    chosen = _top_up(chosen, budget, breathing)
    return Routine(
        id=f"built-{budget_minutes:g}",
        name=f"{budget_minutes:g}-minute routine",
        summary="Made for you from your postures, regions and recent breaks.",
        steps=tuple(chosen),
    )


def _balance_key(
    step: Step, covered: Counter[Region], wanted: set[Region], order: int
) -> tuple[int, int, int]:
    """Prefer the regions asked for, then the least covered so far, then the day's order."""
    regions = step.movement.regions
    return (
        0 if not wanted or set(regions) & wanted else 1,
        min(covered[r] for r in regions),
        order,
    )


def _fit(step: Step, seconds: float, breathing: BreathingSettings, first: bool) -> Step | None:
    """The step with its count trimmed to fit ``seconds``; the first of a phase always fits."""
    dose = step.effective_dose
    cycle = sum(breath_seconds(step.movement, breathing)) * dose.sides
    count = min(dose.count, int((seconds - TRANSITION_SECONDS) // cycle))
    if count < MIN_COUNT:
        if not first:
            return None
        count = MIN_COUNT
    return replace(step, dose=Dose(dose.kind, count, dose.per_side))


def _top_up(steps: list[Step], budget: float, breathing: BreathingSettings) -> list[Step]:
    """Spend time left over on extra breaths, up to twice a movement's own count."""
    total = sum(duration_seconds(s, breathing) for s in steps)
    grown = True
    while grown:
        grown = False
        for i, step in enumerate(steps):
            dose = step.effective_dose
            cycle = sum(breath_seconds(step.movement, breathing)) * dose.sides
            if dose.count < 2 * step.movement.dose.count and total + cycle <= budget:
                steps[i] = replace(step, dose=Dose(dose.kind, dose.count + 1, dose.per_side))
                total += cycle
                grown = True
    return steps


def adapt_routine(
    routine: Routine,
    library: Library,
    postures: Iterable[str] = ("seated", "standing"),
    avoid: Iterable[str] = (),
    adaptations: Mapping[str, Adaptation] | None = None,
    ritual: bool = False,
    have: Iterable[str] | None = None,
) -> Routine:
    """A shipped routine fitted to the user.

    A step kept as written keeps its count (plus any progression); a step the user can't or
    shouldn't do is swapped for an equivalent of the same phase (see
    :meth:`Offers.substitute`), its count fitted to the time the original took. A step is
    dropped only when its phase has nothing left, and if that empties a phase the routine
    had, :class:`CannotBuild` says so: a routine never loses its soften, organize or
    strengthen part.
    """
    offers = Offers(library, postures, avoid, adaptations, ritual, _have(have))
    owners = _owners(routine, offers)
    used: set[str] = set()
    steps: list[Step] = []
    for index, step in enumerate(routine.steps):
        taken = used | {i for i, owner in owners.items() if owner != index}
        fitted = offers.step_for(step.movement, step.dose, taken)
        if fitted is not None and fitted.movement.id != step.movement.id:
            fitted = _like(fitted, step)
        if fitted is None and step.movement.id in CLOSING_MOVEMENTS:
            continue  # a closing breath the user can't do is left out, never swapped
        if fitted is None:
            swap = offers.substitute(step.movement, taken)
            fitted = _like(swap, step) if swap is not None else None
        if fitted is not None:
            steps.append(fitted)
            used.add(fitted.movement.id)
    for phase in PHASE_ORDER:
        if any(s.movement.phase is phase for s in routine.steps) and not any(
            s.movement.phase is phase for s in steps
        ):
            raise CannotBuild(f"in “{routine.name}”, {offers.nothing_left(phase)}")
    return replace(routine, steps=tuple(steps))


def _have(have: Iterable[str] | None) -> frozenset[str] | None:
    return None if have is None else frozenset(have)


def _owners(routine: Routine, offers: Offers) -> dict[str, int]:
    """Which step each id belongs to, so a swap earlier on never takes a later step's place.

    A step owns the id it would use as planned: itself kept as written, else its easier
    (pain stop) or harder (progression) version. Kept as written wins a tie, then order.
    """
    planned = [offers.step_for(s.movement) for s in routine.steps]
    owners: dict[str, int] = {}
    for index, (step, plan) in enumerate(zip(routine.steps, planned, strict=True)):
        if plan is not None and plan.movement.id == step.movement.id:
            owners.setdefault(plan.movement.id, index)
    for index, plan in enumerate(planned):
        if plan is not None:
            owners.setdefault(plan.movement.id, index)
    return owners


def _like(step: Step, original: Step) -> Step:
    """``step`` with a count that takes about as long as ``original`` did (default pace)."""
    pace = BreathingSettings()
    dose = step.effective_dose
    cycle = sum(breath_seconds(step.movement, pace)) * dose.sides
    target = duration_seconds(original, pace) - TRANSITION_SECONDS
    count = max(MIN_COUNT, min(2 * step.movement.dose.count, round(target / cycle)))
    return replace(step, dose=Dose(dose.kind, count, dose.per_side))
