"""The config file: read with tomllib, saved with tomlkit keeping the user's comments, atomically.

Reading needs only the standard library's parser; tomlkit (a few MB resident) is imported
only when a save must keep the file's comments and order.

Reading never writes (except the one first-run copy of the commented default, and removing
temp files a killed save left behind), and a broken file is reported and left alone: the app
runs on defaults until it is fixed.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import time
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deskbreak.core.settings import (
    WEEKDAYS,
    Problem,
    Settings,
    settings_from_mapping,
    settings_to_mapping,
)
from deskbreak.shell import resources, safe_read

log = logging.getLogger(__name__)

MAX_CONFIG_BYTES = 1_000_000
#: A save's temp file older than this belongs to a save that was killed, not a running one.
STALE_TEMP_SECONDS = 60.0


@dataclass(frozen=True)
class LoadedConfig:
    """The settings in force, and everything that was wrong on the way to them."""

    settings: Settings
    problems: list[Problem] = field(default_factory=list)
    fatal: str | None = None  # the file could not be used at all (what, not what follows)

    @property
    def ok(self) -> bool:
        return self.fatal is None and not self.problems

    def messages(self, path: Path, *, running: bool = False) -> list[str]:
        """Each problem as a line for the user. ``running``: the app keeps the settings it
        has (a broken hand edit); otherwise this run uses the defaults."""
        if self.fatal:
            then = (
                "the settings in force are kept until it is fixed"
                if running
                else "deskbreak runs on the defaults until it is fixed"
            )
            return [f"{self.fatal}; the file is left as it is and {then}."]
        return [f"{path}: {problem}" for problem in self.problems]


def ensure_user_config(path: Path) -> bool:
    """Copy the commented default to ``path`` if there is no file yet; True if copied."""
    if path.exists():
        return False
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    _atomic_write(path, resources.default_config().read_text(encoding="utf-8"))
    return True


def load(path: Path) -> LoadedConfig:
    """Read and validate ``path``; a missing file means the defaults."""
    _remove_stale_temps(path)
    try:
        text = safe_read.read_text(path, MAX_CONFIG_BYTES)
    except FileNotFoundError:
        return LoadedConfig(Settings())
    except safe_read.UnreadableFile as error:
        return LoadedConfig(Settings(), fatal=f"{path} cannot be read: it {error}")
    return parse(text, path)


def parse(text: str, path: Path | str = "config.toml") -> LoadedConfig:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return LoadedConfig(Settings(), fatal=f"{path}, {_where(error)}: {_reason(error)}")
    settings, problems = settings_from_mapping(data)
    return LoadedConfig(settings, problems)


def save(path: Path, settings: Settings) -> None:
    """Write ``settings`` into ``path``, keeping the user's comments, order and unknown keys.

    Only values that differ from what the file says are touched. The write is atomic:
    a crash part-way leaves the previous file whole.
    """
    import tomlkit

    try:
        document = tomlkit.parse(safe_read.read_text(path, MAX_CONFIG_BYTES))
    except FileNotFoundError:
        document = tomlkit.parse(resources.default_config().read_text(encoding="utf-8"))
    values = settings_to_mapping(settings)
    _merge(document, values)
    _drop_removed_days(document, values["schedule"])
    _atomic_write(path, tomlkit.dumps(document))


def _merge(container: Any, values: Mapping[str, Any]) -> None:
    import tomlkit
    from tomlkit.items import Table

    for key, value in values.items():
        if isinstance(value, Mapping):
            table = container.get(key)
            if not isinstance(table, Table | dict):
                table = tomlkit.table()
                container[key] = table
            _merge(table, value)
        elif container.get(key) != value:
            container[key] = value


def _drop_removed_days(document: Any, schedule: Mapping[str, Any]) -> None:
    """A day set back to the common hours loses its own table (the one key we delete)."""
    table = document.get("schedule")
    if table is None:
        return
    for day in WEEKDAYS:
        if day in table and day not in schedule:
            del table[day]


def _atomic_write(path: Path, text: str) -> None:
    """Temp file in the same folder, fsync, rename: the old file survives any crash."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, _private_mode(path))
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _private_mode(path: Path) -> int:
    """0600, or the user's own stricter mode for the file being replaced: never widened."""
    try:
        return os.stat(path).st_mode & 0o600
    except OSError:
        return 0o600


def _remove_stale_temps(path: Path) -> None:
    """A save killed between its temp file and the rename leaves ``.config.toml.*.tmp``."""
    cutoff = time.time() - STALE_TEMP_SECONDS
    try:
        for temp in path.parent.glob(f".{path.name}.*.tmp"):
            if temp.is_file() and temp.stat().st_mtime < cutoff:
                temp.unlink(missing_ok=True)
    except OSError as error:  # housekeeping only: never a reason not to read the config
        log.debug("could not remove stale temp files beside %s: %s", path, error)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


def _where(error: tomllib.TOMLDecodeError) -> str:
    found = _POSITION.search(str(error))
    return f"line {found[1]}, column {found[2]}" if found else "somewhere in the file"


def _reason(error: tomllib.TOMLDecodeError) -> str:
    """tomllib ends its message with "(at line L, column C)"; we already say where."""
    return _POSITION.sub("", str(error)).rstrip(".") or "not valid TOML"
