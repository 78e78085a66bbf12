"""What an adaptation is, and the log grouped per movement: shared by the pain rules
(:mod:`deskbreak.core.adaptation`) and progression (:mod:`deskbreak.core.progression`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from deskbreak.core.library import Library
from deskbreak.core.records import MovementRecord, SessionRecord

PAIN_DAYS = 14  # a pain stop eases the movement this long

Done = tuple[SessionRecord, MovementRecord]


@dataclass(frozen=True)
class Adaptation:
    """What to do with one movement, and a sentence the Settings dialog and summary show.

    ``variant``: "easier" or "omit" (paused after pain: the easier variant, or a similar
    movement when there is none in the phase), "out" (out of rotation after repeated pain;
    ``clinician`` is then True), "harder" or "base" (progression or a note). ``use`` is the
    library id to offer instead; ``ritual_only`` marks progression offered only in the
    daily ritual; ``extra`` is the reps or breaths added per side; ``since`` is the day of
    the event that made it.
    """

    movement_id: str
    variant: str  # "easier" | "omit" | "out" | "harder" | "base"
    use: str | None
    reason: str
    until: date | None = None
    ritual_only: bool = False
    demoted: bool = False
    extra: int = 0
    since: date | None = None
    clinician: bool = False

    @property
    def pain_stop(self) -> bool:
        """Paused or out: neither this movement nor its harder variant is offered."""
        return self.variant in ("easier", "omit", "out")


def base_id(library: Library, movement_id: str) -> str:
    """The base movement a logged id belongs to (a variant maps to the entry it varies)."""
    if movement_id not in library.variant_ids:
        return movement_id
    for movement in library.base_movements():
        if movement_id in (movement.easier, movement.harder):
            return movement.id
    return movement_id


def by_movement(records: Iterable[SessionRecord], library: Library) -> dict[str, list[Done]]:
    """(session, record) pairs per base movement id, oldest first."""
    out: dict[str, list[Done]] = {}
    for session in sorted(records, key=lambda r: r.started):
        for record in session.movements:
            out.setdefault(base_id(library, record.movement_id), []).append((session, record))
    return out
