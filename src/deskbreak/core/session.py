"""A guided break as a pure state machine: what to do now, and for how many seconds.

Everything the window shows is computed from *active* time (time spent RUNNING) read
from the injected clock, so a whole routine runs in a test in milliseconds and a
window that stops redrawing never loses its place. Each movement is laid out as a
timeline (:mod:`deskbreak.core.timeline`) and :meth:`BreakSession.frame` looks the
time up in it.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum

from deskbreak.core.active_time import ActiveTime
from deskbreak.core.clock import Clock
from deskbreak.core.machine import Machine
from deskbreak.core.movements import Movement, Routine, Step
from deskbreak.core.records import Comfort, SessionRecord, Trigger, felt_places
from deskbreak.core.session_frame import Frame, State, frame_at, plan_seconds
from deskbreak.core.session_visits import VisitLog
from deskbreak.core.settings import BreathingSettings
from deskbreak.core.timeline import plan_step


class Action(StrEnum):
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    NEXT = "next"
    PREVIOUS = "previous"
    STOP = "stop"
    PAIN_STOP = "pain_stop"
    EASIER = "easier"
    END = "end"  # the last movement ran out (internal)
    RATE = "rate"
    CLOSE = "close"


_LIVE = (State.READY, State.RUNNING, State.PAUSED, State.PAIN_STOPPED, State.RATING)

TRANSITIONS: Mapping[tuple[State, Action], State] = {
    (State.READY, Action.START): State.RUNNING,
    (State.READY, Action.STOP): State.RATING,
    (State.RUNNING, Action.PAUSE): State.PAUSED,
    (State.PAUSED, Action.RESUME): State.RUNNING,
    (State.RUNNING, Action.NEXT): State.RUNNING,
    (State.PAUSED, Action.NEXT): State.PAUSED,
    (State.PAIN_STOPPED, Action.NEXT): State.RUNNING,
    (State.RUNNING, Action.PREVIOUS): State.RUNNING,
    (State.PAUSED, Action.PREVIOUS): State.PAUSED,
    (State.RUNNING, Action.STOP): State.RATING,
    (State.PAUSED, Action.STOP): State.RATING,
    (State.PAIN_STOPPED, Action.STOP): State.RATING,
    (State.RUNNING, Action.PAIN_STOP): State.PAIN_STOPPED,
    (State.PAUSED, Action.PAIN_STOP): State.PAIN_STOPPED,
    (State.PAIN_STOPPED, Action.EASIER): State.RUNNING,
    (State.RUNNING, Action.END): State.RATING,
    (State.PAUSED, Action.END): State.RATING,
    (State.PAIN_STOPPED, Action.END): State.RATING,
    (State.RATING, Action.RATE): State.FINISHED,
    **{(state, Action.CLOSE): State.FINISHED for state in _LIVE},
}


class BreakSession:
    """One break over a routine, driven by ``tick()`` / ``advance_to(monotonic)``."""

    def __init__(
        self,
        routine: Routine,
        breathing: BreathingSettings,
        clock: Clock,
        *,
        trigger: Trigger = Trigger.COMMAND,
        session_id: str | None = None,
    ) -> None:
        if not routine.steps:
            raise ValueError(f"routine {routine.id!r} has no movements")
        self.routine = routine
        self.breathing = breathing
        self.clock = clock
        self.trigger = trigger
        self.id = session_id or str(uuid.uuid4())
        self._machine = Machine(TRANSITIONS, State.READY)
        self.steps: list[Step] = list(routine.steps)
        self._plans = [plan_step(s, breathing) for s in self.steps]
        self.index = 0
        self._time = ActiveTime(clock.monotonic())
        self._visits = VisitLog()
        self._reached_end = False
        self.started: datetime = clock.now()
        self.ended: datetime | None = None
        self.comfort: Comfort | None = None
        self.felt_in: tuple[str, ...] = ()

    # -- time -----------------------------------------------------------------

    def tick(self) -> Frame:
        return self.advance_to(self.clock.monotonic())

    def advance_to(self, now: float) -> Frame:
        """Move to monotonic time ``now``; completes the movements whose time ran out."""
        self._time.advance(now)
        while self.state is State.RUNNING and self._time.in_step >= self._step_length():
            self._account(completed=True)
            self._time.step_from += self._step_length()
            self._visits.new_step()
            if self.index + 1 >= len(self.steps):
                self._end(Action.END)
            else:
                self.index += 1
        return self.frame()

    def _step_length(self) -> float:
        return plan_seconds(self._plans[self.index])

    # -- operations -----------------------------------------------------------

    def start(self) -> Frame:
        self._machine.move(Action.START)
        self.started = self.clock.now()
        self._time.run(self.clock.monotonic())
        return self.frame()

    def pause(self) -> Frame:
        self.tick()
        self._machine.move(Action.PAUSE)
        self._time.stop()
        return self.frame()

    def resume(self) -> Frame:
        self._machine.move(Action.RESUME)
        self._time.run(max(self.clock.monotonic(), self._time.now))
        return self.frame()

    def toggle_pause(self) -> Frame:
        return self.pause() if self.state is State.RUNNING else self.resume()

    def next(self) -> Frame:
        """Skip to the next movement (from the pain note too); after the last, the end."""
        self.tick()
        self._machine.check(Action.NEXT)
        self._account()
        if self.index + 1 >= len(self.steps):
            return self._end(Action.END)
        self._machine.move(Action.NEXT)
        self._enter(self.index + 1)
        return self.frame()

    def previous(self) -> Frame:
        """Back to the start of the previous movement (or of the first one)."""
        self.tick()
        self._machine.move(Action.PREVIOUS)
        self._account()
        self._enter(max(self.index - 1, 0))
        return self.frame()

    def stop(self) -> Frame:
        self.tick()
        self._machine.check(Action.STOP)
        if self.state is not State.PAIN_STOPPED:
            self._account()
        return self._end(Action.STOP)

    def pain_stop(self) -> Frame:
        """Sharp pain: this movement ends at once and is recorded as a pain stop."""
        self.tick()
        self._machine.move(Action.PAIN_STOP)
        self._time.stop()
        self._account(pain=True)
        return self.frame()

    def use_easier(self, movement: Movement) -> Frame:
        """After a pain stop: redo this place in the routine with the easier variant."""
        self._machine.move(Action.EASIER)
        step = Step(movement, variant="easier", dose=self.steps[self.index].dose)
        self.steps[self.index] = step
        self._plans[self.index] = plan_step(step, self.breathing)
        self._enter(self.index)
        self._time.run(max(self.clock.monotonic(), self._time.now))
        return self.frame()

    def rate(self, comfort: Comfort | int, felt_in: tuple[str, ...] = ()) -> Frame:
        """The comfort check; ``felt_in`` as :func:`~deskbreak.core.records.felt_places` takes it."""
        self._machine.check(Action.RATE)
        self.felt_in, self.comfort = felt_places(felt_in), Comfort(comfort)
        self._machine.move(Action.RATE)
        return self.frame()

    def close(self) -> Frame:
        """The window closed: keep what was done so far and finish."""
        if self.state is State.FINISHED:
            return self.frame()
        self.tick()
        if self.state in (State.RUNNING, State.PAUSED):
            self._account()
        self._time.stop()
        if self.ended is None:
            self.ended = self.clock.now()
        self._machine.move(Action.CLOSE)
        return self.frame()

    # -- state helpers ----------------------------------------------------------

    @property
    def state(self) -> State:
        return self._machine.state

    def can(self, action: Action) -> bool:
        return self._machine.can(action)

    def _enter(self, index: int) -> None:
        self._time.new_step(running=self.state is State.RUNNING)
        self.index = index
        self._visits.new_step()

    def _end(self, action: Action) -> Frame:
        self._time.stop()
        self._machine.move(action)
        self._reached_end = action is Action.END
        self.ended = self.clock.now()
        return self.frame()

    def _moving(self) -> float:
        """Seconds of the current step spent moving (after its get-ready), up to its end."""
        in_step = min(self._time.in_step, self._step_length())
        return max(in_step - self._plans[self.index][0].seconds, 0.0)

    def _account(self, *, completed: bool = False, pain: bool = False) -> None:
        """Log the current step's moving time so far in its visit."""
        step = self.steps[self.index]
        self._visits.log_moving(self.index, step, self._moving(), completed=completed, pain=pain)

    # -- views ----------------------------------------------------------------------

    def frame(self) -> Frame:
        return frame_at(self.state, self.steps, self._plans, self.index, self._time.in_step)

    @property
    def movements_done(self) -> int:
        return self._visits.completed

    def record(self) -> SessionRecord:
        """What was done so far, at any moment (the window may close mid-movement)."""
        self.tick()
        visits = self._visits.copy()
        if self.state in (State.RUNNING, State.PAUSED):
            visits.log_moving(self.index, self.steps[self.index], self._moving(), completed=False)
        return SessionRecord(
            id=self.id,
            started=self.started,
            ended=self.ended or self.clock.now(),
            routine_id=self.routine.id,
            trigger=self.trigger,
            outcome=visits.outcome(self._reached_end),
            movements=visits.records(),
            comfort=self.comfort,
            felt_in=self.felt_in,
        )
