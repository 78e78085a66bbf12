"""The driver the tray app calls: samples the desktop, steps the core, runs the daily jobs.

Tk-agnostic on purpose (it never imports tkinter): the app calls :meth:`BreakEngine.wake` from one
``after()`` and re-arms it with the seconds ``wake()`` returns, so an idle app wakes only
when something is due — the next idle sample, the next policy deadline or the next daily
job. There is no fixed fast tick. Effects (windows, sounds, log rows) are the caller's:
everything that happens reaches it as an event through ``on_event``.

Threading contract: every method runs on the Tk main thread.

``schedule`` reads ``datetime.now()`` itself. So that its jobs follow the injected clock
(a :class:`FakeClock` in tests) the scheduler only ever runs inside :func:`_scheduler_time`,
which points schedule's ``datetime`` at the clock for the length of the call.
"""

from __future__ import annotations

import contextlib
import datetime as _datetime
import logging
import os
import types
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

import schedule

from deskbreak.core.clock import Clock, SystemClock
from deskbreak.core.policy import (
    BreakPolicy,
    BreakStarted,
    IllegalTransition,
    PolicyEvent,
    PromptShown,
    Skipped,
    Snoozed,
    State,
)
from deskbreak.core.records import DaySitting, Trigger
from deskbreak.core.ritual import GRACE, RitualReminder
from deskbreak.core.settings import WEEKDAYS, Settings
from deskbreak.core.sitting import (
    DayFigures,
    DayRolledOver,
    EndReason,
    Sample,
    SittingTracker,
    SpellEnded,
)
from deskbreak.core.workhours import WorkSchedule
from deskbreak.idle.base import DesktopProbe, IdleSource, IdleUnavailable

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
#: After an idle source fails, count work hours and try the source again this much later.
IDLE_RETRY_SECONDS = 600.0
#: A daily reminder found this late (the machine slept through it) is caught up once later
#: that day, in work hours (see deskbreak.core.ritual).
RITUAL_GRACE = GRACE

_LONG_DAY = dict(
    zip(
        WEEKDAYS,
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        strict=True,
    )
)


# -- the daemon's own events (the core's come from deskbreak.core.policy / .sitting) ----------


@dataclass(frozen=True)
class RitualDue:
    """Time for the daily ritual routine (on workdays, when enabled)."""

    routine_id: str


@dataclass(frozen=True)
class WorkdayStarted:
    day: date


@dataclass(frozen=True)
class WorkdayEnded:
    day: date


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


