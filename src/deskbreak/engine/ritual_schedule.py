"""The daily ritual reminder: on time through the daily jobs, caught up or snoozed otherwise.

Apart from the engine because the ritual has its own clock (a time of day, not a sitting
spell) and its own memory (snoozes, "done today"), kept in
:class:`~deskbreak.core.ritual.RitualReminder`; the engine only asks it when to wake next.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from deskbreak.core.clock import seconds_between
from deskbreak.core.ritual import GRACE, RitualReminder
from deskbreak.core.settings import Settings
from deskbreak.core.workhours import WorkSchedule
from deskbreak.engine.daily_jobs import DailyJobs
from deskbreak.engine.events import EngineEvent, RitualDue

#: A daily reminder found this late (the machine slept through it) is caught up once later
#: that day, in work hours (see deskbreak.core.ritual).
RITUAL_GRACE = GRACE
#: A job still due after running is one the schedule's naive clock disagrees about (the
#: repeated hour of a DST change): look again this much later rather than spin.
JOB_RETRY_SECONDS = 60.0


class RitualSchedule:
    """Emits :class:`RitualDue` on time, once late after a missed time, and after snoozes."""

    def __init__(
        self,
        now: Callable[[], datetime],
        settings: Settings,
        hours: WorkSchedule,
        publish: Callable[[EngineEvent], None],
    ) -> None:
        self._now = now
        self._publish = publish
        self._settings = settings
        self._hours = hours
        self._jobs = DailyJobs(now)
        self._job_at: datetime | None = None  # wall time of the next schedule job
        self._reminder = RitualReminder(settings.ritual.time, settings.breaks.max_snoozes)
        self._plan()

    def apply_settings(self, settings: Settings, hours: WorkSchedule) -> None:
        self._settings, self._hours = settings, hours
        self._reminder.at = settings.ritual.time
        self._reminder.max_snoozes = settings.breaks.max_snoozes
        self._plan()

    def wake(self, now: datetime, in_work: bool) -> None:
        """Run the job if its time has come, then offer a missed or snoozed reminder."""
        if self._job_at is not None and seconds_between(now, self._job_at) <= 0:
            self._jobs.run_due()
            self._job_at = self._jobs.next_run()
        ritual = self._settings.ritual
        if ritual.enabled and self._reminder.due(now, self._is_workday(now), in_work):
            self._publish(RitualDue(ritual.routine))

    def seconds_until_due(self, now: datetime) -> list[float]:
        """Seconds until each thing this schedule waits for (none, one or two)."""
        due: list[float] = []
        snoozed = self._reminder.next_check(now)
        if snoozed is not None:
            due.append(max(0.0, seconds_between(now, snoozed)))
        if self._job_at is not None:
            until_job = seconds_between(now, self._job_at)
            due.append(until_job if until_job > 0 else JOB_RETRY_SECONDS)
        return due

    def snooze(self, minutes: int) -> bool:
        """Ask again after ``minutes`` (a few times a day)."""
        return self._reminder.snooze(self._now(), minutes)

    def done(self, day: date) -> None:
        self._reminder.done(day)

    def close(self) -> None:
        self._jobs.clear()

    def _plan(self) -> None:
        self._jobs.clear()
        ritual = self._settings.ritual
        if ritual.enabled:
            self._jobs.every_day_at(ritual.time, self._on_time)
        self._job_at = self._jobs.next_run()

    def _on_time(self) -> None:
        now = self._now()
        ritual = self._settings.ritual
        if ritual.enabled and self._reminder.on_time(now, self._is_workday(now)):
            self._publish(RitualDue(ritual.routine))

    def _is_workday(self, now: datetime) -> bool:
        return self._hours.shift_on(now.date(), now.tzinfo) is not None
