"""Selection rules with fake sessions, plus one run against a real X server and session bus."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pytest

from deskbreak.idle.base import IdleSource, IdleUnavailable
from deskbreak.idle.select import (
    NO_SOURCE,
    Opener,
    Verdict,
    choose_idle_source,
    describe_sources,
)
from tests.idle.conftest import BusDaemon, XServer
from tests.idle.fake_desktop_bus import MUTTER, SCREENSAVER, FakeDesktop

X11 = {"DISPLAY": ":9", "DBUS_SESSION_BUS_ADDRESS": "unix:path=/nowhere", "XDG_SESSION_TYPE": "x11"}
WAYLAND = {**X11, "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}


class FakeSource:
    def __init__(self, name: str, log: list[str], failure: str | None) -> None:
        self.name = name
        self._log = log
        self._failure = failure

    def idle_seconds(self) -> float:
        self._log.append(f"ask {self.name}")
        if self._failure:
            raise IdleUnavailable(self._failure)
        return 12.0

    def close(self) -> None:
        self._log.append(f"close {self.name}")


def fakes(log: list[str], failing: Mapping[str, str] = {}) -> dict[str, Opener]:
    """Openers for every known source; those in `failing` raise that message when asked."""

    def opener(name: str) -> Opener:
        def open_(environ: Mapping[str, str]) -> IdleSource:
            log.append(f"open {name}")
            return FakeSource(name, log, failing.get(name))

        return open_

    names = ["x11-screensaver", "gnome-mutter", "freedesktop-screensaver"]
    names += ["windows-lastinput", "macos-quartz", "macos-ioreg"]
    return {name: opener(name) for name in names}


def test_x11_session_uses_the_screensaver_extension_first() -> None:
    log: list[str] = []
    source, summary = choose_idle_source(X11, platform="linux", openers=fakes(log))
    assert source is not None and source.name == "x11-screensaver"
    assert summary == "idle source: x11-screensaver"
    assert log == ["open x11-screensaver", "ask x11-screensaver"]  # asked once, others untouched


@pytest.mark.parametrize(
    "environ",
    [WAYLAND, {**X11, "WAYLAND_DISPLAY": "wayland-1"}, {**X11, "XDG_SESSION_TYPE": "wayland"}],
    ids=["both", "wayland-display", "session-type"],
)
def test_wayland_never_uses_the_x11_counter(environ: dict[str, str]) -> None:
    log: list[str] = []
    source, _ = choose_idle_source(environ, platform="linux", openers=fakes(log))
    assert source is not None and source.name == "gnome-mutter"
    assert not any("x11" in entry for entry in log)


def test_wayland_without_dbus_sources_counts_work_hours_instead_of_using_x11() -> None:
    log: list[str] = []
    failing = {"gnome-mutter": "ServiceUnknown", "freedesktop-screensaver": "NotSupported"}
    source, summary = choose_idle_source(WAYLAND, platform="linux", openers=fakes(log, failing))
    assert source is None
    assert summary.startswith(NO_SOURCE)
    assert "XWayland" in summary and "ServiceUnknown" in summary and "NotSupported" in summary
    assert not any("x11" in entry for entry in log)
    assert "close gnome-mutter" in log and "close freedesktop-screensaver" in log


def test_failing_source_is_closed_and_the_next_one_chosen() -> None:
    log: list[str] = []
    failing = {"x11-screensaver": "no MIT-SCREEN-SAVER", "gnome-mutter": "ServiceUnknown"}
    source, summary = choose_idle_source(X11, platform="linux", openers=fakes(log, failing))
    assert source is not None and source.name == "freedesktop-screensaver"
    assert summary == "idle source: freedesktop-screensaver"
    assert log[:3] == ["open x11-screensaver", "ask x11-screensaver", "close x11-screensaver"]


def test_no_display_and_no_bus_gives_the_fallback_with_reasons() -> None:
    source, summary = choose_idle_source({}, platform="linux", openers=fakes([]))
    assert source is None
    assert summary == (
        f"{NO_SOURCE} (x11-screensaver: DISPLAY is not set; "
        "gnome-mutter: no session bus address; freedesktop-screensaver: no session bus address)"
    )


@pytest.mark.parametrize(
    ("platform", "expected"),
    [("win32", "windows-lastinput"), ("darwin", "macos-quartz")],
)
def test_other_platforms_use_their_own_source(platform: str, expected: str) -> None:
    source, _ = choose_idle_source(X11, platform=platform, openers=fakes([]))
    assert source is not None and source.name == expected


def test_macos_falls_back_to_ioreg_without_quartz() -> None:
    failing = {"macos-quartz": "pyobjc Quartz is not installed"}
    source, _ = choose_idle_source({}, platform="darwin", openers=fakes([], failing))
    assert source is not None and source.name == "macos-ioreg"


def test_doctor_report_asks_every_candidate_and_closes_them() -> None:
    log: list[str] = []
    report = describe_sources(WAYLAND, platform="linux", openers=fakes(log, {"gnome-mutter": "x"}))
    assert [(c.name, c.verdict) for c in report.checks] == [
        ("x11-screensaver", Verdict.SKIPPED),
        ("gnome-mutter", Verdict.FAILED),
        ("freedesktop-screensaver", Verdict.CHOSEN),
    ]
    assert report.chosen == "freedesktop-screensaver"
    assert report.lines() == [
        "idle source: freedesktop-screensaver",
        "  x11-screensaver: skipped — Wayland session: XWayland only counts input to X11 windows",
        "  gnome-mutter: failed — x",
        "  freedesktop-screensaver: chosen — answered: idle 12.0 s",
    ]
    assert log.count("close freedesktop-screensaver") == 1
    assert log.count("close gnome-mutter") == 1


def test_doctor_report_names_working_sources_that_were_not_needed() -> None:
    report = describe_sources(X11, platform="linux", openers=fakes([]))
    assert [c.verdict for c in report.checks] == [Verdict.CHOSEN, Verdict.WORKS, Verdict.WORKS]
    assert report.checks[1].reason == "x11-screensaver comes first"


def test_import_errors_are_reported_not_raised() -> None:
    def broken(environ: Mapping[str, str]) -> IdleSource:
        raise ImportError("No module named 'Xlib'")

    openers = {**fakes([]), "x11-screensaver": broken}
    report = describe_sources(X11, platform="linux", openers=openers)
    assert report.checks[0].verdict is Verdict.FAILED
    assert "Xlib" in report.checks[0].reason


def test_real_session_chooses_x11_then_dbus_when_the_extension_is_missing(
    x_server: Callable[..., XServer], bus_daemon: BusDaemon
) -> None:
    with FakeDesktop(bus_daemon.address, names=(MUTTER, SCREENSAVER)):
        environ = {"DISPLAY": x_server().display, "DBUS_SESSION_BUS_ADDRESS": bus_daemon.address}
        source, summary = choose_idle_source(environ, platform="linux")
        assert source is not None and source.name == "x11-screensaver"
        source.close()

        environ["DISPLAY"] = x_server("-extension", "MIT-SCREEN-SAVER").display
        report = describe_sources(environ, platform="linux")
        assert report.chosen == "gnome-mutter"
        assert "has no MIT-SCREEN-SAVER" in report.checks[0].reason
        assert report.checks[2].verdict is Verdict.WORKS

        source, summary = choose_idle_source({**environ, "WAYLAND_DISPLAY": "w"}, platform="linux")
        assert source is not None and source.idle_seconds() == 4.2
        source.close()
