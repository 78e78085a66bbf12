"""The context rules: what counts as sitting, what holds a prompt, and the unsure-gap memory."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from deskbreak.core.context import Context, GapKind, GapMemory, holds_prompt, still_sitting
from deskbreak.core.settings import ContextSettings
from deskbreak.core.sitting import EndReason, SpellEnded

T0 = datetime(2026, 3, 2, 11, 0, tzinfo=UTC)
ALL_ON = ContextSettings()


@pytest.mark.parametrize(
    ("context", "sitting"),
    [
        (Context(), False),
        (Context(in_call=True), True),
        (Context(media_playing=True), True),
        (Context(inhibited=True), True),
    ],
)
def test_evidence_of_sitting(context: Context, sitting: bool) -> None:
    assert still_sitting(context, ALL_ON) is sitting


def test_each_setting_turns_its_evidence_off() -> None:
    no_calls = ContextSettings(calls=False)
    no_media = ContextSettings(media_counts_as_sitting=False)
    assert not still_sitting(Context(in_call=True), no_calls)
    assert not holds_prompt(Context(in_call=True), no_calls)
    assert not still_sitting(Context(media_playing=True, inhibited=True), no_media)
    assert still_sitting(Context(in_call=True), no_media)


def test_only_a_call_holds_a_prompt() -> None:
    assert holds_prompt(Context(in_call=True), ALL_ON)
    assert not holds_prompt(Context(media_playing=True, inhibited=True), ALL_ON)


@pytest.mark.parametrize(
    ("minutes", "kind"),
    [
        (5, GapKind.SHORT),
        (14.9, GapKind.SHORT),
        (15, GapKind.MEDIUM),
        (44, GapKind.MEDIUM),
        (45, GapKind.LONG),
    ],
)
def test_gap_kinds_by_length(minutes: float, kind: GapKind) -> None:
    assert GapKind.of(minutes * 60) is kind


def natural(seconds: float, at: datetime, proven: bool = False) -> SpellEnded:
    return SpellEnded(seconds, EndReason.NATURAL, at, proven)


def test_an_unclear_gap_is_asked_once_then_its_answer_is_used() -> None:
    memory = GapMemory()
    memory.spell_ended(natural(1800, T0))
    assert memory.gap_open
    back = T0 + timedelta(minutes=20)
    assert memory.input_back(back, 0.0, ask=True) is None  # nothing known yet: ask
    question = memory.take_question()
    assert question is not None and question.kind is GapKind.MEDIUM
    assert question.seconds == 20 * 60 and question.spell_before == 1800
    assert "Were you up just now?" in question.text and "20 min" in question.text
    assert memory.take_question() is None  # asked once
    assert memory.answer(was_up=False) is question
    # The next medium gap: no question, it counts as sitting.
    memory.spell_ended(natural(600, back + timedelta(minutes=40)))
    sitting = memory.input_back(back + timedelta(minutes=70), 0.0, ask=True)
    assert sitting is not None and sitting.kind is GapKind.MEDIUM
    assert memory.take_question() is None
    # A long gap is another kind: asked again.
    memory.spell_ended(natural(600, back + timedelta(hours=2)))
    assert memory.input_back(back + timedelta(hours=3), 0.0, ask=True) is None
    assert memory.take_question() is not None


def test_a_remembered_i_was_up_keeps_the_break() -> None:
    memory = GapMemory(answers={GapKind.SHORT: True})
    memory.spell_ended(natural(900, T0))
    assert memory.input_back(T0 + timedelta(minutes=8), 60.0, ask=True) is None
    assert memory.take_question() is None


def test_lock_or_suspend_is_clear_and_never_asked() -> None:
    memory = GapMemory()
    memory.spell_ended(natural(1800, T0, proven=True))
    assert not memory.gap_open
    assert memory.input_back(T0 + timedelta(minutes=30), 0.0, ask=True) is None
    assert memory.take_question() is None


def test_asking_off_never_asks() -> None:
    memory = GapMemory()
    memory.spell_ended(natural(1800, T0))
    assert memory.input_back(T0 + timedelta(minutes=30), 0.0, ask=False) is None
    assert memory.take_question() is None


def test_a_later_spell_end_makes_the_question_moot() -> None:
    memory = GapMemory()
    memory.spell_ended(natural(1800, T0))
    memory.input_back(T0 + timedelta(minutes=30), 0.0, ask=True)
    memory.spell_ended(SpellEnded(600, EndReason.BREAK, T0 + timedelta(hours=1)))
    assert memory.take_question() is None
    assert memory.answer(was_up=True) is None  # nothing was asked: nothing remembered
    assert memory.answers == {}


def test_context_describes_itself() -> None:
    assert Context().describe() == "no evidence"
    assert Context(in_call=True, media_playing=True).describe() == "in a call, media playing"
