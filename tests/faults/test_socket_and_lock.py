"""Class 4: nothing the main thread does waits on another party.

A client on the instance socket that stalls, trickles a byte at a time or floods is answered off
the Tk thread within a deadline; the Tk thread's ``handle_ready`` returns in milliseconds. On the
starting commit each silent client held the Tk thread 1 s, and a trickling one 10 s or more.
A locked log costs a save at most a fraction of a second; the break waits in memory.
"""

from __future__ import annotations

import json
import os
import select
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from deskbreak import cli
from deskbreak.core.commands import Command, TakeBreak
from deskbreak.core.records import Outcome, SessionRecord, Trigger
from deskbreak.engine.handover import refusal as handover_refusal
from deskbreak.shell import instance_client as handover
from deskbreak.shell import instance_files as files
from deskbreak.shell import instance_wire as wire
from deskbreak.shell import paths as app_paths
from deskbreak.shell import single_instance as si
from deskbreak.shell.paths import AppPaths
from deskbreak.shell.store import Store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="AF_UNIX")

#: The Tk thread's share of one ready event: accept and hand off, nothing more.
TK_BUDGET_SECONDS = 0.05


@pytest.fixture
def paths() -> AppPaths:
    return app_paths.resolve()


@pytest.fixture
def server(paths: AppPaths) -> Iterator[tuple[si.InstanceServer, list[Command]]]:
    got: list[Command] = []
    srv = si.InstanceServer.claim(paths)
    assert srv is not None
    assert srv.start(got.append, lambda c: handover_refusal(c, paths))
    yield srv, got
    srv.close()


