"""The break policy: its transition table, prompts, snoozes, ignores, pauses and breaks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from deskbreak.core.machine import IllegalTransition
from deskbreak.core.policy import TRANSITIONS, Action, BreakPolicy, State
from deskbreak.core.policy_events import (
    BreakDue,
    BreakEnded,
    BreakStarted,
    Paused,
    PromptIgnored,
    PromptShown,
    PromptWithdrawn,
    Resumed,
    Skipped,
    Snoozed,
)
from deskbreak.core.records import Trigger
from deskbreak.core.settings import BreakSettings
from deskbreak.core.spell_prompts import SpellPrompts

LIMIT = 50 * 60.0
SNOOZE = 10 * 60.0
T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


class Driver:
    """A policy plus a clock; ``step`` feeds a spell length at the current time."""

    def __init__(self, **overrides: object) -> None:
        self.policy = BreakPolicy(BreakSettings(**overrides))  # type: ignore[arg-type]
        self.mono = 0.0
        self.spell = 0.0

    @property
    def wall(self) -> datetime:
        return T0 + timedelta(seconds=self.mono)

    def step(
        self, spell: float | None = None, work: bool = True, dnd: bool = False
    ) -> list[object]:
        if spell is not None:
            self.spell = spell
        return list(self.policy.step(self.mono, self.wall, self.spell, work, dnd))

    def later(self, seconds: float) -> None:
        self.mono += seconds
        self.spell += seconds


def test_every_state_can_be_left_and_no_state_loops_but_paused() -> None:
    assert {state for state, _ in TRANSITIONS} == set(State)
    for (state, action), target in TRANSITIONS.items():
        assert (state is target) == (state is State.PAUSED and action is Action.PAUSE)


def test_every_state_is_reached_and_a_break_only_ends_by_ending() -> None:
    assert set(TRANSITIONS.values()) == set(State)
    leaving_a_break = {action for state, action in TRANSITIONS if state is State.IN_BREAK}
    assert leaving_a_break == {Action.END_BREAK, Action.BACK_TO_PAUSE}


def test_prompt_when_the_spell_reaches_the_limit() -> None:
    d = Driver()
    assert d.step(LIMIT - 1) == []
    assert d.policy.next_deadline() == pytest.approx(1.0)
    [shown] = d.step(LIMIT)
    assert shown == PromptShown(LIMIT, "quick-reset", repeat=False, can_snooze=True)
    assert d.policy.state is State.PROMPTED
    assert d.step(LIMIT + 60) == []  # one prompt at a time


def test_no_prompt_outside_work_hours_unless_configured() -> None:
    d = Driver()
    [due] = d.step(LIMIT, work=False)
    assert due == BreakDue(LIMIT, "outside work hours")
    assert d.policy.state is State.DUE
    assert d.step(LIMIT + 30, work=False) == []
    anytime = Driver(outside_work_hours=True)
    assert isinstance(anytime.step(LIMIT, work=False)[0], PromptShown)


def test_do_not_disturb_holds_the_prompt_until_the_meeting_ends() -> None:
    d = Driver()
    [due] = d.step(LIMIT, dnd=True)
    assert due.reason == "do-not-disturb"  # type: ignore[attr-defined]
    d.later(1800)
    assert d.step(dnd=True) == []
    [shown] = d.step(dnd=False)
    assert isinstance(shown, PromptShown) and not shown.repeat


def test_snoozes_are_limited_in_a_row() -> None:
    d = Driver(max_snoozes=2)
    d.step(LIMIT)
    for count in (1, 2):
        assert d.policy.can_snooze
        [snoozed] = d.policy.snooze(d.mono)
        assert snoozed == Snoozed(count, 2 - count, d.mono + SNOOZE)
        assert d.policy.next_deadline() == d.mono + SNOOZE
        d.later(SNOOZE - 1)
        assert d.step() == []
        d.later(1)
        [again] = d.step()
        assert isinstance(again, PromptShown) and again.repeat
    assert not d.policy.can_snooze
    with pytest.raises(IllegalTransition):
        d.policy.snooze(d.mono)


def test_an_ignored_prompt_comes_back_once() -> None:
    d = Driver()
    d.step(LIMIT)
    assert d.policy.prompt_ignored(d.mono) == [PromptIgnored(will_repeat=True)]
    assert d.policy.state is State.SNOOZED
    d.later(SNOOZE)
    [again] = d.step()
    assert isinstance(again, PromptShown) and again.repeat
    assert d.policy.prompt_ignored(d.mono) == [PromptIgnored(will_repeat=False)]
    assert d.policy.state is State.WATCHING
    assert d.policy.next_deadline() is None
    for _ in range(20):
        d.later(SNOOZE)
        assert d.step() == []


def test_skip_ends_the_spell_and_a_new_spell_prompts_again() -> None:
    d = Driver()
    d.step(LIMIT)
    assert d.policy.skip() == [Skipped(LIMIT)]
    assert d.policy.state is State.WATCHING
    assert d.step(10) == []
    assert isinstance(d.step(LIMIT)[0], PromptShown)


def test_nothing_to_skip_while_watching() -> None:
    with pytest.raises(IllegalTransition):
        Driver().policy.skip()


def test_pause_holds_prompts_until_it_runs_out() -> None:
    d = Driver()
    d.step(LIMIT)
    events = d.policy.pause(d.mono, d.wall, d.wall + timedelta(minutes=30))
    assert events == [PromptWithdrawn("paused"), Paused(d.wall + timedelta(minutes=30))]
    assert d.policy.next_deadline() == pytest.approx(1800)
    d.later(1799)
    assert d.step() == []
    d.later(1)
    resumed, shown = d.step()
    assert resumed == Resumed(early=False)
    assert isinstance(shown, PromptShown)


def test_pause_follows_the_wall_clock_across_a_suspend() -> None:
    d = Driver()
    d.policy.pause(0.0, T0, T0 + timedelta(hours=10))
    # The machine slept: the wall clock moved 10 h, the monotonic one 1 minute.
    events = d.policy.step(60.0, T0 + timedelta(hours=10, minutes=1), 0.0, True, False)
    assert events == [Resumed(early=False)]


def test_resume_early_and_resume_needs_a_pause() -> None:
    d = Driver()
    with pytest.raises(IllegalTransition):
        d.policy.resume()
    d.policy.pause(0.0, T0, T0 + timedelta(hours=1))
    assert d.policy.resume() == [Resumed(early=True)]
    assert d.policy.paused_until is None


def test_a_pause_must_end_in_the_future() -> None:
    with pytest.raises(IllegalTransition):
        Driver().policy.pause(0.0, T0, T0)


def test_break_from_a_prompt_ends_the_spell() -> None:
    d = Driver()
    d.step(LIMIT)
    assert d.policy.start_break(Trigger.PROMPT) == [BreakStarted(Trigger.PROMPT, LIMIT)]
    assert d.step(LIMIT + 600) == []  # no prompt during a break
    with pytest.raises(IllegalTransition):
        d.policy.start_break(Trigger.TRAY)
    with pytest.raises(IllegalTransition):
        d.policy.pause(d.mono, d.wall, d.wall + timedelta(hours=1))
    assert d.policy.end_break(d.wall, completed=True) == [BreakEnded(True)]
    assert d.policy.state is State.WATCHING
    assert d.policy.prompts == SpellPrompts()  # a fresh count for the next spell


def test_a_break_taken_while_paused_returns_to_the_pause() -> None:
    d = Driver()
    d.policy.pause(0.0, T0, T0 + timedelta(hours=2))
    d.policy.start_break(Trigger.TRAY)
    d.later(300)
    d.policy.end_break(d.wall, completed=False)
    assert d.policy.state is State.PAUSED


def test_a_natural_break_withdraws_the_prompt_and_resets_the_counts() -> None:
    d = Driver()
    d.step(LIMIT)
    d.policy.snooze(d.mono)
    d.later(SNOOZE)
    d.step()
    assert d.policy.spell_ended() == [PromptWithdrawn("natural break")]
    assert d.policy.state is State.WATCHING
    assert d.policy.prompts == SpellPrompts()


def test_prompts_per_spell_never_exceed_the_cap() -> None:
    d = Driver(max_snoozes=3)
    d.step(LIMIT)
    shown = 1
    # The most prompts anyone can get: ignore once, then snooze while allowed, then ignore.
    ignored = False
    for _ in range(40):
        if d.policy.state is State.PROMPTED:
            if ignored and d.policy.can_snooze:
                d.policy.snooze(d.mono)
            else:
                d.policy.prompt_ignored(d.mono)
                ignored = True
        d.later(SNOOZE)
        shown += sum(isinstance(e, PromptShown) for e in d.step())
    assert shown == 1 + 3 + 1


def test_raising_the_limit_while_due_returns_to_watching() -> None:
    d = Driver()
    d.step(LIMIT, dnd=True)
    d.policy.apply_settings(BreakSettings(sit_limit_minutes=90))
    assert d.step(LIMIT + 30, dnd=False) == []
    assert d.policy.state is State.WATCHING


# -- a call holds the prompt, never drops it ---------------------------------------------


def test_a_call_holds_the_prompt_until_it_ends_plus_the_grace() -> None:
    from deskbreak.core.context import CALL_GRACE_SECONDS
    from deskbreak.core.policy_events import IN_CALL

    driver = Driver()
    policy = driver.policy
    events = policy.step(0.0, T0, LIMIT, True, False, in_call=True)
    assert events == [BreakDue(LIMIT, IN_CALL)]
    assert policy.state is State.DUE and policy.due_reason == IN_CALL
    assert policy.next_deadline() is None  # nothing to time while the call goes on
    for minute in range(1, 40):  # a 40-minute call: held, not dropped, no repeat events
        assert policy.step(minute * 60.0, T0, LIMIT + minute * 60, True, False, True) == []
    ended_at = 40 * 60.0
    assert policy.step(ended_at, T0, LIMIT + ended_at, True, False, in_call=False) == []
    assert policy.state is State.DUE
    assert policy.next_deadline() == ended_at + CALL_GRACE_SECONDS
    assert policy.step(ended_at + CALL_GRACE_SECONDS - 1, T0, LIMIT, True, False) == []
    [shown] = policy.step(ended_at + CALL_GRACE_SECONDS, T0, LIMIT + ended_at, True, False)
    assert isinstance(shown, PromptShown) and not shown.repeat
    assert policy.due_reason is None


def test_a_call_that_starts_again_in_the_grace_keeps_holding() -> None:
    driver = Driver()
    policy = driver.policy
    policy.step(0.0, T0, LIMIT, True, False, in_call=True)
    policy.step(60.0, T0, LIMIT, True, False, in_call=False)
    policy.step(90.0, T0, LIMIT, True, False, in_call=True)
    assert policy.step(1000.0, T0, LIMIT, True, False, in_call=True) == []
    assert policy.state is State.DUE


def test_a_snooze_that_ends_in_a_call_waits_for_the_call() -> None:
    from deskbreak.core.policy_events import IN_CALL

    driver = Driver()
    driver.step(LIMIT)
    driver.policy.snooze(driver.mono)
    driver.mono += SNOOZE
    events = driver.policy.step(driver.mono, driver.wall, LIMIT + SNOOZE, True, False, True)
    assert events == [BreakDue(LIMIT + SNOOZE, IN_CALL)]
    assert driver.policy.state is State.DUE
