"""What the tray shows for each engine state: the icon's state and the tooltip's lines."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from deskbreak.core.policy import State
from deskbreak.core.records import DaySitting
from deskbreak.engine.events import EngineStatus
from deskbreak.ui.tray_art import IconMode, IconState
from deskbreak.ui.tray_status import icon_state, starting_state, tooltip

LIMIT = 50  # minutes; the ring and the tooltip move in 5-minute steps
MINUTE = 60.0
BERLIN = ZoneInfo("Europe/Berlin")


def status(
    state: State = State.WATCHING,
    minutes: float = 0.0,
    *,
    paused_until: datetime | None = None,
    in_work_hours: bool = True,
    idle_source_name: str | None = "x11",
    dnd: bool = False,
) -> EngineStatus:
    return EngineStatus(
        state=state,
        spell_seconds=minutes * MINUTE,
        limit_seconds=LIMIT * MINUTE,
        paused_until=paused_until,
        in_work_hours=in_work_hours,
        idle_source_name=idle_source_name,
        idle_problem=None,
        can_snooze=True,
        dnd=dnd,
        today=DaySitting(datetime(2026, 6, 1).date()),
    )


def headline(engine_status: EngineStatus) -> str:
    return tooltip(engine_status, LIMIT).splitlines()[0]


LUNCH = datetime(2026, 6, 1, 14, 30, tzinfo=BERLIN)


@pytest.mark.parametrize(
    "engine_status, words, icon",
    [
        (
            status(State.WATCHING, 42.5),
            "Sitting 40 min · break at 50",
            IconState(IconMode.SITTING, 0.8),
        ),
        (status(State.WATCHING, 0.5), "Sitting 0 min · break at 50", IconState()),
        (status(State.DUE, 51), "Sitting 50 min · time to move", IconState(IconMode.DUE, 1.0)),
        (
            status(State.PROMPTED, 63),
            "Sitting 60 min · time to move",
            IconState(IconMode.DUE, 1.0),
        ),
        (status(State.SNOOZED, 57), "Sitting 55 min · snoozed", IconState(IconMode.DUE, 1.0)),
        (
            status(State.PAUSED, 20, paused_until=LUNCH),
            "Paused until 14:30",
            IconState(IconMode.PAUSED),
        ),
        (status(State.IN_BREAK, 0), "On a break", IconState()),
    ],
    ids=["watching", "just-sat-down", "due", "prompted", "snoozed", "paused", "in-break"],
)
def test_every_state_has_its_headline_and_icon(
    engine_status: EngineStatus, words: str, icon: IconState
) -> None:
    assert headline(engine_status) == f"deskbreak — {words}"
    assert icon_state(engine_status, LIMIT) == icon


def test_a_state_due_in_the_engine_shows_due_before_the_ring_is_full() -> None:
    early = status(State.DUE, 10)  # due waits for do-not-disturb, whatever the spell
    assert icon_state(early, LIMIT) == IconState(IconMode.DUE, 1.0)


def test_outside_work_hours_nothing_is_counted() -> None:
    off = status(State.WATCHING, 0.5, in_work_hours=False)
    assert headline(off) == "deskbreak — Outside work hours"
    assert icon_state(off, LIMIT) == IconState(IconMode.OFF_HOURS)


def test_the_icon_before_the_first_status_matches_the_first_status() -> None:
    for in_hours in (True, False):
        assert starting_state(in_hours) == icon_state(status(in_work_hours=in_hours), LIMIT)


def test_a_spell_running_past_the_end_of_work_still_shows() -> None:
    late = status(State.WATCHING, 12, in_work_hours=False)
    assert headline(late) == "deskbreak — Sitting 10 min · break at 50"
    assert icon_state(late, LIMIT) == IconState(IconMode.SITTING, 0.2)


def test_without_an_idle_source_the_ring_is_muted_until_due() -> None:
    counting = status(State.WATCHING, 30, idle_source_name=None)
    assert icon_state(counting, LIMIT) == IconState(IconMode.NO_IDLE, 0.6)
    assert tooltip(counting, LIMIT).splitlines() == [
        "deskbreak — Sitting 30 min · break at 50",
        "Idle time unknown: counting work hours",
    ]
    over = status(State.WATCHING, 55, idle_source_name=None)
    assert icon_state(over, LIMIT) == IconState(IconMode.DUE, 1.0)


def test_a_full_screen_window_says_offers_wait() -> None:
    lines = tooltip(status(State.DUE, 52, dnd=True), LIMIT).splitlines()
    assert lines == [
        "deskbreak — Sitting 50 min · time to move",
        "Full screen or do-not-disturb: break offers wait",
    ]


def test_the_notice_goes_last() -> None:
    noisy = status(State.WATCHING, 5, idle_source_name=None, dnd=True)
    notice = "Config problem: run `deskbreak config check`"
    assert tooltip(noisy, LIMIT, notice).splitlines() == [
        "deskbreak — Sitting 5 min · break at 50",
        "Idle time unknown: counting work hours",
        "Full screen or do-not-disturb: break offers wait",
        notice,
    ]


@pytest.mark.parametrize("notice", [None, ""])
def test_no_notice_adds_no_line(notice: str | None) -> None:
    assert tooltip(status(State.WATCHING, 5), LIMIT, notice) == (
        "deskbreak — Sitting 5 min · break at 50"
    )


def test_the_minutes_follow_the_limits_step() -> None:
    short_limit = status(State.WATCHING, 7.9)
    assert tooltip(short_limit, 10) == "deskbreak — Sitting 7 min · break at 10"
    assert icon_state(short_limit, 10) == IconState(IconMode.SITTING, 0.7)
