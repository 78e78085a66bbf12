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
    enabled: bool = True  # False: shown greyed, because it cannot act right now

    @property
    def is_separator(self) -> bool:
        return self.label == "-"


SEPARATOR = MenuEntry("-")


@dataclass(frozen=True)
class MenuStatus:
    """What the menu says at its top, and which items can act now."""

    lines: tuple[str, ...]  # e.g. ("Sitting 12 min · break at 50",)
    can_snooze: bool = False
    paused: bool = False
    in_break: bool = False


def standard_menu(
    routines: Sequence[tuple[str, str]],
    snooze_minutes: int = 10,
    status: MenuStatus | None = None,
) -> tuple[MenuEntry, ...]:
    """The tray menu. ``routines``: (routine id, label such as "Quick reset · 3 min").

    With a ``status``, its lines head the menu (greyed, they do nothing) and the items that
    would be refused are greyed: Snooze when no offer is up, Resume when nothing is paused,
    Pause during a break. Without one every item is enabled."""
    can_pause = status is None or not status.in_break
    pause = (
        MenuEntry("30 min", Pause(30), enabled=can_pause),
        MenuEntry("1 hour", Pause(60), enabled=can_pause),
        MenuEntry("Until tomorrow", Pause(None), enabled=can_pause),
        SEPARATOR,
        MenuEntry("Resume", Resume(), enabled=status is None or status.paused),
    )
    head: tuple[MenuEntry, ...] = ()
    if status is not None:
        head = (*(MenuEntry(line, enabled=False) for line in status.lines), SEPARATOR)
    return (
        *head,
        MenuEntry("Take a break now", TakeBreak(), default=True),
        MenuEntry(
            "Routines",
            submenu=tuple(MenuEntry(label, TakeBreak(rid)) for rid, label in routines),
        ),
        MenuEntry(
            f"Snooze {snooze_minutes} min", Snooze(), enabled=status is None or status.can_snooze
        ),
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
