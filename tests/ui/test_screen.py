"""Windows fit the work area: saved places clamped, corrupt or off-screen ones ignored."""

from __future__ import annotations

import pytest

from deskbreak.ui import screen
from deskbreak.ui.screen import Area, Geometry

AREA = Area(0, 0, 1366, 738)  # 1366x768 with a 30 px bottom panel


def test_parse_geometry_takes_only_real_geometries() -> None:
    assert screen.parse_geometry("437x541+20+30") == Geometry(437, 541, 20, 30)
    for bad in ("huge", "", None, 42, "0x0+0+0", "1x1+5+5", "437x541"):
        assert screen.parse_geometry(bad) is None


def test_clamp_shrinks_and_moves_inside() -> None:
    # A 2x session's size in a 1x session: fitted, moved up so the buttons are on screen.
    assert screen.clamp(Geometry(718, 918, 300, 100), AREA) == Geometry(718, 738, 300, 0)
    assert screen.clamp(Geometry(100, 100, 5000, -300), AREA, (360, 460)) == Geometry(
        360, 460, 1006, 0
    )


@pytest.mark.parametrize(
    ("geometry", "on"),
    [
        (Geometry(400, 500, 100, 100), True),
        (Geometry(400, 500, 1340, 100), False),  # 26 px left on screen
        (Geometry(400, 500, -390, 100), False),
        (Geometry(400, 500, 100, 2000), False),
    ],
)
def test_is_on_area(geometry: Geometry, on: bool) -> None:
    assert screen.is_on_area(geometry, AREA) is on


@pytest.mark.gui
@pytest.mark.parametrize(
    ("saved", "expected"),
    [
        ("480x600+40+30", "480x600+40+30"),
        ("718x918+300+100", "718x{h}+300+0"),  # too tall: fitted
        ("437x541+0+0", "437x541+{cx}+{cy}"),  # the top-left corner: centred instead
        ("437x541+5000+5000", "437x541+{cx}+{cy}"),  # off screen: ignored
        ("garbage", "420x520+{cx2}+{cy2}"),
        (None, "420x520+{cx2}+{cy2}"),
    ],
)
def test_place_fits_or_ignores_a_saved_place(
    monkeypatch: pytest.MonkeyPatch, saved: str | None, expected: str
) -> None:
    import tkinter as tk

    monkeypatch.setattr(screen, "work_area", lambda _w: AREA)
    root = tk.Tk()
    try:
        inner = screen.client_area(root)
        got = str(screen.place(root, 420, 520, saved, (360, 460)))
        want = expected.format(
            h=inner.height,
            cx=(inner.width - 437) // 2,
            cy=(inner.height - 541) // 2,
            cx2=(inner.width - 420) // 2,
            cy2=(inner.height - 520) // 2,
        )
        assert got == want
    finally:
        root.destroy()


@pytest.mark.gui
def test_the_work_area_comes_from_net_workarea() -> None:
    import subprocess
    import tkinter as tk

    root = tk.Tk()
    try:
        width, height = root.winfo_screenwidth(), root.winfo_screenheight()
        subprocess.run(
            ["xprop", "-root", "-f", "_NET_WORKAREA", "32c", "-set", "_NET_WORKAREA",
             f"0,24,{width},{height - 54}"],
            check=True,
        )  # fmt: skip
        try:
            assert screen.work_area(root) == Area(0, 24, width, height - 54)
        finally:
            subprocess.run(["xprop", "-root", "-remove", "_NET_WORKAREA"], check=True)
        assert screen.work_area(root) == Area(0, 0, width, height)
    finally:
        root.destroy()
