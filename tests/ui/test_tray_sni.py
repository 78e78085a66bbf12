"""The StatusNotifier tray against Debian's real `status-notifier-watcher`; the test is the host."""

from __future__ import annotations

import queue
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from jeepney.bus_messages import MatchRule, message_bus

from deskbreak.core.commands import Command, OpenTrayMenu, Pause, Quit, TakeBreak
from deskbreak.ui.menu_model import standard_menu
from deskbreak.ui.sni_protocol import ITEM_INTERFACE, WATCHER
from deskbreak.ui.tray_art import IconMode, IconState, draw_icon
from deskbreak.ui.tray_sni import SniTray
from tests.desktop_session import DesktopSession, desktop_session, wait_for
from tests.sni_host import SniHost

ROUTINES = [("hips", "Hips · 3 min"), ("back", "Mid-back · 4 min")]


@pytest.fixture
def session(tmp_path: Path) -> Iterator[DesktopSession]:
    assert shutil.which("status-notifier-watcher"), (
        "install haskell-status-notifier-item-utils (packaging/system-deps.sh test)"
    )
    with desktop_session(tmp_path / "desk") as desk:
        desk.spawn(["status-notifier-watcher"])
        desk.wait_for_name(WATCHER)
        yield desk


@pytest.fixture
def posted() -> queue.SimpleQueue[Command]:
    return queue.SimpleQueue()


@pytest.fixture
def tray(session: DesktopSession, posted: queue.SimpleQueue[Command]) -> Iterator[SniTray]:
    icon = SniTray(posted.put, standard_menu(ROUTINES), bus=session.address)
    icon.start([draw_icon(22, IconState())], "deskbreak — Sitting 0 min\nsecond line")
    assert icon.registered.wait(10), "the watcher did not accept the item"
    yield icon
    icon.stop()


def check_next(posted: queue.SimpleQueue[Command], expected: Command) -> None:
    assert posted.get(timeout=10) == expected


def test_registers_and_shows_properties(session: DesktopSession, tray: SniTray) -> None:
    host = SniHost(session)
    assert tray.bus_name in [host.item(i)[0] for i in host.registered_items()]
    props = host.properties(tray.bus_name)
    assert props["Id"] == "deskbreak"
    assert props["Status"] == "Active"
    assert props["ItemIsMenu"] is False
    assert props["Menu"] == "/MenuBar"
    assert props["ToolTip"][2:] == ("deskbreak — Sitting 0 min", "second line")
    width, height, data = props["IconPixmap"][0]
    assert (width, height, len(data)) == (22, 22, 22 * 22 * 4)
    assert data[:1] == b"\x00"  # ARGB: the corner pixel's alpha comes first and is clear
    centre = (11 * 22 + 11) * 4
    assert data[centre] == 0xFF  # the disc is opaque


def test_menu_layout_and_clicks(
    session: DesktopSession, tray: SniTray, posted: queue.SimpleQueue[Command]
) -> None:
    host = SniHost(session)
    revision, layout = host.layout(tray.bus_name)
    labels = host.labels(layout)
    assert labels[0] == "Take a break now"
    assert ("Routines", ["Hips · 3 min", "Mid-back · 4 min"]) in labels
    assert ("Pause", ["30 min", "1 hour", "Until tomorrow", "-", "Resume"]) in labels
    assert labels[-1] == "Quit"
    host.click(tray.bus_name, host.find_id(layout, "Mid-back · 4 min"))
    check_next(posted, TakeBreak("back"))
    host.click(tray.bus_name, host.find_id(layout, "30 min"))
    check_next(posted, Pause(30))
    host.click(tray.bus_name, host.find_id(layout, "Quit"))
    check_next(posted, Quit())
    host.activate(tray.bus_name)
    check_next(posted, TakeBreak())
    session.call(host.conn, tray.bus_name, "/StatusNotifierItem", ITEM_INTERFACE,
                 "ContextMenu", "ii", 5, 6)  # fmt: skip
    check_next(posted, OpenTrayMenu(5, 6))
    assert revision >= 1


def test_updates_send_signals_only_on_change(session: DesktopSession, tray: SniTray) -> None:
    host = SniHost(session)
    rule = MatchRule(type="signal", sender=tray.bus_name)
    session.call(host.conn, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                 "org.freedesktop.DBus", "AddMatch", "s", rule.serialise())  # fmt: skip
    signals: list[str] = []

    def drain_until(member: str) -> None:
        def got() -> bool:
            try:
                message = host.conn.receive(timeout=0.2)
            except TimeoutError:
                return False
            signals.append(message.header.fields[3])  # HeaderFields.member
            return signals[-1] == member

        wait_for(got, 10, member)

    tray.set_tooltip("deskbreak — Sitting 0 min\nsecond line")  # unchanged: no signal
    tray.set_icon([draw_icon(22, IconState())])  # unchanged: no signal
    tray.set_status("NeedsAttention")
    drain_until("NewStatus")
    assert signals == ["NewStatus"]
    tray.set_icon([draw_icon(22, IconState(IconMode.DUE, 1.0))])
    drain_until("NewIcon")
    tray.set_tooltip("deskbreak — time to move")
    drain_until("NewToolTip")
    tray.set_menu(standard_menu(ROUTINES[:1]))
    drain_until("LayoutUpdated")
    assert signals == ["NewStatus", "NewIcon", "NewToolTip", "LayoutUpdated"]
    props = host.properties(tray.bus_name)
    assert props["Status"] == "NeedsAttention"
    assert props["ToolTip"][2] == "deskbreak — time to move"
    assert ("Routines", ["Hips · 3 min"]) in host.labels(host.layout(tray.bus_name)[1])


def test_registers_again_when_the_watcher_restarts(session: DesktopSession, tray: SniTray) -> None:
    watcher = session.processes[1]
    session.stop(watcher)
    host = SniHost(session)
    wait_for(lambda: not session.has_owner(host.conn, WATCHER), 10, "the watcher to go")
    session.spawn(["status-notifier-watcher"])
    wait_for(lambda: tray.registered.is_set() and host_sees(host, tray), 20, "re-registration")


def host_sees(host: SniHost, tray: SniTray) -> bool:
    try:
        return tray.bus_name in [host.item(i)[0] for i in host.registered_items()]
    except Exception:
        return False


def test_stop_leaves_the_watcher(session: DesktopSession, tray: SniTray) -> None:
    host = SniHost(session)
    tray.stop()
    wait_for(lambda: not host.registered_items(), 10, "the item to leave")
    assert not session.has_owner(host.conn, tray.bus_name)


def test_message_bus_match_rule_shape() -> None:
    """The watcher match must name the watcher as arg0, or every name change would wake us."""
    rule = MatchRule(type="signal", member="NameOwnerChanged")
    rule.add_arg_condition(0, WATCHER)
    assert "arg0='org.kde.StatusNotifierWatcher'" in rule.serialise()
    assert message_bus.AddMatch(rule).body == (rule.serialise(),)


def test_no_session_bus_means_no_icon_and_a_clear_log_line(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    from deskbreak.ui.tray import Tray

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path}/no-bus")
    tray = Tray(lambda _command: None, standard_menu(ROUTINES), backend="sni")
    assert tray.start(draw_icon(22, IconState()), "deskbreak") is False
    assert "cannot put the icon on the StatusNotifier tray" in caplog.text
    tray.stop()
