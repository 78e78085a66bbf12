"""The config file while the app runs: first read, and hand edits noticed on the next wake.

A change is seen by the file's modification time and size (one ``stat`` per wake, no
watcher thread). A broken hand edit is reported and not applied: the app keeps the
settings it has until the file is fixed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from deskbreak.core.settings import Settings
from deskbreak.shell import configfile

log = logging.getLogger(__name__)

Stamp = tuple[int, int] | None


class ConfigWatch:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.problem: str | None = None  # a short notice for the tray, or None
        self.first_run = False  # the commented default was written on this start
        self._stamp: Stamp = None

    def first_read(self) -> Settings:
        """Write the commented default on first run, then read; a bad file means defaults."""
        try:
            self.first_run = configfile.ensure_user_config(self.path)
        except OSError as error:
            log.warning("cannot write %s (%s); using the defaults", self.path, error)
        self._stamp = _stamp(self.path)
        loaded = configfile.load(self.path)
        for message in loaded.messages(self.path):
            log.warning("%s", message)
        if not loaded.ok:
            self.problem = "Config problem: run `deskbreak config check`"
        return loaded.settings

    def changed(self) -> Settings | None:
        """New settings after a good hand edit; None when nothing (usable) changed."""
        stamp = _stamp(self.path)
        if stamp == self._stamp:
            return None
        self._stamp = stamp
        loaded = configfile.load(self.path)
        if not loaded.ok:
            for message in loaded.messages(self.path, running=True):
                log.warning("config not applied: %s", message)
            self.problem = "Config edit not applied: run `deskbreak config check`"
            return None
        log.info("config file changed; applying it")
        self.problem = None
        return loaded.settings

    def saved(self) -> None:
        """Our own save (the settings dialog) is not a hand edit."""
        self._stamp = _stamp(self.path)
        self.problem = None


def _stamp(path: Path) -> Stamp:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size
