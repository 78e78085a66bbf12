"""Where deskbreak keeps its files: platformdirs, overridable for portable use and tests.

Computed on demand from the arguments and environment, never at import time.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP = "deskbreak"


@dataclass(frozen=True)
class AppPaths:
    config_dir: Path
    data_dir: Path
    state_dir: Path
    log_dir: Path
    runtime_dir: Path

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"

    @property
    def database(self) -> Path:
        return self.data_dir / "deskbreak.sqlite3"

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "deskbreak.log"

    @property
    def window_state_file(self) -> Path:
        return self.state_dir / "windows.json"

    @property
    def first_run_marker(self) -> Path:
        return self.state_dir / "first-run-note-shown"

    def as_rows(self) -> list[tuple[str, Path]]:
        return [
            ("config", self.config_file),
            ("data", self.database),
            ("backups", self.backup_dir),
            ("state", self.state_dir),
            ("log", self.log_file),
            ("runtime", self.runtime_dir),
        ]


def resolve(
    config_dir: str | os.PathLike[str] | None = None,
    data_dir: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> AppPaths:
    """Flags win over ``DESKBREAK_CONFIG_DIR`` / ``DESKBREAK_DATA_DIR``, which win over platformdirs.

    With a data dir given, state and logs live beside the data, so one folder holds
    everything (portable use, and how every test keeps out of the real home).
    """
    env = os.environ if environ is None else environ
    config = config_dir or env.get("DESKBREAK_CONFIG_DIR")
    data = data_dir or env.get("DESKBREAK_DATA_DIR")
    dirs = platformdirs.PlatformDirs(APP, appauthor=False)
    data_path = Path(data).expanduser() if data else Path(dirs.user_data_dir)
    if data:
        state_path, log_path = data_path / "state", data_path / "logs"
        runtime_path = data_path / "run"
    else:
        state_path, log_path = Path(dirs.user_state_dir), Path(dirs.user_log_dir)
        runtime_path = _runtime_dir(dirs)
    return AppPaths(
        config_dir=Path(config).expanduser() if config else Path(dirs.user_config_dir),
        data_dir=data_path,
        state_dir=state_path,
        log_dir=log_path,
        runtime_dir=runtime_path,
    )


def _runtime_dir(dirs: platformdirs.PlatformDirs) -> Path:
    if os.name == "posix" and runtime_dir_problem(os.environ.get("XDG_RUNTIME_DIR")):
        return Path(dirs.user_state_dir) / "run"  # our own, 0700; private to this user, unlike /tmp
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return Path(dirs.user_runtime_dir)


def runtime_dir_problem(value: str | None) -> str | None:
    """Why ``$XDG_RUNTIME_DIR`` cannot be used (then deskbreak makes its own), or None."""
    if not value:
        return "XDG_RUNTIME_DIR is not set"
    folder = Path(value)
    try:
        info = folder.stat()
    except OSError as error:
        return f"XDG_RUNTIME_DIR={value} cannot be used ({error.strerror})"
    if not folder.is_dir():
        return f"XDG_RUNTIME_DIR={value} is not a folder"
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return f"XDG_RUNTIME_DIR={value} belongs to another user"
    if info.st_mode & 0o077:
        return f"XDG_RUNTIME_DIR={value} is open to other users (mode {info.st_mode & 0o777:o}, not 700)"
    if not os.access(folder, os.W_OK | os.X_OK) or not info.st_mode & 0o200:
        return f"XDG_RUNTIME_DIR={value} is not writable"
    return None


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` readable by this user only (0700 on POSIX).

    Missing folders above it are made 0700 too: ``mkdir(parents=True)`` would give them the
    umask's mode, and with the log dir that is deskbreak's own state dir.
    """
    for folder in reversed([path, *path.parents]):
        if not folder.exists():
            folder.mkdir(mode=0o700, exist_ok=True)
    if os.name == "posix":
        narrow_to_owner(path)
    return path


def narrow_to_owner(path: Path) -> None:
    """Take group and other bits off ``path``; never add a bit (a folder or file the user
    made read-only stays read-only)."""
    mode = path.stat().st_mode & 0o7777
    if mode & 0o077:
        path.chmod(mode & 0o700)
