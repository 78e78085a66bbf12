"""The Windows tick arithmetic, which must survive the 32-bit counter wrapping every 49.7 days."""

from __future__ import annotations

import sys

import pytest

from deskbreak.idle.base import IdleUnavailable
from deskbreak.idle.windows import WindowsIdleSource, fullscreen_app_running, idle_ms

WRAP = 2**32


def test_plain_difference() -> None:
    assert idle_ms(now_tick=10_000, last_input_tick=4_000) == 6_000
    assert idle_ms(now_tick=4_000, last_input_tick=4_000) == 0


def test_input_just_before_the_wrap_reads_as_a_short_idle_time() -> None:
    assert idle_ms(now_tick=500, last_input_tick=WRAP - 1_500) == 2_000


def test_longest_representable_idle_time() -> None:
    assert idle_ms(now_tick=WRAP - 1, last_input_tick=0) == WRAP - 1


def test_ticks_wider_than_32_bits_are_masked() -> None:
    """GetTickCount64-style values or sign-extended ones still give the 32-bit difference."""
    assert idle_ms(now_tick=WRAP + 700, last_input_tick=WRAP - 300) == 1_000
    assert idle_ms(now_tick=5, last_input_tick=-5) == 10


@pytest.mark.skipif(sys.platform == "win32", reason="checks the non-Windows refusal")
def test_elsewhere_the_source_refuses_and_fullscreen_is_false() -> None:
    with pytest.raises(IdleUnavailable):
        WindowsIdleSource()
    assert fullscreen_app_running() is False
