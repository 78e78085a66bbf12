"""The break window's record: written once however the break ends, and summed up."""

from __future__ import annotations

import logging

import pytest

from deskbreak.core.records import Comfort, SessionRecord
from deskbreak.core.session import BreakSession
from deskbreak.core.session_frame import State
from deskbreak.core.settings import BreathingSettings
from deskbreak.ui.session_recorder import SessionRecorder
from tests.core.session_fixtures import ROUTINE, fake_clock

BREATHING = BreathingSettings(4, 1, 6)


def started() -> BreakSession:
    session = BreakSession(ROUTINE, BREATHING, fake_clock())
    session.start()
    return session


def test_the_comfort_answer_rates_the_session_and_it_is_recorded_once() -> None:
    session, records = started(), list[SessionRecord]()
    session.stop()
    assert session.state is State.RATING
    recorder = SessionRecorder(session, records.append, week_summary=lambda: (2, 5))
    recorder.write(Comfort.SOME_DISCOMFORT, ("hips",))
    recorder.write(Comfort.FELT_GOOD)  # closing the window afterwards changes nothing
    assert len(records) == 1 and recorder.recorded is records[0]
    assert records[0].comfort is Comfort.SOME_DISCOMFORT and records[0].felt_in == ("hips",)
    assert session.state is State.FINISHED
    assert recorder.summary().week == (2, 5)


def test_closed_mid_break_without_an_answer_still_records() -> None:
    session, records = started(), list[SessionRecord]()
    SessionRecorder(session, records.append).write(None)
    assert len(records) == 1 and records[0].comfort is None


def test_a_break_never_started_is_not_recorded() -> None:
    session, records = BreakSession(ROUTINE, BREATHING, fake_clock()), list[SessionRecord]()
    recorder = SessionRecorder(session, records.append)
    recorder.write(None)
    assert records == [] and recorder.recorded is None
    assert session.state is State.FINISHED


def test_a_failing_log_is_logged_and_the_record_kept(caplog: pytest.LogCaptureFixture) -> None:
    def broken(_record: SessionRecord) -> None:
        raise OSError("disk full")

    recorder = SessionRecorder(started(), broken)
    with caplog.at_level(logging.ERROR):
        recorder.write(None)
    assert recorder.recorded is not None
    assert "could not record the break" in caplog.text
