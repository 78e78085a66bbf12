"""Which context sources (calls, media, inhibitors) work in this session, opened once at start.

Each candidate is opened and asked once; one that fails is left out with its reason, which
`deskbreak doctor` shows. None of them starts a thread or a timer.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping

from deskbreak.idle.base import ContextSource, IdleUnavailable
from deskbreak.idle.select import SourceCheck, Verdict
from deskbreak.idle.session_bus import open_session_bus

ContextOpener = Callable[[Mapping[str, str]], ContextSource]


def _open_pulse(environ: Mapping[str, str]) -> ContextSource:
    from deskbreak.idle.context_pulse import PulseMicrophone

    return PulseMicrophone(environ.get("PULSE_SERVER") or None)


def _open_camera(environ: Mapping[str, str]) -> ContextSource:
    from deskbreak.idle.context_camera import ProcCamera

    return ProcCamera()


def _open_mpris(environ: Mapping[str, str]) -> ContextSource:
    bus = open_session_bus(environ)
    from deskbreak.idle.context_dbus import MprisPlayers

    return MprisPlayers(bus)


def _open_inhibitors(environ: Mapping[str, str]) -> ContextSource:
    bus = open_session_bus(environ)
    from deskbreak.idle.context_dbus import SessionInhibitors

    return SessionInhibitors(bus)


def _open_windows(environ: Mapping[str, str]) -> ContextSource:
    from deskbreak.idle.context_windows import ConsentStoreDevices

    return ConsentStoreDevices()


def _open_macos(environ: Mapping[str, str]) -> ContextSource:
    from deskbreak.idle.context_macos import MacDevicesInUse

    return MacDevicesInUse()


CONTEXT_OPENERS: dict[str, ContextOpener] = {
    "pulse-microphone": _open_pulse,
    "proc-camera": _open_camera,
    "mpris-players": _open_mpris,
    "idle-inhibitors": _open_inhibitors,
    "windows-consent-store": _open_windows,
    "macos-devices": _open_macos,
}


def context_candidates(platform: str) -> list[str]:
    if platform == "win32":
        return ["windows-consent-store"]
    if platform == "darwin":
        return ["macos-devices"]
    return ["pulse-microphone", "proc-camera", "mpris-players", "idle-inhibitors"]


def open_context_sources(
    environ: Mapping[str, str] = os.environ,
    *,
    platform: str = sys.platform,
    openers: Mapping[str, ContextOpener] = CONTEXT_OPENERS,
) -> tuple[list[ContextSource], list[SourceCheck]]:
    """The sources that answered once, open, and a verdict for every candidate."""
    sources: list[ContextSource] = []
    checks: list[SourceCheck] = []
    for name in context_candidates(platform):
        try:
            source = openers[name](environ)
            active = source.active()
        except ImportError as exc:
            checks.append(SourceCheck(name, Verdict.FAILED, f"not installed: {exc}"))
            continue
        except IdleUnavailable as exc:
            checks.append(SourceCheck(name, Verdict.FAILED, str(exc) or "no answer"))
            continue
        sources.append(source)
        now = "yes" if active else "no"
        checks.append(SourceCheck(name, Verdict.CHOSEN, f"works ({source.kind} now: {now})"))
    return sources, checks


def describe_context_sources(
    environ: Mapping[str, str] = os.environ, *, platform: str = sys.platform
) -> list[SourceCheck]:
    """For `deskbreak doctor`: every candidate opened, asked once and closed again."""
    sources, checks = open_context_sources(environ, platform=platform)
    for source in sources:
        source.close()
    return checks
