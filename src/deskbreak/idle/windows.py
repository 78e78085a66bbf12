"""Idle time on Windows: `GetLastInputInfo` against `GetTickCount`, both 32-bit milliseconds.

Importable everywhere (the ctypes calls happen only on win32), so the wrap arithmetic is
tested on any machine: the tick counter wraps every 2**32 ms (49.7 days), and a last input
just before the wrap must still read as a short idle time, not a negative or huge one.
"""

from __future__ import annotations

import ctypes
import sys

from deskbreak.idle.base import IdleUnavailable

_TICK_MASK = 0xFFFFFFFF

#: SHQueryUserNotificationState answers that mean "do not disturb": busy (full-screen app),
#: a full-screen Direct3D game or video, presentation mode.
QUNS_DO_NOT_DISTURB = frozenset({2, 3, 4})


def idle_ms(now_tick: int, last_input_tick: int) -> int:
    """Milliseconds between two 32-bit tick counts, correct across one wrap of the counter."""
    return (now_tick - last_input_tick) & _TICK_MASK


class _LastInputInfo(ctypes.Structure):
    _fields_ = [("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint32)]


class WindowsIdleSource:
    """System-wide time since the last keyboard or mouse input of this session."""

    name = "windows-lastinput"

    def __init__(self) -> None:
        if sys.platform != "win32":
            raise IdleUnavailable("GetLastInputInfo exists only on Windows")
        self._user32 = ctypes.WinDLL("user32")
        self._kernel32 = ctypes.WinDLL("kernel32")
        self._kernel32.GetTickCount.restype = ctypes.c_uint32

    def idle_seconds(self) -> float:
        if sys.platform != "win32":
            raise IdleUnavailable("GetLastInputInfo exists only on Windows")
        info = _LastInputInfo()
        info.cbSize = ctypes.sizeof(info)
        if not self._user32.GetLastInputInfo(ctypes.byref(info)):
            raise IdleUnavailable("GetLastInputInfo failed")
        return idle_ms(int(self._kernel32.GetTickCount()), int(info.dwTime)) / 1000.0

    def close(self) -> None:
        """Nothing to release: the DLLs stay loaded for the process."""


def fullscreen_app_running() -> bool:
    """True when Windows itself would hold back notifications (full-screen app, presentation)."""
    if sys.platform != "win32":
        return False
    state = ctypes.c_int(0)
    if ctypes.WinDLL("shell32").SHQueryUserNotificationState(ctypes.byref(state)) != 0:
        return False
    return state.value in QUNS_DO_NOT_DISTURB


class WindowsFullscreenWatch:
    """Windows' own notification state: a full-screen app, game, video or presentation."""

    def fullscreen_active(self) -> bool:
        return fullscreen_app_running()

    def close(self) -> None:
        """Nothing to release."""
