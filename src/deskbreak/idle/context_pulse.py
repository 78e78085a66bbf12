"""Microphone in use, from the sound server: a capture stream is open on a real source.

PulseAudio and PipeWire's pulse server speak the same protocol, and both ship ``pactl``
(pulseaudio-utils, or pipewire-pulse), whose ``--format=json`` lists the capture streams
and the sources they record from. Why a short-lived ``pactl`` rather than a library kept
loaded: ``pulsectl`` (ctypes over libpulse) kept 3.2 MB resident in an app that sits in the
tray all day (measured), while the question matters only a few minutes an hour. The engine
asks only then (see :class:`~deskbreak.idle.base.ContextSource`): two ``pactl`` runs, about
10 ms and 20 ms of CPU, and nothing at all in between — no subscription, no thread.

Capture from a *monitor* source (a screen recorder taking the desktop's sound, a level
meter) is not a call, nor is a corked (paused) stream.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
from typing import Any

from deskbreak.idle.base import CALL, IdleUnavailable

log = logging.getLogger(__name__)

#: Seconds to wait for pactl; the server is local, so it answers at once or never.
PACTL_TIMEOUT = 2.0


class PulseMicrophone:
    """``active()``: some application is recording from a source that is not a monitor."""

    name = "pulse-microphone"
    kind = CALL
    costly = False

    def __init__(self, server: str | None = None) -> None:
        pactl = shutil.which("pactl")
        if pactl is None:
            raise IdleUnavailable("pactl is not installed (pulseaudio-utils or pipewire-pulse)")
        self._pactl = pactl
        self._env = {**os.environ, "PULSE_SERVER": server} if server else None
        self._list("sources")  # says now, for doctor and the log, whether a server answers

    def active(self) -> bool:
        return bool(self.recording())

    def recording(self) -> list[str]:
        """Names of the applications recording from a real source (for logs and tests)."""
        outputs = self._list("source-outputs")
        if not any(not o.get("corked", False) for o in outputs):
            return []  # nobody records: no need to ask for the sources
        real = {s.get("index") for s in self._list("sources") if not s.get("monitor_source")}
        return [
            _app_name(o.get("properties", {}))
            for o in outputs
            if not o.get("corked", False) and o.get("source") in real
        ]

    def _list(self, what: str) -> list[dict[str, Any]]:
        try:
            done = subprocess.run(
                [self._pactl, "--format=json", "list", what],
                capture_output=True,
                text=True,
                timeout=PACTL_TIMEOUT,
                env=self._env,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise IdleUnavailable(f"pactl did not answer ({exc})") from exc
        if done.returncode != 0:
            reason = done.stderr.strip().splitlines()[-1:] or ["no reason given"]
            raise IdleUnavailable(f"no sound server answers ({reason[0]})")
        try:
            listed = json.loads(done.stdout or "[]")
        except ValueError as exc:
            raise IdleUnavailable(
                f"pactl gave no JSON ({exc}); pactl 16 or newer is needed"
            ) from exc
        return [item for item in listed if isinstance(item, dict)]

    def close(self) -> None:
        """Nothing is kept open between questions."""


def _app_name(properties: Any) -> str:
    if not isinstance(properties, dict):
        return "?"
    return str(properties.get("application.name") or properties.get("media.name") or "?")
