"""The driver the tray app calls: samples the desktop, steps the core, runs the daily jobs.

Tk-agnostic on purpose (it never imports tkinter): the app calls :meth:`BreakEngine.wake` from one
``after()`` and re-arms it with the seconds ``wake()`` returns, so an idle app wakes only
when something is due — the next idle sample, the next policy deadline or the next daily
job. There is no fixed fast tick. Effects (windows, sounds, log rows) are the caller's:
everything that happens reaches it as an event through ``on_event``.

Threading contract: every method runs on the Tk main thread.

Its parts: :class:`~deskbreak.engine.idle_reader.IdleReader` (the idle source and its
retries), :class:`~deskbreak.engine.event_outlet.EventOutlet` (the one way out for events,
with today's prompt counters) and :class:`~deskbreak.engine.ritual_schedule.RitualSchedule`
(the daily ritual, through ``schedule`` on the engine's own clock); the core holds the rules.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime

from deskbreak.core.clock import Clock, SystemClock, seconds_between
from deskbreak.core.context import Context, holds_prompt, still_sitting
from deskbreak.core.machine import IllegalTransition
from deskbreak.core.policy import BreakPolicy, State
from deskbreak.core.policy_events import BreakStarted, PolicyEvent, Skipped
from deskbreak.core.records import Trigger
from deskbreak.core.settings import Settings
from deskbreak.core.sitting import EndReason, SittingTracker, SpellEnded
from deskbreak.core.sitting_day import DayRolledOver
from deskbreak.core.sitting_sample import Sample
from deskbreak.core.workhours import WorkSchedule
from deskbreak.engine.context_watch import ContextWatch
from deskbreak.engine.desk_reader import DeskReader
from deskbreak.engine.event_outlet import EventOutlet
from deskbreak.engine.events import EngineEvent, EngineStatus
from deskbreak.engine.idle_reader import IdleReader
from deskbreak.engine.local_time import local_zone, minutes_later
from deskbreak.engine.ritual_schedule import RitualSchedule
from deskbreak.engine.were_you_up import WereYouUp
from deskbreak.idle.base import DesktopProbe, IdleSource

log = logging.getLogger(__name__)

#: Idle time is sampled at least this often, and four times per idle_reset at most, so a
#: natural break is seen within a quarter of its length. Each Tk wake costs two threads a
#: context switch (Tcl's notifier, the main loop): at 30 s the samples alone were 0.13
#: wake-ups a second of the 0.2 budget; prompts are timed by the policy's own deadline.
MAX_SAMPLE_SECONDS = 60.0
#: Longest sleep even when nothing is due: the wall clock may have been set meanwhile.
MAX_SLEEP_SECONDS = 3600.0
#: Shortest sleep, so a deadline met a hair late cannot make the caller spin.
MIN_SLEEP_SECONDS = 0.5


class BreakEngine:
    """Owns the tracker, the policy and the scheduler; the app owns the windows."""

    def __init__(
        self,
        clock: Clock,
        idle: IdleSource | None,
        probe: DesktopProbe | None,
        settings: Settings,
        on_event: Callable[[EngineEvent], None],
        context: ContextWatch | None = None,
    ) -> None:
        self._clock = clock
        self._zone = local_zone() if isinstance(clock, SystemClock) else None
        self._settings = settings
        self._hours = WorkSchedule(settings.schedule)
        self._policy = BreakPolicy(settings.breaks)
        self._tracker = SittingTracker(settings.breaks.idle_reset_minutes * 60.0, self._day_of)
        self._gaps = WereYouUp(self._tracker)
        self._out = EventOutlet(on_event, self._gaps)
        self._idle = IdleReader(idle, self._out.publish)
        self._desk = DeskReader(probe, context)
        self._dnd = False
        self._context = Context()
        self._watching = False
        self._ritual = RitualSchedule(self._now, settings, self._hours, self._out.publish)

    # -- the one entry point of time ------------------------------------------------------

    def wake(self) -> float:
        """Do everything due now; return the seconds until the next call is needed."""
        mono, now = self._clock.monotonic(), self._now()
        in_work = self._hours.is_work_time(now)
        self._ritual.wake(now, in_work)
        watching = in_work or self._settings.breaks.outside_work_hours
        if self._policy.state is not State.IN_BREAK:
            if watching:
                self._sample(mono, now)
            elif self._watching:
                self._out.publish(*self._spell_over(self._tracker.interrupt(now)))
            self._watching = watching
        in_call = watching and holds_prompt(self._context, self._settings.context)
        self._out.publish(
            *self._policy.step(mono, now, self._tracker.spell_seconds, in_work, self._dnd, in_call)
        )
        return self.seconds_until_due()

    def seconds_until_due(self) -> float:
        """Seconds until :meth:`wake` must run again; call after a command to re-arm."""
        mono, now = self._clock.monotonic(), self._now()
        due = [MAX_SLEEP_SECONDS, seconds_between(now, self._hours.next_change(now))]
        if self._watching and self._policy.state is not State.IN_BREAK:
            due.append(self.sample_interval)
        deadline = self._policy.next_deadline()
        if deadline is not None:
            due.append(deadline - mono)
        due.extend(self._ritual.seconds_until_due(now))
        return max(MIN_SLEEP_SECONDS, min(due))

    @property
    def sample_interval(self) -> float:
        return min(MAX_SAMPLE_SECONDS, self._settings.breaks.idle_reset_minutes * 60.0 / 4)

    def apply_settings(self, settings: Settings) -> None:
        """New settings take effect at once; the current spell and state are kept."""
        self._settings = settings
        self._hours = WorkSchedule(settings.schedule)
        self._policy.apply_settings(settings.breaks)
        self._tracker.idle_reset_seconds = settings.breaks.idle_reset_minutes * 60.0
        self._ritual.apply_settings(settings, self._hours)

    def close(self) -> None:
        self._ritual.close()
        self._idle.close()
        self._desk.close()

    # -- what the user does (each returns False when it makes no sense now) ---------------

    def take_break(self, trigger: Trigger = Trigger.TRAY) -> bool:
        """A routine starts: the spell ends and sampling stops until :meth:`break_finished`."""
        return self._command(lambda: self._policy.start_break(trigger))

    def break_finished(self, completed: bool) -> bool:
        return self._command(lambda: self._policy.end_break(self._now(), completed))

    def snooze(self) -> bool:
        return self._command(lambda: self._policy.snooze(self._clock.monotonic()))

    def skip(self) -> bool:
        return self._command(self._policy.skip)

    def pause(self, minutes: int | None) -> bool:
        """Pause prompts for ``minutes``, or until the next workday starts when None."""
        now = self._now()
        until = self._hours.next_start(now) if minutes is None else minutes_later(now, minutes)
        return self._command(lambda: self._policy.pause(self._clock.monotonic(), now, until))

    def resume(self) -> bool:
        return self._command(self._policy.resume)

    def answer_were_you_up(self, was_up: bool) -> bool:
        """The answer to "Were you up just now?": remembered for that kind of gap; "no, I was
        here" also joins the spell before the gap, and the gap, to the current one."""
        return self._gaps.answer(was_up)

    def snooze_ritual(self) -> bool:
        """Ask about the daily ritual again after the snooze length (a few times a day)."""
        return self._ritual.snooze(self._settings.breaks.snooze_minutes)

    def ritual_done(self) -> None:
        """The ritual was done or its reminder answered today: no catch-up, no repeat."""
        self._ritual.done(self._now().date())

    def prompt_ignored(self) -> bool:
        return self._command(lambda: self._policy.prompt_ignored(self._clock.monotonic()))

    def status(self) -> EngineStatus:
        now = self._now()
        return EngineStatus(
            state=self._policy.state,
            spell_seconds=self._tracker.spell_seconds,
            limit_seconds=self._policy.limit_seconds,
            paused_until=self._policy.paused_until,
            in_work_hours=self._hours.is_work_time(now),
            idle_source_name=self._idle.working_name,
            idle_problem=self._idle.problem,
            can_snooze=self._policy.can_snooze,
            dnd=self._dnd,
            today=self._out.today(self._tracker.today),
            due_reason=self._policy.due_reason,
            context=self._context,
        )

    # -- internals ------------------------------------------------------------------------

    def _command(self, action: Callable[[], list[PolicyEvent]]) -> bool:
        try:
            events = action()
        except IllegalTransition as error:
            log.info("command refused: %s", error)
            return False
        now = self._now()
        for event in events:
            if isinstance(event, BreakStarted | Skipped):
                reason = EndReason.BREAK if isinstance(event, BreakStarted) else EndReason.SKIPPED
                ended = self._tracker.end_spell(now, reason)
                if ended is not None:
                    self._gaps.spell_ended(ended)
                if isinstance(event, BreakStarted):
                    self._tracker.interrupt(now)  # no sampling during the routine
                self._out.publish(event)
                if ended is not None:
                    self._out.publish(ended)
            else:
                self._out.publish(event)
        return True

    def _sample(self, mono: float, now: datetime) -> None:
        idle = self._idle.read(mono)
        near, interval = self._near_prompt(), self.sample_interval
        desk = self._desk.read(
            mono, idle, self._settings, near_prompt=near, sample_interval=interval
        )
        self._dnd, self._context, locked = desk.dnd, desk.context, desk.locked
        present = still_sitting(self._context, self._settings.context)
        for event in self._tracker.feed(Sample(mono, now, idle, locked, present)):
            if isinstance(event, DayRolledOver):
                self._out.close_day(event.previous)
            else:
                self._out.publish(*self._spell_over(event))
        self._gaps.input_back(now, self._settings.context.ask_when_unsure)

    def _near_prompt(self) -> bool:
        """Full screen matters only when a prompt could be shown before the next sample;
        asking the X server on every sample would cost a round trip for nothing."""
        if self._policy.state in (State.DUE, State.PROMPTED, State.SNOOZED):
            return True
        return self._tracker.spell_seconds + self.sample_interval >= self._policy.limit_seconds

    def _spell_over(self, ended: SpellEnded | None) -> list[EngineEvent]:
        if ended is None:
            return []
        self._gaps.spell_ended(ended)
        reason = "work hours ended" if ended.reason is EndReason.STOPPED else "natural break"
        return [ended, *self._policy.spell_ended(reason)]

    def _day_of(self, wall: datetime) -> date:
        """Figures belong to the workday a shift started on, else to the calendar day."""
        return self._hours.current_workday(wall) or wall.date()

    def _now(self) -> datetime:
        now = self._clock.now()
        return now.astimezone(self._zone) if self._zone is not None else now
