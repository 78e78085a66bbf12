"""The Windows and macOS call sources, against values recorded from those systems."""

from __future__ import annotations

import pytest

from deskbreak.idle.base import CALL, IdleUnavailable
from deskbreak.idle.context_macos import MacDevicesInUse, fourcc
from deskbreak.idle.context_windows import STORE, ConsentStoreDevices

MIC = f"{STORE}\\microphone"
CAM = f"{STORE}\\webcam"
ZOOM = r"C:#Users#ana#AppData#Roaming#Zoom#bin#Zoom.exe"


class RecordedRegistry:
    """A registry export: key path → (subkeys, values). Times are FILETIMEs as Windows wrote them."""

    def __init__(self, keys: dict[str, tuple[list[str], dict[str, int]]]) -> None:
        self.keys = keys
        self.reads = 0

    def subkeys(self, path: str) -> list[str]:
        self.reads += 1
        if path not in self.keys:
            raise FileNotFoundError(path)
        return self.keys[path][0]

    def value(self, path: str, name: str) -> int | None:
        self.reads += 1
        return self.keys.get(path, ([], {}))[1].get(name)


def store(mic_stop: int, teams_cam_stop: int) -> RecordedRegistry:
    return RecordedRegistry(
        {
            STORE: (["microphone", "webcam", "location"], {}),
            MIC: (["Microsoft.WindowsSoundRecorder_8wekyb3d8bbwe", "NonPackaged"], {}),
            f"{MIC}\\Microsoft.WindowsSoundRecorder_8wekyb3d8bbwe": (
                [],
                {
                    "LastUsedTimeStart": 133_776_000_000_000_000,
                    "LastUsedTimeStop": 133_776_003_000_000_000,
                },
            ),
            f"{MIC}\\NonPackaged": ([ZOOM], {}),
            f"{MIC}\\NonPackaged\\{ZOOM}": (
                [],
                {"LastUsedTimeStart": 133_777_100_000_000_000, "LastUsedTimeStop": mic_stop},
            ),
            CAM: (["MSTeams_8wekyb3d8bbwe"], {}),
            f"{CAM}\\MSTeams_8wekyb3d8bbwe": (
                [],
                {"LastUsedTimeStart": 133_777_200_000_000_000, "LastUsedTimeStop": teams_cam_stop},
            ),
        }
    )


def test_windows_a_stop_time_of_zero_is_in_use() -> None:
    source = ConsentStoreDevices(store(mic_stop=0, teams_cam_stop=133_777_300_000_000_000))
    assert source.kind == CALL and not source.costly
    assert source.in_use() == [r"microphone: C:\Users\ana\AppData\Roaming\Zoom\bin\Zoom.exe"]
    assert source.active()


def test_windows_the_camera_alone_is_a_call() -> None:
    source = ConsentStoreDevices(store(mic_stop=133_777_150_000_000_000, teams_cam_stop=0))
    assert source.in_use() == ["webcam: MSTeams_8wekyb3d8bbwe"]


def test_windows_nothing_in_use() -> None:
    source = ConsentStoreDevices(
        store(mic_stop=133_777_150_000_000_000, teams_cam_stop=133_777_300_000_000_000)
    )
    assert not source.active()


def test_windows_an_app_never_used_is_not_in_use() -> None:
    registry = store(mic_stop=1, teams_cam_stop=1)
    registry.keys[f"{CAM}\\MSTeams_8wekyb3d8bbwe"] = (
        [],
        {"LastUsedTimeStart": 0, "LastUsedTimeStop": 0},
    )
    assert not ConsentStoreDevices(registry).active()


def test_windows_without_a_consent_store_is_unavailable() -> None:
    with pytest.raises(IdleUnavailable, match="consent store"):
        ConsentStoreDevices(RecordedRegistry({}))


class RecordedFlags:
    def __init__(self, microphone: bool, cameras: list[bool]) -> None:
        self.microphone = microphone
        self.cameras = cameras

    def microphone_running(self) -> bool:
        return self.microphone

    def cameras_running(self) -> list[bool]:
        return self.cameras


@pytest.mark.parametrize(
    ("microphone", "cameras", "in_call"),
    [
        (False, [], False),  # a Mac mini: no camera
        (False, [False, False], False),  # built-in and Continuity camera, both idle
        (True, [False], True),  # a call with the camera off
        (False, [False, True], True),  # the green light, muted microphone
    ],
)
def test_macos_running_somewhere(microphone: bool, cameras: list[bool], in_call: bool) -> None:
    assert MacDevicesInUse(RecordedFlags(microphone, cameras)).active() is in_call


def test_macos_selectors_are_apple_four_char_codes() -> None:
    assert fourcc("gone") == 0x676F6E65  # kAudioDevicePropertyDeviceIsRunningSomewhere
    assert fourcc("dIn ") == 0x64496E20  # kAudioHardwarePropertyDefaultInputDevice


def test_off_their_platform_both_are_unavailable() -> None:
    import sys

    if sys.platform not in ("win32", "darwin"):
        with pytest.raises(IdleUnavailable):
            ConsentStoreDevices()
        with pytest.raises(IdleUnavailable):
            MacDevicesInUse()
