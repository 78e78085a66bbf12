"""The daemon: wake intervals, daily jobs, commands, idle-source failure, status."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import schedule

from deskbreak.core.clock import FakeClock
from deskbreak.core.policy import State
from deskbreak.core.policy_events import BreakDue, Paused, PromptShown, Resumed
from deskbreak.core.records import Trigger
from deskbreak.core.settings import BreakSettings, RitualSettings, Settings
from deskbreak.engine.break_engine import (
    MAX_SAMPLE_SECONDS,
    MAX_SLEEP_SECONDS,
    BreakEngine,
)
from deskbreak.engine.events import IdleSourceChanged, RitualDue
from deskbreak.engine.idle_reader import IDLE_RETRY_SECONDS
from tests.core.activity import FakeProbe, Recorder, ScriptedIdle, run_until

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = date(2026, 3, 2)


# These tests place the ritual at 08:00, before the workday (the default is 09:30, inside it).
EARLY_RITUAL = Settings(ritual=RitualSettings(time=time(8, 0)))


def make(
    hour: int = 10,
    minute: int = 0,
    settings: Settings | None = None,
    idle: bool = True,
    probe: FakeProbe | None = None,
) -> tuple[BreakEngine, FakeClock, ScriptedIdle, Recorder]:
    clock = FakeClock(datetime.combine(MONDAY, time(hour, minute), tzinfo=BERLIN), tz=BERLIN)
    source = ScriptedIdle(clock)
    events = Recorder(clock)
    daemon = BreakEngine(clock, source if idle else None, probe, settings or EARLY_RITUAL, events)
    return daemon, clock, source, events


def wall(hour: int, minute: int = 0, day: date = MONDAY) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN)


def test_in_work_hours_it_wakes_once_per_idle_sample() -> None:
    daemon, _, source, _ = make()
    source.type_for(3600)
    assert daemon.wake() == MAX_SAMPLE_SECONDS
    quick = Settings(breaks=BreakSettings(idle_reset_minutes=1, sit_limit_minutes=50))
    daemon.apply_settings(quick)
    assert daemon.wake() == 15.0  # a quarter of idle_reset


def test_outside_work_hours_it_sleeps_until_the_next_job_without_sampling() -> None:
    daemon, _, source, _ = make(hour=18)
    assert daemon.wake() == MAX_SLEEP_SECONDS  # nothing due for hours: one wake an hour
    assert source.calls == 0
    late, clock, source, _ = make(hour=7, minute=40)
    assert late.wake() == 20 * 60  # the ritual at 08:00
    clock.advance(20 * 60)
    assert late.wake() == 3600  # workday start at 09:00
    assert source.calls == 0


def test_it_wakes_at_the_policy_deadline_when_that_is_sooner() -> None:
    daemon, clock, source, events = make()
    source.type_for(3600)
    run_until(daemon, clock, clock.now() + timedelta(seconds=2990))
    assert 0 < daemon.seconds_until_due() <= 30
    run_until(daemon, clock, clock.now() + timedelta(seconds=30))
    [(shown_at, _)] = events.of(PromptShown)
    assert shown_at == wall(10, 50)


def test_a_snooze_sets_the_next_deadline() -> None:
    settings = Settings(breaks=BreakSettings(sit_limit_minutes=10, snooze_minutes=1))
    daemon, clock, source, events = make(settings=settings)
    source.type_for(3600)
    run_until(daemon, clock, clock.now() + timedelta(seconds=601))
    assert daemon.status().state is State.PROMPTED
    assert daemon.snooze()
    assert daemon.status().state is State.SNOOZED
    assert daemon.seconds_until_due() <= 60
    run_until(daemon, clock, clock.now() + timedelta(seconds=61))
    assert len(events.of(PromptShown)) == 2


def test_ritual_on_workdays_only_and_not_when_disabled() -> None:
    daemon, clock, _, events = make(hour=6)
    run_until(daemon, clock, wall(8, 1, MONDAY + timedelta(days=7)))
    ritual_days = [at.date() for at, _ in events.of(RitualDue)]
    assert ritual_days == [MONDAY + timedelta(days=d) for d in (0, 1, 2, 3, 4, 7)]
    assert all(at.time() == time(8, 0) for at, _ in events.of(RitualDue))
    off = Settings(ritual=RitualSettings(enabled=False, time=time(8, 0)))
    quiet, clock, _, events = make(hour=6, settings=off)
    run_until(quiet, clock, wall(9, 0))
    assert events.of(RitualDue) == []


def test_ritual_missed_while_asleep_is_offered_once_on_waking_in_work_hours() -> None:
    daemon, clock, _, events = make(hour=7)
    daemon.wake()
    clock.suspend(5 * 3600)  # the lid was shut at 07:00 and opened at 12:00
    daemon.wake()
    assert [at for at, _ in events.of(RitualDue)] == [wall(12)]
    daemon.wake()
    assert len(events.of(RitualDue)) == 1


def test_do_not_disturb_holds_the_prompt_until_the_meeting_ends() -> None:
    probe = FakeProbe(fullscreen=True)
    settings = Settings(breaks=BreakSettings(sit_limit_minutes=10))
    daemon, clock, source, events = make(settings=settings, probe=probe)
    source.type_for(3600)
    run_until(daemon, clock, wall(10, 30))
    assert events.of(PromptShown) == []
    assert len(events.of(BreakDue)) == 1
    assert daemon.status().dnd
    probe.fullscreen = False
    run_until(daemon, clock, clock.now() + timedelta(seconds=30))
    [(at, _)] = events.of(PromptShown)
    assert at == wall(10, 30)


def test_no_idle_source_counts_work_hours() -> None:
    daemon, clock, _, events = make(
        idle=False, settings=Settings(breaks=BreakSettings(sit_limit_minutes=30))
    )
    run_until(daemon, clock, wall(10, 31))
    assert daemon.status().idle_source_name is None
    assert [at for at, _ in events.of(PromptShown)] == [wall(10, 30)]


def test_a_failing_idle_source_falls_back_and_is_retried() -> None:
    daemon, clock, source, events = make()
    source.type_for(8 * 3600)
    daemon.wake()
    assert daemon.status().idle_source_name == "scripted"
    source.failing = True
    clock.advance(30)
    daemon.wake()
    status = daemon.status()
    assert status.idle_source_name is None
    assert status.idle_problem == "the fake display went away"
    assert [e for _, e in events.of(IdleSourceChanged)] == [
        IdleSourceChanged(None, "the fake display went away")
    ]
    calls = source.calls
    run_until(daemon, clock, clock.now() + timedelta(seconds=IDLE_RETRY_SECONDS - 60))
    assert source.calls == calls  # not asked again before the retry time
    source.failing = False
    run_until(daemon, clock, clock.now() + timedelta(seconds=120))
    assert daemon.status().idle_source_name == "scripted"
    assert events.of(IdleSourceChanged)[-1][1] == IdleSourceChanged("scripted", None)
    assert daemon.status().spell_seconds > 0  # counting went on throughout


def test_commands_refuse_what_makes_no_sense() -> None:
    daemon, _, _, _ = make()
    daemon.wake()
    assert not daemon.snooze()
    assert not daemon.skip()
    assert not daemon.resume()
    assert not daemon.prompt_ignored()
    assert not daemon.break_finished(completed=True)
    assert daemon.take_break(Trigger.TRAY)
    assert not daemon.take_break(Trigger.TRAY)
    assert not daemon.pause(30)
    assert daemon.break_finished(completed=True)


def test_pause_and_resume() -> None:
    daemon, clock, _, events = make()
    daemon.wake()
    assert daemon.pause(30)
    status = daemon.status()
    assert status.state is State.PAUSED and status.paused_until == wall(10, 30)
    assert daemon.seconds_until_due() <= MAX_SAMPLE_SECONDS
    assert daemon.resume()
    assert [type(e) for _, e in events.events][-2:] == [Paused, Resumed]


def test_break_stops_sampling_until_it_is_finished() -> None:
    daemon, clock, source, _ = make()
    source.type_for(3600)
    daemon.wake()
    assert daemon.take_break(Trigger.TRAY)
    calls = source.calls
    clock.advance(300)
    daemon.wake()
    assert source.calls == calls
    assert daemon.status().state is State.IN_BREAK
    assert daemon.break_finished(completed=True)
    daemon.wake()
    assert source.calls == calls + 1


def test_status_reports_today() -> None:
    daemon, clock, source, _ = make()
    source.type_for(600)
    run_until(daemon, clock, wall(10, 10))
    status = daemon.status()
    assert status.in_work_hours and status.limit_seconds == 50 * 60
    # Typing since 10:00, seen from the first sample after it: a spell up to one sample short.
    assert 600 - MAX_SAMPLE_SECONDS <= status.spell_seconds < 600
    assert status.today.day == MONDAY
    assert status.today.sitting_seconds == status.spell_seconds


def test_schedule_module_is_left_as_it_was() -> None:
    import datetime as real

    daemon, clock, _, _ = make(hour=7, minute=59)
    run_until(daemon, clock, wall(8, 1))
    assert schedule.datetime is real  # type: ignore[attr-defined]
    assert schedule.jobs == []  # a private scheduler: the module default is untouched


def test_daemon_never_imports_tkinter() -> None:
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in {'tkinter', '_tkinter', 'pystray', 'PIL'}:\n"
        "            raise ImportError(name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import deskbreak.engine.break_engine\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_ritual_missed_before_the_app_started_is_offered_once_that_day() -> None:
    daemon, clock, _, events = make(hour=11, settings=Settings())  # ritual at 09:30
    daemon.wake()
    [(at, due)] = events.of(RitualDue)
    assert at == wall(11) and due.routine_id == "daily-ritual"
    run_until(daemon, clock, wall(17))
    assert len(events.of(RitualDue)) == 1
    evening, _, _, events = make(hour=20, settings=Settings())
    evening.wake()
    assert events.of(RitualDue) == []  # not caught up outside work hours


def test_the_ritual_reminder_can_be_snoozed() -> None:
    daemon, clock, _, events = make(hour=9, settings=Settings())
    run_until(daemon, clock, wall(9, 31))
    assert len(events.of(RitualDue)) == 1
    assert daemon.snooze_ritual()
    assert daemon.seconds_until_due() <= 10 * 60
    run_until(daemon, clock, wall(9, 42))
    assert [at for at, _ in events.of(RitualDue)][-1] == wall(9, 41)
    daemon.ritual_done()
    run_until(daemon, clock, wall(12))
    assert len(events.of(RitualDue)) == 2
