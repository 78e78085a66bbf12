"""The summary's words come from the record alone; a failing source never loses the page."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from deskbreak.core.records import Comfort, MovementRecord, Outcome, SessionRecord, Trigger
from deskbreak.ui.break_summary import AFTER_PAIN, moving_tile, summary_content

T = datetime(2026, 3, 2, 9, tzinfo=UTC)


def record(*moves: MovementRecord, comfort: Comfort | None = None) -> SessionRecord:
    return SessionRecord("id", T, T, "r", Trigger.PROMPT, Outcome.COMPLETED, moves, comfort)


@pytest.mark.parametrize(
    ("seconds", "tile"),
    [
        (0, ("0", "seconds moving")),
        (1, ("1", "second moving")),
        (2, ("2", "seconds moving")),
        (60, ("1", "minute moving")),
        (120, ("2", "minutes moving")),
    ],
)
def test_the_moving_tile_counts_right(seconds: float, tile: tuple[str, str]) -> None:
    assert moving_tile(seconds) == tile


def test_a_done_break_says_well_done_with_its_tiles_week_and_next_time() -> None:
    done = record(MovementRecord("a", "base", True, 40.0), MovementRecord("b", "base", False, 5))
    content = summary_content(done, 3, lambda: (2, 5), lambda _r: ["Harder next time."])
    assert content.heading == "Well done."
    assert content.tiles == [("1/3", "movements"), ("45", "seconds moving")]
    assert content.week == (2, 5)
    assert content.lines[0] == "Harder next time."
    assert "Brief and often" in content.lines[-1]


def test_a_pain_stop_ends_gently_with_when_to_get_help() -> None:
    hurt = record(MovementRecord("a", "base", False, 10.0, pain_stop=True))
    content = summary_content(hurt, 2, None, None)
    assert content.heading == "Break ended — take it easy."
    assert content.lines == [AFTER_PAIN]
    assert content.week is None


def test_failing_sources_are_left_out() -> None:
    def broken() -> tuple[int, int]:
        raise RuntimeError("no log")

    def broken_next(_r: SessionRecord) -> list[str]:
        raise RuntimeError("no log")

    content = summary_content(record(comfort=Comfort.SHARP_PAIN), 2, broken, broken_next)
    assert content.heading == "Break ended."
    assert content.week is None
    assert content.lines == [AFTER_PAIN]
