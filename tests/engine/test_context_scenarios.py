"""Whole workdays with calls, videos, locks and unclear gaps, through the real BreakEngine.

The clock is a FakeClock; the idle source, the lock and the context sources are scripted.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from deskbreak.core.clock import FakeClock
from deskbreak.core.context import CALL_GRACE_SECONDS, GapKind
from deskbreak.core.policy import State
from deskbreak.core.policy_events import IN_CALL, BreakDue, PromptShown
from deskbreak.core.settings import ContextSettings, Settings
from deskbreak.core.sitting import EndReason, SpellEnded
from deskbreak.engine.break_engine import MAX_SAMPLE_SECONDS, BreakEngine
from deskbreak.engine.context_watch import ContextWatch
from deskbreak.idle.base import CALL, MEDIA
from deskbreak.ui.tray_status import tooltip
from tests.core.activity import (
    FakeProbe,
    Recorder,
    ScriptedFact,
    ScriptedIdle,
    run_until,
    seconds_until,
)

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = date(2026, 3, 2)
SAMPLE = MAX_SAMPLE_SECONDS


class Desk:
    """An engine with a scripted user: typing, a microphone, a camera, a player, a lock."""

    def __init__(self, context: ContextSettings | None = None) -> None:
        self.clock = FakeClock(datetime(2026, 3, 2, 8, 59, tzinfo=BERLIN), tz=BERLIN)
        self.idle = ScriptedIdle(self.clock)
        self.mic = ScriptedFact(self.clock, CALL, name="mic")
        self.camera = ScriptedFact(self.clock, CALL, costly=True, name="camera")
        self.player = ScriptedFact(self.clock, MEDIA, name="player")
        self.probe = FakeProbe()
        self.events = Recorder(self.clock)
        self.watch = ContextWatch([self.mic, self.camera, self.player])
        settings = Settings(context=context or ContextSettings())
        self.engine = BreakEngine(
            self.clock, self.idle, self.probe, settings, self.events, self.watch
        )

    def at(self, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(MONDAY, time(hour, minute), tzinfo=BERLIN)

    def until(self, hour: int, minute: int = 0) -> None:
        run_until(self.engine, self.clock, self.at(hour, minute))

    def type_until(self, hour: int, minute: int = 0) -> None:
        self.idle.type_for(seconds_until(self.clock, self.at(hour, minute)))
        self.until(hour, minute)

    def prompts(self) -> list[PromptShown]:
        return [e for _, e in self.events.of(PromptShown)]  # type: ignore[misc]

    def prompt_times(self) -> list[datetime]:
        return [at.astimezone(BERLIN) for at, _ in self.events.of(PromptShown)]

    def ended(self) -> list[SpellEnded]:
        return [e for _, e in self.events.of(SpellEnded)]  # type: ignore[misc]


def test_a_40_minute_call_without_input_then_the_prompt_after_it() -> None:
    desk = Desk()
    desk.until(9)
    desk.type_until(9, 30)
    desk.mic.on_for(40 * 60)  # 09:30–10:10, nobody touches the keyboard
    desk.until(10, 5)
    assert desk.ended() == []  # the call is sitting, not a natural break
    assert desk.prompts() == []  # due at 09:50, held
    status = desk.engine.status()
    assert status.state is State.DUE and status.due_reason == IN_CALL
    assert "In a call — break after it" in tooltip(status, 50)
    [(due_at, due)] = desk.events.of(BreakDue)
    assert isinstance(due, BreakDue) and due.reason == IN_CALL
    assert desk.at(9, 50) - timedelta(seconds=SAMPLE) <= due_at <= desk.at(9, 50)
    desk.until(10, 20)
    [when] = desk.prompt_times()
    call_end = desk.at(10, 10) + timedelta(seconds=CALL_GRACE_SECONDS)
    assert call_end <= when <= call_end + timedelta(seconds=SAMPLE)
    [prompt] = desk.prompts()
    assert prompt.spell_seconds >= 70 * 60 - SAMPLE  # the whole call counted as sitting
    assert desk.camera.calls <= 40  # the process scan ran only while the prompt was due


def test_a_30_minute_video_then_a_prompt_at_the_limit() -> None:
    desk = Desk()
    desk.until(9)
    desk.type_until(9, 20)
    desk.player.on_for(30 * 60)  # 09:20–09:50, watching without input
    desk.until(9, 51)
    assert desk.ended() == []
    [when] = desk.prompt_times()
    assert desk.at(9, 50) - timedelta(seconds=SAMPLE) <= when <= desk.at(9, 50)


def test_without_media_evidence_the_same_video_is_a_natural_break() -> None:
    desk = Desk(ContextSettings(media_counts_as_sitting=False))
    desk.until(9)
    desk.type_until(9, 20)
    desk.player.on_for(30 * 60)
    desk.until(10)
    assert desk.prompts() == []
    [ended] = desk.ended()
    assert ended.reason is EndReason.NATURAL and ended.ended == desk.at(9, 20)
    assert desk.player.calls == 0  # a setting that is off is never asked


def test_a_lock_at_lunch_resets_the_spell_though_music_plays_on() -> None:
    desk = Desk()
    desk.until(9)
    desk.type_until(10, 30)
    desk.player.on_for(3 * 3600)  # music left playing over lunch
    desk.probe.locked = True
    desk.until(11, 30)
    desk.probe.locked = False
    desk.type_until(12)
    [ended] = desk.ended()
    assert ended.reason is EndReason.NATURAL and ended.away_proven
    assert desk.at(10, 30) - timedelta(seconds=SAMPLE) <= ended.ended <= desk.at(10, 30)
    assert desk.engine.status().spell_seconds <= 30 * 60
    desk.engine.wake()
    assert all(p.question is None for p in desk.prompts())  # a lock is clear: never asked


def test_an_unclear_gap_is_asked_at_the_next_prompt_and_the_answer_remembered() -> None:
    desk = Desk()
    desk.until(9)
    desk.type_until(9, 40)
    desk.until(10)  # 20 minutes without input, no lock, no media: unclear
    desk.type_until(10, 51)
    [ended] = desk.ended()
    assert not ended.away_proven
    [prompt] = desk.prompts()
    assert prompt.question is not None and prompt.question.kind is GapKind.MEDIUM
    assert "Were you up just now?" in prompt.question.text
    spell = desk.engine.status().spell_seconds
    assert desk.engine.answer_were_you_up(was_up=False)
    status = desk.engine.status()
    assert status.spell_seconds >= spell + 40 * 60 + 20 * 60 - 2 * SAMPLE
    assert status.today.natural_breaks == 0
    assert not desk.engine.answer_were_you_up(was_up=True)  # asked once, answered once
    # The same kind of gap again: no question, and the spell goes on through it.
    assert desk.engine.skip()
    desk.type_until(11, 10)
    desk.until(11, 30)
    desk.type_until(12, 20)
    prompts = desk.prompts()
    assert len(prompts) == 2 and prompts[1].question is None
    assert desk.engine.status().today.natural_breaks == 0
    # 10:51 to 11:41 is 50 minutes: the 20-minute gap counted as sitting.
    assert desk.at(11, 41) - timedelta(seconds=SAMPLE) <= desk.prompt_times()[1] <= desk.at(11, 41)


def test_asking_can_be_turned_off() -> None:
    desk = Desk(ContextSettings(ask_when_unsure=False))
    desk.until(9)
    desk.type_until(9, 40)
    desk.until(10)
    desk.type_until(10, 51)
    [prompt] = desk.prompts()
    assert prompt.question is None


def test_typing_all_morning_asks_no_context_source() -> None:
    desk = Desk()
    desk.until(9)
    desk.type_until(9, 45)
    assert desk.watch.reads == 0  # no gap near idle_reset, no prompt near: nothing asked
    desk.type_until(9, 55)
    assert desk.camera.calls >= 1  # the prompt was near: the costly scan ran then
