"""The tray menu as data: one tuple of :class:`MenuEntry` for every tray and the Tk popup."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from deskbreak.core.commands import (
    Command,
    Pause,
    Quit,
    Resume,
    ShowAbout,
    ShowProgress,
    ShowSettings,
    Snooze,
    TakeBreak,
)


@dataclass(frozen=True)
class MenuEntry:
    """One menu line, for pystray's menu and the Tk popup alike."""

    label: str
    command: Command | None = None
    submenu: tuple[MenuEntry, ...] = ()
    default: bool = False

    @property
    def is_separator(self) -> bool:
        return self.label == "-"


SEPARATOR = MenuEntry("-")


def standard_menu(
    routines: Sequence[tuple[str, str]], snooze_minutes: int = 10
) -> tuple[MenuEntry, ...]:
    """The tray menu. ``routines``: (routine id, label such as "Quick reset · 3 min")."""
    pause = (
        MenuEntry("30 min", Pause(30)),
        MenuEntry("1 hour", Pause(60)),
        MenuEntry("Until tomorrow", Pause(None)),
        SEPARATOR,
        MenuEntry("Resume", Resume()),
    )
    return (
        MenuEntry("Take a break now", TakeBreak(), default=True),
        MenuEntry(
            "Routines",
            submenu=tuple(MenuEntry(label, TakeBreak(rid)) for rid, label in routines),
        ),
        MenuEntry(f"Snooze {snooze_minutes} min", Snooze()),
        MenuEntry("Pause", submenu=pause),
        SEPARATOR,
        MenuEntry("Progress…", ShowProgress()),
        MenuEntry("Settings…", ShowSettings()),
        MenuEntry("About", ShowAbout()),
        SEPARATOR,
        MenuEntry("Quit", Quit()),
    )


def default_command(menu: Sequence[MenuEntry]) -> Command | None:
    return next((e.command for e in menu if e.default), None)
