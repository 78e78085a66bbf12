"""Jobs at a time of day (the daily ritual), run by ``schedule`` on the engine's clock.

``schedule`` asks ``datetime.datetime.now()`` itself, through its module's ``datetime``
name, and has no parameter for a clock. So that its jobs follow the injected clock (a
FakeClock that runs a whole day in milliseconds in tests), this adapter loads a private
instance of the ``schedule`` module whose ``datetime`` reads that clock. The shared
``schedule`` module, and anybody else using it, is never touched.
"""

from __future__ import annotations

import datetime as _datetime
import importlib.util
import types
from collections.abc import Callable
from datetime import datetime, time, tzinfo
from typing import Any


class DailyJobs:
    """``every_day_at(time, job)``; :meth:`run_due` runs what is due; :meth:`next_run` says when."""

    def __init__(self, now: Callable[[], datetime]) -> None:
        self._now = now
        self._schedule = _private_schedule(now)
        self._scheduler: Any = self._schedule.Scheduler()

    def every_day_at(self, at: time, job: Callable[[], object]) -> None:
        self._scheduler.every().day.at(f"{at:%H:%M}").do(job)

    def clear(self) -> None:
        self._scheduler.clear()

    def run_due(self) -> None:
        self._scheduler.run_pending()

    def next_run(self) -> datetime | None:
        """The next job's wall time, in the zone of the clock's ``now()`` (so DST is right)."""
        naive: datetime | None = self._scheduler.next_run
        if naive is None:
            return None
        return naive.replace(tzinfo=self._now().tzinfo)


def _private_schedule(now: Callable[[], datetime]) -> types.ModuleType:
    spec = importlib.util.find_spec("schedule")
    if spec is None or spec.loader is None:
        raise ImportError("the schedule package is not installed")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.datetime = _clock_module(now)  # type: ignore[attr-defined]
    return module


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
