"""One deskbreak per user: a lock file, plus a local socket where a second launch hands over.

The first instance takes an exclusive lock on ``runtime_dir/deskbreak.lock`` (flock on POSIX,
msvcrt on Windows). The kernel drops the lock when a process dies, so a lock file left by a
crash is simply taken over. The running instance listens on ``runtime_dir/deskbreak.sock``
(AF_UNIX, mode 0600 in a 0700 dir, peers checked with SO_PEERCRED); on Windows, which has no
AF_UNIX in Python, on a loopback port with a random token in a file only this user can read.

The protocol is one JSON line each way, request ``{"command": "break", "args": ["quick-reset"]}``
and answer ``{"ok": true}`` or ``{"ok": false, "error": "…"}``. Only the commands
:func:`deskbreak.core.commands.from_wire` knows pass; anything else is refused and the server keeps running.

The server never polls: :meth:`InstanceServer.fileno` is for Tk's ``createfilehandler``
(``wakeup.watch_fd``), which calls :meth:`InstanceServer.handle_ready`; where Tk cannot watch
files, :meth:`InstanceServer.serve_in_thread` blocks in ``accept()`` instead.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from deskbreak.core.commands import BadCommand, Command, from_wire, to_wire
from deskbreak.shell.paths import AppPaths, ensure_private_dir

log = logging.getLogger(__name__)

_MAX_LINE = 4096
#: A client has this long, in all, to send its line; then it is answered "too slow".
REQUEST_SECONDS = 2.0
#: Clients answered at once; more are dropped (each costs a thread for REQUEST_SECONDS at most).
MAX_CLIENTS = 8
#: The longest AF_UNIX path the OS takes (sun_path less its NUL: 108 on Linux, 104 on macOS).
MAX_SOCKET_PATH = 103 if sys.platform == "darwin" else 107
_USE_UNIX = hasattr(socket, "AF_UNIX")


class ProtocolError(ValueError):
    """A request the server will not act on; the text is sent back to the client."""


class HandoverRejected(RuntimeError):
    """The running instance answered, but refused the command."""


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


def _my_uid() -> int:
    return os.getuid() if hasattr(os, "getuid") else -1


def _lock_path(paths: AppPaths) -> Path:
    return paths.runtime_dir / "deskbreak.lock"


def socket_path(paths: AppPaths) -> Path:
    return paths.runtime_dir / "deskbreak.sock"


def _port_path(paths: AppPaths) -> Path:
    return paths.runtime_dir / "deskbreak.port"


def _try_lock(fd: int) -> bool:
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _lock_is_held(paths: AppPaths) -> bool:
    try:
        fd = os.open(_lock_path(paths), os.O_RDWR)
    except OSError:
        return False
    try:
        return not _try_lock(fd)  # closing the fd releases our probe lock
    finally:
        os.close(fd)


class InstanceServer:
    """The running instance's end: holds the lock, answers second launches."""

    def __init__(self, paths: AppPaths, lock_fd: int) -> None:
        self._paths = paths
        self._lock_fd = lock_fd
        self._sock: socket.socket | None = None
        self._token = ""
        self._on_command: Callable[[Command], object] = lambda _c: None
        self._check: Callable[[Command], str | None] = lambda _c: None
        self._slots = threading.BoundedSemaphore(MAX_CLIENTS)
        self.problem: str | None = None  # why there is no socket (second launches can't reach us)

    @classmethod
    def claim(cls, paths: AppPaths) -> InstanceServer | None:
        """Take the instance lock, or ``None`` when another deskbreak holds it.

        Raises :class:`OSError` when the runtime folder cannot be used at all."""
        ensure_private_dir(paths.runtime_dir)
        fd = os.open(_lock_path(paths), os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            os.close(fd)
            return None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        return cls(paths, fd)

    def start(
        self,
        on_command: Callable[[Command], object],
        check: Callable[[Command], str | None] | None = None,
    ) -> bool:
        """Listen; each accepted command is passed to ``on_command`` (e.g. ``CommandQueue.post``,
        called on a client thread). ``check`` may refuse a command with a reason (an unknown
        routine). False, with :attr:`problem` set, when no socket can be made: the app runs on
        without one."""
        self._on_command = on_command
        self._check = check or (lambda _c: None)
        try:
            self._listen()
        except OSError as error:
            self.problem = socket_problem(self._paths) or (
                f"no single-instance socket in {self._paths.runtime_dir} ({error.strerror or error}); "
                "a second deskbreak cannot hand over to this one"
            )
            log.warning("%s", self.problem)
            return False
        return True

    def _listen(self) -> None:
        if _USE_UNIX:
            path = socket_path(self._paths)
            problem = socket_problem(self._paths)
            if problem:
                raise OSError(problem)
            with contextlib.suppress(FileNotFoundError):
                path.unlink()  # left by a crashed instance: we hold the lock, so it is ours
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            old_umask = os.umask(0o177)
            try:
                sock.bind(str(path))
            except OSError:
                sock.close()
                raise
            finally:
                os.umask(old_umask)
            path.chmod(0o600)
        else:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind(("127.0.0.1", 0))
            import secrets  # Windows only: it loads OpenSSL, ~4 MB the POSIX path never needs

            self._token = secrets.token_hex(16)
            port = sock.getsockname()[1]
            _port_path(self._paths).write_text(f"{port} {self._token}\n", encoding="utf-8")
        sock.listen(8)
        sock.setblocking(False)
        self._sock = sock

    def fileno(self) -> int:
        """The listening socket, for ``wakeup.watch_fd(root, server.fileno(), server.handle_ready)``."""
        if self._sock is None:
            raise RuntimeError("InstanceServer.start() first")
        return self._sock.fileno()

    def handle_ready(self) -> None:
        """Accept every pending connection and answer each on its own short-lived thread.

        Never raises and never waits: a silent or trickling client costs a thread for at most
        :data:`REQUEST_SECONDS`, not the Tk thread's time; past :data:`MAX_CLIENTS` at once,
        a client is dropped without a read.
        """
        while self._sock is not None:
            try:
                conn, _ = self._sock.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                log.warning("instance socket accept failed", exc_info=True)
                return
            if not self._slots.acquire(blocking=False):
                log.warning("instance socket: %d clients at once; dropped one", MAX_CLIENTS)
                conn.close()
                continue
            threading.Thread(
                target=self._answer_then_release, args=(conn,), name="deskbreak-client", daemon=True
            ).start()

    def _answer_then_release(self, conn: socket.socket) -> None:
        try:
            with conn:
                self._answer(conn)
        except Exception:
            log.exception("instance socket client failed")
        finally:
            self._slots.release()

    def _answer(self, conn: socket.socket) -> None:
        """Read one line within :data:`REQUEST_SECONDS` (in all, not per byte), check it, queue
        the command, answer. A refused client gets the reason."""
        deadline = time.monotonic() + REQUEST_SECONDS
        reply: dict[str, object] = {"ok": True}
        command: Command | None = None
        try:
            line = _read_line(
                conn, deadline
            )  # read first, so even a refused client gets its answer
            if _USE_UNIX and not peer_allowed(peer_uid(conn), _my_uid()):
                raise ProtocolError("another user")
            command = parse_request(line, self._token)
            refusal = self._check(command)
            if refusal:
                raise ProtocolError(refusal)
        except ProtocolError as exc:
            log.warning("refused a handover: %s", exc)
            reply = {"ok": False, "error": str(exc)}
            command = None
        except OSError:
            log.warning("handover connection failed", exc_info=True)
            return
        if command is not None:
            try:
                self._on_command(command)
            except Exception:
                log.exception("handing over %r failed", command)
                reply = {"ok": False, "error": "the running deskbreak could not take it"}
        with contextlib.suppress(OSError):
            conn.settimeout(max(0.1, deadline - time.monotonic()))
            conn.sendall(json.dumps(reply).encode() + b"\n")

    def serve_in_thread(self) -> threading.Thread:
        """Where Tk cannot watch sockets (Windows): a daemon thread blocked in ``accept()``."""
        if self._sock is None:
            raise RuntimeError("InstanceServer.start() first")
        self._sock.setblocking(True)

        def serve() -> None:
            while self._sock is not None:
                try:
                    conn, _ = self._sock.accept()
                except OSError:
                    return  # closed
                with conn:
                    self._answer(conn)

        thread = threading.Thread(target=serve, name="deskbreak-instance", daemon=True)
        thread.start()
        return thread

    def close(self) -> None:
        """Stop listening, remove the socket and release the lock."""
        sock, self._sock = self._sock, None
        if sock is not None:
            sock.close()
            with contextlib.suppress(OSError):
                (socket_path if _USE_UNIX else _port_path)(self._paths).unlink()
        if self._lock_fd >= 0:
            os.close(self._lock_fd)  # releases the lock
            self._lock_fd = -1


def _read_line(conn: socket.socket, deadline: float) -> bytes:
    """One line, at most :data:`_MAX_LINE` bytes, all of it before ``deadline`` (monotonic)."""
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
        if len(data) > _MAX_LINE:
            raise ProtocolError("request too long")
    return data.split(b"\n", 1)[0]


def socket_problem(paths: AppPaths) -> str | None:
    """Why the instance socket cannot live where ``paths`` put it, or None."""
    if not _USE_UNIX:
        return None
    length = len(os.fsencode(socket_path(paths)))
    if length > MAX_SOCKET_PATH:
        return (
            f"the socket path {socket_path(paths)} is {length} bytes, longer than the "
            f"{MAX_SOCKET_PATH} the system allows; a second deskbreak cannot hand over. "
            "Use a shorter --data-dir"
        )
    return None


def _connect(paths: AppPaths, timeout: float) -> tuple[socket.socket, str]:
    if _USE_UNIX:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(timeout)
        try:
            sock.connect(str(socket_path(paths)))
        except OSError:
            sock.close()
            raise
        return sock, ""
    port, token = _port_path(paths).read_text(encoding="utf-8").split()
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
            if not _lock_is_held(paths) or time.monotonic() >= deadline:
                return False
            time.sleep(0.1)
    with sock:
        try:
            sock.sendall(encode_request(command, token))
            answer = _read_line(sock, time.monotonic() + REQUEST_SECONDS + 2.0)
        except (OSError, ProtocolError) as exc:
            raise HandoverRejected(f"the running deskbreak did not answer ({exc})") from exc
    try:
        reply = json.loads(answer.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise HandoverRejected("the running deskbreak gave no answer") from exc
    if not reply.get("ok"):
        raise HandoverRejected(str(reply.get("error", "refused")))
    return True
