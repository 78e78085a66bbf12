"""What the break engine tells the app: a closed union of events, and a status snapshot.

The app matches :data:`EngineEvent` exhaustively (``assert_never``), so a new event the
app forgets to handle is a type error, not a silent no-op.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from deskbreak.core.context import Context
from deskbreak.core.policy import State
from deskbreak.core.policy_events import PolicyEvent
from deskbreak.core.records import DaySitting
from deskbreak.core.sitting import SpellEnded


@dataclass(frozen=True)
class RitualDue:
    """Time for the daily ritual routine (on workdays, when enabled)."""

    routine_id: str


@dataclass(frozen=True)
class DayClosed:
    """The day changed; ``figures`` are the final ones of the day that ended (for the log)."""

    figures: DaySitting


@dataclass(frozen=True)
class IdleSourceChanged:
    """The idle source failed (``name`` None, ``problem`` says why) or works again."""

    name: str | None
    problem: str | None


@dataclass(frozen=True)
class EngineStatus:
    """What the tray tooltip and icon show; a snapshot as of the last wake or command."""

    state: State
    spell_seconds: float
    limit_seconds: float
    paused_until: datetime | None
    in_work_hours: bool
    idle_source_name: str | None  # None: counting work hours as sitting
    idle_problem: str | None
    can_snooze: bool
    dnd: bool
    today: DaySitting
    due_reason: str | None = None  # why a due prompt waits, e.g. "in a call"
    context: Context = Context()  # what the desktop said at the last look


#: Everything the engine emits: the policy's transitions, ended spells, and its own events.
EngineEvent = PolicyEvent | SpellEnded | RitualDue | DayClosed | IdleSourceChanged
