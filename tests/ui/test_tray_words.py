"""The tray's words for each engine state: the tooltip and the menu's status line."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from deskbreak.core.policy import State
from deskbreak.core.records import DaySitting
from deskbreak.engine.events import EngineStatus
from deskbreak.ui import tray_status

SITTING = EngineStatus(
    state=State.WATCHING,
    spell_seconds=15 * 60,
    limit_seconds=50 * 60,
    paused_until=None,
    in_work_hours=True,
    idle_source_name="x11",
    idle_problem=None,
    can_snooze=False,
    dnd=False,
    today=DaySitting(date(2026, 12, 1)),
)


def test_the_menu_status_line_for_each_case() -> None:
    assert tray_status.menu_status(SITTING, 50).lines == ("Sitting 15 min · break at 50",)
    paused = replace(SITTING, state=State.PAUSED, paused_until=datetime(2026, 12, 1, 14, 30))
    status = tray_status.menu_status(paused, 50)
    assert status.lines == ("Paused until 14:30",) and status.paused
    off = replace(SITTING, in_work_hours=False, spell_seconds=0)
    assert tray_status.menu_status(off, 50).lines == ("Outside work hours",)
    blind = replace(SITTING, idle_source_name=None)
    assert tray_status.menu_status(blind, 50).lines[-1] == "Idle time unknown: counting work hours"
    due = replace(SITTING, state=State.PROMPTED, can_snooze=True)
    assert tray_status.menu_status(due, 50).can_snooze
    assert tray_status.menu_status(replace(SITTING, state=State.IN_BREAK), 50).in_break


def test_the_tooltip_says_the_same_as_the_menu() -> None:
    tip = tray_status.tooltip(replace(SITTING, idle_source_name=None), 50)
    assert tip.splitlines() == [
        "deskbreak — Sitting 15 min · break at 50",
        "Idle time unknown: counting work hours",
    ]
