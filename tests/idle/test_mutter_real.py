"""GNOME's idle time for real: a headless Wayland mutter on the test's own bus, input injected
through org.gnome.Mutter.RemoteDesktop (the only input mutter counts: xdotool into its
Xwayland does not reset it)."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from deskbreak.idle import probe_select, select
from tests.desktop_session import (
    DesktopSession,
    RemoteInput,
    desktop_session,
    start_headless_mutter,
    wait_for,
)


@pytest.fixture
def gnome(tmp_path: Path) -> Iterator[DesktopSession]:
    assert shutil.which("mutter"), "install mutter (packaging/system-deps.sh test)"
    with desktop_session(tmp_path / "desk") as desk:
        start_headless_mutter(desk)
        yield desk


def test_idle_source_is_mutter_and_input_resets_it(gnome: DesktopSession) -> None:
    env = gnome.env
    source, summary = select.choose_idle_source(env, platform="linux")
    assert source is not None, summary
    try:
        assert source.name == "gnome-mutter"
        report = select.describe_sources(env, platform="linux")
        assert [c.verdict for c in report.checks][0] is select.Verdict.SKIPPED  # no X11 counter
        # Without input, idle time grows.
        first = source.idle_seconds()
        wait_for(lambda: source.idle_seconds() >= first + 0.3, 10, "idle time to grow")
        before = source.idle_seconds()
        assert before >= 0.3

        remote = RemoteInput(gnome)

        def moved() -> bool:
            remote.move_pointer(5.0, 3.0)
            return source.idle_seconds() < before

        # Asked again on each poll: the first event may come before the virtual pointer is up.
        wait_for(moved, 10, "a pointer move to reset idle")
        wait_for(lambda: source.idle_seconds() >= 0.3, 10, "idle time to grow again")
        mid = source.idle_seconds()

        def typed() -> bool:
            remote.tap_shift()
            return source.idle_seconds() < mid

        wait_for(typed, 10, "a key press to reset idle")
    finally:
        source.close()


def test_the_desktop_probe_on_headless_gnome(gnome: DesktopSession) -> None:
    """Plain mutter has no ScreenSaver service: lock is unknown, and doctor says so. GNOME's
    do-not-disturb (notification banners off, a real dconf setting) holds prompts back."""
    env = gnome.env | {"XDG_CURRENT_DESKTOP": "GNOME"}
    probe, description = probe_select.choose_desktop_probe(env, platform="linux")
    try:
        assert probe.screen_locked() is None
        assert "screen lock: not detected" in description
        assert "do-not-disturb: GNOME's notification banners setting" in description
        assert probe.fullscreen_active() is False
        gsettings = ["gsettings", "set", "org.gnome.desktop.notifications", "show-banners"]
        subprocess.run([*gsettings, "false"], env=env, check=True, timeout=30)
        wait_for(probe.fullscreen_active, 10, "do-not-disturb to be seen")
        subprocess.run([*gsettings, "true"], env=env, check=True, timeout=30)
        wait_for(lambda: not probe.fullscreen_active(), 10, "do-not-disturb to end")
    finally:
        probe.close()
