"""What the break window's summary page says about a finished break.

Kept apart from the window so the words (tiles, the week's dots, what changes next time,
the advice after pain) are worked out from the record alone, with no Tk involved.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from deskbreak.core import words
from deskbreak.core.records import Comfort, SessionRecord

log = logging.getLogger(__name__)

WeekSummary = Callable[[], tuple[int, int]]  # (days moved this week, weekly goal)
NextTime = Callable[[SessionRecord], list[str]]  # what the next breaks will do because of this

AFTER_PAIN = (
    "If the pain lingers, spreads or gets worse, see a clinician. For chest pain, "
    "fainting, numbness around the groin, new bladder or bowel trouble or a leg "
    "suddenly weak: get urgent care."
)


@dataclass(frozen=True)
class SummaryContent:
    """The arguments of :meth:`Summary.fill`."""

    heading: str
    lines: list[str]
    tiles: list[tuple[str, str]]
    week: tuple[int, int] | None


def summary_content(
    record: SessionRecord,
    step_count: int,
    week_summary: WeekSummary | None,
    next_time: NextTime | None,
) -> SummaryContent:
    """The summary of ``record``; a failing ``week_summary`` or ``next_time`` is logged
    and left out, never allowed to lose the page."""
    done = sum(1 for m in record.movements if m.completed)
    tiles = [
        (f"{done}/{step_count}", words.noun(step_count, "movement")),
        moving_tile(record.seconds_moving),
    ]
    week = None
    if week_summary is not None:
        try:
            week = week_summary()
        except Exception:
            log.exception("could not read this week's days")
    lines = []
    if next_time is not None:
        try:
            lines += next_time(record)
        except Exception:
            log.exception("could not work out what changes next time")
    hurt = record.comfort is Comfort.SHARP_PAIN or any(m.pain_stop for m in record.movements)
    if hurt:
        lines.append(AFTER_PAIN)
    elif done:
        lines.append("Brief and often is what counts. See you at the next break.")
    heading = "Well done." if done else "Break ended."
    if any(m.pain_stop for m in record.movements):
        heading = "Break ended — take it easy."
    return SummaryContent(heading, lines, tiles, week)


def moving_tile(seconds: float) -> tuple[str, str]:
    """The summary's "time moving" tile: "1" "minute moving", "40" "seconds moving"."""
    if seconds >= 60:
        minutes = round(seconds / 60)
        return str(minutes), f"{words.noun(minutes, 'minute')} moving"
    whole = round(seconds)
    return str(whole), f"{words.noun(whole, 'second')} moving"
