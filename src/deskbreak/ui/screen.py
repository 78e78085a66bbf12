"""Where a window may go: the desktop's work area, and geometries fitted into it.

The work area is the screen minus panels and docks (EWMH ``_NET_WORKAREA`` on X11, for the
current desktop); without one it is the whole screen. Every deskbreak window sizes and
places itself inside it, so no button ends up behind a panel or below the screen edge.
"""

from __future__ import annotations

import logging
import re
import tkinter as tk
from dataclasses import dataclass

log = logging.getLogger(__name__)

_GEOMETRY = re.compile(r"^(\d+)x(\d+)\+(-?\d+)\+(-?\d+)$")  # as `wm geometry` gives it
#: Room kept for the window manager's frame (borders, title bar), which the work area must
#: hold too; decorations do not grow with Tk's scaling.
DECORATION = (12, 44)  # mutter: 37 px title bar and borders; openbox, xfwm4 less


@dataclass(frozen=True)
class Area:
    x: int
    y: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height


@dataclass(frozen=True)
class Geometry:
    width: int
    height: int
    x: int
    y: int

    def __str__(self) -> str:
        return f"{self.width}x{self.height}+{self.x}+{self.y}"


def parse_geometry(text: object) -> Geometry | None:
    """``WxH+X+Y`` as ``wm geometry`` gives it, or None for anything else."""
    match = _GEOMETRY.match(text) if isinstance(text, str) else None
    if not match:
        return None
    width, height, x, y = (int(group) for group in match.groups())
    if width <= 1 or height <= 1:
        return None
    return Geometry(width, height, x, y)


def client_area(widget: tk.Misc) -> Area:
    """The work area less the room a WM frame takes: what a window's inside may fill."""
    area = work_area(widget)
    return Area(area.x, area.y, area.width - DECORATION[0], area.height - DECORATION[1])


def work_area(widget: tk.Misc) -> Area:
    """The usable part of the screen ``widget`` is on."""
    screen = Area(0, 0, widget.winfo_screenwidth(), widget.winfo_screenheight())
    if widget._windowingsystem != "x11":
        return screen
    found = _net_workarea(widget)
    if found is None:
        return screen
    return intersect(found, screen) or screen


def intersect(first: Area, second: Area) -> Area | None:
    x, y = max(first.x, second.x), max(first.y, second.y)
    right, bottom = min(first.right, second.right), min(first.bottom, second.bottom)
    if right - x < 100 or bottom - y < 100:  # a broken hint: not a usable area
        return None
    return Area(x, y, right - x, bottom - y)


def fit_size(width: int, height: int, area: Area) -> tuple[int, int]:
    """``width × height`` shrunk to fit ``area``."""
    return min(width, area.width), min(height, area.height)


def clamp(geometry: Geometry, area: Area, min_size: tuple[int, int] = (1, 1)) -> Geometry:
    """``geometry`` grown to ``min_size``, shrunk to ``area`` and moved wholly inside it."""
    width = min(max(geometry.width, min_size[0]), area.width)
    height = min(max(geometry.height, min_size[1]), area.height)
    x = min(max(geometry.x, area.x), area.right - width)
    y = min(max(geometry.y, area.y), area.bottom - height)
    return Geometry(width, height, x, y)


def is_on_area(geometry: Geometry, area: Area, min_visible: int = 80) -> bool:
    """Whether a good part (``min_visible`` px each way) of ``geometry`` lies in ``area``."""
    seen_x = min(geometry.x + geometry.width, area.right) - max(geometry.x, area.x)
    seen_y = min(geometry.y + geometry.height, area.bottom) - max(geometry.y, area.y)
    return seen_x >= min(min_visible, geometry.width) and seen_y >= min(
        min_visible, geometry.height
    )


def centred(width: int, height: int, area: Area) -> Geometry:
    """A ``width × height`` window (fitted first) in the middle of ``area``."""
    width, height = fit_size(width, height, area)
    return Geometry(
        width,
        height,
        area.x + (area.width - width) // 2,
        area.y + (area.height - height) // 2,
    )


def place(
    window: tk.Misc,
    width: int,
    height: int,
    saved: str | None = None,
    min_size: tuple[int, int] = (1, 1),
) -> Geometry:
    """Where ``window`` opens: its saved place fitted to the work area when that place is
    sane and mostly on screen; else ``width × height`` centred. The origin never comes from
    a save that sat at the very top-left corner (often a WM-less session's default)."""
    area = client_area(window)
    geometry = parse_geometry(saved)
    if geometry is not None and is_on_area(geometry, area) and (geometry.x, geometry.y) != (0, 0):
        return clamp(geometry, area, min_size)
    if geometry is not None:
        log.info("ignoring the saved window place %s: off the work area %s", saved, area)
        width, height = geometry.width, geometry.height
    return centred(max(width, min_size[0]), max(height, min_size[1]), area)


def fitted_min_size(window: tk.Misc, width: int, height: int) -> tuple[int, int]:
    """A minimum size no larger than the client area, for ``wm minsize``."""
    return fit_size(width, height, client_area(window))


def _net_workarea(widget: tk.Misc) -> Area | None:
    try:
        from Xlib import X
        from Xlib import display as xdisplay

        connection = xdisplay.Display(widget.winfo_screen())
    except Exception as error:
        log.debug("no X connection for the work area: %s", error)
        return None
    try:
        root = connection.screen().root
        areas = root.get_full_property(connection.intern_atom("_NET_WORKAREA"), X.AnyPropertyType)
        if areas is None or len(areas.value) < 4:
            return None
        current = root.get_full_property(
            connection.intern_atom("_NET_CURRENT_DESKTOP"), X.AnyPropertyType
        )
        desktop = int(current.value[0]) if current is not None and len(current.value) else 0
        values = [int(v) for v in areas.value]
        start = 4 * desktop if 4 * desktop + 4 <= len(values) else 0
        x, y, width, height = values[start : start + 4]
        return Area(x, y, width, height)
    except Exception as error:
        log.debug("reading _NET_WORKAREA failed: %s", error)
        return None
    finally:
        connection.close()
