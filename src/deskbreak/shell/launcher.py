"""How to start this very deskbreak again: the frozen app, the venv's script, or the module.

Autostart entries and the desktop entry must point at the copy that is installed, not at
whatever `deskbreak` happens to be first on a login shell's PATH (which a desktop session
may not even read), so the command is found from the running interpreter.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from enum import Enum
from pathlib import Path


class InstallKind(Enum):
    FROZEN = "frozen app"
    SCRIPT = "script"  # a venv, pipx, or pip --user install
    MODULE = "python -m"


@dataclass(frozen=True)
class Launcher:
    """The argv that starts deskbreak, and how it was found (shown by `autostart status`)."""

    argv: tuple[str, ...]
    kind: InstallKind

    def with_args(self, *args: str) -> Launcher:
        return Launcher((*self.argv, *args), self.kind)


def launch_command(
    *,
    executable: str | None = None,
    frozen: bool | None = None,
    platform: str | None = None,
) -> Launcher:
    """The frozen executable, else the `deskbreak` script beside the interpreter, else `-m`.

    The interpreter path is not resolved: a venv's python is a symlink, and following it
    would leave the venv (and its packages) behind.
    """
    executable = sys.executable if executable is None else executable
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    platform = sys.platform if platform is None else platform
    exe = Path(os.path.abspath(executable))
    if frozen:
        return Launcher((str(exe),), InstallKind.FROZEN)
    script = exe.parent / ("deskbreak.exe" if platform == "win32" else "deskbreak")
    if script.is_file() and (platform == "win32" or os.access(script, os.X_OK)):
        return Launcher((str(script),), InstallKind.SCRIPT)
    if platform == "win32":
        windowless = exe.with_name("pythonw.exe")  # no console window at login
        if windowless.is_file():
            exe = windowless
    return Launcher((str(exe), "-m", "deskbreak"), InstallKind.MODULE)


def write_atomic(path: Path, text: str, mode: int = 0o644) -> None:
    """Temp file beside the target, fsync, rename: a crash leaves the old file or none."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
