"""Which idle source and desktop probe to use here, chosen once at start-up, and why.

Every candidate that fits the session is opened and asked once for the idle time; the first
that answers is used. On Wayland the X11 counter is never a candidate: XWayland's counter
only sees input to X11 windows, so it would report a busy user as away. `describe_sources`
runs the same rules but asks every candidate, so `deskbreak doctor` can say why each one was
or was not used.
"""

from __future__ import annotations

import enum
import importlib.util
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from deskbreak.idle.base import IdleSource, IdleUnavailable
from deskbreak.idle.session_bus import open_session_bus, session_bus_address

#: Opens a source for this environment without asking it anything yet; IdleUnavailable if it can't.
Opener = Callable[[Mapping[str, str]], IdleSource]

NO_SOURCE = "no idle source: counting work hours as sitting"


class Verdict(enum.Enum):
    CHOSEN = "chosen"
    WORKS = "works, not needed"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class SourceCheck:
    """What happened to one candidate: `reason` is a short sentence a user can act on."""

    name: str
    verdict: Verdict
    reason: str

    def line(self) -> str:
        return f"{self.name}: {self.verdict.value} — {self.reason}"


@dataclass(frozen=True)
class SourceReport:
    """All candidates for this session, in the order they are tried, and the resulting summary."""

    checks: tuple[SourceCheck, ...]
    summary: str

    @property
    def chosen(self) -> str | None:
        return next((c.name for c in self.checks if c.verdict is Verdict.CHOSEN), None)

    def lines(self) -> list[str]:
        return [self.summary, *(f"  {check.line()}" for check in self.checks)]


def is_wayland(environ: Mapping[str, str]) -> bool:
    return bool(environ.get("WAYLAND_DISPLAY")) or environ.get("XDG_SESSION_TYPE") == "wayland"


def _open_x11(environ: Mapping[str, str]) -> IdleSource:
    from deskbreak.idle.x11 import X11IdleSource

    return X11IdleSource(environ.get("DISPLAY"))


def _open_mutter(environ: Mapping[str, str]) -> IdleSource:
    bus = open_session_bus(environ)
    from deskbreak.idle.dbus import MutterIdleSource

    return MutterIdleSource(bus)


def _open_freedesktop(environ: Mapping[str, str]) -> IdleSource:
    bus = open_session_bus(environ)
    from deskbreak.idle.dbus import FreedesktopIdleSource

    return FreedesktopIdleSource(bus)


def _open_windows(environ: Mapping[str, str]) -> IdleSource:
    from deskbreak.idle.windows import WindowsIdleSource

    return WindowsIdleSource()


def _open_quartz(environ: Mapping[str, str]) -> IdleSource:
    from deskbreak.idle.macos import QuartzIdleSource

    return QuartzIdleSource()


def _open_ioreg(environ: Mapping[str, str]) -> IdleSource:
    from deskbreak.idle.macos import IoregIdleSource

    return IoregIdleSource()


OPENERS: dict[str, Opener] = {
    "x11-screensaver": _open_x11,
    "gnome-mutter": _open_mutter,
    "freedesktop-screensaver": _open_freedesktop,
    "windows-lastinput": _open_windows,
    "macos-quartz": _open_quartz,
    "macos-ioreg": _open_ioreg,
}


def candidates(environ: Mapping[str, str], platform: str) -> list[tuple[str, str | None]]:
    """(name, reason to skip it or None) for this session, best first."""
    if platform == "win32":
        return [("windows-lastinput", None)]
    if platform == "darwin":
        return [("macos-quartz", None), ("macos-ioreg", None)]
    if is_wayland(environ):
        x11_skip: str | None = "Wayland session: XWayland only counts input to X11 windows"
    elif not environ.get("DISPLAY"):
        x11_skip = "DISPLAY is not set"
    else:
        x11_skip = None
    bus_skip: str | None = None
    if session_bus_address(environ) is None:
        bus_skip = "no session bus address"
    elif importlib.util.find_spec("jeepney") is None:
        bus_skip = "jeepney is not installed"
    return [
        ("x11-screensaver", x11_skip),
        ("gnome-mutter", bus_skip),
        ("freedesktop-screensaver", bus_skip),
    ]


def _survey(
    environ: Mapping[str, str], platform: str, openers: Mapping[str, Opener], keep_going: bool
) -> tuple[IdleSource | None, SourceReport]:
    chosen: IdleSource | None = None
    checks: list[SourceCheck] = []
    for name, skip in candidates(environ, platform):
        if skip is not None:
            checks.append(SourceCheck(name, Verdict.SKIPPED, skip))
            continue
        if chosen is not None and not keep_going:
            checks.append(SourceCheck(name, Verdict.SKIPPED, f"{chosen.name} comes first"))
            continue
        try:
            source = openers[name](environ)
        except ImportError as exc:
            checks.append(SourceCheck(name, Verdict.FAILED, f"not installed: {exc}"))
            continue
        except IdleUnavailable as exc:
            checks.append(SourceCheck(name, Verdict.FAILED, str(exc)))
            continue
        try:
            idle = source.idle_seconds()
        except IdleUnavailable as exc:
            source.close()
            checks.append(SourceCheck(name, Verdict.FAILED, str(exc)))
            continue
        if chosen is None:
            chosen = source
            checks.append(SourceCheck(name, Verdict.CHOSEN, f"answered: idle {idle:.1f} s"))
        else:
            source.close()
            checks.append(SourceCheck(name, Verdict.WORKS, f"{chosen.name} comes first"))
    if chosen is not None:
        summary = f"idle source: {chosen.name}"
    else:
        failed = "; ".join(f"{c.name}: {c.reason}" for c in checks) or f"nothing for {platform}"
        summary = f"{NO_SOURCE} ({failed})"
    return chosen, SourceReport(tuple(checks), summary)


def choose_idle_source(
    environ: Mapping[str, str] = os.environ,
    *,
    platform: str = sys.platform,
    openers: Mapping[str, Opener] = OPENERS,
) -> tuple[IdleSource | None, str]:
    """The first source that answers, open, and a one-line summary for the tooltip and logs.

    None means no source works: the caller counts work-hours wall time as sitting and shows
    the summary (it starts with :data:`NO_SOURCE` and gives each candidate's reason).
    """
    source, report = _survey(environ, platform, openers, keep_going=False)
    return source, report.summary


def describe_sources(
    environ: Mapping[str, str] = os.environ,
    *,
    platform: str = sys.platform,
    openers: Mapping[str, Opener] = OPENERS,
) -> SourceReport:
    """For `deskbreak doctor`: every candidate asked once and closed again, with its verdict."""
    source, report = _survey(environ, platform, openers, keep_going=True)
    if source is not None:
        source.close()
    return report
