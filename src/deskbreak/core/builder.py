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
from deskbreak.core.movements import Dose, Movement, Phase, Posture, Region, Routine, Step
from deskbreak.core.routines import (
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


class _Rules:
    """What the user allows, and which variant each movement is offered at."""

    def __init__(
        self,
        library: Library,
        postures: Iterable[str],
        avoid: Iterable[str],
        adaptations: Mapping[str, Adaptation] | None,
        ritual: bool,
    ) -> None:
        self.library = library
        self.postures = {Posture(p) for p in postures}
        self.avoid = set(avoid)
        self.adaptations = dict(adaptations or {})
        self.ritual = ritual

    def allowed(self, movement: Movement) -> bool:
        return movement.posture in self.postures and movement.id not in self.avoid

    def step_for(self, movement: Movement) -> Step | None:
        """The movement at the variant its adaptation asks for, or ``None`` to leave it out."""
        if movement.id in self.avoid:
            return None
        adaptation = self.adaptations.get(movement.id)
        if adaptation is not None and adaptation.variant == "omit":
            return None
        if adaptation is not None and adaptation.use and adaptation.variant in ("easier", "harder"):
            variant = self.library.get(adaptation.use)
            # A variant from another phase would break soften → organize → strengthen.
            usable = (
                variant is not None and self.allowed(variant) and variant.phase is movement.phase
            )
            if adaptation.variant == "easier":
                return Step(variant, "easier") if usable and variant else None
            if usable and variant and (self.ritual or not adaptation.ritual_only):
                return Step(variant, "harder")
        return Step(movement) if self.allowed(movement) else None

    def demoted(self, movement: Movement) -> bool:
        adaptation = self.adaptations.get(movement.id)
        return adaptation is not None and adaptation.demoted


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
) -> Routine:
    """A routine of about ``budget_minutes`` (2–15): soften → organize → strengthen.

    Never longer than the budget plus 15 %; shorter only when every allowed movement is
    already in it. Raises :class:`CannotBuild` when a phase has nothing left to offer.
    """
    if not 2 <= budget_minutes <= 15:
        raise CannotBuild(f"a routine can be 2 to 15 minutes long, not {budget_minutes:g}")
    breathing = breathing or BreathingSettings()
    rules = _Rules(library, postures, avoid, adaptations, ritual)
    wanted = {Region(r) for r in regions}
    rng = random.Random(f"{(day or date(2000, 1, 1)).isoformat()}/{seed}")
    by_phase: dict[Phase, list[Step]] = {}
    for phase in PHASE_ORDER:
        candidates = [m for m in library.base_movements() if m.phase is phase]
        rng.shuffle(candidates)
        steps = [s for s in (rules.step_for(m) for m in candidates) if s is not None]
        steps.sort(key=lambda s: rules.demoted(library[_base(library, s)]))
        if not steps:
            raise CannotBuild(_empty_reason(phase, rules))
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


def _base(library: Library, step: Step) -> str:
    from deskbreak.core.adaptation import base_id

    return base_id(library, step.movement.id)


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


def _empty_reason(phase: Phase, rules: _Rules) -> str:
    postures = " and ".join(sorted(p.value for p in rules.postures))
    detail = f"for the postures you allow ({postures})"
    if rules.avoid:
        detail += " once your avoid list is left out"
    return f"no {phase.value} movement is left {detail}; allow another posture or shorten the avoid list."


def adapt_routine(
    routine: Routine,
    library: Library,
    postures: Iterable[str] = ("seated", "standing"),
    avoid: Iterable[str] = (),
    adaptations: Mapping[str, Adaptation] | None = None,
    ritual: bool = False,
) -> Routine:
    """A shipped routine fitted to the user: each step the user can't or shouldn't do is
    swapped for an equivalent (same phase, a shared region; its own easier/harder variant
    first), or dropped if there is none. Raises :class:`CannotBuild` if nothing is left."""
    rules = _Rules(library, postures, avoid, adaptations, ritual)
    used: set[str] = set()
    steps: list[Step] = []
    for step in routine.steps:
        replacement = _fitted(step, rules, used)
        if replacement is None:
            continue
        steps.append(replacement)
        used |= library.family(replacement.movement.id) | library.family(step.movement.id)
    if not steps:
        raise CannotBuild(
            f"nothing in “{routine.name}” fits the postures and avoid list you chose."
        )
    return replace(routine, steps=tuple(steps))


def _fitted(step: Step, rules: _Rules, used: set[str]) -> Step | None:
    library, movement = rules.library, step.movement
    direct = rules.step_for(movement)
    if direct is not None and direct.movement.id not in used:
        adapted = direct.variant != "base"
        return replace(direct, dose=None if adapted else step.dose)
    if (
        rules.adaptations.get(movement.id) is not None
        and movement.id not in rules.avoid
        and rules.allowed(movement)
    ):
        return None  # an adaptation left it out on purpose
    for variant in (library.easier(movement), library.harder(movement)):
        if (
            variant is not None
            and rules.allowed(variant)
            and variant.phase is movement.phase
            and variant.id not in used
        ):
            return Step(variant, "easier" if variant.id == movement.easier else "harder")
    others = [
        m
        for m in library.base_movements()
        if m.phase is movement.phase
        and set(m.regions) & set(movement.regions)
        and not library.family(m.id) & used
    ]
    others.sort(key=lambda m: -len(set(m.regions) & set(movement.regions)))
    for other in others:
        found = rules.step_for(other)
        if found is not None and found.movement.id not in used:
            return found
    return None
