"""ContextWatch: which sources it asks, when, and how it survives one that fails."""

from __future__ import annotations

import logging

import pytest

from deskbreak.core.context import Context
from deskbreak.core.settings import ContextSettings
from deskbreak.engine.context_watch import RETRY_SECONDS, ContextWatch
from deskbreak.idle.base import CALL, INHIBITOR, MEDIA, IdleUnavailable


class Source:
    def __init__(self, name: str, kind: str, on: bool = False, costly: bool = False) -> None:
        self.name, self.kind, self.on, self.costly = name, kind, on, costly
        self.asked = 0
        self.failing = False

    def active(self) -> bool:
        self.asked += 1
        if self.failing:
            raise IdleUnavailable(f"{self.name} went away")
        return self.on

    def close(self) -> None:
        pass


def test_each_fact_is_gathered() -> None:
    watch = ContextWatch(
        [Source("mic", CALL, on=True), Source("mpris", MEDIA), Source("inh", INHIBITOR, on=True)]
    )
    assert watch.read(ContextSettings(), 0.0, deep=False) == Context(in_call=True, inhibited=True)


def test_costly_sources_only_when_deep_and_a_found_call_stops_the_asking() -> None:
    mic, camera = Source("mic", CALL), Source("camera", CALL, on=True, costly=True)
    watch = ContextWatch([mic, camera])
    assert watch.read(ContextSettings(), 0.0, deep=False) == Context()
    assert camera.asked == 0
    assert watch.read(ContextSettings(), 0.0, deep=True).in_call
    assert camera.asked == 1
    mic.on = True
    assert watch.read(ContextSettings(), 0.0, deep=True).in_call
    assert camera.asked == 1  # the microphone already said "call"


def test_settings_that_are_off_ask_nothing() -> None:
    sources = [Source("mic", CALL, on=True), Source("mpris", MEDIA, on=True)]
    watch = ContextWatch(sources)
    off = ContextSettings(calls=False, media_counts_as_sitting=False)
    assert watch.read(off, 0.0, deep=True) == Context()
    assert [s.asked for s in sources] == [0, 0]


def test_a_failing_source_is_logged_once_and_retried_later(
    caplog: pytest.LogCaptureFixture,
) -> None:
    mic = Source("mic", CALL, on=True)
    mic.failing = True
    watch = ContextWatch([mic])
    with caplog.at_level(logging.INFO, logger="deskbreak.engine.context_watch"):
        assert watch.read(ContextSettings(), 0.0, deep=True) == Context()
        assert watch.read(ContextSettings(), 60.0, deep=True) == Context()
        assert mic.asked == 1  # left alone until the retry time
        assert watch.read(ContextSettings(), RETRY_SECONDS + 1, deep=True) == Context()
        assert mic.asked == 2
        mic.failing = False
        assert watch.read(ContextSettings(), 2 * RETRY_SECONDS + 2, deep=True).in_call
    messages = [r.getMessage() for r in caplog.records]
    assert messages == [
        "context source mic failed: mic went away",
        "context source mic works again",
    ]