class TkThread:
    """The main thread's part, as Tk would run it: handle_ready on readability, each timed."""

    def __init__(self, srv: si.InstanceServer) -> None:
        self.srv = srv
        self.longest = 0.0

    def serve_for(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([self.srv.fileno()], [], [], 0.02)
            if ready:
                started = time.monotonic()
                self.srv.handle_ready()
                self.longest = max(self.longest, time.monotonic() - started)


def _stalling_client(paths: AppPaths, payload: bytes = b"") -> socket.socket:
    client = socket.socket(socket.AF_UNIX)
    client.settimeout(5)
    client.connect(str(files.socket_path(paths)))
    if payload:
        client.sendall(payload)
    return client


def _stall(paths: AppPaths, payload: bytes, stop: threading.Event) -> None:
    """Connect (which waits while the backlog is full), send ``payload``, then say nothing."""
    try:
        with _stalling_client(paths, payload):
            stop.wait(5)
    except OSError:
        pass  # dropped in a flood: what a flood gets


def _trickle(paths: AppPaths, stop: threading.Event) -> None:
    try:
        with _stalling_client(paths) as client:
            for byte in b'{"command": "show-progress"}\n':
                if stop.wait(0.3):
                    return
                client.send(bytes([byte]))
    except OSError:
        pass


@pytest.mark.parametrize("clients", [1, 3, 12])  # 12: more than MAX_CLIENTS at once
def test_stalling_and_trickling_clients_never_hold_the_tk_thread(
    paths: AppPaths, server, clients: int
) -> None:
    srv, got = server
    tk = TkThread(srv)
    stop = threading.Event()
    attackers = [
        threading.Thread(target=work, args=args)
        for _ in range(clients)
        for work, args in (
            (_stall, (paths, b"", stop)),
            (_stall, (paths, b'{"command": "br', stop)),
            (_trickle, (paths, stop)),
        )
    ]
    for t in attackers:
        t.start()
    answers: list[object] = []

    def second_launch() -> None:
        time.sleep(0.2)  # after the attackers
        try:
            answers.append(handover.try_handover(paths, TakeBreak("quick-reset")))
        except handover.HandoverRejected as error:
            answers.append(error)

    second = threading.Thread(target=second_launch)
    second.start()
    tk.serve_for(1.0)
    while second.is_alive():
        tk.serve_for(0.1)
    stop.set()
    for t in attackers:
        t.join(5)
    assert tk.longest < TK_BUDGET_SECONDS, f"the Tk thread waited {tk.longest:.3f} s"
    if clients * 3 < si.MAX_CLIENTS:
        assert answers == [True] and TakeBreak("quick-reset") in got
    else:  # a flood: the second launch is answered or told plainly, within its own deadline
        assert len(answers) == 1 and (answers[0] is True or isinstance(answers[0], Exception))


def test_a_silent_client_is_told_too_slow_within_the_deadline(paths: AppPaths, server) -> None:
    srv, _ = server
    tk = TkThread(srv)
    client = _stalling_client(paths, b'{"comm')
    client.settimeout(wire.REQUEST_SECONDS + 2)
    started = time.monotonic()
    tk.serve_for(0.1)
    answer = json.loads(client.makefile("rb").readline())
    client.close()
    assert answer == {"ok": False, "error": "too slow: no full line in time"}
    assert wire.REQUEST_SECONDS - 0.2 < time.monotonic() - started < wire.REQUEST_SECONDS + 1.5


def test_an_unknown_routine_is_refused_and_a_known_one_taken(paths: AppPaths, server) -> None:
    srv, got = server
    tk = TkThread(srv)
    results: list[object] = []

    def client() -> None:
        for routine in ("no-such-routine", "quick-reset"):
            try:
                results.append(handover.try_handover(paths, TakeBreak(routine)))
            except handover.HandoverRejected as error:
                results.append(str(error))

    thread = threading.Thread(target=client)
    thread.start()
    while thread.is_alive():
        tk.serve_for(0.05)
    assert results == ["there is no routine called 'no-such-routine'", True]
    assert got == [TakeBreak("quick-reset")]


def test_a_second_launch_gets_a_plain_answer_never_a_traceback(
    paths: AppPaths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lock is held by an instance that refuses: `deskbreak` and `deskbreak break` say so
    and exit 1; `break` does not open a second window."""
    srv = si.InstanceServer.claim(paths)
    assert srv is not None
    srv.start(lambda c: None, lambda c: "busy in a test")
    stop = threading.Event()
    tk = TkThread(srv)
    serving = threading.Thread(target=lambda: [tk.serve_for(0.05) for _ in iter(stop.is_set, True)])
    serving.start()
    from deskbreak.commands import break_cmd

    monkeypatch.setattr(break_cmd, "_run_window", lambda *a: pytest.fail("a second window"))
    try:
        assert cli.main(["run"]) == 1
        err = capsys.readouterr().err
        assert "already running, but busy in a test" in err and "Traceback" not in err
        assert cli.main(["break", "quick-reset"]) == 1
        assert "deskbreak is running, but busy in a test" in capsys.readouterr().err
    finally:
        stop.set()
        serving.join()
        srv.close()


def test_a_lock_held_by_a_silent_instance_is_reported(
    paths: AppPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    srv = si.InstanceServer.claim(paths)
    assert srv is not None  # the lock, but nobody listening
    try:
        started = time.monotonic()
        assert cli.main(["run"]) == 1
        assert time.monotonic() - started < 8
        assert "holds the lock, but it does not answer" in capsys.readouterr().err
    finally:
        srv.close()


# -- the log locked by another program ---------------------------------------------------------


def _session(n: int) -> SessionRecord:
    now = datetime.now().astimezone()
    return SessionRecord(
        f"locked-{n}",
        now,
        now + timedelta(minutes=2),
        "quick-reset",
        Trigger.TRAY,
        Outcome.COMPLETED,
    )


def test_a_locked_log_costs_a_save_a_quarter_second_and_loses_nothing(tmp_path: Path) -> None:
    db = tmp_path / "data" / "deskbreak.sqlite3"
    Store.open(db).close()
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another program holds the log
    store = Store.open(db, busy_seconds=0.25)
    started = time.monotonic()
    assert store.add_session(_session(1)) is False
    assert time.monotonic() - started < 1.0
    assert store.pending == 1
    assert store.problem and "locked by another program" in store.problem
    assert "1 break not saved yet" in store.problem
    assert [s.id for s in store.sessions()] == ["locked-1"], "still shown while it waits"
    other.execute("ROLLBACK")
    other.close()
    assert store.flush() is True and store.pending == 0 and store.problem is None
    store.close()
    again = Store.open(db)
    assert [s.id for s in again.sessions()] == ["locked-1"]
    again.close()


def test_an_import_into_a_locked_log_says_locked_and_imports_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = app_paths.resolve().database
    Store.open(db).close()
    export = tmp_path / "export.json"
    export.write_text(
        json.dumps(
            {
                "format": "deskbreak-log",
                "version": 1,
                "sessions": [
                    {
                        "id": "a",
                        "started": "2026-03-02T10:00:00+01:00",
                        "ended": "2026-03-02T10:03:00+01:00",
                        "routine": "quick-reset",
                        "trigger": "tray",
                        "outcome": "completed",
                    }
                ],
            }
        )
    )
    other = sqlite3.connect(db, isolation_level=None, timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        assert cli.main(["import", str(export)]) == 2
        assert time.monotonic() - started < 10
        err = capsys.readouterr().err
        assert "locked by another program" in err and "nothing was imported" in err
        assert "Traceback" not in err
    finally:
        other.execute("ROLLBACK")
        other.close()
    store = Store.open(db)
    assert store.sessions() == []
    store.close()
