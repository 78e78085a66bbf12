"""What the tray shows for a daemon status: the icon's state and the tooltip's words."""

from __future__ import annotations

from deskbreak.core.policy import IN_CALL, State
from deskbreak.engine.events import EngineStatus
from deskbreak.ui.tray_art import IconMode, IconState, shown_minutes


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


def tooltip(status: EngineStatus, sit_limit_minutes: int, notice: str | None = None) -> str:
    """E.g. "Sitting 42 min · break at 50 min"; a notice (a config problem) goes last."""
    lines = [f"deskbreak — {_headline(status, sit_limit_minutes)}"]
    if status.idle_source_name is None:
        lines.append("Idle time unavailable — counting work hours")
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
    return f"Sitting {minutes} min · break at {limit} min"
