"""What the user can ask the running app to do: one closed set of typed commands.

The tray menu, the Tk popup menu, the single-instance socket and the app's dispatcher all
speak these types, so a misspelt command is a type error mypy sees, not a log line at run
time. :func:`to_wire` and :func:`from_wire` are the one translation to and from the plain
``{"command": name, "args": [...]}`` form a second ``deskbreak`` sends over the socket.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class TakeBreak:
    """Open a guided break now; ``routine_id`` None means the prompt routine."""

    routine_id: str | None = None


@dataclass(frozen=True)
class Snooze:
    """Put the current offer off by the snooze length."""


@dataclass(frozen=True)
class Pause:
    """No offers for ``minutes``, or until the next workday starts when None."""

    minutes: int | None


@dataclass(frozen=True)
class Resume:
    """End a pause."""


@dataclass(frozen=True)
class ShowProgress:
    pass


@dataclass(frozen=True)
class ShowSettings:
    pass


@dataclass(frozen=True)
class ShowAbout:
    pass


@dataclass(frozen=True)
class Quit:
    pass


@dataclass(frozen=True)
class AnotherLaunch:
    """A plain second ``deskbreak`` was started; the running one stays and says so."""


@dataclass(frozen=True)
class OpenTrayMenu:
    """A right click on a tray icon that has no menu of its own, at root ``x, y``."""

    x: int
    y: int


@dataclass(frozen=True)
class HoverTrayIcon:
    """The pointer entered (``inside``) or left an XEmbed tray icon at root ``x, y``: the
    tray shows no tooltip of its own there, so the app shows the status."""

    x: int
    y: int
    inside: bool


Command = (
    TakeBreak
    | Snooze
    | Pause
    | Resume
    | ShowProgress
    | ShowSettings
    | ShowAbout
    | Quit
    | AnotherLaunch
    | OpenTrayMenu
    | HoverTrayIcon
)

#: What a second process may ask over the instance socket (never a menu at a position).
_WIRE_NAMES: dict[type[Command], str] = {
    AnotherLaunch: "run",
    TakeBreak: "break",
    Snooze: "snooze",
    Pause: "pause",
    Resume: "resume",
    ShowProgress: "show-progress",
    ShowSettings: "show-settings",
    ShowAbout: "show-about",
    Quit: "quit",
}
_BY_NAME = {name: kind for kind, name in _WIRE_NAMES.items()}
#: The commands that take no arguments, made by name.
_PLAIN: dict[str, Command] = {
    "run": AnotherLaunch(),
    "snooze": Snooze(),
    "resume": Resume(),
    "show-progress": ShowProgress(),
    "show-settings": ShowSettings(),
    "show-about": ShowAbout(),
    "quit": Quit(),
}
_ROUTINE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
#: The longest pause a command may ask for: a week, in minutes.
MAX_PAUSE_MINUTES = 7 * 24 * 60


class BadCommand(ValueError):
    """A wire command that is not one of ours; the text says which part is wrong."""


def to_wire(command: Command) -> tuple[str, tuple[str, ...]]:
    """``(name, args)`` for the socket; :class:`OpenTrayMenu` is local and refused."""
    name = _WIRE_NAMES.get(type(command))
    if name is None:
        raise BadCommand(f"{type(command).__name__} is not sent between processes")
    match command:
        case TakeBreak(routine_id=routine_id):
            return name, (routine_id,) if routine_id else ()
        case Pause(minutes=minutes):
            return name, (str(minutes) if minutes is not None else "tomorrow",)
        case _:
            return name, ()


def from_wire(name: str, args: Sequence[str]) -> Command:
    """The command a ``(name, args)`` pair stands for, or :class:`BadCommand`."""
    kind = _BY_NAME.get(name)
    if kind is None:
        raise BadCommand(f"unknown command {name[:40]!r}")
    if kind is TakeBreak:
        if len(args) > 1:
            raise BadCommand(f"break takes at most one routine id, got {len(args)} arguments")
        if args and not _ROUTINE_ID.fullmatch(args[0]):
            raise BadCommand(f"bad routine id {args[0][:40]!r}")
        return TakeBreak(args[0] if args else None)
    if kind is Pause:
        return Pause(_pause_minutes(args))
    if args:
        raise BadCommand(f"{name} takes no arguments, got {len(args)}")
    return _PLAIN[name]


def _pause_minutes(args: Sequence[str]) -> int | None:
    if len(args) != 1:
        raise BadCommand('pause takes one argument: minutes, or "tomorrow"')
    if args[0] == "tomorrow":
        return None
    if not args[0].isdigit() or not 1 <= int(args[0]) <= MAX_PAUSE_MINUTES:
        raise BadCommand(f"pause minutes must be from 1 to {MAX_PAUSE_MINUTES}")
    return int(args[0])
