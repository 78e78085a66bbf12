"""What a prompt offers, in words: a break after a long spell, or the daily ritual.

The prompt window only lays these out; the wording and the numbers are decided here,
where they can be tested without a display.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from deskbreak.core.records import Trigger
from deskbreak.core.ritual import reminder_text

if TYPE_CHECKING:
    from deskbreak.core.movements import Routine


@dataclass(frozen=True)
class Offer:
    routine_id: str | None  # None: the prompt routine, fitted when the break starts
    trigger: Trigger
    sitting_minutes: int
    routine_name: str
    routine_minutes: int
    can_snooze: bool
    heading: str = "Time to move"
    message: str | None = None  # None: the prompt's own "You have been sitting …" line
    question: str | None = None  # "Were you up just now? …", answered with one key


def break_offer(
    spell_seconds: float,
    routine: Routine | None,
    minutes: int,
    can_snooze: bool,
    question: str | None = None,
) -> Offer:
    return Offer(
        routine_id=None,
        trigger=Trigger.PROMPT,
        sitting_minutes=round(spell_seconds / 60),
        routine_name=routine.name.lower() if routine else "movement",
        routine_minutes=minutes,
        can_snooze=can_snooze,
        question=question,
    )


def ritual_offer(
    routine_id: str, routine: Routine, spell_seconds: float, minutes: int, anchor: str
) -> Offer:
    """The daily reminder, tied to the user's habit ("After my morning coffee: …")."""
    name = routine.name.lower()
    return Offer(
        routine_id=routine_id,
        trigger=Trigger.RITUAL,
        sitting_minutes=round(spell_seconds / 60),
        routine_name=name,
        routine_minutes=minutes,
        can_snooze=True,
        heading="Your daily ritual",
        message=reminder_text(minutes, routine.name, anchor),
    )
