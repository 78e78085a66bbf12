"""Start deskbreak at login, the way each desktop expects.

Linux: an XDG autostart entry in $XDG_CONFIG_HOME/autostart; macOS: a LaunchAgent plist in
~/Library/LaunchAgents; Windows: a value under HKCU\\...\\CurrentVersion\\Run. Each points at
the copy of deskbreak that is running now (see ``launcher``). Switching off removes only an
entry deskbreak wrote itself, recognised by a marker, so a user's own entry is never lost.
"""

from __future__ import annotations

import importlib
import os
import plistlib
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Protocol

from deskbreak.shell import desktop_entry
from deskbreak.shell.launcher import Launcher, launch_command, write_atomic

__all__ = [
    "AutostartError",
    "AutostartState",
    "AutostartStatus",
    "Launcher",
    "disable",
    "enable",
    "launch_command",
    "status",
]

XDG_MARKER = "X-Deskbreak-Autostart"
AGENT_LABEL = "io.github.deskbreak.Deskbreak"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "deskbreak"


class AutostartState(Enum):
    OFF = "off"
    ON = "on"
    FOREIGN = "on, by an entry deskbreak did not write"


@dataclass(frozen=True)
class AutostartStatus:
    state: AutostartState
    location: str  # the file, or the registry value
    command: str | None = None  # what the entry runs, as written there
    current: bool = False  # True when it starts the copy of deskbreak running now


class AutostartError(Exception):
    """The change could not be made; the message says why and what to do."""


@dataclass(frozen=True)
class _Found:
    ours: bool
    command: str


class _Backend(Protocol):
    location: str

    def read(self) -> _Found | None: ...
    def write(self, launcher: Launcher) -> None: ...
    def remove(self) -> None: ...
    def describe(self, launcher: Launcher) -> str: ...


class _XdgBackend:
    def __init__(self, environ: Mapping[str, str]) -> None:
        value = environ.get("XDG_CONFIG_HOME", "")
        home = Path(environ.get("HOME") or Path.home())
        config = Path(value) if value and os.path.isabs(value) else home / ".config"
        self.path = config / "autostart" / desktop_entry.ENTRY_NAME
        self.location = str(self.path)

    def read(self) -> _Found | None:
        if not self.path.exists():
            return None
        keys = desktop_entry.read_entry(self.path)
        return _Found(keys.get(XDG_MARKER) == "true", keys.get("Exec", ""))

    def write(self, launcher: Launcher) -> None:
        text = desktop_entry.render(launcher.argv, marker=XDG_MARKER, autostart=True)
        write_atomic(self.path, text, mode=0o644)

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)

    def describe(self, launcher: Launcher) -> str:
        return desktop_entry.exec_value(launcher.argv)


class _LaunchAgentBackend:
    """launchd refuses agents that are group- or world-writable, hence 0644."""

    def __init__(self, environ: Mapping[str, str]) -> None:
        home = Path(environ.get("HOME") or Path.home())
        self.path = home / "Library" / "LaunchAgents" / f"{AGENT_LABEL}.plist"
        self.location = str(self.path)

    def read(self) -> _Found | None:
        if not self.path.exists():
            return None
        try:
            data = plistlib.loads(self.path.read_bytes())
        except (OSError, plistlib.InvalidFileException, ValueError):
            return _Found(False, "")
        ours = isinstance(data, dict) and data.get("Label") == AGENT_LABEL
        argv = data.get("ProgramArguments", []) if isinstance(data, dict) else []
        return _Found(ours, subprocess.list2cmdline([str(a) for a in argv]))

    def write(self, launcher: Launcher) -> None:
        agent = {
            "Label": AGENT_LABEL,
            "ProgramArguments": list(launcher.argv),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
        write_atomic(self.path, plistlib.dumps(agent).decode("utf-8"), mode=0o644)

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)

    def describe(self, launcher: Launcher) -> str:
        return subprocess.list2cmdline(launcher.argv)


