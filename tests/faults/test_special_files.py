"""Class 1: every path deskbreak reads, with a device, a FIFO, a socket, a folder, a huge file,
Latin-1 and a dangling link in its place. Each read ends at once with a message, never hangs,
never reads without bound, never raises.

On the starting commit a FIFO config hung every command and ``/dev/zero`` was read until the
kernel killed the process; the FIFO cases here would time out there.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from deskbreak import cli
from deskbreak.core.settings import Settings
from deskbreak.engine import adaptations
from deskbreak.shell import configfile, paths, safe_read
from deskbreak.ui import window_state
from tests.faults.conftest import SPECIAL_KINDS, make_special

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs and AF_UNIX sockets")

SECONDS = 5.0


def finishes(work: Callable[[], object]) -> object:
    """``work()``'s result or exception; fails the test if it takes more than SECONDS."""
    result: list[object] = []

    def run() -> None:
        try:
            result.append(work())
        except BaseException as error:  # noqa: BLE001 — reported by the caller
            result.append(error)

    thread = threading.Thread(target=run, daemon=True)
    started = time.monotonic()
    thread.start()
    thread.join(SECONDS)
    assert not thread.is_alive(), f"still reading after {SECONDS} s (a blocking open or read)"
    assert time.monotonic() - started < SECONDS
    return result[0]


@pytest.fixture(params=SPECIAL_KINDS)
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def _place(path: Path, kind: str, request: pytest.FixtureRequest) -> None:
    request.addfinalizer(make_special(path, kind))


def test_safe_read_refuses_every_special_file(tmp_path: Path, kind: str, request) -> None:
    target = tmp_path / "file"
    _place(target, kind, request)
    outcome = finishes(lambda: safe_read.read_text(target, 1_000_000))
    if kind == "dangling":
        assert isinstance(outcome, FileNotFoundError)
        return
    assert isinstance(outcome, safe_read.UnreadableFile), outcome
    expected = {
        "dev-zero-symlink": "a device",
        "fifo": "a pipe",
        "socket": "a socket",
        "directory": "a folder",
        "huge": "larger than 1 MB",
        "latin-1": "byte 0xE9 at offset 11",
    }[kind]
    assert expected in str(outcome)


def test_the_bound_holds_while_reading_not_by_the_reported_size(tmp_path: Path) -> None:
    """/dev/zero reports size 0: only a bound checked while reading stops it."""
    link = tmp_path / "zero"
    link.symlink_to("/dev/zero")
    with pytest.raises(safe_read.UnreadableFile, match="a device"):
        safe_read.read_bytes(link, 10)
    with open("/dev/zero", "rb") as stream, pytest.raises(safe_read.UnreadableFile, match="larger"):
        safe_read.read_stream(stream, 100_000)


def test_the_config_file(tmp_path: Path, kind: str, request) -> None:
    target = paths.resolve().config_file
    _place(target, kind, request)
    loaded = finishes(lambda: configfile.load(target))
    assert isinstance(loaded, configfile.LoadedConfig), loaded
    assert loaded.settings == Settings()
    if kind != "dangling":
        assert loaded.fatal and str(target) in loaded.fatal
    saved = finishes(lambda: configfile.save(target, Settings()))
    if kind not in ("dangling",):  # a save over a non-file is refused with an OSError
        assert isinstance(saved, OSError), saved


@pytest.mark.parametrize("command", [["config", "path"], ["config", "check"], ["stats"]])
def test_commands_with_a_special_config(
    kind: str, command: list[str], request, capsys: pytest.CaptureFixture[str]
) -> None:
    _place(paths.resolve().config_file, kind, request)
    code = finishes(lambda: cli.main(command))
    assert code in (0, 2), code
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if kind != "dangling" and command != ["config", "path"]:
        assert "cannot be read" in err


def test_import_of_a_special_file(
    tmp_path: Path, kind: str, request, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "export.json"
    _place(target, kind, request)
    code = finishes(lambda: cli.main(["import", str(target)]))
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("deskbreak import: ") and "Traceback" not in err


def test_window_state_and_the_adaptation_marker(kind: str, request) -> None:
    app_paths = paths.resolve()
    _place(app_paths.window_state_file, kind, request)
    _place(app_paths.state_dir / "adaptations-reset", kind, request)
    got = finishes(lambda: window_state.saved_geometry(app_paths.window_state_file, "break"))
    assert got is None
    assert finishes(lambda: adaptations.reset_at(app_paths)) is None


def test_a_300_mb_one_line_csv_is_refused_without_reading_it_all(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as handle:
        handle.write(b"session_id,")
        handle.truncate(300_000_000)
    code = finishes(lambda: cli.main(["import", str(big)]))
    assert code == 2
    assert "larger than 64 MB" in capsys.readouterr().err


def test_a_naive_reset_marker_is_read_as_local_time(tmp_path: Path) -> None:
    app_paths = paths.resolve()
    app_paths.state_dir.mkdir(parents=True)
    (app_paths.state_dir / "adaptations-reset").write_text("2026-03-02T10:00:00")
    moment = adaptations.reset_at(app_paths)
    assert moment is not None and moment.tzinfo is not None
    assert moment.replace(tzinfo=None) == datetime(2026, 3, 2, 10, 0)
