"""Security: private files, config values never executed, no network at all.

The app runs on the platformdirs paths here (XDG variables, no DESKBREAK_* overrides), so
the dirs checked are the ones a user really gets.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import textwrap
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e.conftest import DESKBREAK
from tests.e2e.xsession import XSession, wait_for, x_session

BREAK = "deskbreak — Quick reset"


@dataclass
class Home:
    """A user's XDG dirs in ``tmp_path``; deskbreak's own folders are ``<xdg>/deskbreak``."""

    root: Path
    env: dict[str, str]

    @classmethod
    def make(cls, tmp_path: Path, session: XSession, **extra: str) -> Home:
        home = tmp_path / "user"
        runtime = tmp_path / "xdg-runtime"
        for folder in (home, runtime):
            folder.mkdir(mode=0o700)
        env = session.env | {
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_STATE_HOME": str(home / ".local" / "state"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_RUNTIME_DIR": str(runtime),
            **extra,
        }
        for name in ("DESKBREAK_CONFIG_DIR", "DESKBREAK_DATA_DIR", "PYSTRAY_BACKEND"):
            env.pop(name, None)
        return cls(tmp_path, env)

    @property
    def config_file(self) -> Path:
        return Path(self.env["XDG_CONFIG_HOME"]) / "deskbreak" / "config.toml"

    @property
    def log_file(self) -> Path:
        return Path(self.env["XDG_STATE_HOME"]) / "deskbreak" / "log" / "deskbreak.log"

    @property
    def socket(self) -> Path:
        return Path(self.env["XDG_RUNTIME_DIR"]) / "deskbreak" / "deskbreak.sock"

    def deskbreak_dirs(self) -> list[Path]:
        keys = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR")
        return [Path(self.env[key]) / "deskbreak" for key in keys]

    def write_config(self, text: str) -> None:
        self.config_file.parent.mkdir(parents=True, mode=0o700)
        self.config_file.write_text(text)
        self.config_file.chmod(0o600)

    def run(self, *args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [DESKBREAK, *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            preexec_fn=_loose_umask,
        )

    def start(self, session: XSession, *prefix: str) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            [*prefix, DESKBREAK, "-v"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=_loose_umask,
        )
        wait_for(lambda: session.docked_icons() or process.poll() is not None, 20, "the icon")
        assert process.poll() is None, f"deskbreak exited early:\n{self.log()}"
        return process

    def log(self) -> str:
        return self.log_file.read_text() if self.log_file.exists() else ""


def _loose_umask() -> None:
    """A common desktop umask (group-writable): deskbreak must not rely on a strict one."""
    os.umask(0o002)


def stop(process: subprocess.Popen[bytes]) -> int:
    process.terminate()
    try:
        return process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()
        raise AssertionError("deskbreak did not exit within 15 s of SIGTERM") from None


@pytest.fixture
def session() -> Iterator[XSession]:
    with x_session() as running:
        yield running


def _take_a_break(home: Home, session: XSession) -> None:
    """A whole break through the window: note, movements, comfort check, summary."""
    result = home.run("break", "quick-reset")
    assert result.returncode == 0 and "running deskbreak" in result.stdout, result
    [window] = wait_for(lambda: session.windows_titled(BREAK), 10, "the break window")
    session.xdotool("windowfocus", "--sync", str(window))
    for key in ("Return", *["Right"] * 15, "1", "Return", "Return"):
        session.xdotool("key", key)
        time.sleep(0.15)
    wait_for(lambda: not session.windows_titled(BREAK), 10, "the break to close")


# -- (a) and (d): private files, a private socket ------------------------------------------


@pytest.mark.e2e
@pytest.mark.gui
def test_every_file_deskbreak_writes_is_private(session: XSession, tmp_path: Path) -> None:
    home = Home.make(tmp_path, session)
    app = home.start(session)
    try:
        # (d) the single-instance socket: 0600 in a 0700 dir, while the app runs.
        info = home.socket.lstat()
        assert stat.S_ISSOCK(info.st_mode)
        assert stat.S_IMODE(info.st_mode) == 0o600
        assert stat.S_IMODE(home.socket.parent.stat().st_mode) == 0o700
        _take_a_break(home, session)
        assert home.run("stats").returncode == 0
        assert home.run("doctor").returncode in (0, 1)
    finally:
        assert stop(app) == 0
    assert "Traceback" not in home.log(), home.log()

    written, wrong = [], []
    for top in home.deskbreak_dirs():
        assert top.is_dir(), f"{top} was never made"
        for path in [top, *top.rglob("*")]:
            mode = stat.S_IMODE(path.lstat().st_mode)
            written.append(path.relative_to(tmp_path))
            expected = 0o700 if path.is_dir() else 0o600
            if mode != expected:
                wrong.append(f"{path.relative_to(tmp_path)} is {mode:o}, not {expected:o}")
    assert wrong == [], "\n".join(wrong)
    names = {p.name for p in written}
    # The walk saw what a break writes: config, log, database, first-run marker, window place.
    for name in ("config.toml", "deskbreak.log", "deskbreak.sqlite3", "first-run-note-shown"):
        assert name in names, f"{name} not found among {sorted(map(str, written))}"

    # Nothing else of deskbreak's anywhere in the home (autostart entries are 0644 by design,
    # and none was asked for here). With no session bus, nothing may autolaunch one either:
    # that leaves ~/.dbus and a dbus-daemon behind.
    strays = [
        p
        for p in home.root.rglob("*")
        if p.is_file()
        and not any(p.is_relative_to(top) for top in home.deskbreak_dirs())
        and "autostart" not in p.parts
    ]
    assert strays == [], f"files outside deskbreak's dirs: {strays}"


def test_the_chime_is_written_privately_not_in_the_shared_temp_dir(tmp_path: Path) -> None:
    from deskbreak.shell import paths
    from deskbreak.ui import chime

    previous = os.umask(0o002)  # a loose umask must not make the chime readable by others
    try:
        wav = chime.chime_wav()
    finally:
        os.umask(previous)
    assert wav.parent == paths.resolve().runtime_dir
    assert stat.S_IMODE(wav.stat().st_mode) == 0o600
    assert stat.S_IMODE(wav.parent.stat().st_mode) == 0o700
    assert wav.read_bytes()[:4] == b"RIFF"
    assert [p.name for p in wav.parent.iterdir()] == ["chime.wav"], "no temp file left"


# -- (b) config values are never executed ----------------------------------------------------


@pytest.mark.e2e
@pytest.mark.gui
def test_config_values_are_never_executed(session: XSession, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    home = Home.make(tmp_path, session)
    canary = home.root / "user" / "canary"
    canary.write_text("still here")
    touch = f"$(touch {marker})"
    home.write_config(
        textwrap.dedent(
            f"""
            [breaks]
            prompt_routine = "{touch}"

            [ritual]
            routine = "; rm -rf ~/canary"

            [movement]
            avoid = ["{touch}", "`touch {marker}`", "; rm -rf ~/canary", "quick-reset && id"]
            """
        )
    )
    results = [
        home.run("config", "check"),
        home.run("routines"),
        home.run("routines", "show", "quick-reset"),
        home.run("break"),  # the prompt routine names no routine: a usage error, not a shell
        home.run("stats"),
    ]
    assert results[3].returncode == 2 and "no routine called" in results[3].stderr
    for result in results:
        assert "Traceback" not in result.stderr, result

    # `deskbreak break` on its own (no app running), ended early by SIGTERM.
    standalone = subprocess.Popen(
        [DESKBREAK, "break", "quick-reset"],
        env=home.env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_for(lambda: session.windows_titled(BREAK), 15, "the standalone break")
    standalone.send_signal(signal.SIGTERM)
    _out, err = standalone.communicate(timeout=15)
    assert standalone.returncode == 0 and "Traceback" not in err, err

    # The app: a click on the icon takes a break with the (unknown) prompt routine.
    app = home.start(session)
    try:
        [icon] = session.docked_icons()
        x, y = session.icon_position(icon)
        session.xdotool("mousemove", str(x), str(y), "click", "1")
        wait_for(lambda: session.windows_titled("deskbreak — "), 10, "the fallback break")
        assert app.poll() is None
    finally:
        assert stop(app) == 0
    log = home.log()
    assert "Traceback" not in log, log
    assert "no routine called" in log, "the unknown prompt routine is reported"

    assert not marker.exists(), "a config value was run by a shell"
    assert canary.read_text() == "still here"


# -- (c) no network -----------------------------------------------------------------------

SITECUSTOMIZE = textwrap.dedent(
    """
    import json, os, socket, sys

    _LOG = os.environ["DESKBREAK_AUDIT_LOG"]
    _WATCHED = {
        "socket.__new__", "socket.connect", "socket.sendto", "socket.sendmsg",
        "socket.bind", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
    }

    def _write(record):
        fd = os.open(_LOG, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, (json.dumps(record) + "\\n").encode())
        finally:
            os.close(fd)

    def _hook(event, args):
        if event not in _WATCHED:
            return
        if event == "socket.__new__":
            family = args[1]
        elif event.startswith("socket.get"):
            family = None  # a name lookup is network use whatever the family
        else:
            family = args[0].family  # connect, bind, sendto, sendmsg: (socket, address, ...)
        if family == socket.AF_UNIX:
            return
        _write({"pid": os.getpid(), "argv": sys.argv[1:], "event": event, "args": repr(args)})

    sys.addaudithook(_hook)
    _write({"pid": os.getpid(), "argv": sys.argv[1:], "event": "hook-installed"})
    """
)


@pytest.mark.e2e
@pytest.mark.gui
def test_no_network_access_at_all(session: XSession, tmp_path: Path) -> None:
    hook_dir = tmp_path / "hook"
    hook_dir.mkdir()
    (hook_dir / "sitecustomize.py").write_text(SITECUSTOMIZE)
    audit_log = tmp_path / "audit.jsonl"
    home = Home.make(
        tmp_path, session, PYTHONPATH=str(hook_dir), DESKBREAK_AUDIT_LOG=str(audit_log)
    )
    app = home.start(session)
    try:
        _take_a_break(home, session)
        for args in (("stats",), ("doctor",), ("config", "check"), ()):
            result = home.run(*args)
            assert "Traceback" not in result.stderr, result
    finally:
        assert stop(app) == 0
    # And `deskbreak break` on its own, with no app to hand over to.
    standalone = subprocess.Popen([DESKBREAK, "break", "quick-reset"], env=home.env)
    wait_for(lambda: session.windows_titled(BREAK), 15, "the standalone break")
    standalone.send_signal(signal.SIGTERM)
    assert standalone.wait(15) == 0

    records = [json.loads(line) for line in audit_log.read_text().splitlines()]
    hooked = [r["argv"] for r in records if r["event"] == "hook-installed"]
    # Every process ran with the hook: the app, the hand-over, stats, doctor, the rest.
    for argv in (["-v"], ["break", "quick-reset"], ["stats"], ["doctor"], ["config", "check"]):
        assert argv in hooked, f"no hooked process for {argv}: {hooked}"
    network = [r for r in records if r["event"] != "hook-installed"]
    assert network == [], f"network use: {network}"


@pytest.mark.e2e
@pytest.mark.gui
def test_the_app_starts_with_no_network_namespace(session: XSession, tmp_path: Path) -> None:
    unshare = shutil.which("unshare")
    assert unshare, "util-linux's unshare is part of Debian's base system"
    probe = subprocess.run([unshare, "--net", "true"], capture_output=True, text=True)
    if probe.returncode != 0:  # needs root or user namespaces; say why in the report
        pytest.skip(f"unshare --net is not allowed here: {probe.stderr.strip()}")
    home = Home.make(tmp_path, session)
    app = home.start(session, unshare, "--net", "--")
    try:
        assert len(session.docked_icons()) == 1
        result = home.run("break", "quick-reset")  # from outside: the socket is a file
        assert result.returncode == 0 and "running deskbreak" in result.stdout, result
        wait_for(lambda: session.windows_titled(BREAK), 10, "the break")
    finally:
        assert stop(app) == 0
    assert "Traceback" not in home.log(), home.log()
