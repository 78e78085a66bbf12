"""Which context sources open in a session, and the verdicts doctor shows."""

from __future__ import annotations

import os
from collections.abc import Mapping

from deskbreak.idle.base import CALL, ContextSource, IdleUnavailable
from deskbreak.idle.context_select import context_candidates, open_context_sources
from deskbreak.idle.select import Verdict
from tests.idle.conftest import BusDaemon, PulseServer


class Working:
    name, kind, costly = "working", CALL, False

    def active(self) -> bool:
        return True

    def close(self) -> None:
        pass


def broken(environ: Mapping[str, str]) -> ContextSource:
    raise IdleUnavailable("no such service")


def test_each_platform_has_its_candidates() -> None:
    assert context_candidates("win32") == ["windows-consent-store"]
    assert context_candidates("darwin") == ["macos-devices"]
    assert context_candidates("linux") == [
        "pulse-microphone",
        "proc-camera",
        "mpris-players",
        "idle-inhibitors",
    ]


def test_failures_are_left_out_with_their_reason() -> None:
    openers = {name: broken for name in context_candidates("linux")}
    openers["proc-camera"] = lambda _env: Working()
    sources, checks = open_context_sources({}, platform="linux", openers=openers)
    assert [s.name for s in sources] == ["working"]
    assert [(c.name, c.verdict) for c in checks] == [
        ("pulse-microphone", Verdict.FAILED),
        ("proc-camera", Verdict.CHOSEN),
        ("mpris-players", Verdict.FAILED),
        ("idle-inhibitors", Verdict.FAILED),
    ]
    assert checks[0].reason == "no such service"
    assert checks[1].reason == "works (call now: yes)"


def test_a_real_session_with_a_sound_server_and_a_bus(
    pulse_server: PulseServer, bus_daemon: BusDaemon
) -> None:
    environ = {
        **os.environ,
        "PULSE_SERVER": pulse_server.address,
        "DBUS_SESSION_BUS_ADDRESS": bus_daemon.address,
    }
    sources, checks = open_context_sources(environ, platform="linux")
    try:
        verdicts = {c.name: c.verdict for c in checks}
        assert verdicts == {
            "pulse-microphone": Verdict.CHOSEN,
            "proc-camera": Verdict.CHOSEN,
            "mpris-players": Verdict.CHOSEN,
            "idle-inhibitors": Verdict.FAILED,  # no GNOME or KDE session on this bus
        }
    finally:
        for source in sources:
            source.close()
