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
from datetime import datetime
from enum import StrEnum

from deskbreak.core.call_hold import CallHold
from deskbreak.core.clock import seconds_between
from deskbreak.core.machine import IllegalTransition, Machine
from deskbreak.core.policy_events import (
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
    wait_reason,
)
from deskbreak.core.records import Trigger
from deskbreak.core.settings import BreakSettings
from deskbreak.core.spell_prompts import SpellPrompts


class State(StrEnum):
    WATCHING = "watching"  # counting; no prompt wanted yet (or none left for this spell)
    DUE = "due"  # the limit is reached but a prompt must wait (do-not-disturb, off hours)
    PROMPTED = "prompted"  # a prompt is on screen
    SNOOZED = "snoozed"  # a prompt will come back at ``snooze_until``
    PAUSED = "paused"  # the user asked for quiet until ``paused_until``
    IN_BREAK = "in_break"  # a routine is running


class Action(StrEnum):
    """What moves the policy; each public method takes one of these (or two, by case)."""

    HOLD = "hold"  # the limit is reached but the prompt must wait
    PROMPT = "prompt"
    SNOOZE = "snooze"  # a snooze, or the one repeat of an unanswered prompt
    DROP = "drop"  # no prompt is wanted any more (ignored twice, limit raised, cap reached)
    SPELL_END = "end the spell"
    SKIP = "skip"
    PAUSE = "pause"
    RESUME = "resume"
    START_BREAK = "start a break"
    END_BREAK = "end the break"
    BACK_TO_PAUSE = "end the break into its pause"


_OFFERING = (State.DUE, State.PROMPTED, State.SNOOZED)  # a prompt is wanted
_NOT_IN_BREAK = (State.WATCHING, *_OFFERING, State.PAUSED)

#: The whole behaviour; any other (state, action) raises IllegalTransition.
TRANSITIONS: Mapping[tuple[State, Action], State] = {
    (State.WATCHING, Action.HOLD): State.DUE,
    (State.SNOOZED, Action.HOLD): State.DUE,
    (State.WATCHING, Action.PROMPT): State.PROMPTED,
    (State.DUE, Action.PROMPT): State.PROMPTED,
    (State.SNOOZED, Action.PROMPT): State.PROMPTED,
    (State.PROMPTED, Action.SNOOZE): State.SNOOZED,
    **{(state, Action.DROP): State.WATCHING for state in _OFFERING},
    **{(state, Action.SPELL_END): State.WATCHING for state in _OFFERING},
    **{(state, Action.SKIP): State.WATCHING for state in _OFFERING},
    **{(state, Action.PAUSE): State.PAUSED for state in _NOT_IN_BREAK},
    (State.PAUSED, Action.RESUME): State.WATCHING,
    **{(state, Action.START_BREAK): State.IN_BREAK for state in _NOT_IN_BREAK},
    (State.IN_BREAK, Action.END_BREAK): State.WATCHING,
    (State.IN_BREAK, Action.BACK_TO_PAUSE): State.PAUSED,
}


