"""macOS: parsing `ioreg` output, and the subprocess path with a stand-in command."""

from __future__ import annotations

import sys

import pytest

from deskbreak.idle.base import IdleUnavailable
from deskbreak.idle.macos import IoregIdleSource, parse_hid_idle_ns

IOREG_SAMPLE = """\
+-o Root  <class IORegistryEntry, id 0x100000100, retain 16>
  +-o IOResources  <class IOResources, id 0x100000103, registered>
    +-o IOHIDSystem  <class IOHIDSystem, id 0x1000002d6, registered>
        {
          "HIDParameters" = {"HIDClickTime"=500000000}
          "HIDIdleTime" = 1234567890
          "IOClass" = "IOHIDSystem"
        }
"""


def test_parse_hid_idle_time_in_nanoseconds() -> None:
    assert parse_hid_idle_ns(IOREG_SAMPLE) == 1_234_567_890


def test_parse_without_idle_time_is_an_error() -> None:
    with pytest.raises(ValueError):
        parse_hid_idle_ns('"IOClass" = "IOHIDSystem"')


def test_ioreg_source_runs_the_command_without_a_shell() -> None:
    script = f"print({IOREG_SAMPLE!r})"
    source = IoregIdleSource((sys.executable, "-c", script))
    assert source.idle_seconds() == pytest.approx(1.23456789)


@pytest.mark.parametrize(
    "command",
    [
        ("/nonexistent/ioreg",),
        (sys.executable, "-c", "print('nothing')"),
        (sys.executable, "-c", "raise SystemExit(3)"),
    ],
    ids=["missing", "no-field", "fails"],
)
def test_ioreg_problems_are_unavailable(command: tuple[str, ...]) -> None:
    with pytest.raises(IdleUnavailable):
        IoregIdleSource(command).idle_seconds()
