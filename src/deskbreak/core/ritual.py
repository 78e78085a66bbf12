"""When the daily ritual reminder shows: on time, caught up once, or after a snooze.

The reminder is a fixed time on workdays. One missed because the computer was off, asleep
or deskbreak wasn't running is offered once when deskbreak next runs that day, within work
hours (never at night). "Snooze" asks again after the snooze length, a few times at most.
Pure: the break engine feeds it the time and the day's facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

GRACE = timedelta(hours=1)  # shown this late counts as on time


def reminder_text(minutes: int, routine_name: str, anchor: str) -> str:
    """What the reminder says, tied to the user's habit: "after my morning coffee"."""
    habit = f"{anchor.strip()}: " if anchor.strip() else ""
    text = (
        f"{habit}your {minutes}-minute {routine_name.lower()} — soften, organize, strengthen. "
        "Ready when you are."
    )
    return text[:1].upper() + text[1:]


@dataclass
class RitualReminder:
    """The day's reminder state: shown, snoozed, or done."""

    at: time
    max_snoozes: int = 2
    offered_on: date | None = None
    done_on: date | None = None
    snoozed_until: datetime | None = None
    snoozes: int = 0
    _day: date | None = field(default=None, repr=False)

    def planned(self, now: datetime) -> datetime:
        return now.replace(hour=self.at.hour, minute=self.at.minute, second=0, microsecond=0)

    def on_time(self, now: datetime, workday: bool) -> bool:
        """The scheduled moment came (maybe a little late): show it unless shown today."""
        self._new_day(now.date())
        late = (now - self.planned(now)).total_seconds()
        if not workday or self._settled(now.date()) or not 0 <= late <= GRACE.total_seconds():
            return False
        self.offered_on = now.date()
        return True

    def due(self, now: datetime, workday: bool, in_work_hours: bool) -> bool:
        """A snooze that ran out, or a missed reminder caught up once: show it now."""
        self._new_day(now.date())
        if not workday or self.done_on == now.date():
            return False
        if self.snoozed_until is not None:
            if now < self.snoozed_until:
                return False
            self.snoozed_until = None
            self.offered_on = now.date()
            return True
        if self._settled(now.date()) or now < self.planned(now) or not in_work_hours:
            return False
        self.offered_on = now.date()
        return True

    def snooze(self, now: datetime, minutes: int) -> bool:
        """Ask again in ``minutes``; False once the day's snoozes are used up."""
        if self.snoozes >= self.max_snoozes:
            return False
        self.snoozes += 1
        self.snoozed_until = now + timedelta(minutes=minutes)
        return True

    def done(self, day: date) -> None:
        """The ritual was done (or its reminder answered) today: nothing more until tomorrow."""
        self.done_on = day
        self.snoozed_until = None

    def next_check(self, now: datetime) -> datetime | None:
        """When :meth:`due` can next say yes without a new fact (a snooze running out)."""
        return self.snoozed_until

    def _settled(self, day: date) -> bool:
        return self.offered_on == day or self.done_on == day

    def _new_day(self, day: date) -> None:
        if self._day != day:
            self._day = day
            self.snoozes = 0
            if self.snoozed_until is not None and self.snoozed_until.date() != day:
                self.snoozed_until = None
