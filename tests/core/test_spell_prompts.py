"""The calm rule, counted: one prompt, max_snoozes snoozed repeats and one unanswered repeat."""

from __future__ import annotations

from deskbreak.core.spell_prompts import SpellPrompts


def test_a_spell_may_bring_one_prompt_the_snoozes_and_one_repeat() -> None:
    prompts = SpellPrompts()
    assert prompts.left(max_snoozes=2) == 4
    assert prompts.show() is False  # the first prompt is no repeat
    assert prompts.show() is True
    assert prompts.left(max_snoozes=2) == 2
    prompts.shown = 10
    assert prompts.left(max_snoozes=2) == 0  # never below zero


def test_an_unanswered_prompt_comes_back_once_then_none_is_left() -> None:
    prompts = SpellPrompts()
    prompts.show()
    assert prompts.ignored(max_snoozes=2) is True
    assert prompts.left(max_snoozes=2) == 3
    prompts.show()
    assert prompts.ignored(max_snoozes=2) is False
    assert prompts.exhausted and prompts.left(max_snoozes=2) == 0


def test_no_repeat_when_the_cap_is_already_reached() -> None:
    prompts = SpellPrompts(shown=2)
    assert prompts.ignored(max_snoozes=0) is False
    assert not prompts.repeat_used
