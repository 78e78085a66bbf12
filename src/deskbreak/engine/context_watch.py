"""Asks the context sources (calls, media, inhibitors) and hands the core one Context.

Only the sources the settings want are asked, costly ones only when a prompt is due, and a
call already found stops the asking of other call sources. A source that fails is logged
once and left alone for :data:`RETRY_SECONDS`, so a sound server that went away costs one
failed connect per ten minutes rather than one per sample.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from deskbreak.core.context import Context
from deskbreak.core.settings import ContextSettings
from deskbreak.idle.base import CALL, INHIBITOR, MEDIA, ContextSource, IdleUnavailable

log = logging.getLogger(__name__)

RETRY_SECONDS = 600.0


class ContextWatch:
    def __init__(self, sources: Sequence[ContextSource]) -> None:
        self.sources = list(sources)
        self._failed_at: dict[str, float] = {}
        self.reads = 0  # how many sources were asked in all (for tests and the bench)

    def read(self, settings: ContextSettings, mono: float, deep: bool) -> Context:
        """Ask what matters now; ``deep`` allows costly sources (a prompt is due)."""
        found = {CALL: False, MEDIA: False, INHIBITOR: False}
        wanted = {
            CALL: settings.calls,
            MEDIA: settings.media_counts_as_sitting,
            INHIBITOR: settings.media_counts_as_sitting,
        }
        for source in self.sources:
            if not wanted.get(source.kind) or found[source.kind] or (source.costly and not deep):
                continue
            failed = self._failed_at.get(source.name)
            if failed is not None and mono < failed + RETRY_SECONDS:
                continue
            self.reads += 1
            try:
                found[source.kind] = source.active()
            except IdleUnavailable as error:
                if failed is None:
                    log.warning("context source %s failed: %s", source.name, error)
                self._failed_at[source.name] = mono
                continue
            if failed is not None:
                log.info("context source %s works again", source.name)
                del self._failed_at[source.name]
        return Context(in_call=found[CALL], media_playing=found[MEDIA], inhibited=found[INHIBITOR])

    def close(self) -> None:
        for source in self.sources:
            source.close()
