"""Class 6: a read-only, a full and a missing folder for each of config, data, state and runtime,
and an unusable ``$XDG_RUNTIME_DIR`` or socket path. Every command and the tray app run with a
clear message and the closest safe behaviour; nothing raises; nothing committed is lost.

On the starting commit the tray app crashed at start on a read-only data dir and on a too-long
socket path, every command crashed with an unusable ``XDG_RUNTIME_DIR``, and ``config edit`` in
a read-only config dir ended in a PermissionError traceback.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from deskbreak import cli
from deskbreak.core.records import Outcome, SessionRecord, Trigger
from deskbreak.shell import paths
from deskbreak.shell.store import Store
from tests.faults.conftest import full_disk, read_only

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX folders and modes")

FOLDERS = ("config", "data", "state", "runtime")
FAULTS = ("read-only", "full", "missing")
COMMANDS = (
    ["config", "path"],
    ["config", "check"],
    ["config", "edit"],
    ["stats"],
    ["stats", "--json"],
    ["export", "--format", "csv"],
    ["doctor"],
)


def _session(n: int) -> SessionRecord:
    start = datetime.now().astimezone() - timedelta(hours=n + 1)
    return SessionRecord(
        f"kept-{n}",
        start,
        start + timedelta(minutes=3),
        "quick-reset",
        Trigger.TRAY,
        Outcome.COMPLETED,
    )


def _folder(name: str) -> Path:
    p = paths.resolve()
    return {
        "config": p.config_dir,
        "data": p.data_dir,
        "state": p.state_dir,
        "runtime": p.runtime_dir,
    }[name]


@contextmanager
def faulty(folder: Path, fault: str) -> Iterator[None]:
    if fault == "read-only":
        with read_only(folder):
            yield
    elif fault == "full":
        saved = folder.with_name(folder.name + ".saved")
        if folder.exists():
            shutil.copytree(folder, saved)
            shutil.rmtree(folder)
        with full_disk(folder, size_kb=256) as mounted:
            if not mounted:
                pytest.skip("cannot mount a tmpfs here; disk-full is injected in test_store_faults")
            if saved.exists():
                shutil.copytree(saved, folder, dirs_exist_ok=True)
            _fill(folder)
            yield
        if saved.exists():
            shutil.rmtree(folder, ignore_errors=True)
            saved.rename(folder)
    else:  # missing, and it cannot be made: a file stands where the folder should be
        saved = folder.with_name(folder.name + ".saved")
        if folder.exists():
            folder.rename(saved)
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.write_text("a file where a folder should be")
        try:
            yield
        finally:
            folder.unlink()
            if saved.exists():
                saved.rename(folder)


def _fill(folder: Path) -> None:
    fd = os.open(folder / ".filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while os.write(fd, b"\1" * 65536):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)


class FakeRoot:
    def __init__(self, scaling: float | None = None, *, window_icon: bool = True) -> None:
        pass

    def mainloop(self) -> None:
        pass

    def destroy(self) -> None:
        pass


@pytest.fixture
def committed() -> list[str]:
    store = Store.for_paths(paths.resolve())
    ids = []
    for n in range(3):
        store.add_session(_session(n))
        ids.append(f"kept-{n}")
    store.close()
    return ids


def _run_the_app_briefly() -> None:
    """The tray app's start-up, a logged break and its quit, under the fault."""
    from deskbreak.app import TrayApp
    from deskbreak.ui import theme

    root = theme.make_root()
    app = TrayApp(root, paths.resolve(), tray_backend="dummy")
    try:
        app.start()
        app.store.add_session(_session(99))
        app.controller.refresh()
    finally:
        app.quit()
        root.destroy()


