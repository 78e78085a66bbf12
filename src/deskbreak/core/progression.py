"""Careful progression, replayed from the log so the same log always gives the same answer.

Unsupervised, so stricter than a clinic:

- only organize and strengthen movements progress; soften movements never do;
- a movement earns a step after feeling good at least three times over at least a week
  since its last step (or its last pain);
- the step is taken only once a later day went no worse: a session with no pain stop and
  no discomfort or sharp-pain rating;
- at most two steps a week across all movements, one change at a time per movement:
  +2 reps (or breaths), then the harder variant (or +2 more), never more;
- a progression the user undoes (Settings) starts that movement over from that moment.

The steps are offered in the daily ritual only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from deskbreak.core.adaptation_data import PAIN_DAYS, Adaptation, Done, by_movement
from deskbreak.core.library import Library
from deskbreak.core.movements import Movement, Phase
from deskbreak.core.records import Comfort, SessionRecord

FELT_GOOD_TIMES = 3
STEP_DAYS = 7
MAX_STEPS_PER_WEEK = 2
MAX_LEVEL = 2
EXTRA_REPS = 2
LAPSE_DAYS = 28  # not done comfortably for this long: progression starts over


@dataclass(frozen=True)
class Step:
    """One progression step taken: which movement, on which day, to which level."""

    movement_id: str
    day: date
    level: int


def progressions(
    records: Sequence[SessionRecord],
    library: Library,
    today: date,
    held: Mapping[str, Adaptation],
    since: Mapping[str, datetime],
) -> dict[str, Adaptation]:
    """The current progression of each movement, as adaptations (ritual only)."""
    out: dict[str, Adaptation] = {}
    steps = replay(records, library, today, held, since)
    last_good: dict[str, date] = {}
    for movement_id, items in by_movement(records, library).items():
        good = [s.started.date() for s, m in items if _comfortable((s, m))]
        if good:
            last_good[movement_id] = good[-1]
    for step in steps:
        if step.day < _after_pain(held.get(step.movement_id)):
            continue
        movement = library.get(step.movement_id)
        if movement is None:
            continue
        lapsed = (today - last_good.get(step.movement_id, step.day)).days > LAPSE_DAYS
        if lapsed:
            out.pop(step.movement_id, None)
            continue
        out[step.movement_id] = _adaptation(movement, step, library)
    return out


def replay(
    records: Sequence[SessionRecord],
    library: Library,
    today: date,
    held: Mapping[str, Adaptation],
    since: Mapping[str, datetime],
) -> list[Step]:
    """Every step taken up to ``today``, in order, under the weekly limit."""
    grouped = by_movement(records, library)
    days = sorted({r.started.date() for r in records if r.started.date() <= today})
    level: dict[str, int] = {}
    start: dict[str, date] = {}
    taken: list[Step] = []
    for day in days:
        budget = MAX_STEPS_PER_WEEK - sum(1 for s in taken if (day - s.day).days < STEP_DAYS)
        if budget <= 0:
            continue
        for movement in _candidates(library, held):
            if budget <= 0:
                break
            mid = movement.id
            after_pain = _after_pain(held.get(mid))
            if start.get(mid, date.min) < after_pain:
                level[mid] = 0  # a pain stop regresses: steps before it no longer count
            if level.get(mid, 0) >= MAX_LEVEL:
                continue
            floor = max(start.get(mid, date.min), after_pain)
            items = [
                item
                for item in grouped.get(mid, [])
                if _not_before(item[0].started, since.get(mid)) and item[0].started.date() >= floor
            ]
            if _earned(items, records, day):
                level[mid] = level.get(mid, 0) + 1
                start[mid] = day
                taken.append(Step(mid, day, level[mid]))
                budget -= 1
    return taken


def _candidates(library: Library, held: Mapping[str, Adaptation]) -> list[Movement]:
    """Organize and strengthen movements not held back by pain or discomfort."""
    return [
        m
        for m in library.base_movements()
        if m.phase is not Phase.SOFTEN and not (m.id in held and held[m.id].pain_stop)
    ]


def _after_pain(adaptation: Adaptation | None) -> date:
    """After a pain pause, only the days from its end count: that is the regression."""
    if adaptation is None or adaptation.since is None:
        return date.min
    return adaptation.since + timedelta(days=PAIN_DAYS)


def _not_before(started: datetime, cut: datetime | None) -> bool:
    if cut is None:
        return True
    if (started.tzinfo is None) != (cut.tzinfo is None):
        return started.replace(tzinfo=None) >= cut.replace(tzinfo=None)
    return started >= cut


def _comfortable(item: Done) -> bool:
    session, record = item
    return record.completed and not record.pain_stop and session.comfort is Comfort.FELT_GOOD


def _no_worse(session: SessionRecord) -> bool:
    return not any(m.pain_stop for m in session.movements) and session.comfort in (
        None,
        Comfort.FELT_GOOD,
    )


def _earned(items: Sequence[Done], records: Iterable[SessionRecord], day: date) -> bool:
    """A comfortable week before ``day``, and ``day`` itself went no worse."""
    before = [item for item in items if item[0].started.date() < day]
    streak: list[date] = []
    for item in reversed(before):
        if not _comfortable(item):
            break
        streak.append(item[0].started.date())
    if len(streak) < FELT_GOOD_TIMES or (streak[0] - streak[-1]).days < STEP_DAYS:
        return False
    that_day = [r for r in records if r.started.date() == day]
    return bool(that_day) and all(_no_worse(r) for r in that_day)


def _adaptation(movement: Movement, step: Step, library: Library) -> Adaptation:
    unit = "reps" if movement.dose.kind == "reps" else "breaths"
    harder = library.harder(movement)
    when = f"{step.day:%d %b}"
    if step.level >= 2 and harder is not None and harder.phase is movement.phase:
        return Adaptation(
            movement.id,
            "harder",
            harder.id,
            f"Felt good for another week; “{harder.name}” in the daily ritual since {when}.",
            ritual_only=True,
        )
    extra = EXTRA_REPS * step.level
    return Adaptation(
        movement.id,
        "base",
        movement.id,
        f"Felt good for a week and the next day was no worse; {extra} more {unit} in the "
        f"daily ritual since {when}.",
        ritual_only=True,
        extra=extra,
    )


def undo_times(undone: Mapping[str, str]) -> dict[str, datetime]:
    """Parse ``{movement id: ISO time}`` (as kept in the state dir), skipping bad entries."""
    out = {}
    for movement_id, text in undone.items():
        try:
            out[movement_id] = datetime.fromisoformat(text)
        except (TypeError, ValueError):
            continue
    return out


def summary(found: Mapping[str, Adaptation], library: Library) -> list[tuple[str, str, str]]:
    """(movement id, name, what changed) for every progression, for Settings to list with
    an "Undo" beside each (see ``deskbreak.engine.adaptations.undo_progression``)."""
    rows = []
    for movement_id, adaptation in found.items():
        movement = library.get(movement_id)
        if movement is not None and adaptation.ritual_only:
            rows.append((movement_id, movement.name, adaptation.reason))
    return rows
