"""Microphone and camera in use on macOS, from the system's own "running somewhere" flags.

Core Audio marks an audio device ``kAudioDevicePropertyDeviceIsRunningSomewhere`` while any
process does I/O on it (the orange dot); Core Media IO has the same property for cameras
(the green light). Both are read with ctypes from the system frameworks, no permission
needed: one property read per device, asked only when the answer matters.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import struct
import sys
from typing import Any, Protocol

from deskbreak.idle.base import CALL, IdleUnavailable

SYSTEM_OBJECT = 1
MAIN_ELEMENT = 0


def fourcc(code: str) -> int:
    """Apple's four-character selector codes, e.g. 'gone', as the UInt32 they stand for."""
    (value,) = struct.unpack(">I", code.encode("ascii"))
    return int(value)


class DeviceFlags(Protocol):
    """What the adapter reads; recorded values stand in for it in tests."""

    def microphone_running(self) -> bool: ...

    def cameras_running(self) -> list[bool]: ...


class _Address(ctypes.Structure):
    _fields_ = [
        ("selector", ctypes.c_uint32),
        ("scope", ctypes.c_uint32),
        ("element", ctypes.c_uint32),
    ]


class AppleFrameworks:
    """The real flags, from CoreAudio and CoreMediaIO."""

    def __init__(self) -> None:
        if sys.platform != "darwin":
            raise IdleUnavailable("Core Audio exists on macOS only")
        audio, video = (
            ctypes.util.find_library("CoreAudio"),
            ctypes.util.find_library("CoreMediaIO"),
        )
        if audio is None or video is None:
            raise IdleUnavailable("the CoreAudio or CoreMediaIO framework is missing")
        self._audio: Any = ctypes.CDLL(audio)
        self._video: Any = ctypes.CDLL(video)

    def microphone_running(self) -> bool:
        device = self._audio_uint32(SYSTEM_OBJECT, "dIn ")
        return device != 0 and self._audio_uint32(device, "gone") != 0

    def cameras_running(self) -> list[bool]:
        address = _Address(fourcc("dev#"), fourcc("glob"), MAIN_ELEMENT)
        size = ctypes.c_uint32(0)
        self._check(
            self._video.CMIOObjectGetPropertyDataSize(
                SYSTEM_OBJECT, ctypes.byref(address), 0, None, ctypes.byref(size)
            )
        )
        devices = (ctypes.c_uint32 * (size.value // 4))()
        used = ctypes.c_uint32(0)
        self._check(
            self._video.CMIOObjectGetPropertyData(
                SYSTEM_OBJECT, ctypes.byref(address), 0, None, size, ctypes.byref(used), devices
            )
        )
        running = []
        for device in devices[: used.value // 4]:
            flag = ctypes.c_uint32(0)
            address = _Address(fourcc("gone"), fourcc("glob"), MAIN_ELEMENT)
            self._check(
                self._video.CMIOObjectGetPropertyData(
                    device,
                    ctypes.byref(address),
                    0,
                    None,
                    4,
                    ctypes.byref(used),
                    ctypes.byref(flag),
                )
            )
            running.append(flag.value != 0)
        return running

    def _audio_uint32(self, target: int, selector: str) -> int:
        address = _Address(fourcc(selector), fourcc("glob"), MAIN_ELEMENT)
        value, size = ctypes.c_uint32(0), ctypes.c_uint32(4)
        self._check(
            self._audio.AudioObjectGetPropertyData(
                target, ctypes.byref(address), 0, None, ctypes.byref(size), ctypes.byref(value)
            )
        )
        return value.value

    @staticmethod
    def _check(status: int) -> None:
        if status != 0:
            raise IdleUnavailable(f"the device property read failed (OSStatus {status})")


class MacDevicesInUse:
    """``active()``: the default microphone or any camera is running for some process."""

    name = "macos-devices"
    kind = CALL
    costly = False

    def __init__(self, flags: DeviceFlags | None = None) -> None:
        self._flags = flags or AppleFrameworks()
        self.active()  # fails now, when the frameworks cannot answer

    def active(self) -> bool:
        return self._flags.microphone_running() or any(self._flags.cameras_running())

    def close(self) -> None:
        """Nothing is held open."""
