"""What the tray shows for a daemon status: the icon's state and the tooltip's words."""

from __future__ import annotations

from deskbreak.core.policy import State
from deskbreak.core.policy_events import IN_CALL
from deskbreak.engine.events import EngineStatus
from deskbreak.ui.tray import MenuStatus
from deskbreak.ui.tray_art import IconMode, IconState, shown_minutes

NO_IDLE = "Idle time unknown: counting work hours"


def icon_state(status: EngineStatus, sit_limit_minutes: int) -> IconState:
    if status.state is State.PAUSED:
        return IconState(IconMode.PAUSED)
    if status.state in (State.DUE, State.PROMPTED):
        return IconState(IconMode.DUE, 1.0)
    if not status.in_work_hours and status.spell_seconds < 60:
        return IconState(IconMode.OFF_HOURS)
    if status.idle_source_name is None:
        state = IconState.sitting(status.spell_seconds, sit_limit_minutes)
        return state if state.mode is IconMode.DUE else IconState(IconMode.NO_IDLE, state.progress)
    return IconState.sitting(status.spell_seconds, sit_limit_minutes)


def starting_state(in_work_hours: bool) -> IconState:
    """The icon before the engine's first status: nothing is sat yet, so an empty ring, or
    the off-hours icon outside work hours (the active one would show for a moment first)."""
    return IconState() if in_work_hours else IconState(IconMode.OFF_HOURS)


def tooltip(status: EngineStatus, sit_limit_minutes: int, notice: str | None = None) -> str:
    """E.g. "Sitting 42 min · break at 50"; a notice (a config problem) goes last."""
    lines = [f"deskbreak — {_headline(status, sit_limit_minutes)}"]
    if status.idle_source_name is None:
        lines.append(NO_IDLE)
    if status.dnd and status.due_reason != IN_CALL:
        lines.append("Full screen or do-not-disturb: break offers wait")
    if notice:
        lines.append(notice)
    return "\n".join(lines)


def _headline(status: EngineStatus, limit: int) -> str:
    minutes = shown_minutes(status.spell_seconds, limit)
    if status.state is State.PAUSED and status.paused_until is not None:
        return f"Paused until {status.paused_until:%H:%M}"
    if status.state is State.IN_BREAK:
        return "On a break"
    if status.state is State.DUE and status.due_reason == IN_CALL:
        return "In a call — break after it"
    if status.state in (State.DUE, State.PROMPTED):
        return f"Sitting {minutes} min · time to move"
    if status.state is State.SNOOZED:
        return f"Sitting {minutes} min · snoozed"
    if not status.in_work_hours and minutes == 0:
        return "Outside work hours"
    return f"Sitting {minutes} min · break at {limit}"


def menu_status(status: EngineStatus, sit_limit_minutes: int) -> MenuStatus:
    """The menu's status lines (the tooltip's, without the app name) and what can act."""
    lines = [_headline(status, sit_limit_minutes)]
    if status.idle_source_name is None:
        lines.append(NO_IDLE)
    return MenuStatus(
        lines=tuple(lines),
        can_snooze=status.can_snooze,
        paused=status.state is State.PAUSED,
        in_break=status.state is State.IN_BREAK,
    )
