"""A tiny anti-aliased rasterizer for the tray mark: discs, rings, arcs, strokes, bars.

Each shape is a signed distance function (negative inside, in pixels); a pixel's coverage
is how far its centre lies inside the edge, clamped to 0..1, which gives smooth edges at
every size without drawing large and scaling down. Pillow's ImageDraw would do the same
job, but importing it loads FreeType and HarfBuzz for text the icon never draws (1.4 MB of
the idle app's memory, measured): the mark needs only these five shapes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PIL import Image

Distance = Callable[[float, float], float]
Box = tuple[float, float, float, float]  # left, top, right, bottom


@dataclass(frozen=True)
class Shape:
    distance: Distance
    box: Box  # nothing outside it is covered


def disc(cx: float, cy: float, r: float) -> Shape:
    return Shape(lambda x, y: math.hypot(x - cx, y - cy) - r, (cx - r, cy - r, cx + r, cy + r))


def ring(cx: float, cy: float, r: float, width: float) -> Shape:
    """A circle's outline, ``width`` wide, centred on radius ``r``."""
    half, outer = width / 2, r + width / 2
    return Shape(
        lambda x, y: abs(math.hypot(x - cx, y - cy) - r) - half,
        (cx - outer, cy - outer, cx + outer, cy + outer),
    )


def arc(cx: float, cy: float, r: float, width: float, start: float, sweep: float) -> Shape:
    """Part of a ring with round ends, from ``start`` degrees (0 = 3 o'clock, clockwise on
    screen) through ``sweep`` degrees."""
    half, outer = width / 2, r + width / 2
    a0 = math.radians(start)
    span = math.radians(max(0.0, min(360.0, sweep)))
    ends = [(cx + r * math.cos(a), cy + r * math.sin(a)) for a in (a0, a0 + span)]

    def distance(x: float, y: float) -> float:
        if (math.atan2(y - cy, x - cx) - a0) % math.tau <= span:
            return abs(math.hypot(x - cx, y - cy) - r) - half
        return min(math.hypot(x - ex, y - ey) for ex, ey in ends) - half

    return Shape(distance, (cx - outer, cy - outer, cx + outer, cy + outer))


def stroke(points: Iterable[tuple[float, float]], width: float) -> Shape:
    """A polyline with round joints and ends."""
    pts = list(points)
    segments = list(zip(pts, pts[1:], strict=False))
    half = width / 2

    def distance(x: float, y: float) -> float:
        best = math.inf
        for (ax, ay), (bx, by) in segments:
            dx, dy = bx - ax, by - ay
            t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
            best = min(best, math.hypot(x - ax - t * dx, y - ay - t * dy))
        return best - half

    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return Shape(distance, (min(xs) - half, min(ys) - half, max(xs) + half, max(ys) + half))


def rounded_rect(box: Box, radius: float) -> Shape:
    left, top, right, bottom = box
    cx, cy = (left + right) / 2, (top + bottom) / 2
    hx, hy = (right - left) / 2 - radius, (bottom - top) / 2 - radius

    def distance(x: float, y: float) -> float:
        qx, qy = abs(x - cx) - hx, abs(y - cy) - hy
        outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
        return outside + min(max(qx, qy), 0.0) - radius

    return Shape(distance, box)


class Canvas:
    """A transparent square; :meth:`fill` paints a shape over what is there."""

    def __init__(self, size: int) -> None:
        self.size = size
        # premultiplied red, green, blue, alpha as floats 0..1, row by row
        self._px = [0.0] * (size * size * 4)

    def fill(self, shape: Shape, color: str) -> None:
        """Paint ``shape`` in ``color`` ("#rrggbb" or "#rrggbbaa") over the canvas."""
        r, g, b, a = _rgba(color)
        left, top, right, bottom = shape.box
        size, px, distance = self.size, self._px, shape.distance
        for y in range(max(0, int(top) - 1), min(size, math.ceil(bottom) + 1)):
            cy = y + 0.5
            row = y * size
            for x in range(max(0, int(left) - 1), min(size, math.ceil(right) + 1)):
                cover = 0.5 - distance(x + 0.5, cy)
                if cover <= 0.0:
                    continue
                alpha = a * (cover if cover < 1.0 else 1.0)
                i = (row + x) * 4
                keep = 1.0 - alpha
                px[i] = r * alpha + px[i] * keep
                px[i + 1] = g * alpha + px[i + 1] * keep
                px[i + 2] = b * alpha + px[i + 2] * keep
                px[i + 3] = alpha + px[i + 3] * keep

    def image(self) -> Image.Image:
        """The canvas as a straight-alpha RGBA image."""
        out = bytearray(len(self._px))
        px = self._px
        for i in range(0, len(px), 4):
            alpha = px[i + 3]
            if alpha <= 0.0:
                continue
            out[i] = min(255, round(px[i] / alpha * 255))
            out[i + 1] = min(255, round(px[i + 1] / alpha * 255))
            out[i + 2] = min(255, round(px[i + 2] / alpha * 255))
            out[i + 3] = min(255, round(alpha * 255))
        return Image.frombytes("RGBA", (self.size, self.size), bytes(out))


def _rgba(color: str) -> tuple[float, float, float, float]:
    digits = color.lstrip("#")
    if len(digits) not in (6, 8):
        raise ValueError(f"not a colour like #rrggbb or #rrggbbaa: {color!r}")
    values = [int(digits[i : i + 2], 16) / 255 for i in range(0, len(digits), 2)]
    return values[0], values[1], values[2], values[3] if len(values) == 4 else 1.0
