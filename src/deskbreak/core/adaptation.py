"""How the log changes what is offered: pure rules over past sessions.

- A movement stopped for pain is replaced by its easier variant for the next 14 days (left
  out if it has none), and is not offered at its harder variant until the easier one has
  been done comfortably three times since.
- A movement rated "felt good" the last three times it was done may be offered at its
  harder variant in the daily ritual.
- A movement skipped in at least half of its last few appearances drops down the order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from deskbreak.core.library import Library
from deskbreak.core.records import Comfort, MovementRecord, SessionRecord

PAIN_DAYS = 14
COMFORTABLE_TIMES = 3
FELT_GOOD_STREAK = 3
SKIP_WINDOW = 6


@dataclass(frozen=True)
class Adaptation:
    """What to do with one movement, and a sentence the Settings dialog can show.

    ``use`` is the library id to offer instead (``None`` with ``variant == "omit"``: leave
    it out); ``ritual_only`` marks a harder variant offered only in the daily ritual.
    """

    movement_id: str
    variant: str  # "easier" | "harder" | "omit" | "base"
    use: str | None
    reason: str
    until: date | None = None
    ritual_only: bool = False
    demoted: bool = False


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
    """Adaptations by base movement id, from the log read oldest first."""
    ordered = sorted(records, key=lambda r: r.started)
    out: dict[str, Adaptation] = {}
    for movement in library.base_movements():
        done = [
            (s, m)
            for s in ordered
            for m in s.movements
            if base_id(library, m.movement_id) == movement.id
        ]
        found = _rule(movement.id, done, library, today)
        if found is not None:
            out[movement.id] = found
    return out


def _rule(
    movement_id: str,
    done: Sequence[tuple[SessionRecord, MovementRecord]],
    library: Library,
    today: date,
) -> Adaptation | None:
    items = list(done)
    movement = library[movement_id]
    recent = items[-SKIP_WINDOW:]
    skipped = sum(1 for _, m in recent if not m.completed)
    demoted = len(recent) >= 3 and skipped * 2 >= len(recent)
    pains = [s.started.date() for s, m in items if m.pain_stop]
    if pains:
        last_pain = pains[-1]
        until = last_pain + timedelta(days=PAIN_DAYS)
        if today < until:
            easier = library.easier(movement)
            when = f"{last_pain:%d %b}"
            if easier is None:
                return Adaptation(
                    movement_id,
                    "omit",
                    None,
                    f"Stopped for pain on {when}; left out until {until:%d %b}.",
                    until,
                    demoted=demoted,
                )
            return Adaptation(
                movement_id,
                "easier",
                easier.id,
                f"Stopped for pain on {when}; “{easier.name}” instead until {until:%d %b}.",
                until,
                demoted=demoted,
            )
        comfortable = sum(
            1
            for s, m in items
            if s.started.date() > last_pain
            and m.completed
            and not m.pain_stop
            and s.comfort is Comfort.FELT_GOOD
        )
        if comfortable < COMFORTABLE_TIMES:
            return Adaptation(
                movement_id,
                "base",
                movement_id,
                f"Stopped for pain on {last_pain:%d %b}; no harder version until it has felt good {COMFORTABLE_TIMES} times.",
                demoted=demoted,
            )
    streak = items[-FELT_GOOD_STREAK:]
    harder = library.harder(movement)
    if (
        harder is not None
        and len(streak) == FELT_GOOD_STREAK
        and all(m.completed and s.comfort is Comfort.FELT_GOOD for s, m in streak)
    ):
        return Adaptation(
            movement_id,
            "harder",
            harder.id,
            f"Felt good {FELT_GOOD_STREAK} times in a row; “{harder.name}” may be offered in the daily ritual.",
            ritual_only=True,
            demoted=demoted,
        )
    if demoted:
        return Adaptation(
            movement_id,
            "base",
            movement_id,
            f"Skipped {skipped} of the last {len(recent)} times; offered later in the order.",
            demoted=True,
        )
    return None
