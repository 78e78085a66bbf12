"""What a hostile client on the instance socket costs the Tk thread, and a locked log a save.

Goal (issue 14): the Tk thread's ``handle_ready`` never waits on a client (well under 50 ms
whatever the client does); a save that meets a lock costs at most ~0.25 s. Figures only.

    .venv/bin/python bench/socket_stall.py
"""

from __future__ import annotations

import select
import socket
import sqlite3
import tempfile
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

from deskbreak.core.commands import ShowProgress
from deskbreak.core.records import Outcome, SessionRecord, Trigger
from deskbreak.shell import instance_files, instance_wire, paths, single_instance
from deskbreak.shell.store import Store


def longest_tk_wait(kind: str, seconds: float = 3.0) -> float:
    """Serve for ``seconds`` as Tk would while one ``kind`` of client misbehaves."""
    with tempfile.TemporaryDirectory(dir="/tmp") as folder:
        app_paths = paths.resolve(data_dir=folder, config_dir=folder)
        server = single_instance.InstanceServer.claim(app_paths)
        assert server is not None
        server.start(lambda command: None)
        stop = threading.Event()

        def client() -> None:
            with socket.socket(socket.AF_UNIX) as sock:
                sock.connect(str(instance_files.socket_path(app_paths)))
                if kind == "trickle":
                    for byte in instance_wire.encode_request(ShowProgress()):
                        if stop.wait(0.8):
                            return
                        try:
                            sock.send(bytes([byte]))
                        except OSError:  # told "too slow" and hung up on: as it should be
                            return
                stop.wait(seconds + 1)

        thread = threading.Thread(target=client, daemon=True)
        thread.start()
        longest, end = 0.0, time.monotonic() + seconds
        while time.monotonic() < end:
            if select.select([server.fileno()], [], [], 0.02)[0]:
                started = time.monotonic()
                server.handle_ready()
                longest = max(longest, time.monotonic() - started)
        stop.set()
        server.close()
        return longest


def locked_save_seconds() -> float:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "deskbreak.sqlite3"
        Store.open(db).close()
        other = sqlite3.connect(db, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        store = Store.for_paths(paths.resolve(data_dir=folder), **_app_busy())
        now = datetime.now().astimezone()
        record = SessionRecord(
            "x", now, now + timedelta(minutes=2), "quick-reset", Trigger.TRAY, Outcome.COMPLETED
        )
        started = time.monotonic()
        store.add_session(record)
        took = time.monotonic() - started
        other.execute("ROLLBACK")
        store.close()
        return took


def _app_busy() -> dict[str, float]:
    try:
        from deskbreak.app import STORE_BUSY_SECONDS
    except ImportError:
        return {}
    return {"busy_seconds": STORE_BUSY_SECONDS}


if __name__ == "__main__":
    for kind in ("silent", "trickle"):
        print(
            f"Tk thread, longest handle_ready with a {kind} client: {longest_tk_wait(kind):.3f} s"
        )
    print(f"a save that meets a locked log (the tray app's budget): {locked_save_seconds():.3f} s")
