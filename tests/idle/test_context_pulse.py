"""The microphone source against a real PulseAudio server started by the test."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from deskbreak.idle.base import IdleUnavailable
from deskbreak.idle.context_pulse import PulseMicrophone
from tests.idle.conftest import PulseServer


def check_within(seconds: float, condition: Callable[[], bool]) -> bool:
    """A capture stream reaches the server a moment after parecord starts."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def test_a_capture_stream_on_a_microphone_is_a_call(pulse_server: PulseServer) -> None:
    mic = PulseMicrophone(pulse_server.address)
    try:
        assert not mic.active()
        recorder = pulse_server.record("mic")
        try:
            assert check_within(5, mic.active)
            assert mic.recording() == ["parecord"]
        finally:
            recorder.terminate()
            recorder.wait(timeout=5)
        assert check_within(5, lambda: not mic.active())
    finally:
        mic.close()


def test_recording_the_desktop_sound_is_not_a_call(pulse_server: PulseServer) -> None:
    """A screen recorder or a level meter captures a monitor source, not a microphone."""
    mic = PulseMicrophone(pulse_server.address)
    recorder = pulse_server.record("speakers.monitor")
    try:
        time.sleep(0.5)
        assert recorder.poll() is None, "parecord should still be recording"
        assert not mic.active()
    finally:
        recorder.terminate()
        recorder.wait(timeout=5)
        mic.close()


def test_a_server_that_goes_away_is_unavailable_then_heals(pulse_server: PulseServer) -> None:
    mic = PulseMicrophone(pulse_server.address)
    pulse_server.stop()
    with pytest.raises(IdleUnavailable):
        mic.active()
    with pytest.raises(IdleUnavailable, match="no sound server"):
        mic.active()  # the reconnect fails too, with a reason
    mic.close()


def test_no_server_is_unavailable_at_open(tmp_path: object) -> None:
    with pytest.raises(IdleUnavailable, match="no sound server"):
        PulseMicrophone("unix:/nonexistent/deskbreak/native")
