"""Microphone in use, from the sound server: a capture stream is open on a real source.

PulseAudio and PipeWire's pulse server speak the same protocol; ``pulsectl`` (ctypes over
libpulse) talks to either. Why not an event subscription: it would need a thread or a
file-descriptor watch that wakes the app on every stream change of every application, all
day, to answer a question that matters only a few minutes an hour. Instead the engine asks
when the answer matters (see :class:`~deskbreak.idle.base.ContextSource`): two round trips
on a connection kept open, which the server leaves silent in between (nothing subscribed).

Capture from a *monitor* source (a screen recorder taking the desktop's sound, a level
meter) is not a call, nor is a corked (paused) stream.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from deskbreak.idle.base import CALL, IdleUnavailable

log = logging.getLogger(__name__)

#: Seconds to wait for the server when connecting; it is local, so it answers at once or never.
CONNECT_TIMEOUT = 0.5
#: pulse's PA_INVALID_INDEX: "not a monitor" in a source's ``monitor_of_sink``.
INVALID_INDEX = 0xFFFFFFFF


class PulseMicrophone:
    """``active()``: some application is recording from a source that is not a monitor."""

    name = "pulse-microphone"
    kind = CALL
    costly = False

    def __init__(self, server: str | None = None) -> None:
        try:
            import pulsectl
        except (ImportError, OSError) as exc:  # not installed, or libpulse.so.0 is missing
            raise IdleUnavailable(f"pulsectl cannot load ({exc})") from exc
        self._pulsectl = pulsectl
        self._server = server
        self._pulse: Any = None
        self._connect()

    def active(self) -> bool:
        return bool(self.recording())

    def recording(self) -> list[str]:
        """Names of the applications recording from a real source (for logs and tests)."""
        if self._pulse is None:
            self._connect()
        try:
            sources = {s.index: s for s in self._pulse.source_list()}
            outputs = self._pulse.source_output_list()
        except self._pulsectl.PulseError as exc:
            self.close()  # reconnect on the next call: the server may have restarted
            raise IdleUnavailable(f"the sound server stopped answering: {exc}") from exc
        return [
            _app_name(output.proplist)
            for output in outputs
            if not output.corked and _is_real_source(sources.get(output.source))
        ]

    def _connect(self) -> None:
        pulse = self._pulsectl.Pulse("deskbreak", server=self._server, connect=False)
        try:
            pulse.connect(autospawn=False, timeout=CONNECT_TIMEOUT)
        except self._pulsectl.PulseError as exc:
            pulse.close()
            raise IdleUnavailable(f"no sound server answers ({exc})") from exc
        self._pulse = pulse

    def close(self) -> None:
        pulse, self._pulse = self._pulse, None
        if pulse is not None:
            pulse.close()


def _is_real_source(source: Any) -> bool:
    """A capture device (a microphone, a headset), not the monitor of an output."""
    if source is None:
        return False
    monitor_of = getattr(source, "monitor_of_sink", INVALID_INDEX)
    return monitor_of in (None, INVALID_INDEX)


def _app_name(proplist: Mapping[str, str]) -> str:
    return proplist.get("application.name") or proplist.get("media.name") or "?"
