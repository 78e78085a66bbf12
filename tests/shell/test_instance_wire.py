"""The handover wire protocol: only known commands parse, tokens and peers are checked."""

from __future__ import annotations

import os
import socket

import pytest

from deskbreak.core.commands import AnotherLaunch, Command, Quit, ShowProgress, TakeBreak
from deskbreak.shell import instance_wire as wire


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (b'{"command": "run"}', AnotherLaunch()),
        (b'{"command": "break", "args": []}', TakeBreak()),
        (b'{"command": "break", "args": ["daily-ritual"]}', TakeBreak("daily-ritual")),
        (b'{"command": "show-progress", "args": []}', ShowProgress()),
    ],
)
def test_whitelisted_requests_parse(line: bytes, expected: Command) -> None:
    assert wire.parse_request(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        b'{"command": "break", "args": ["a", "b"]}',
        b'{"command": "run", "args": ["x"]}',
        b'{"command": "break", "args": ["Quick Reset"]}',
        b'{"command": "break", "args": [3]}',
        b'{"command": "exec", "args": []}',
        b'{"args": []}',
    ],
)
def test_everything_else_is_a_protocol_error(line: bytes) -> None:
    with pytest.raises(wire.ProtocolError):
        wire.parse_request(line)


def test_a_token_is_checked_when_one_is_set() -> None:
    line = wire.encode_request(Quit(), token="abc")
    assert wire.parse_request(line, token="abc") == Quit()
    with pytest.raises(wire.ProtocolError, match="token"):
        wire.parse_request(wire.encode_request(Quit(), token="abd"), token="abc")


def test_peers_are_accepted_only_from_this_user() -> None:
    assert wire.peer_allowed(1000, 1000)
    assert not wire.peer_allowed(1001, 1000)
    assert not wire.peer_allowed(0, 1000)  # not even root's processes
    assert wire.peer_allowed(None, 1000)  # no credential API: the 0700 dir guards


@pytest.mark.skipif(os.name != "posix", reason="AF_UNIX credentials")
def test_peer_uid_reads_the_real_credentials() -> None:
    a, b = socket.socketpair(socket.AF_UNIX)
    with a, b:
        assert wire.peer_uid(a) == os.getuid()
