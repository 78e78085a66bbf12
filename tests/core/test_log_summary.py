"""The log grouped per day, from plain records, and two summaries added without double counts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from deskbreak.core.log_summary import (
    DayActivity,
    LogSummary,
    Prompts,
    is_ritual,
    merge,
    summarize,
)
from deskbreak.core.records import Comfort, DaySitting, MovementRecord, Outcome, Trigger
from tests.core.test_stats import at, cat_cow, session

MONDAY, TUESDAY = date(2026, 3, 30), date(2026, 3, 31)


def test_sessions_group_by_their_local_day() -> None:
    skipped_through = session(at(2026, 3, 30, 12), (MovementRecord("cat-cow", "base", False, 5),))
    summary = summarize(
        [cat_cow(at(2026, 3, 30)), skipped_through, cat_cow(at(2026, 3, 31), Comfort.FELT_GOOD)]
    )
    assert summary.days == (DayActivity(MONDAY, 2, 125.0), DayActivity(TUESDAY, 1, 120.0))
    assert summary.movement_seconds == {"cat-cow": 245.0}
    assert [(r.movement_id, r.day) for r in summary.ratings] == [("cat-cow", TUESDAY)]


def test_a_day_without_a_completed_movement_did_not_move() -> None:
    skipped_through = session(at(2026, 3, 30), (MovementRecord("cat-cow", "base", False, 5),))
    assert summarize([skipped_through]).days == (DayActivity(MONDAY, 1, 5.0, moved=False),)


def test_only_a_completed_ritual_counts_as_one() -> None:
    ritual = replace(cat_cow(at(2026, 3, 30)), trigger=Trigger.RITUAL)
    assert is_ritual(ritual)
    assert not is_ritual(replace(ritual, outcome=Outcome.STOPPED))
    assert summarize([ritual]).ritual_days == (MONDAY,)


def test_merge_adds_days_and_lets_the_newer_sitting_figures_win() -> None:
    stored = summarize([cat_cow(at(2026, 3, 30))], [DaySitting(MONDAY, 100.0)])
    waiting = summarize([cat_cow(at(2026, 3, 30, 15))], [DaySitting(MONDAY, 300.0)])
    merged = merge(stored, waiting)
    assert merged.days == (DayActivity(MONDAY, 2, 240.0),)
    assert merged.sittings == (DaySitting(MONDAY, 300.0),)


def test_merge_does_not_count_a_replaced_days_prompts_twice() -> None:
    stored = LogSummary(
        sittings=(DaySitting(MONDAY, prompts_shown=2), DaySitting(TUESDAY, prompts_shown=1)),
        prompts=Prompts(3, 0, 0, 0),
    )
    waiting = LogSummary(sittings=(DaySitting(TUESDAY, prompts_shown=4),))
    assert merge(stored, waiting).prompts == Prompts(6, 0, 0, 0)
