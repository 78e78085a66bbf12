"""One deskbreak per user: a second launch hands its command over, strangers are refused."""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator

import pytest

from deskbreak.core.commands import (
    AnotherLaunch,
    Command,
    Quit,
    ShowProgress,
    ShowSettings,
    TakeBreak,
)
from deskbreak.shell import instance_client as client
from deskbreak.shell import instance_files as files
from deskbreak.shell import paths as app_paths
from deskbreak.shell import single_instance as si
from deskbreak.shell.paths import AppPaths
from deskbreak.ui.wakeup import watch_fd

pytestmark = pytest.mark.skipif(os.name != "posix", reason="AF_UNIX path; Windows uses loopback")


@pytest.fixture
def paths() -> AppPaths:
    return app_paths.resolve()


@pytest.fixture
def server(paths: AppPaths) -> Iterator[tuple[si.InstanceServer, list[Command]]]:
    got: list[Command] = []
    srv = si.InstanceServer.claim(paths)
    assert srv is not None
    srv.start(got.append)
    yield srv, got
    srv.close()


def serve_while(srv: si.InstanceServer, work: Callable[[], object]) -> object:
    """Run the client in a thread while this thread answers like Tk would: on readability."""
    result: list[object] = []
    client = threading.Thread(target=lambda: result.append(_capture(work)))
    client.start()
    while client.is_alive():
        ready, _, _ = select.select([srv.fileno()], [], [], 0.05)
        if ready:
            srv.handle_ready()
    client.join()
    return result[0]


def _capture(work: Callable[[], object]) -> object:
    try:
        return work()
    except Exception as exc:
        return exc


def test_a_second_launch_hands_its_command_over(paths: AppPaths, server) -> None:
    srv, got = server
    assert si.InstanceServer.claim(paths) is None  # the lock is taken
    ok = serve_while(srv, lambda: client.try_handover(paths, TakeBreak("quick-reset")))
    assert ok is True
    assert got == [TakeBreak("quick-reset")]


def test_unknown_commands_are_refused_and_the_server_keeps_running(paths: AppPaths, server) -> None:
    srv, got = server

    def raw(payload: bytes) -> dict[str, object]:
        with socket.socket(socket.AF_UNIX) as s:
            s.connect(str(files.socket_path(paths)))
            s.sendall(payload)
            s.shutdown(socket.SHUT_WR)
            return json.loads(s.makefile("rb").readline())

    for junk in (
        b'{"command": "rm", "args": ["-rf"]}\n',
        b"not json\n",
        b"[1,2]\n",
        b'{"command": "break", "args": ["../../etc"]}\n',
        b"\xff\xfe\n",
        b"x" * 9000,
    ):
        answer = serve_while(srv, lambda junk=junk: raw(junk))
        assert answer["ok"] is False, junk
    assert serve_while(srv, lambda: client.try_handover(paths, ShowSettings())) is True
    assert got == [ShowSettings()]


def test_no_instance_means_no_handover(paths: AppPaths) -> None:
    assert client.try_handover(paths, AnotherLaunch(), wait=5) is False


def test_socket_is_private(paths: AppPaths, server) -> None:
    mode = stat.S_IMODE(files.socket_path(paths).stat().st_mode)
    assert mode == 0o600
    assert stat.S_IMODE(paths.runtime_dir.stat().st_mode) == 0o700


def test_a_stranger_is_refused(paths: AppPaths, server, monkeypatch: pytest.MonkeyPatch) -> None:
    srv, got = server
    monkeypatch.setattr(si, "peer_uid", lambda conn: os.getuid() + 1)
    refused = serve_while(srv, lambda: client.try_handover(paths, Quit()))
    assert isinstance(refused, client.HandoverRejected) and "another user" in str(refused)
    assert got == []


HOLDER = """
import sys, time
from deskbreak.shell import paths
from deskbreak.shell.single_instance import InstanceServer
srv = InstanceServer.claim(paths.resolve())
srv.start(print)
print("claimed", flush=True)
time.sleep(60)
"""


def test_a_crashed_instances_lock_and_socket_are_taken_over(paths: AppPaths) -> None:
    holder = subprocess.Popen([sys.executable, "-c", HOLDER], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "claimed"
        assert si.InstanceServer.claim(paths) is None  # held by a live process
        holder.send_signal(signal.SIGKILL)  # a crash: no clean-up at all
        holder.wait()
    finally:
        if holder.poll() is None:
            holder.kill()
    assert files.socket_path(paths).exists()  # left behind
    srv = si.InstanceServer.claim(paths)
    assert srv is not None
    got: list[Command] = []
    srv.start(got.append)
    try:
        assert serve_while(srv, lambda: client.try_handover(paths, ShowProgress())) is True
        assert got == [ShowProgress()]
    finally:
        srv.close()


CLIENT = """
import sys
from deskbreak.shell import paths
from deskbreak.core.commands import TakeBreak
from deskbreak.shell.instance_client import try_handover
print(try_handover(paths.resolve(), TakeBreak("quick-reset")))
"""


@pytest.mark.gui
def test_tk_answers_a_second_process_without_polling(
    paths: AppPaths, server, root, pump_until
) -> None:
    srv, got = server
    unwatch = watch_fd(root, srv.fileno(), srv.handle_ready)
    assert root.tk.call("after", "info") == ""
    client = subprocess.Popen([sys.executable, "-c", CLIENT], stdout=subprocess.PIPE, text=True)
    pump_until(lambda: client.poll() is not None, limit=10)
    assert client.communicate()[0].strip() == "True"
    assert got == [TakeBreak("quick-reset")]
    unwatch()


def test_close_releases_everything(paths: AppPaths) -> None:
    srv = si.InstanceServer.claim(paths)
    assert srv is not None
    srv.start(lambda c: None)
    srv.close()
    assert not files.socket_path(paths).exists()
    again = si.InstanceServer.claim(paths)
    assert again is not None
    again.close()
