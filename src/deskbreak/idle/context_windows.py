"""Microphone and camera in use on Windows, from the privacy "consent store" in the registry.

Windows 10/11 records each app's use of a device under
``HKCU\\…\\CapabilityAccessManager\\ConsentStore\\<device>``: one key per packaged app, and
under ``NonPackaged`` one per program path, each with ``LastUsedTimeStart`` and
``LastUsedTimeStop`` (FILETIME). While the app uses the device, the stop time is 0; the
taskbar's "in use" microphone icon reads the same entries. A few registry reads, asked only
when the answer matters.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Protocol

from deskbreak.idle.base import CALL, IdleUnavailable

STORE = r"Software\Microsoft\Windows\CurrentVersion\CapabilityAccessManager\ConsentStore"
DEVICES = ("microphone", "webcam")


class Registry(Protocol):
    """The few reads needed, under HKEY_CURRENT_USER; OSError when a key is not there."""

    def subkeys(self, path: str) -> list[str]: ...

    def value(self, path: str, name: str) -> int | None: ...


class WinRegistry:
    """The real registry, through the standard library's ``winreg``."""

    def __init__(self) -> None:
        if sys.platform != "win32":
            raise IdleUnavailable("the consent store exists on Windows only")
        import winreg

        self._winreg = winreg

    def subkeys(self, path: str) -> list[str]:
        winreg = self._winreg
        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, path) as key:
            count = winreg.QueryInfoKey(key)[0]
            return [winreg.EnumKey(key, index) for index in range(count)]

    def value(self, path: str, name: str) -> int | None:
        winreg = self._winreg
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, path) as key:
                data, _kind = winreg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return int(data) if isinstance(data, int) else None


class ConsentStoreDevices:
    """``active()``: an app uses the microphone or the camera right now."""

    name = "windows-consent-store"
    kind = CALL
    costly = False

    def __init__(self, registry: Registry | None = None) -> None:
        self._registry = registry or WinRegistry()
        try:
            self._registry.subkeys(STORE)
        except OSError as exc:
            raise IdleUnavailable(f"no consent store in the registry ({exc})") from exc

    def active(self) -> bool:
        return bool(self.in_use())

    def in_use(self) -> list[str]:
        """``device: app`` for every app using a device now."""
        return [f"{device}: {app}" for device, app in self._apps_in_use()]

    def _apps_in_use(self) -> Iterator[tuple[str, str]]:
        for device in DEVICES:
            for path in self._app_keys(f"{STORE}\\{device}"):
                start = self._registry.value(path, "LastUsedTimeStart")
                stop = self._registry.value(path, "LastUsedTimeStop")
                if start and stop == 0:
                    yield device, path.rsplit("\\", 1)[-1].replace("#", "\\")

    def _app_keys(self, device_path: str) -> Iterator[str]:
        for name in self._children(device_path):
            if name == "NonPackaged":
                for program in self._children(f"{device_path}\\NonPackaged"):
                    yield f"{device_path}\\NonPackaged\\{program}"
            else:
                yield f"{device_path}\\{name}"

    def _children(self, path: str) -> list[str]:
        try:
            return self._registry.subkeys(path)
        except OSError:
            return []

    def close(self) -> None:
        """Nothing is held open."""
