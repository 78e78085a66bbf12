"""What the break policy tells its caller: one event per transition, and why a prompt waits.

Kept apart from :mod:`deskbreak.core.policy` because the shell, the engine and the windows
only read these plain records; they need not know how the state machine decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from deskbreak.core.context import GapQuestion
from deskbreak.core.records import Trigger


@dataclass(frozen=True)
class PromptShown:
    """Show the prompt. ``repeat`` is False only for the first prompt of a spell."""

    spell_seconds: float
    routine_id: str
    repeat: bool
    can_snooze: bool
    question: GapQuestion | None = None  # "Were you up just now?", asked once (the engine adds it)


@dataclass(frozen=True)
class BreakDue:
    """The limit is reached but the prompt waits; ``reason`` says why (for the tooltip)."""

    spell_seconds: float
    reason: str


@dataclass(frozen=True)
class PromptIgnored:
    """Nobody answered the prompt; it comes back once after snooze_minutes if ``will_repeat``."""

    will_repeat: bool


@dataclass(frozen=True)
class PromptWithdrawn:
    """The prompt on screen is no longer wanted (the user left, or paused): close it."""

    reason: str


@dataclass(frozen=True)
class Snoozed:
    count: int
    snoozes_left: int
    until_mono: float


@dataclass(frozen=True)
class Skipped:
    spell_seconds: float


@dataclass(frozen=True)
class Paused:
    until: datetime


@dataclass(frozen=True)
class Resumed:
    early: bool  # True when the user resumed, False when the pause ran out


@dataclass(frozen=True)
class BreakStarted:
    trigger: Trigger
    spell_seconds: float


@dataclass(frozen=True)
class BreakEnded:
    completed: bool


PolicyEvent = (
    PromptShown
    | BreakDue
    | PromptIgnored
    | PromptWithdrawn
    | Snoozed
    | Skipped
    | Paused
    | Resumed
    | BreakStarted
    | BreakEnded
)

DND = "do-not-disturb"
OFF_HOURS = "outside work hours"
IN_CALL = "in a call"


def wait_reason(call: bool, dnd: bool, off_hours: bool) -> str | None:
    """Why a due prompt must wait, the strongest reason first; None when it need not."""
    return IN_CALL if call else DND if dnd else OFF_HOURS if off_hours else None
