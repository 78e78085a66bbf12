"""Idle time on macOS: Quartz when pyobjc is installed, else `ioreg`'s HIDIdleTime.

`ioreg` costs a process per sample; the daemon samples every 30 s or so, which is cheap
enough, and it needs no extra package.
"""

from __future__ import annotations

import re
import subprocess
from typing import Any

from deskbreak.idle.base import IdleUnavailable

IOREG = ("/usr/sbin/ioreg", "-c", "IOHIDSystem")
_HID_IDLE = re.compile(r'"HIDIdleTime"\s*=\s*(\d+)')
#: kCGEventSourceStateHIDSystemState, kCGAnyInputEventType.
_HID_SYSTEM_STATE = 1
_ANY_INPUT = 0xFFFFFFFF


def parse_hid_idle_ns(output: str) -> int:
    """The first HIDIdleTime (nanoseconds) in `ioreg` output; ValueError when there is none."""
    match = _HID_IDLE.search(output)
    if match is None:
        raise ValueError("no HIDIdleTime in ioreg output")
    return int(match.group(1))


class QuartzIdleSource:
    """CoreGraphics' seconds since any input event (pyobjc-framework-Quartz)."""

    name = "macos-quartz"

    def __init__(self) -> None:
        try:
            import Quartz
        except ImportError as exc:
            raise IdleUnavailable("pyobjc Quartz is not installed") from exc
        self._quartz: Any = Quartz

    def idle_seconds(self) -> float:
        seconds = self._quartz.CGEventSourceSecondsSinceLastEventType(_HID_SYSTEM_STATE, _ANY_INPUT)
        return float(seconds)

    def close(self) -> None:
        """Nothing to release."""


class IoregIdleSource:
    """HIDIdleTime from `ioreg -c IOHIDSystem`, run without a shell."""

    name = "macos-ioreg"

    def __init__(self, command: tuple[str, ...] = IOREG) -> None:
        self._command = command

    def idle_seconds(self) -> float:
        try:
            done = subprocess.run(
                list(self._command), capture_output=True, text=True, timeout=2, check=True
            )
            return parse_hid_idle_ns(done.stdout) / 1e9
        except (OSError, subprocess.SubprocessError, ValueError) as exc:
            raise IdleUnavailable(f"ioreg gave no idle time: {exc}") from exc

    def close(self) -> None:
        """Nothing to release."""