class RunKey(Protocol):
    """The three registry operations the Windows backend needs (faked in tests)."""

    def get(self, name: str) -> str | None: ...
    def set(self, name: str, value: str) -> None: ...
    def delete(self, name: str) -> None: ...


def _winreg() -> Any:
    """Imported only when used, on Windows; typeshed hides it from mypy on other platforms."""
    return importlib.import_module("winreg")


class _WinregRunKey:
    def get(self, name: str) -> str | None:
        winreg = _winreg()
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                value, _kind = winreg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return str(value)

    def set(self, name: str, value: str) -> None:
        winreg = _winreg()
        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

    def delete(self, name: str) -> None:
        winreg = _winreg()
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, name)
        except FileNotFoundError:
            pass


class _RunKeyBackend:
    """A Run value can't carry a marker: it is ours when it starts a deskbreak."""

    location = f"HKEY_CURRENT_USER\\{RUN_KEY}\\{RUN_VALUE}"

    def __init__(self, registry: RunKey | None = None) -> None:
        self.registry = registry or _WinregRunKey()

    def read(self) -> _Found | None:
        value = self.registry.get(RUN_VALUE)
        if value is None:
            return None
        return _Found("deskbreak" in value.lower(), value)

    def write(self, launcher: Launcher) -> None:
        self.registry.set(RUN_VALUE, self.describe(launcher))

    def remove(self) -> None:
        self.registry.delete(RUN_VALUE)

    def describe(self, launcher: Launcher) -> str:
        return subprocess.list2cmdline(launcher.argv)


def _backend(
    platform: str | None, environ: Mapping[str, str] | None, registry: RunKey | None
) -> _Backend:
    platform = sys.platform if platform is None else platform
    env = os.environ if environ is None else environ
    if platform == "win32":
        return _RunKeyBackend(registry)
    if platform == "darwin":
        return _LaunchAgentBackend(env)
    return _XdgBackend(env)


def status(
    launcher: Launcher | None = None,
    *,
    platform: str | None = None,
    environ: Mapping[str, str] | None = None,
    registry: RunKey | None = None,
) -> AutostartStatus:
    """Whether deskbreak starts at login, from what entry, and whether it runs this copy."""
    backend = _backend(platform, environ, registry)
    found = backend.read()
    if found is None:
        return AutostartStatus(AutostartState.OFF, backend.location)
    wanted = backend.describe(launcher or launch_command())
    state = AutostartState.ON if found.ours else AutostartState.FOREIGN
    return AutostartStatus(state, backend.location, found.command, found.command == wanted)


def enable(
    launcher: Launcher | None = None,
    *,
    platform: str | None = None,
    environ: Mapping[str, str] | None = None,
    registry: RunKey | None = None,
) -> AutostartStatus:
    """Write (or refresh) our entry so deskbreak starts at login; an entry of the user's own
    is left alone and reported, since replacing it could lose their changes."""
    launcher = launcher or launch_command()
    backend = _backend(platform, environ, registry)
    found = backend.read()
    if found is not None and not found.ours:
        raise AutostartError(
            f"{backend.location} exists and was not written by deskbreak; "
            "it already starts something at login, so it is left alone."
        )
    try:
        backend.write(launcher)
    except OSError as error:
        raise AutostartError(f"could not write {backend.location}: {error}") from error
    return status(launcher, platform=platform, environ=environ, registry=registry)


def disable(
    *,
    platform: str | None = None,
    environ: Mapping[str, str] | None = None,
    registry: RunKey | None = None,
) -> AutostartStatus:
    """Remove our entry; returns FOREIGN (and removes nothing) if the entry is not ours."""
    backend = _backend(platform, environ, registry)
    found = backend.read()
    if found is not None and found.ours:
        try:
            backend.remove()
        except OSError as error:
            raise AutostartError(f"could not remove {backend.location}: {error}") from error
    return status(platform=platform, environ=environ, registry=registry)