@pytest.mark.gui
@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize("name", FOLDERS)
def test_every_folder_fault(
    name: str,
    fault: str,
    committed: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("EDITOR", "true")
    folder = _folder(name)
    folder.mkdir(parents=True, exist_ok=True)
    with faulty(folder, fault):
        for argv in COMMANDS:
            code = cli.main(argv)
            out, err = capsys.readouterr()
            assert code in (0, 1, 2), (argv, code)
            assert "Traceback" not in err, err
            if argv == ["doctor"]:
                assert code == 1, out
                problem = "the disk is full" if fault == "full" else f"PROBLEM {name}"
                if name == "runtime":  # the runtime dir is checked as a path too
                    problem = "the disk is full" if fault == "full" else "PROBLEM runtime path"
                assert problem in out, out
            if argv == ["config", "edit"] and name == "config":
                assert code == 2 and "make" in err and "--config-dir" in err
        _run_the_app_briefly()
        _start_through_run_command(monkeypatch, capsys)
    store = Store.for_paths(paths.resolve())
    kept = {s.id for s in store.sessions()}
    store.close()
    assert set(committed) <= kept, "nothing committed is lost"


def _start_through_run_command(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`deskbreak run` up to the main loop: the lock, the log file, the socket, under the fault."""
    import deskbreak.app
    from deskbreak.ui import theme

    started: list[Any] = []

    class App:
        def __init__(self, root: Any, app_paths: Any, instance: Any = None) -> None:
            started.append(instance)
            if instance is not None:
                instance.start(lambda c: None)

        def start(self) -> None:
            pass

    from deskbreak.shell import logsetup

    with monkeypatch.context() as patch:
        patch.setattr(deskbreak.app, "TrayApp", App)
        patch.setattr(theme, "make_root", FakeRoot)
        try:
            assert cli.main(["run"]) == 0
        finally:
            logsetup.configure(None)  # drop its handlers: they hold this test's streams
    if started and started[0] is not None:
        started[0].close()
    err = capsys.readouterr().err
    assert "Traceback" not in err, err


@pytest.mark.parametrize(
    "kind", ["a file", "another user's", "open to all", "missing", "read-only"]
)
def test_an_unusable_xdg_runtime_dir_falls_back_to_our_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    runtime = tmp_path / "xdg-run"
    if kind == "a file":
        runtime.write_text("")
    elif kind == "another user's":
        runtime.mkdir(mode=0o700)
        os.chown(runtime, 65534, 65534) if os.geteuid() == 0 else pytest.skip("needs root")
    elif kind == "open to all":
        runtime.mkdir()
        runtime.chmod(0o777)
    elif kind == "read-only":
        runtime.mkdir()
        runtime.chmod(0o500)
    monkeypatch.delenv("DESKBREAK_DATA_DIR")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    resolved = paths.resolve()
    assert not str(resolved.runtime_dir).startswith(str(runtime))
    assert resolved.runtime_dir == Path(os.environ["XDG_STATE_HOME"]) / "deskbreak" / "run"
    assert cli.main(["doctor"]) in (0, 1)
    out = capsys.readouterr().out
    if kind != "missing":
        assert "PROBLEM runtime dir" in out and "using deskbreak's own" in out
    from deskbreak.shell.single_instance import InstanceServer

    server = InstanceServer.claim(resolved)
    assert server is not None
    listening = server.start(lambda c: None)  # pytest's tmp path may be too long for a socket
    assert listening or "longer than" in str(server.problem)
    assert stat.S_IMODE(resolved.runtime_dir.stat().st_mode) == 0o700
    server.close()


def test_a_too_long_socket_path_runs_without_a_socket_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    long_dir = tmp_path / ("d" * 120)
    monkeypatch.setenv("DESKBREAK_DATA_DIR", str(long_dir))
    from deskbreak.shell.single_instance import InstanceServer

    server = InstanceServer.claim(paths.resolve())
    assert server is not None
    assert server.start(lambda c: None) is False
    assert server.problem and "longer than" in server.problem and "--data-dir" in server.problem
    assert cli.main(["run"]) == 1, "a second start: the lock is held, the socket unreachable"
    assert "longer than" in capsys.readouterr().err
    server.close()
    assert cli.main(["doctor"]) == 1
    assert "PROBLEM instance socket" in capsys.readouterr().out


@pytest.mark.gui
def test_the_tray_app_starts_with_a_too_long_socket_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from deskbreak.app import TrayApp
    from deskbreak.shell.single_instance import InstanceServer
    from deskbreak.ui import theme

    monkeypatch.setenv("DESKBREAK_DATA_DIR", str(tmp_path / ("d" * 120)))
    server = InstanceServer.claim(paths.resolve())
    root = theme.make_root()
    app = TrayApp(root, paths.resolve(), instance=server, tray_backend="dummy")
    try:
        app.start()
        app.controller.refresh()
        assert "longer than" in app.tray._title
    finally:
        app.quit()
        root.destroy()


def test_a_read_only_data_dir_at_start_is_named_and_the_log_still_shown(
    committed: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with read_only(paths.resolve().data_dir):
        assert cli.main(["stats", "--json"]) == 1
        captured = capsys.readouterr()
    assert "the folder is read-only" in captured.err
    assert '"total_breaks": 3' in captured.out, "what is on disk is still shown"


def test_subprocess_start_on_a_read_only_data_dir_does_not_crash(tmp_path: Path) -> None:
    """The real `deskbreak run` on a read-only data dir, for two seconds, under the test's display."""
    import signal
    import sys

    data = paths.resolve().data_dir
    data.mkdir(parents=True)
    with read_only(data):
        process = subprocess.Popen(
            [sys.executable, "-m", "deskbreak", "-v"],
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
            env=os.environ | {"PYSTRAY_BACKEND": "dummy"},
        )
        try:
            _, output = process.communicate(timeout=2.5)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGTERM)
            _, output = process.communicate(timeout=10)
    assert "Traceback" not in output, output
    assert "the folder is read-only" in output and "without the single-instance lock" in output
    assert process.returncode == 0, output
