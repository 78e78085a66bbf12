"""Counted words: 0, 1 and 2 through every counted phrase the app says."""

from __future__ import annotations

import re
from datetime import date

import pytest

from deskbreak.core import log_summary, stats, words

WRONG = re.compile(
    r"\b1 (minutes|seconds|breaks|days|weeks|movements|reps|breaths|times|slow breaths)\b"
    r"|\b[02-9] (minute|second|break|day|week|movement|rep|breath|time)\b(?! ?(of|-))"
)


@pytest.mark.parametrize(("n", "said"), [(0, "0 breaks"), (1, "1 break"), (2, "2 breaks")])
def test_count(n: int, said: str) -> None:
    assert words.count(n, "break") == said
    assert words.noun(n, "person", "people") == ("person" if n == 1 else "people")
    assert words.were(n) == ("was" if n == 1 else "were")


@pytest.mark.parametrize("n", [0, 1, 2])
def test_the_stats_table_says_each_count_right(n: int) -> None:
    from deskbreak.commands.stats_cmd import format_table
    from tests.core.test_stats import at, cat_cow

    today = date(2026, 3, 31)
    sessions = [cat_cow(at(2026, 3, 31 - i)) for i in range(n)]
    figures = stats.compute(
        log_summary.summarize(sessions), today=today, weekly_goal_days=max(n, 1)
    )
    text = format_table(figures)
    assert not WRONG.search(text), text


@pytest.mark.parametrize("n", [1, 2, 3])
def test_the_dose_text_says_each_count_right(n: int) -> None:
    from dataclasses import replace

    from deskbreak.commands.routines_cmd import _dose_text
    from tests.core.session_fixtures import ROUTINE

    step = ROUTINE.steps[0]
    for kind in ("reps", "hold"):
        dose = replace(step.effective_dose, count=n, kind=kind)
        text = _dose_text(replace(step, dose=dose))
        assert not WRONG.search(text), text


def test_the_wrong_pattern_catches_what_it_should() -> None:
    for bad in ("1 minutes moving", "1 seconds moving", "1 breaks", "2 day streak"):
        assert WRONG.search(bad), bad
    for good in ("1 minute moving", "0 breaks", "2 days", "3-minute", "1 of 5 days"):
        assert not WRONG.search(good), good
