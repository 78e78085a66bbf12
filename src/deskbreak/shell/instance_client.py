"""A second launch's end of the single-instance socket: hand the command over, or say none runs.

Apart from the server because a second launch (``deskbreak break`` from a hotkey) must start
fast and needs none of the server's threads; it only connects, sends one line, reads one.
"""

from __future__ import annotations

import json
import socket
import time

from deskbreak.core.commands import Command
from deskbreak.shell.instance_files import (
    USE_UNIX,
    lock_is_held,
    port_path,
    socket_path,
    socket_problem,
)
from deskbreak.shell.instance_wire import REQUEST_SECONDS, ProtocolError, encode_request, read_line
from deskbreak.shell.paths import AppPaths


class HandoverRejected(RuntimeError):
    """The running instance answered, but refused the command."""


def _connect(paths: AppPaths, timeout: float) -> tuple[socket.socket, str]:
    if USE_UNIX:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(timeout)
        try:
            sock.connect(str(socket_path(paths)))
        except OSError:
            sock.close()
            raise
        return sock, ""
    port, token = port_path(paths).read_text(encoding="utf-8").split()
    return socket.create_connection(("127.0.0.1", int(port)), timeout=timeout), token


def try_handover(paths: AppPaths, command: Command, wait: float = 3.0) -> bool:
    """Give ``command`` to the running instance: True if it took it, False if none runs.

    While the lock is held but the socket does not answer yet (the other instance is still
    starting), keep trying for ``wait`` seconds. Raises :class:`HandoverRejected` if the
    running instance refused the command.
    """
    if socket_problem(paths):
        return False  # the running one (if any) has no socket to answer on
    deadline = time.monotonic() + wait
    while True:
        try:
            sock, token = _connect(paths, timeout=2.0)
            break
        except (OSError, ValueError):
            if not lock_is_held(paths) or time.monotonic() >= deadline:
                return False
            time.sleep(0.1)
    with sock:
        try:
            sock.sendall(encode_request(command, token))
            answer = read_line(sock, time.monotonic() + REQUEST_SECONDS + 2.0)
        except (OSError, ProtocolError) as exc:
            raise HandoverRejected(f"the running deskbreak did not answer ({exc})") from exc
    try:
        reply = json.loads(answer.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise HandoverRejected("the running deskbreak gave no answer") from exc
    if not reply.get("ok"):
        raise HandoverRejected(str(reply.get("error", "refused")))
    return True
