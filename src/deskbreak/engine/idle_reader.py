"""Reading the idle source, with its failure and retry state.

Kept apart from the engine so the rule "a failed source is asked again only after
:data:`IDLE_RETRY_SECONDS`, and each change between working and failing is reported once"
lives in one small place; meanwhile the engine keeps counting work hours without idle data.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from deskbreak.engine.events import EngineEvent, IdleSourceChanged
from deskbreak.idle.base import IdleSource, IdleUnavailable

log = logging.getLogger(__name__)

#: After an idle source fails, count work hours and try the source again this much later.
IDLE_RETRY_SECONDS = 600.0


class IdleReader:
    """Asks the idle source for seconds since the last input, or None while it is failing."""

    def __init__(self, source: IdleSource | None, publish: Callable[[EngineEvent], None]) -> None:
        self._source = source
        self._publish = publish
        self.problem: str | None = None
        self._failed_at: float | None = None

    @property
    def working_name(self) -> str | None:
        """The source's name while it answers; None when there is none or it is failing."""
        return None if self._source is None or self.problem else self._source.name

    def read(self, mono: float) -> float | None:
        if self._source is None:
            return None
        if self._failed_at is not None and mono < self._failed_at + IDLE_RETRY_SECONDS:
            return None
        try:
            seconds = self._source.idle_seconds()
        except IdleUnavailable as error:
            problem = str(error) or "the idle source stopped answering"
            if self.problem is None:
                log.warning("idle source %s failed: %s", self._source.name, problem)
                self._publish(IdleSourceChanged(None, problem))
            self.problem, self._failed_at = problem, mono
            return None
        if self.problem is not None:
            self.problem = self._failed_at = None
            self._publish(IdleSourceChanged(self._source.name, None))
        return seconds

    def close(self) -> None:
        if self._source is not None:
            self._source.close()
