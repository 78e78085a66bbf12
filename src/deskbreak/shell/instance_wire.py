"""The handover wire protocol: one JSON line each way, and who may speak it.

Kept apart from the socket server and the client so both ends share one definition of a
request, one line reader with one deadline rule, and one peer check; the protocol can be
tested without opening a socket.

Request ``{"command": "break", "args": ["quick-reset"]}`` (plus ``"token"`` on Windows), answer
``{"ok": true}`` or ``{"ok": false, "error": "…"}``. Only the commands
:func:`deskbreak.core.commands.from_wire` knows pass; anything else is a :class:`ProtocolError`.
"""

from __future__ import annotations

import json
import os
import socket
import struct
import sys
import time

from deskbreak.core.commands import BadCommand, Command, from_wire, to_wire

MAX_LINE = 4096
#: A client has this long, in all, to send its line; then it is answered "too slow".
REQUEST_SECONDS = 2.0


class ProtocolError(ValueError):
    """A request the server will not act on; the text is sent back to the client."""


def encode_request(command: Command, token: str = "") -> bytes:
    name, args = to_wire(command)
    body: dict[str, object] = {"command": name, "args": list(args)}
    if token:
        body["token"] = token
    return json.dumps(body).encode() + b"\n"


def parse_request(line: bytes, token: str = "") -> Command:
    """The whitelisted :class:`Command` in ``line``, or :class:`ProtocolError`."""
    try:
        body = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ProtocolError("not a JSON line") from exc
    if not isinstance(body, dict):
        raise ProtocolError("not a JSON object")
    if token and not _same_secret(str(body.get("token", "")), token):
        raise ProtocolError("wrong token")
    name, args = body.get("command"), body.get("args", [])
    if not isinstance(name, str):
        raise ProtocolError("command must be a string")
    if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
        raise ProtocolError("args must be a list of strings")
    try:
        return from_wire(name, args)
    except BadCommand as exc:
        raise ProtocolError(str(exc)) from None


def _same_secret(given: str, expected: str) -> bool:
    import secrets

    return secrets.compare_digest(given, expected)


def read_line(conn: socket.socket, deadline: float) -> bytes:
    """One line, at most :data:`MAX_LINE` bytes, all of it before ``deadline`` (monotonic)."""
    data = b""
    while b"\n" not in data:
        left = deadline - time.monotonic()
        if left <= 0:
            raise ProtocolError("too slow: no full line in time")
        conn.settimeout(left)
        try:
            chunk = conn.recv(1024)
        except TimeoutError:
            raise ProtocolError("too slow: no full line in time") from None
        if not chunk:
            break
        data += chunk
        if len(data) > MAX_LINE:
            raise ProtocolError("request too long")
    return data.split(b"\n", 1)[0]


def peer_allowed(peer_uid: int | None, my_uid: int) -> bool:
    """Only this user may command the app. ``None``: the platform cannot tell, and the
    0700 runtime dir is what keeps other users out."""
    return peer_uid is None or peer_uid == my_uid


def peer_uid(conn: socket.socket) -> int | None:
    """The uid of the process at the other end of an AF_UNIX connection, if the OS says."""
    if hasattr(socket, "SO_PEERCRED"):  # Linux: struct ucred {pid, uid, gid}
        raw = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
        return int(struct.unpack("3i", raw)[1])
    if sys.platform == "darwin":  # LOCAL_PEERCRED: struct xucred {version, uid, …}
        raw = conn.getsockopt(0, 0x001, 76)
        return int(struct.unpack("2I", raw[:8])[1])
    return None


def my_uid() -> int:
    return os.getuid() if hasattr(os, "getuid") else -1
