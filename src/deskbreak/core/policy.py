"""When to offer a break: a small state machine whose transitions are the whole behaviour.

The policy never reads a clock or the desktop: the caller hands it the monotonic time, the
wall time, the current spell length and three facts (work hours, do-not-disturb, a call in
progress). A call holds a due prompt — never drops it — until the call ends and
:data:`~deskbreak.core.context.CALL_GRACE_SECONDS` more have passed. Every
transition returns an event, so the shell can show windows and the log can record them.

Calm by construction: per sitting spell there is one prompt, at most ``max_snoozes``
snoozed repeats, and one repeat of a prompt left unanswered — never more.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from enum import StrEnum

from deskbreak.core.context import CALL_GRACE_SECONDS
from deskbreak.core.policy_events import (
    DND,
    IN_CALL,
    OFF_HOURS,
    BreakDue,
    BreakEnded,
    BreakStarted,
    Paused,
    PolicyEvent,
    PromptIgnored,
    PromptShown,
    PromptWithdrawn,
    Resumed,
    Skipped,
    Snoozed,
)
from deskbreak.core.records import Trigger
from deskbreak.core.settings import BreakSettings


class State(StrEnum):
    WATCHING = "watching"  # counting; no prompt wanted yet (or none left for this spell)
    DUE = "due"  # the limit is reached but a prompt must wait (do-not-disturb, off hours)
    PROMPTED = "prompted"  # a prompt is on screen
    SNOOZED = "snoozed"  # a prompt will come back at ``snooze_until``
    PAUSED = "paused"  # the user asked for quiet until ``paused_until``
    IN_BREAK = "in_break"  # a routine is running


_ANY_ACTIVE = frozenset({State.WATCHING, State.DUE, State.PROMPTED, State.SNOOZED})

#: Allowed transitions; anything else raises IllegalTransition.
TRANSITIONS: Mapping[State, frozenset[State]] = {
    State.WATCHING: frozenset({State.DUE, State.PROMPTED, State.PAUSED, State.IN_BREAK}),
    State.DUE: frozenset({State.PROMPTED, State.WATCHING, State.PAUSED, State.IN_BREAK}),
    State.PROMPTED: frozenset({State.SNOOZED, State.WATCHING, State.PAUSED, State.IN_BREAK}),
    State.SNOOZED: frozenset(
        {State.PROMPTED, State.DUE, State.WATCHING, State.PAUSED, State.IN_BREAK}
    ),
    State.PAUSED: frozenset({State.WATCHING, State.PAUSED, State.IN_BREAK}),
    State.IN_BREAK: frozenset({State.WATCHING, State.PAUSED}),
}


class IllegalTransition(Exception):
    """A command that makes no sense in the current state (e.g. snooze with no prompt)."""


class BreakPolicy:
    """Decides prompts from the spell length; the caller performs every effect."""

    def __init__(self, settings: BreakSettings) -> None:
        self.settings = settings
        self.state = State.WATCHING
        self.paused_until: datetime | None = None
        self.snooze_until: float | None = None
        self._pause_deadline: float | None = None
        self._spell = 0.0
        self._mono: float | None = None
        self.prompts = 0  # prompts shown in this spell
        self.snoozes = 0  # snoozes in a row in this spell
        self._repeat_used = False  # the one repeat of an unanswered prompt
        self._exhausted = False  # no prompt left for this spell
        self._in_call = False
        self._call_ended_at: float | None = None  # mono when the last call was seen to end
        self.due_reason: str | None = None  # why a due prompt waits (state DUE only)

    # -- facts for the shell --------------------------------------------------------------

    @property
    def limit_seconds(self) -> float:
        return self.settings.sit_limit_minutes * 60.0

    @property
    def can_snooze(self) -> bool:
        return self.state is State.PROMPTED and self.snoozes < self.settings.max_snoozes

    @property
    def prompts_left(self) -> int:
        """Prompts this spell may still bring: 1 + max_snoozes + 1 at most in all."""
        if self._exhausted:
            return 0
        return max(self.settings.max_snoozes + 2 - self.prompts, 0)

    def next_deadline(self) -> float | None:
        """Monotonic time of the next thing the policy must do on its own, if any."""
        if self.state is State.SNOOZED:
            return self.snooze_until
        if self.state is State.PAUSED:
            return self._pause_deadline
        if self.state is State.DUE and not self._in_call and self._call_ended_at is not None:
            return self._call_ended_at + CALL_GRACE_SECONDS
        # While watching, the limit can only be reached by a spell that is running.
        running = self._mono is not None and self._spell > 0 and self.prompts_left > 0
        if self.state is State.WATCHING and running and self._mono is not None:
            return self._mono + max(self.limit_seconds - self._spell, 0.0)
        return None

    def apply_settings(self, settings: BreakSettings) -> None:
        self.settings = settings

    # -- the clock moves ------------------------------------------------------------------

    def step(
        self,
        mono: float,
        wall: datetime,
        spell_seconds: float,
        in_work_hours: bool,
        dnd: bool,
        in_call: bool = False,
    ) -> list[PolicyEvent]:
        """Look again after a sample: prompt, hold the prompt back, or end a pause."""
        self._mono, self._spell = mono, spell_seconds
        self._note_call(mono, in_call)
        events: list[PolicyEvent] = []
        if self.state is State.PAUSED:
            assert self.paused_until is not None
            if _seconds(wall, self.paused_until) > 0:
                self._pause_deadline = mono + _seconds(wall, self.paused_until)
                return events
            self._end_pause()
            events.append(Resumed(early=False))
        if self.state in (State.IN_BREAK, State.PROMPTED):
            return events
        if self.state is State.SNOOZED:
            assert self.snooze_until is not None
            if mono < self.snooze_until:
                return events
        elif spell_seconds < self.limit_seconds or not self.prompts_left:
            if self.state is State.DUE:  # the limit was raised, or no prompt is left
                self._go(State.WATCHING)
            return events
        reason = IN_CALL if self.call_holds(mono) else DND if dnd else None
        if not in_work_hours and not self.settings.outside_work_hours:
            reason = reason or OFF_HOURS
        if reason is not None:
            if self.state is not State.DUE or reason != self.due_reason:
                if self.state is not State.DUE:
                    self._go(State.DUE)
                events.append(BreakDue(spell_seconds, reason))
            self.due_reason = reason
            return events
        if not self.prompts_left:  # a snooze or ignore outlived the cap
            self._go(State.WATCHING)
            return events
        self._go(State.PROMPTED)
        self.prompts += 1
        events.append(
            PromptShown(
                spell_seconds, self.settings.prompt_routine, self.prompts > 1, self.can_snooze
            )
        )
        return events

    def spell_ended(self, reason: str = "natural break") -> list[PolicyEvent]:
        """The tracker saw a natural break (or stopped watching): the debt is paid."""
        events: list[PolicyEvent] = []
        if self.state is State.PROMPTED:
            events.append(PromptWithdrawn(reason))
        if self.state in _ANY_ACTIVE and self.state is not State.WATCHING:
            self._go(State.WATCHING)
        self._new_spell()
        self._spell = 0.0
        return events

    # -- what the user does ---------------------------------------------------------------

    def snooze(self, mono: float) -> list[PolicyEvent]:
        if not self.can_snooze:
            raise IllegalTransition(
                f"snooze refused in state {self.state} after {self.snoozes} snoozes"
            )
        self.snoozes += 1
        self._snooze_for(mono)
        assert self.snooze_until is not None
        left = self.settings.max_snoozes - self.snoozes
        return [Snoozed(self.snoozes, left, self.snooze_until)]

    def prompt_ignored(self, mono: float) -> list[PolicyEvent]:
        """The shell saw no answer for a while: repeat once after snooze_minutes, then stop."""
        self._require(State.PROMPTED, "prompt_ignored")
        if not self._repeat_used and self.prompts_left:
            self._repeat_used = True
            self._snooze_for(mono)
            return [PromptIgnored(will_repeat=True)]
        self._go(State.WATCHING)
        self._exhausted = True
        return [PromptIgnored(will_repeat=False)]

    def skip(self) -> list[PolicyEvent]:
        """Skip this break: the spell ends (the caller tells the tracker), recorded as skipped."""
        if self.state not in (State.PROMPTED, State.SNOOZED, State.DUE):
            raise IllegalTransition(f"nothing to skip in state {self.state}")
        spell = self._spell
        self._go(State.WATCHING)
        self._new_spell()
        self._spell = 0.0
        return [Skipped(spell)]

    def pause(self, mono: float, wall: datetime, until: datetime) -> list[PolicyEvent]:
        if _seconds(wall, until) <= 0 or self.state is State.IN_BREAK:
            raise IllegalTransition(f"cannot pause until {until} in state {self.state}")
        events: list[PolicyEvent] = []
        if self.state is State.PROMPTED:
            events.append(PromptWithdrawn("paused"))
        self._go(State.PAUSED)
        self.paused_until = until
        self._pause_deadline = mono + _seconds(wall, until)
        self.snooze_until = None
        events.append(Paused(until))
        return events

    def resume(self) -> list[PolicyEvent]:
        self._require(State.PAUSED, "resume")
        self._end_pause()
        return [Resumed(early=True)]

    def start_break(self, trigger: Trigger) -> list[PolicyEvent]:
        events: list[PolicyEvent] = [BreakStarted(trigger, self._spell)]
        self._go(State.IN_BREAK)
        self.snooze_until = None
        self._new_spell()
        return events

    def end_break(self, wall: datetime, completed: bool) -> list[PolicyEvent]:
        """Back to watching, or to the pause that was running when the break began."""
        self._require(State.IN_BREAK, "end_break")
        if self.paused_until is not None and _seconds(wall, self.paused_until) > 0:
            self._go(State.PAUSED)
        else:
            self.paused_until = self._pause_deadline = None
            self._go(State.WATCHING)
        self._spell = 0.0
        return [BreakEnded(completed)]

    # -- internals ------------------------------------------------------------------------

    def call_holds(self, mono: float) -> bool:
        """A call is on, or ended less than the grace period ago."""
        if self._in_call:
            return True
        return self._call_ended_at is not None and mono < self._call_ended_at + CALL_GRACE_SECONDS

    def _note_call(self, mono: float, in_call: bool) -> None:
        if in_call:
            self._in_call, self._call_ended_at = True, None
        elif self._in_call:
            self._in_call, self._call_ended_at = False, mono

    def _go(self, new: State) -> None:
        if new not in TRANSITIONS[self.state]:
            raise IllegalTransition(f"{self.state} → {new} is not allowed")
        self.state = new
        if new is not State.DUE:
            self.due_reason = None

    def _require(self, state: State, action: str) -> None:
        if self.state is not state:
            raise IllegalTransition(f"{action} needs state {state}, not {self.state}")

    def _snooze_for(self, mono: float) -> None:
        self._go(State.SNOOZED)
        self.snooze_until = mono + self.settings.snooze_minutes * 60.0

    def _end_pause(self) -> None:
        self._go(State.WATCHING)
        self.paused_until = self._pause_deadline = None

    def _new_spell(self) -> None:
        self.prompts = 0
        self.snoozes = 0
        self._repeat_used = False
        self._exhausted = False
        self.snooze_until = None


def _seconds(start: datetime, end: datetime) -> float:
    """Through UTC: two datetimes sharing a tzinfo subtract by wall fields, DST unseen."""
    return (end.astimezone(UTC) - start.astimezone(UTC)).total_seconds()
