"""Which routine to offer right now: a shipped routine fitted to this user and their log.

The one place the tray app and `deskbreak break` decide what a break contains, so both
honour the same postures, avoid list and adaptations (easier after a pain stop, progression
in the daily ritual).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime

from deskbreak.core.adaptation import Adaptation, adaptations
from deskbreak.core.builder import CannotBuild, adapt_routine, build_routine
from deskbreak.core.library import Library
from deskbreak.core.movements import Routine
from deskbreak.core.offers import equipment_at_hand
from deskbreak.core.records import SessionRecord
from deskbreak.core.routines import RoutinePlan, duration_seconds, shipped_routines
from deskbreak.core.settings import Problem, Settings

FALLBACK_ROUTINE = "quick-reset"


class UnknownRoutine(LookupError):
    """No shipped routine has that id; ``known`` lists the ones there are."""

    def __init__(self, routine_id: str, known: Iterable[str]) -> None:
        self.known = tuple(known)
        super().__init__(f"there is no routine called {routine_id!r}")


def current_adaptations(
    library: Library,
    records: Iterable[SessionRecord],
    today: date,
    reset_at: datetime | None = None,
    undone: Mapping[str, datetime] | None = None,
) -> dict[str, Adaptation]:
    """Adaptations from the log, ignoring sessions before the user's last reset; ``undone``
    maps a movement to when its progression was undone (it starts over from then)."""
    if reset_at is not None:
        records = [r for r in records if r.started >= reset_at]
    return adaptations(records, library, today, undone)


def choose_routine(
    routine_id: str,
    library: Library,
    settings: Settings,
    adapted: dict[str, Adaptation] | None = None,
    plans: Sequence[RoutinePlan] | None = None,
) -> Routine:
    """The routine ``routine_id`` fitted to the user's postures, equipment, avoid list and
    adaptations.

    When fitting it leaves a phase empty (every movement of it avoided, say), a routine of
    the same length is built under the same rules; if even that fails, :class:`CannotBuild`
    says why. A routine is never offered as written past the user's settings: a seated-only
    user who avoids both seated strength moves must not be handed a sit-to-stand.
    """
    routines = shipped_routines(library, plans)
    routine = routines.get(routine_id)
    if routine is None:
        raise UnknownRoutine(routine_id, routines)
    ritual = routine_id == settings.ritual.routine
    have = equipment_at_hand(settings.movement)
    try:
        return adapt_routine(
            routine,
            library,
            postures=settings.movement.postures,
            avoid=settings.movement.avoid,
            adaptations=adapted,
            ritual=ritual,
            have=have,
        )
    except CannotBuild:
        minutes = min(15.0, max(2.0, duration_seconds(routine, settings.breathing) / 60))
        built = build_routine(
            library,
            round(minutes),
            settings.movement.postures,
            avoid=settings.movement.avoid,
            adaptations=adapted,
            breathing=settings.breathing,
            ritual=ritual,
            have=have,
        )
        return replace(built, id=routine.id, name=routine.name)


def unknown_references(
    settings: Settings, library: Library, plans: Sequence[RoutinePlan] | None = None
) -> list[Problem]:
    """Routine and movement ids in the settings that the library does not have."""
    routines = shipped_routines(library, plans)
    problems = []
    for key, routine_id in (
        ("breaks.prompt_routine", settings.breaks.prompt_routine),
        ("ritual.routine", settings.ritual.routine),
    ):
        if routine_id not in routines:
            problems.append(
                Problem(
                    key,
                    f'"{routine_id}" is not a routine; using "{FALLBACK_ROUTINE}". '
                    f"The routines are: {', '.join(routines)}.",
                )
            )
    for movement_id in settings.movement.avoid:
        if movement_id not in library:
            problems.append(
                Problem(
                    "movement.avoid",
                    f'"{movement_id}" is not a movement id (see `deskbreak routines show ID`).',
                )
            )
    return problems
