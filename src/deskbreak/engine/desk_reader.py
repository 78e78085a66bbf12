"""Desktop facts beside idle time: full screen, screen lock, calls and media (the context).

Apart from the engine because each of these costs a round trip to the X server or D-Bus, so
the rule of when to ask (only near a prompt, or when the input gap may end the spell before
the next sample) belongs with the asking; the engine only says how near a prompt is.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from deskbreak.core.context import Context
from deskbreak.core.settings import Settings
from deskbreak.engine.context_watch import ContextWatch
from deskbreak.idle.base import DesktopProbe

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeskFacts:
    """One sample's desktop facts; anything that could not be read counts as "no"."""

    dnd: bool = False  # a full-screen window while a prompt could be shown
    locked: bool = False
    context: Context = Context()


class DeskReader:
    """Reads the desktop probe and the context sources, each only when the answer matters."""

    def __init__(self, probe: DesktopProbe | None, context: ContextWatch | None) -> None:
        self._probe = probe
        self._context = context

    def read(
        self,
        mono: float,
        idle: float | None,
        settings: Settings,
        *,
        near_prompt: bool,
        sample_interval: float,
    ) -> DeskFacts:
        dnd = locked = False
        if self._probe is not None:
            try:
                dnd = near_prompt and bool(self._probe.fullscreen_active())
                locked = self._probe.screen_locked() is True
            except Exception:  # best effort: a desktop fact we cannot read is "no"
                log.debug("desktop probe failed", exc_info=True)
                dnd = False
        context = self._read_context(mono, idle, locked, settings, near_prompt, sample_interval)
        return DeskFacts(dnd, locked, context)

    def close(self) -> None:
        if self._context is not None:
            self._context.close()

    def _read_context(
        self,
        mono: float,
        idle: float | None,
        locked: bool,
        settings: Settings,
        near: bool,
        sample_interval: float,
    ) -> Context:
        """Ask the desktop only when it matters: the input gap may end the spell before the
        next sample, or a prompt is due. A lock outweighs any evidence: nothing is asked."""
        if self._context is None or locked or idle is None:
            return Context()
        reset = settings.breaks.idle_reset_minutes * 60.0
        if not near and idle + sample_interval < reset:
            return Context()
        return self._context.read(settings.context, mono, deep=near)