class BreakPolicy:
    """Decides prompts from the spell length; the caller performs every effect."""

    def __init__(self, settings: BreakSettings) -> None:
        self.settings = settings
        self._machine = Machine(TRANSITIONS, State.WATCHING)
        self.paused_until: datetime | None = None
        self.snooze_until: float | None = None
        self._pause_deadline: float | None = None
        self._spell = 0.0
        self._mono: float | None = None
        self.prompts = SpellPrompts()  # the calm rule's count for this spell
        self._call = CallHold()
        self.due_reason: str | None = None  # why a due prompt waits (state DUE only)

    # -- facts for the shell --------------------------------------------------------------

    @property
    def state(self) -> State:
        return self._machine.state

    @property
    def limit_seconds(self) -> float:
        return self.settings.sit_limit_minutes * 60.0

    @property
    def can_snooze(self) -> bool:
        return self.state is State.PROMPTED and self.prompts.snoozes < self.settings.max_snoozes

    @property
    def prompts_left(self) -> int:
        return self.prompts.left(self.settings.max_snoozes)

    def next_deadline(self) -> float | None:
        """Monotonic time of the next thing the policy must do on its own, if any."""
        if self.state is State.SNOOZED:
            return self.snooze_until
        if self.state is State.PAUSED:
            return self._pause_deadline
        if self.state is State.DUE and (release := self._call.release_at()) is not None:
            return release
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
        self._call.note(mono, in_call)
        events: list[PolicyEvent] = []
        if self.state is State.PAUSED:
            assert self.paused_until is not None
            if seconds_between(wall, self.paused_until) > 0:
                self._pause_deadline = mono + seconds_between(wall, self.paused_until)
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
                self._move(Action.DROP)
            return events
        off_hours = not in_work_hours and not self.settings.outside_work_hours
        reason = wait_reason(self._call.holds(mono), dnd, off_hours)
        if reason is not None:
            if self.state is not State.DUE or reason != self.due_reason:
                if self.state is not State.DUE:
                    self._move(Action.HOLD)
                events.append(BreakDue(spell_seconds, reason))
            self.due_reason = reason
            return events
        if not self.prompts_left:  # a snooze or ignore outlived the cap
            self._move(Action.DROP)
            return events
        self._move(Action.PROMPT)
        repeat = self.prompts.show()
        events.append(
            PromptShown(spell_seconds, self.settings.prompt_routine, repeat, self.can_snooze)
        )
        return events

    def spell_ended(self, reason: str = "natural break") -> list[PolicyEvent]:
        """The tracker saw a natural break (or stopped watching): the debt is paid."""
        events: list[PolicyEvent] = []
        if self.state is State.PROMPTED:
            events.append(PromptWithdrawn(reason))
        if self.state in _OFFERING:
            self._move(Action.SPELL_END)
        self._new_spell()
        return events

    # -- what the user does ---------------------------------------------------------------

    def snooze(self, mono: float) -> list[PolicyEvent]:
        if not self.can_snooze:
            raise IllegalTransition(
                self.state, Action.SNOOZE, f"after {self.prompts.snoozes} snoozes"
            )
        self.prompts.snoozes += 1
        self._snooze_for(mono)
        assert self.snooze_until is not None
        left = self.settings.max_snoozes - self.prompts.snoozes
        return [Snoozed(self.prompts.snoozes, left, self.snooze_until)]

    def prompt_ignored(self, mono: float) -> list[PolicyEvent]:
        """The shell saw no answer for a while: repeat once after snooze_minutes, then stop."""
        if self.state is not State.PROMPTED:
            raise IllegalTransition(self.state, Action.DROP, "no prompt is showing")
        if self.prompts.ignored(self.settings.max_snoozes):
            self._snooze_for(mono)
            return [PromptIgnored(will_repeat=True)]
        self._move(Action.DROP)
        return [PromptIgnored(will_repeat=False)]

    def skip(self) -> list[PolicyEvent]:
        """Skip this break: the spell ends (the caller tells the tracker), recorded as skipped."""
        spell = self._spell
        self._move(Action.SKIP)
        self._new_spell()
        return [Skipped(spell)]

    def pause(self, mono: float, wall: datetime, until: datetime) -> list[PolicyEvent]:
        self._machine.check(Action.PAUSE)
        if seconds_between(wall, until) <= 0:
            raise IllegalTransition(self.state, Action.PAUSE, f"{until} has passed")
        events: list[PolicyEvent] = []
        if self.state is State.PROMPTED:
            events.append(PromptWithdrawn("paused"))
        self._move(Action.PAUSE)
        self.paused_until = until
        self._pause_deadline = mono + seconds_between(wall, until)
        self.snooze_until = None
        events.append(Paused(until))
        return events

    def resume(self) -> list[PolicyEvent]:
        self._end_pause()
        return [Resumed(early=True)]

    def start_break(self, trigger: Trigger) -> list[PolicyEvent]:
        events: list[PolicyEvent] = [BreakStarted(trigger, self._spell)]
        self._move(Action.START_BREAK)
        self._new_spell()
        return events

    def end_break(self, wall: datetime, completed: bool) -> list[PolicyEvent]:
        """Back to watching, or to the pause that was running when the break began."""
        self._machine.check(Action.END_BREAK)
        if self.paused_until is not None and seconds_between(wall, self.paused_until) > 0:
            self._move(Action.BACK_TO_PAUSE)
        else:
            self.paused_until = self._pause_deadline = None
            self._move(Action.END_BREAK)
        self._spell = 0.0
        return [BreakEnded(completed)]

    # -- internals ------------------------------------------------------------------------

    def _move(self, action: Action) -> None:
        if self._machine.move(action) is not State.DUE:
            self.due_reason = None

    def _snooze_for(self, mono: float) -> None:
        self._move(Action.SNOOZE)
        self.snooze_until = mono + self.settings.snooze_minutes * 60.0

    def _end_pause(self) -> None:
        self._move(Action.RESUME)
        self.paused_until = self._pause_deadline = None

    def _new_spell(self) -> None:
        """A new spell starts from zero, with the whole calm allowance of prompts."""
        self._spell = 0.0
        self.prompts = SpellPrompts()
        self.snooze_until = None
