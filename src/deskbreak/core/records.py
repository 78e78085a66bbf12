"""What the log keeps: the records the break session produces and the store persists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum, StrEnum


class Trigger(StrEnum):
    """How a break started."""

    TRAY = "tray"
    PROMPT = "prompt"
    RITUAL = "ritual"
    COMMAND = "command"


class Outcome(StrEnum):
    COMPLETED = "completed"
    STOPPED = "stopped"
    PAIN_STOP = "stopped_for_pain"


class Comfort(IntEnum):
    """The one-tap comfort check at the end of a break."""

    FELT_GOOD = 1
    SOME_DISCOMFORT = 2
    SHARP_PAIN = 3


FELT_IN = ("hips", "mid-back", "low back", "neck", "legs", "nowhere")


def felt_places(felt_in: tuple[str, ...]) -> tuple[str, ...]:
    """The answer to "felt it where?" from :data:`FELT_IN`, each place once; "nowhere" stands
    alone, so it gives way when a place is named too. An unknown place is a ValueError."""
    unknown = [f for f in felt_in if f not in FELT_IN]
    if unknown:
        raise ValueError(f"unknown place {unknown[0]!r}; choose from {', '.join(FELT_IN)}")
    places = tuple(dict.fromkeys(felt_in))
    if "nowhere" in places and len(places) > 1:
        places = tuple(p for p in places if p != "nowhere")
    return places


@dataclass(frozen=True)
class MovementRecord:
    movement_id: str
    variant: str  # "base" | "easier" | "harder"
    completed: bool
    seconds: float
    pain_stop: bool = False


@dataclass(frozen=True)
class SessionRecord:
    """One break, from its first second to the comfort check.

    ``id`` is a UUID made when the break starts, so an export imported twice adds nothing.
    """

    id: str
    started: datetime
    ended: datetime
    routine_id: str
    trigger: Trigger
    outcome: Outcome
    movements: tuple[MovementRecord, ...] = ()
    comfort: Comfort | None = None
    felt_in: tuple[str, ...] = ()

    @property
    def seconds_moving(self) -> float:
        return sum(m.seconds for m in self.movements)


@dataclass(frozen=True)
class DaySitting:
    """One day's sitting figures, written by the tray app as the day goes on."""

    day: date
    sitting_seconds: float = 0.0
    longest_spell_seconds: float = 0.0
    natural_breaks: int = 0
    prompts_shown: int = 0
    prompts_accepted: int = 0
    prompts_snoozed: int = 0
    prompts_skipped: int = 0
