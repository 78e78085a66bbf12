"""The tray icon: one mark whose ring fills as the sitting spell grows.

Pure functions of a frozen :class:`IconState`, so the app can compare states and redraw
only when what the icon shows has changed (about ten times per sit limit). The mark carries
its own dark disc, so it reads on light and dark panels alike. Shapes are painted by
:mod:`deskbreak.ui.raster`, anti-aliased at the size asked for, from 16 to 1024 px.
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass

from PIL import Image

from deskbreak.ui.raster import Canvas, arc, disc, ring, rounded_rect, stroke

#: Progress is stored on this grid: finer than any sit limit in minutes, coarse enough that
#: float noise can never make two equal states compare different.
PROGRESS_STEPS = 240


class IconMode(enum.Enum):
    SITTING = "sitting"  # the ring shows the spell so far
    DUE = "due"  # the limit is reached: a break is offered
    PAUSED = "paused"  # the user paused deskbreak
    OFF_HOURS = "off-hours"  # outside work hours: nothing is counted
    NO_IDLE = "no-idle"  # no idle-time source: counting work hours, shown muted


@dataclass(frozen=True)
class IconState:
    mode: IconMode = IconMode.SITTING
    progress: float = 0.0  # 0..1 of the sit limit

    def __post_init__(self) -> None:
        clamped = min(1.0, max(0.0, float(self.progress)))
        object.__setattr__(self, "progress", round(clamped * PROGRESS_STEPS) / PROGRESS_STEPS)

    @classmethod
    def sitting(cls, sat_seconds: float, limit_minutes: int) -> IconState:
        """The state for a spell of ``sat_seconds``, in steps of :func:`minute_step` minutes.

        Each change of the icon wakes pystray's thread, the tray and Tk (measured: ~17 context
        switches), so the ring moves in about ten steps per limit, not every minute.
        """
        minutes = shown_minutes(sat_seconds, limit_minutes)
        if limit_minutes <= 0 or sat_seconds >= limit_minutes * 60:
            return cls(IconMode.DUE, 1.0)
        return cls(IconMode.SITTING, minutes / limit_minutes)


def minute_step(limit_minutes: int) -> int:
    """How many minutes one visible step of the ring (and of the tooltip) stands for."""
    return max(1, limit_minutes // 10)


def shown_minutes(sat_seconds: float, limit_minutes: int) -> int:
    """The sitting minutes the tray shows: whole minutes, floored to the ring's step."""
    step = minute_step(limit_minutes)
    return math.floor(max(0.0, sat_seconds) / 60 / step) * step


@dataclass(frozen=True)
class _Colors:
    disc: str
    rim: str
    track: str
    arc: str
    glyph: str


_ACTIVE = _Colors(disc="#22302a", rim="#f6f4ef", track="#3f4f48", arc="#7fcfae", glyph="#f6f4ef")
_DUE = _Colors(disc="#3a261a", rim="#f6f4ef", track="#5a3c2a", arc="#f0a05a", glyph="#ffd9b0")
_PAUSED = _Colors(disc="#22302a", rim="#f6f4ef", track="#3f4f48", arc="#8fa39a", glyph="#f6f4ef")
_NEUTRAL = _Colors(disc="#4a504d", rim="#f0f0f0", track="#636a67", arc="#c4cac7", glyph="#d5dad7")


def draw_icon(size: int, state: IconState) -> Image.Image:
    """The tray icon for ``state``: an RGBA square of ``size`` pixels."""
    if size < 8:
        raise ValueError(f"icon size {size} is too small (at least 8 px)")
    canvas = Canvas(size)
    colors = {
        IconMode.SITTING: _ACTIVE,
        IconMode.DUE: _DUE,
        IconMode.PAUSED: _PAUSED,
        IconMode.OFF_HOURS: _NEUTRAL,
        IconMode.NO_IDLE: _NEUTRAL,
    }[state.mode]
    _disc(canvas, size, colors)
    progress = {
        IconMode.DUE: 1.0,
        IconMode.OFF_HOURS: 0.0,
    }.get(state.mode, state.progress)
    _ring(canvas, size, colors, progress)
    if state.mode is IconMode.PAUSED:
        _pause_bars(canvas, size, colors.glyph)
    elif state.mode is IconMode.OFF_HOURS:
        _dash(canvas, size, colors.glyph)
    else:
        _chevron(canvas, size, colors.glyph)
    return canvas.image()


#: Launcher icons from this size up keep a margin, as app grids expect (tray sizes fill the slot).
APP_ICON_MARGIN_FROM = 48
APP_ICON_FILL = 0.88


def draw_app_icon(size: int) -> Image.Image:
    """deskbreak's own mark (launchers, window icons): the ring most of the way round."""
    mark = IconState(IconMode.SITTING, 0.7)
    if size < APP_ICON_MARGIN_FROM:
        return draw_icon(size, mark)
    inner = round(size * APP_ICON_FILL)
    canvas = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    offset = (size - inner) // 2
    canvas.alpha_composite(draw_icon(inner, mark), (offset, offset))
    return canvas


def _disc(canvas: Canvas, s: int, colors: _Colors) -> None:
    # A faint light rim separates the dark disc from a dark panel; a hairline at large
    # sizes (at most 2 pixels), where a proportional rim would become a grey band.
    rim = min(s * 0.035, 2.0)
    c = s / 2
    canvas.fill(disc(c, c, s * 0.49), colors.rim + "59")
    canvas.fill(disc(c, c, s * 0.49 - rim), colors.disc)


def _ring(canvas: Canvas, s: int, colors: _Colors, progress: float) -> None:
    width = max(2.0, s * 0.13)
    c, r = s / 2, s * 0.36 - width / 2
    canvas.fill(ring(c, c, r, width), colors.track)
    if progress > 0:
        canvas.fill(arc(c, c, r, width, -90.0, 360.0 * progress), colors.arc)


def _chevron(canvas: Canvas, s: int, color: str) -> None:
    """An upward chevron: get up, move."""
    w = max(2.0, s * 0.095)
    c = s / 2
    half, rise = s * 0.14, s * 0.075
    canvas.fill(stroke([(c - half, c + rise), (c, c - rise), (c + half, c + rise)], w), color)


def _pause_bars(canvas: Canvas, s: int, color: str) -> None:
    c = s / 2
    bar_w, gap, h = s * 0.085, s * 0.05, s * 0.135
    for x0 in (c - gap - bar_w, c + gap):
        canvas.fill(rounded_rect((x0, c - h, x0 + bar_w, c + h), bar_w / 2), color)


def _dash(canvas: Canvas, s: int, color: str) -> None:
    c = s / 2
    half, h = s * 0.12, s * 0.04
    canvas.fill(rounded_rect((c - half, c - h, c + half, c + h), h), color)