class BreakEngine:
    """Owns the tracker, the policy and the scheduler; the app owns the windows."""

    def __init__(
        self,
        clock: Clock,
        idle: IdleSource | None,
        probe: DesktopProbe | None,
        settings: Settings,
        on_event: Callable[[object], None],
    ) -> None:
        self._clock = clock
        self._zone = _local_zone() if isinstance(clock, SystemClock) else None
        self._idle = idle
        self._probe = probe
        self._emit = on_event
        self._settings = settings
        self._hours = WorkSchedule(settings.schedule)
        self._policy = BreakPolicy(settings.breaks)
        self._tracker = SittingTracker(settings.breaks.idle_reset_minutes * 60.0, self._day_of)
        self._scheduler = schedule.Scheduler()
        self._schedule_shim = _clock_module(self._now)
        self._idle_problem: str | None = None
        self._idle_failed_at: float | None = None
        self._dnd = False
        self._watching = False
        self._counts = DaySitting(date.min)
        self._job_at: datetime | None = None  # wall time of the next schedule job
        self._ritual = RitualReminder(settings.ritual.time, settings.breaks.max_snoozes)
        self._plan_jobs()

    # -- the one entry point of time ------------------------------------------------------

    def wake(self) -> float:
        """Do everything due now; return the seconds until the next call is needed."""
        mono, now = self._clock.monotonic(), self._now()
        if self._job_at is not None and _seconds_between(now, self._job_at) <= 0:
            with self._scheduler_time():
                self._scheduler.run_pending()
            self._job_at = self._next_job(now)
        in_work = self._hours.is_work_time(now)
        self._ritual_catch_up(now, in_work)
        watching = in_work or self._settings.breaks.outside_work_hours
        if self._policy.state is not State.IN_BREAK:
            if watching:
                self._sample(mono, now)
            elif self._watching:
                self._publish(self._spell_over(self._tracker.interrupt(now)))
            self._watching = watching
        self._publish(self._policy.step(mono, now, self._tracker.spell_seconds, in_work, self._dnd))
        return self.seconds_until_due()

    def seconds_until_due(self) -> float:
        """Seconds until :meth:`wake` must run again; call after a command to re-arm."""
        mono, now = self._clock.monotonic(), self._now()
        due = [MAX_SLEEP_SECONDS, _seconds_between(now, self._hours.next_change(now))]
        if self._watching and self._policy.state is not State.IN_BREAK:
            due.append(self.sample_interval)
        deadline = self._policy.next_deadline()
        if deadline is not None:
            due.append(deadline - mono)
        snoozed = self._ritual.next_check(now)
        if snoozed is not None:
            due.append(max(0.0, _seconds_between(now, snoozed)))
        job = self._job_at
        if job is not None:
            # A job still due here is one schedule's naive clock disagrees about (the
            # repeated hour of a DST change): look again later rather than spin.
            until_job = _seconds_between(now, job)
            due.append(until_job if until_job > 0 else MAX_SAMPLE_SECONDS)
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
        self._ritual.at = settings.ritual.time
        self._ritual.max_snoozes = settings.breaks.max_snoozes
        self._plan_jobs()

    def close(self) -> None:
        self._scheduler.clear()
        if self._idle is not None:
            self._idle.close()

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
        if minutes is None:
            until = self._hours.next_start(now)
        else:
            until = (now.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(now.tzinfo)
        return self._command(lambda: self._policy.pause(self._clock.monotonic(), now, until))

    def resume(self) -> bool:
        return self._command(self._policy.resume)

    def snooze_ritual(self) -> bool:
        """Ask about the daily ritual again after the snooze length (a few times a day)."""
        return self._ritual.snooze(self._now(), self._settings.breaks.snooze_minutes)

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
            idle_source_name=None if self._idle is None or self._idle_problem else self._idle.name,
            idle_problem=self._idle_problem,
            can_snooze=self._policy.can_snooze,
            dnd=self._dnd,
            today=self._today(self._tracker.today),
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
                if isinstance(event, BreakStarted):
                    self._tracker.interrupt(now)  # no sampling during the routine
                self._publish([event])
                if ended is not None:
                    self._publish([ended])
            else:
                self._publish([event])
        return True

    def _sample(self, mono: float, now: datetime) -> None:
        idle = self._read_idle(mono)
        locked = False
        if self._probe is not None:
            try:
                self._dnd = self._near_prompt() and bool(self._probe.fullscreen_active())
                locked = self._probe.screen_locked() is True
            except Exception:  # best effort: a desktop fact we cannot read is "no"
                log.debug("desktop probe failed", exc_info=True)
                self._dnd = False
        for event in self._tracker.feed(Sample(mono, now, idle, locked)):
            if isinstance(event, DayRolledOver):
                figures = self._today(event.previous)
                self._counts = DaySitting(date.min)
                self._publish([DayClosed(figures)])
            else:
                self._publish(self._spell_over(event))

    def _near_prompt(self) -> bool:
        """Full screen matters only when a prompt could be shown before the next sample;
        asking the X server on every sample would cost a round trip for nothing."""
        if self._policy.state in (State.DUE, State.PROMPTED, State.SNOOZED):
            return True
        return self._tracker.spell_seconds + self.sample_interval >= self._policy.limit_seconds

    def _spell_over(self, ended: SpellEnded | None) -> list[object]:
        if ended is None:
            return []
        reason = "work hours ended" if ended.reason is EndReason.STOPPED else "natural break"
        return [ended, *self._policy.spell_ended(reason)]

    def _read_idle(self, mono: float) -> float | None:
        if self._idle is None:
            return None
        if self._idle_failed_at is not None and mono < self._idle_failed_at + IDLE_RETRY_SECONDS:
            return None
        try:
            seconds = self._idle.idle_seconds()
        except IdleUnavailable as error:
            problem = str(error) or "the idle source stopped answering"
            if self._idle_problem is None:
                log.warning("idle source %s failed: %s", self._idle.name, problem)
                self._publish([IdleSourceChanged(None, problem)])
            self._idle_problem, self._idle_failed_at = problem, mono
            return None
        if self._idle_problem is not None:
            self._idle_problem = self._idle_failed_at = None
            self._publish([IdleSourceChanged(self._idle.name, None)])
        return seconds

    def _publish(self, events: Iterable[object]) -> None:
        for event in events:
            if isinstance(event, PromptShown):
                self._counts = replace(self._counts, prompts_shown=self._counts.prompts_shown + 1)
            elif isinstance(event, Snoozed):
                self._counts = replace(
                    self._counts, prompts_snoozed=self._counts.prompts_snoozed + 1
                )
            elif isinstance(event, Skipped):
                self._counts = replace(
                    self._counts, prompts_skipped=self._counts.prompts_skipped + 1
                )
            elif isinstance(event, BreakStarted) and event.trigger is Trigger.PROMPT:
                self._counts = replace(
                    self._counts, prompts_accepted=self._counts.prompts_accepted + 1
                )
            self._emit(event)

    def _today(self, figures: DayFigures) -> DaySitting:
        return replace(
            self._counts,
            day=figures.day,
            sitting_seconds=figures.sitting_seconds,
            longest_spell_seconds=figures.longest_spell_seconds,
            natural_breaks=figures.natural_breaks,
        )

    def _day_of(self, wall: datetime) -> date:
        """Figures belong to the workday a shift started on, else to the calendar day."""
        return self._hours.current_workday(wall) or wall.date()

    def _now(self) -> datetime:
        now = self._clock.now()
        return now.astimezone(self._zone) if self._zone is not None else now

    # -- the daily jobs, through a private schedule.Scheduler ------------------------------

    def _plan_jobs(self) -> None:
        self._scheduler.clear()
        with self._scheduler_time():
            ritual = self._settings.ritual
            if ritual.enabled:
                self._scheduler.every().day.at(f"{ritual.time:%H:%M}").do(self._ritual_job)
            plan = self._settings.schedule
            for day in plan.workdays:
                hours = plan.hours_for(day)
                if hours.start == hours.end:
                    continue
                end_day = (
                    day if hours.end > hours.start else WEEKDAYS[(WEEKDAYS.index(day) + 1) % 7]
                )
                self._every(day).at(f"{hours.start:%H:%M}").do(self._workday_start_job)
                self._every(end_day).at(f"{hours.end:%H:%M}").do(self._workday_end_job)
        self._job_at = self._next_job(self._now())

    def _every(self, weekday: str) -> schedule.Job:
        job: schedule.Job = getattr(self._scheduler.every(), _LONG_DAY[weekday])
        return job

    def _ritual_job(self) -> None:
        now = self._now()
        ritual = self._settings.ritual
        workday = self._hours.shift_on(now.date(), now.tzinfo) is not None
        if ritual.enabled and self._ritual.on_time(now, workday):
            self._publish([RitualDue(ritual.routine)])

    def _ritual_catch_up(self, now: datetime, in_work: bool) -> None:
        """A reminder missed (off, asleep, not running) or snoozed: offer it once now."""
        ritual = self._settings.ritual
        if not ritual.enabled:
            return
        workday = self._hours.shift_on(now.date(), now.tzinfo) is not None
        if self._ritual.due(now, workday, in_work):
            self._publish([RitualDue(ritual.routine)])

    def _workday_start_job(self) -> None:
        day = self._hours.current_workday(self._now())
        if day is not None:
            self._publish([WorkdayStarted(day)])

    def _workday_end_job(self) -> None:
        day = self._hours.current_workday(self._now() - timedelta(minutes=1))
        if day is not None:
            self._publish([WorkdayEnded(day)])

    def _next_job(self, now: datetime) -> datetime | None:
        """The next job's wall time, placed in the local zone so DST is right."""
        naive: datetime | None = self._scheduler.next_run
        if naive is None:
            return None
        return naive.replace(tzinfo=now.tzinfo)

    @contextlib.contextmanager
    def _scheduler_time(self) -> Iterator[None]:
        saved = schedule.datetime  # type: ignore[attr-defined]
        schedule.datetime = self._schedule_shim  # type: ignore[attr-defined,assignment]
        try:
            yield
        finally:
            schedule.datetime = saved  # type: ignore[attr-defined]


def _clock_module(now: Callable[[], datetime]) -> types.SimpleNamespace:
    """A stand-in for the ``datetime`` module whose ``datetime.now()`` reads our clock."""

    class ClockDatetime(_datetime.datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> _datetime.datetime:  # type: ignore[override]
            moment = now()
            return moment.astimezone(tz) if tz is not None else moment.replace(tzinfo=None)

    names = {name: getattr(_datetime, name) for name in dir(_datetime) if not name.startswith("__")}
    names["datetime"] = ClockDatetime
    return types.SimpleNamespace(**names)


def _seconds_between(start: datetime, end: datetime) -> float:
    """Through UTC: two datetimes sharing a tzinfo subtract by wall fields alone."""
    return (end.astimezone(UTC) - start.astimezone(UTC)).total_seconds()


def _local_zone() -> tzinfo | None:
    """This machine's zone with its DST rules (``astimezone()`` gives only today's offset)."""
    key = os.environ.get("TZ", "").lstrip(":")
    with contextlib.suppress(Exception):
        if key:
            return ZoneInfo(key)
        with open("/etc/localtime", "rb") as file:
            return ZoneInfo.from_file(file)
    return None
