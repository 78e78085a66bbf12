"""IdleReader: a failing source is reported once, left alone until the retry, then back."""

from __future__ import annotations

from datetime import datetime

from deskbreak.core.clock import FakeClock
from deskbreak.engine.events import IdleSourceChanged
from deskbreak.engine.idle_reader import IDLE_RETRY_SECONDS, IdleReader
from tests.core.activity import ScriptedIdle

START = datetime(2026, 3, 2, 10, 0).astimezone()


def test_a_failure_is_reported_once_and_retried_only_after_the_retry_time() -> None:
    clock = FakeClock(START)
    source = ScriptedIdle(clock)
    published: list[object] = []
    reader = IdleReader(source, published.append)
    assert reader.read(0.0) == 1e6 and reader.working_name == "scripted"
    source.failing = True
    assert reader.read(10.0) is None
    assert reader.read(20.0) is None  # not asked: within the retry time
    assert source.calls == 2
    assert reader.working_name is None and reader.problem == "the fake display went away"
    source.failing = False
    assert reader.read(10.0 + IDLE_RETRY_SECONDS) == 1e6
    assert reader.problem is None and reader.working_name == "scripted"
    assert published == [
        IdleSourceChanged(None, "the fake display went away"),
        IdleSourceChanged("scripted", None),
    ]


def test_no_source_reads_nothing_and_reports_nothing() -> None:
    published: list[object] = []
    reader = IdleReader(None, published.append)
    assert reader.read(0.0) is None
    assert reader.working_name is None and published == []
