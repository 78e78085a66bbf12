"""How the log changes what is offered: pure rules over past sessions, dated by ``today``.

- A movement stopped for pain is replaced by its easier variant for the next 14 days (by a
  similar movement of the same phase if it has no easier one there). Back at the usual
  version it builds up again from the start: that is the regression.
- Progression, in the daily ritual only: a movement done comfortably (rated "felt good",
  never skipped or stopped) at least three times in a row over a week gets a couple more
  reps or breaths; over two weeks it moves to its harder variant (or a few more reps if it
  has none). A long gap since it last felt good starts it over.
- A movement skipped in at least half of its last few appearances drops down the order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from deskbreak.core import words
from deskbreak.core.library import Library
from deskbreak.core.movements import Movement
from deskbreak.core.records import Comfort, MovementRecord, SessionRecord

PAIN_DAYS = 14
COMFORTABLE_TIMES = 3
FELT_GOOD_STREAK = 3
SKIP_WINDOW = 6
EXTRA_REPS = 2  # added per side at each step of progression
STEP_DAYS = 7  # a comfortable week earns one step; two weeks the harder variant
LAPSE_DAYS = 28  # not done comfortably for this long: progression starts over

Done = tuple[SessionRecord, MovementRecord]


@dataclass(frozen=True)
class Adaptation:
    """What to do with one movement, and a sentence the Settings dialog can show.

    ``use`` is the library id to offer instead (``None`` with ``variant == "omit"``: a
    pain stop with no easier version in the same phase, so a similar movement is offered);
    ``ritual_only`` marks progression offered only in the daily ritual; ``extra`` is the
    reps or breaths added per side when the movement is offered at its usual version.
    """

    movement_id: str
    variant: str  # "easier" | "harder" | "omit" | "base"
    use: str | None
    reason: str
    until: date | None = None
    ritual_only: bool = False
    demoted: bool = False
    extra: int = 0

    @property
    def pain_stop(self) -> bool:
        """Paused after a pain stop: neither this movement nor its harder variant is offered."""
        return self.variant in ("easier", "omit")


def base_id(library: Library, movement_id: str) -> str:
    """The base movement a logged id belongs to (a variant maps to the entry it varies)."""
    if movement_id not in library.variant_ids:
        return movement_id
    for movement in library.base_movements():
        if movement_id in (movement.easier, movement.harder):
            return movement.id
    return movement_id


def adaptations(
    records: Iterable[SessionRecord], library: Library, today: date
) -> dict[str, Adaptation]:
    """Adaptations by base movement id, from the log (any order; sessions after ``today``
    are ignored, so the same log always gives the same answer for a day)."""
    ordered = sorted((r for r in records if r.started.date() <= today), key=lambda r: r.started)
    by_movement: dict[str, list[Done]] = {}
    for session in ordered:
        for record in session.movements:
            by_movement.setdefault(base_id(library, record.movement_id), []).append(
                (session, record)
            )
    out: dict[str, Adaptation] = {}
    for movement in library.base_movements():
        found = _rule(movement, by_movement.get(movement.id, []), library, today)
        if found is not None:
            out[movement.id] = found
    return out


def _comfortable(item: Done) -> bool:
    session, record = item
    return record.completed and not record.pain_stop and session.comfort is Comfort.FELT_GOOD


def _rule(
    movement: Movement, items: Sequence[Done], library: Library, today: date
) -> Adaptation | None:
    recent = items[-SKIP_WINDOW:]
    skipped = sum(1 for _, m in recent if not m.completed)
    demoted = len(recent) >= 3 and skipped * 2 >= len(recent)
    pains = [s.started.date() for s, m in items if m.pain_stop]
    since: date | None = None
    if pains:
        last_pain = pains[-1]
        until = last_pain + timedelta(days=PAIN_DAYS)
        if today < until:
            return _paused(movement, library, last_pain, until, demoted)
        since = until
    progress = _progress(movement, items, library, today, since, demoted)
    if progress is not None:
        return progress
    if since is not None:
        return Adaptation(
            movement.id,
            "base",
            movement.id,
            f"Stopped for pain on {pains[-1]:%d %b}; back to the usual version, building up "
            f"again once it has felt good {COMFORTABLE_TIMES} times over a week.",
            demoted=demoted,
        )
    if demoted:
        return Adaptation(
            movement.id,
            "base",
            movement.id,
            f"Skipped {skipped} of the last {words.count(len(recent), 'time')}; offered later"
            " in the order.",
            demoted=True,
        )
    return None


def _paused(
    movement: Movement, library: Library, last_pain: date, until: date, demoted: bool
) -> Adaptation:
    easier = library.easier(movement)
    when = f"{last_pain:%d %b}"
    if easier is None or easier.phase is not movement.phase:
        return Adaptation(
            movement.id,
            "omit",
            None,
            f"Stopped for pain on {when}; a similar, gentler movement instead until {until:%d %b}.",
            until,
            demoted=demoted,
        )
    return Adaptation(
        movement.id,
        "easier",
        easier.id,
        f"Stopped for pain on {when}; “{easier.name}” instead until {until:%d %b}.",
        until,
        demoted=demoted,
    )


def _progress(
    movement: Movement,
    items: Sequence[Done],
    library: Library,
    today: date,
    since: date | None,
    demoted: bool,
) -> Adaptation | None:
    """The next step up, from the run of comfortable times at the end of the log."""
    streak: list[Done] = []
    for item in reversed(items):
        if (since is not None and item[0].started.date() < since) or not _comfortable(item):
            break
        streak.append(item)
    if len(streak) < max(FELT_GOOD_STREAK, COMFORTABLE_TIMES):
        return None
    first, last = streak[-1][0].started.date(), streak[0][0].started.date()
    if (today - last).days > LAPSE_DAYS:
        return None
    steps = (last - first).days // STEP_DAYS
    if steps < 1:
        return None
    unit = "reps" if movement.dose.kind == "reps" else "breaths"
    weeks = "two weeks" if steps >= 2 else "a week"
    why = f"Felt good {words.count(len(streak), 'time')} in a row over {weeks}"
    harder = library.harder(movement)
    if steps >= 2 and harder is not None and harder.phase is movement.phase:
        return Adaptation(
            movement.id,
            "harder",
            harder.id,
            f"{why}; “{harder.name}” in the daily ritual.",
            ritual_only=True,
            demoted=demoted,
            extra=EXTRA_REPS,
        )
    extra = EXTRA_REPS * min(steps, 2)
    return Adaptation(
        movement.id,
        "base",
        movement.id,
        f"{why}; {extra} more {unit} in the daily ritual.",
        ritual_only=True,
        demoted=demoted,
        extra=extra,
    )
