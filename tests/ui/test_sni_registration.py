"""Registering with the StatusNotifierWatcher: retries while it starts, a new watcher is asked again."""

from __future__ import annotations

import itertools
import logging

import pytest
from jeepney import DBusAddress
from jeepney.low_level import Message
from jeepney.wrappers import new_error, new_method_return, new_signal

from deskbreak.ui.sni_protocol import WATCHER
from deskbreak.ui.sni_registration import REGISTER_RETRIES, WatcherRegistration

NOT_YET = "org.freedesktop.DBus.Error.UnknownObject"


class FakeConn:
    """Records what is sent, numbering messages like a connection does."""

    def __init__(self) -> None:
        self.outgoing_serial = itertools.count(1)
        self.sent: list[Message] = []

    def send(self, message: Message, serial: int | None = None) -> None:
        message.header.serial = serial if serial is not None else next(self.outgoing_serial)
        self.sent.append(message)


def owner_changed(name: str, new_owner: str) -> Message:
    bus = DBusAddress("/org/freedesktop/DBus", interface="org.freedesktop.DBus")
    return new_signal(bus, "NameOwnerChanged", "sss", (name, "", new_owner))


def test_a_watcher_not_ready_yet_is_asked_again_on_the_schedule() -> None:
    conn = FakeConn()
    reg = WatcherRegistration("org.kde.StatusNotifierItem-1-1")
    reg.begin(conn)  # type: ignore[arg-type]
    assert reg.timeout() is None  # nothing pending: the bus loop blocks without a timeout
    assert reg.on_reply(new_error(conn.sent[-1], NOT_YET, "s", ("no object yet",)))
    waited = reg.timeout()
    assert waited is not None and 0 < waited <= REGISTER_RETRIES[0]
    reg.retry(conn)  # type: ignore[arg-type]
    assert len(conn.sent) == 2 and conn.sent[-1].body == ("org.kde.StatusNotifierItem-1-1",)
    assert not reg.registered.is_set()
    assert reg.on_reply(new_method_return(conn.sent[-1]))
    assert reg.registered.is_set() and reg.timeout() is None


def test_a_reply_to_another_call_is_not_taken() -> None:
    conn = FakeConn()
    reg = WatcherRegistration("item")
    reg.begin(conn)  # type: ignore[arg-type]
    other = FakeConn()
    other.outgoing_serial = itertools.count(99)
    other.send(conn.sent[-1])  # the same call, under another serial
    assert not reg.on_reply(new_method_return(other.sent[-1]))
    assert not reg.registered.is_set()


def test_after_the_last_retry_a_refusal_is_logged_once(caplog: pytest.LogCaptureFixture) -> None:
    conn = FakeConn()
    reg = WatcherRegistration("item")
    reg.begin(conn)  # type: ignore[arg-type]
    for _ in REGISTER_RETRIES:
        reg.on_reply(new_error(conn.sent[-1], NOT_YET, "s", ("",)))
        reg.retry(conn)  # type: ignore[arg-type]
    with caplog.at_level(logging.WARNING):
        assert reg.on_reply(new_error(conn.sent[-1], NOT_YET, "s", ("still no",)))
    assert "refused the tray icon" in caplog.text
    assert reg.timeout() is None  # no more retries scheduled
    assert len(conn.sent) == len(REGISTER_RETRIES) + 1


def test_a_new_watcher_is_asked_again_and_others_are_ignored() -> None:
    conn = FakeConn()
    reg = WatcherRegistration("item")
    reg.begin(conn)  # type: ignore[arg-type]
    reg.on_reply(new_method_return(conn.sent[-1]))
    reg.on_signal(owner_changed("org.example.Other", ":1.7"), conn)  # type: ignore[arg-type]
    reg.on_signal(owner_changed(WATCHER, ""), conn)  # type: ignore[arg-type]  # it left
    assert len(conn.sent) == 1 and reg.registered.is_set()
    reg.on_signal(owner_changed(WATCHER, ":1.8"), conn)  # type: ignore[arg-type]
    assert len(conn.sent) == 2 and not reg.registered.is_set()
