"""pystray's icon off the Tk thread: updates that never block and coalesce, a quiet notifier."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
from PIL import Image

from deskbreak.ui.tray_pystray import Updater, quiet_notifier


def wait_for(condition: Callable[[], object], limit: float = 10.0) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return bool(condition())


class BlockingIcon:
    """An icon whose setters block, like pystray's xorg backend waiting for its loop."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.images: list[Any] = []
        self.title = ""

    @property
    def icon(self) -> Any:
        return self.images[-1] if self.images else None

    @icon.setter
    def icon(self, value: Any) -> None:
        self.release.wait()
        self.images.append(value)


def test_updates_never_block_the_caller_and_coalesce() -> None:
    fake = BlockingIcon()
    updater = Updater(fake)
    a, b, c = (Image.new("RGBA", (8, 8), (i, 0, 0, 255)) for i in (1, 2, 3))
    updater.push(image=a)
    assert wait_for(lambda: not updater._image)  # the updater thread is stuck applying `a`
    updater.push(image=b, title="one")  # returns at once although the icon blocks
    updater.push(image=c, title="two")
    fake.release.set()
    assert wait_for(lambda: fake.images[-1:] == [c] and fake.title == "two")
    assert b not in fake.images  # only the newest waiting image is applied
    updater.close()


class _FailingNotifier:
    """pystray's notify_dbus.Notifier without a notification server: every call fails."""

    def __init__(self, nid: int) -> None:
        self._nid = nid
        self.calls = 0

    def hide(self) -> None:
        self.calls += 1
        raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown: CloseNotification")


def test_quit_with_a_gtk_backend_closes_no_notification_that_was_never_shown(
    caplog: pytest.LogCaptureFixture,
) -> None:
    never_shown = SimpleNamespace(_notifier=_FailingNotifier(0))
    quiet_notifier(never_shown)
    never_shown._notifier.hide()  # what pystray's _finalize calls at stop
    assert never_shown._notifier.calls == 0

    shown = SimpleNamespace(_notifier=_FailingNotifier(7))
    quiet_notifier(shown)
    shown._notifier.hide()  # a real one is closed, and a failure is a log line, not a crash
    assert shown._notifier.calls == 1
    assert "closing the tray notification failed" in caplog.text
