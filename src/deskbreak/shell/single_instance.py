"""One deskbreak per user: the running instance's lock holder and socket server.

The first instance takes the lock (:mod:`deskbreak.shell.instance_files`) and listens on
``runtime_dir/deskbreak.sock`` (AF_UNIX, mode 0600 in a 0700 dir, peers checked with
SO_PEERCRED); on Windows, which has no AF_UNIX in Python, on a loopback port with a random token
in a file only this user can read. A second launch hands its command over with
:func:`deskbreak.shell.instance_client.try_handover`; the line format both ends speak is
:mod:`deskbreak.shell.instance_wire`. Anything but a known command is refused and the server
keeps running.

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
import threading
import time
from collections.abc import Callable

from deskbreak.core.commands import Command
from deskbreak.shell.instance_files import (
    USE_UNIX,
    lock_path,
    port_path,
    socket_path,
    socket_problem,
    try_lock,
)
from deskbreak.shell.instance_wire import (
    REQUEST_SECONDS,
    ProtocolError,
    my_uid,
    parse_request,
    peer_allowed,
    peer_uid,
    read_line,
)
from deskbreak.shell.paths import AppPaths, ensure_private_dir

log = logging.getLogger(__name__)

#: Clients answered at once; more are dropped (each costs a thread for REQUEST_SECONDS at most).
MAX_CLIENTS = 8


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
        fd = os.open(lock_path(paths), os.O_RDWR | os.O_CREAT, 0o600)
        if not try_lock(fd):
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
        if USE_UNIX:
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
            port_path(self._paths).write_text(f"{port} {self._token}\n", encoding="utf-8")
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
            # read first, so even a refused client gets its answer
            line = read_line(conn, deadline)
            if USE_UNIX and not peer_allowed(peer_uid(conn), my_uid()):
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
                (socket_path if USE_UNIX else port_path)(self._paths).unlink()
        if self._lock_fd >= 0:
            os.close(self._lock_fd)  # releases the lock
            self._lock_fd = -1
