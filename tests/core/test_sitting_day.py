"""The day's tally: a running spell counts towards the longest; a new day starts from zero."""

from __future__ import annotations

from datetime import date

from deskbreak.core.sitting_day import DayFigures, DayRolledOver, DayTally

MONDAY, TUESDAY = date(2026, 3, 2), date(2026, 3, 3)


def test_the_first_day_hands_nothing_over() -> None:
    tally = DayTally()
    assert tally.roll_to(MONDAY, 0.0) is None
    assert tally.figures(0.0) == DayFigures(MONDAY)


def test_the_running_spell_counts_as_the_longest_when_it_is() -> None:
    tally = DayTally(MONDAY, sitting=900.0, longest=600.0, breaks=1)
    assert tally.figures(300.0).longest_spell_seconds == 600.0
    assert tally.figures(700.0).longest_spell_seconds == 700.0


def test_a_new_day_hands_the_old_one_over_and_starts_from_zero() -> None:
    tally = DayTally(MONDAY, sitting=900.0, longest=600.0, breaks=2)
    assert tally.roll_to(MONDAY, 50.0) is None
    rolled = tally.roll_to(TUESDAY, 700.0)
    assert rolled == DayRolledOver(DayFigures(MONDAY, 900.0, 700.0, 2))
    assert tally.figures(0.0) == DayFigures(TUESDAY)
