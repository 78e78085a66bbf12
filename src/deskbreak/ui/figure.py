"""The movement's line figure, drawn on a Tk canvas or rendered with Pillow.

The geometry lives in figure_geometry.py (:func:`scene`, testable without a display);
this module only scales and paints it. ``progress`` runs 0 → 1 from the start pose (end of
an inhale) to the end pose (end of an exhale), so the window can move the figure with the
breath.
"""

from __future__ import annotations

import tkinter
from pathlib import Path

from deskbreak.core.movements import Figure
from deskbreak.ui.figure_geometry import (
    ACCENT,
    BODY,
    FAR,
    LIMB_WIDTH,
    MARK,
    NEAR,
    PROP,
    Circle,
    scene,
)


def _fit(box: tuple[float, float, float, float]) -> tuple[float, float, float]:
    """Scale and offset that fit the unit square, centred, inside ``box`` (x0, y0, x1, y1)."""
    x0, y0, x1, y1 = box
    size = max(1.0, min(x1 - x0, y1 - y0))
    return size, x0 + (x1 - x0 - size) / 2, y0 + (y1 - y0 - size) / 2


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float = 0.45) -> str:
    return "#" + "".join(f"{round(p + (q - p) * t) & 0xFF:02x}" for p, q in zip(a, b, strict=True))


def draw_figure(
    canvas: tkinter.Canvas,
    figure: Figure,
    progress: float,
    box: tuple[float, float, float, float],
    color: str,
    prop_color: str,
    tag: str = "figure",
    accent: str = ACCENT,
) -> None:
    """Redraw the figure at ``progress`` inside ``box``; items carry ``tag`` (old ones removed)."""
    canvas.delete(tag)
    size, ox, oy = _fit(box)
    rgb = [tuple(v // 257 for v in canvas.winfo_rgb(c)) for c in (color, prop_color)]
    far = _mix(rgb[0], rgb[1])  # type: ignore[arg-type]
    colors = {PROP: prop_color, FAR: far, BODY: color, NEAR: color, MARK: accent}
    for prim in scene(figure, progress):
        fill = colors[prim.layer]
        if isinstance(prim, Circle):
            (cx, cy), r = prim.center, prim.radius * size
            px, py = ox + cx * size, oy + cy * size
            canvas.create_oval(
                px - r, py - r, px + r, py + r, outline=fill, width=LIMB_WIDTH * size, tags=(tag,)
            )
        else:
            coords = [v for x, y in prim.points for v in (ox + x * size, oy + y * size)]
            canvas.create_line(
                *coords,
                fill=fill,
                width=max(1.0, prim.width * size),
                capstyle=tkinter.ROUND,
                joinstyle=tkinter.ROUND,
                tags=(tag,),
            )


def render_figure_png(
    figure: Figure,
    progress: float,
    size: int,
    path: str | Path,
    color: str = "#26312c",
    prop_color: str = "#a39e93",
    background: str = "#f6f4ef",
    accent: str = ACCENT,
) -> Path:
    """A square preview image (drawn at 4× and scaled down for smooth lines)."""
    from PIL import Image, ImageColor, ImageDraw

    scale = 4
    big = size * scale
    image = Image.new("RGB", (big, big), background)
    draw = ImageDraw.Draw(image)
    base, props = ImageColor.getrgb(color)[:3], ImageColor.getrgb(prop_color)[:3]
    colors = {PROP: prop_color, FAR: _mix(base, props), BODY: color, NEAR: color, MARK: accent}
    pad = big * 0.03
    s, ox, oy = _fit((pad, pad, big - pad, big - pad))
    for prim in scene(figure, progress):
        fill = colors[prim.layer]
        if isinstance(prim, Circle):
            (cx, cy), r = prim.center, prim.radius * s
            px, py = ox + cx * s, oy + cy * s
            draw.ellipse(
                (px - r, py - r, px + r, py + r), outline=fill, width=round(LIMB_WIDTH * s)
            )
            continue
        points = [(ox + x * s, oy + y * s) for x, y in prim.points]
        width = max(1, round(prim.width * s))
        draw.line(points, fill=fill, width=width, joint="curve")
        for px, py in points:  # round caps
            draw.ellipse(
                (px - width / 2, py - width / 2, px + width / 2, py + width / 2), fill=fill
            )
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    image.resize((size, size), Image.Resampling.LANCZOS).save(out)
    return out
