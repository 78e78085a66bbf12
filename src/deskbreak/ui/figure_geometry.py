"""The movement's line figure as geometry: poses in, drawing primitives out.

Pure (no Tk, no Pillow) so every figure in the library can be checked without a display;
figure.py only scales and paints what :func:`scene` returns. ``progress`` runs 0 → 1 from
the start pose (end of an inhale) to the end pose (end of an exhale).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from deskbreak.core import poses
from deskbreak.core.movements import Figure, Pose

Point = tuple[float, float]

# Layers, drawn in this order: furniture, the far limbs (in a paler colour), body, near
# limbs, and last the marks that show a held squeeze (in the accent colour).
PROP, FAR, BODY, NEAR, MARK = "prop", "far", "body", "near", "mark"
LAYERS = (PROP, FAR, BODY, NEAR, MARK)
ACCENT = "#c0783c"
LIMB_WIDTH = 0.024
PROP_WIDTH = 0.014


@dataclass(frozen=True)
class Stroke:
    """A polyline in unit-box coordinates."""

    points: tuple[Point, ...]
    width: float
    layer: str


@dataclass(frozen=True)
class Circle:
    center: Point
    radius: float
    layer: str


Primitive = Stroke | Circle


def interpolate(start: Pose, end: Pose, progress: float) -> Pose:
    """The pose ``progress`` of the way from start to end (joints missing from one are kept)."""
    t = min(1.0, max(0.0, progress))
    out: Pose = dict(start)
    for name, (x1, y1) in end.items():
        x0, y0 = start.get(name, (x1, y1))
        out[name] = (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)
    return out


def figure_segments(pose: Pose) -> list[Primitive]:
    """The person as strokes and a head circle, far limbs first so near ones draw on top."""
    prims: list[Primitive] = []
    for suffix, layer in (("f", FAR), ("n", NEAR)):
        chains = (
            ("shoulder", f"elbow_{suffix}", f"hand_{suffix}"),
            ("hip", f"knee_{suffix}", f"ankle_{suffix}", f"toe_{suffix}"),
        )
        for chain in chains:
            points = tuple(pose[j] for j in chain if j in pose)
            if len(points) >= 2:
                prims.append(Stroke(points, LIMB_WIDTH, layer))
        if suffix == "f":
            spine = _spine(pose)
            if len(spine) >= 2:
                prims.append(Stroke(spine, LIMB_WIDTH * 1.15, BODY))
            if "head" in pose:
                prims.append(Circle(pose["head"], poses.HEAD_RADIUS, BODY))
    return prims


def _spine(pose: Pose) -> tuple[Point, ...]:
    """Hip to neck; with a ``mid`` joint, a curve through it (a rounded or arched back)."""
    if not {"hip", "shoulder"} <= pose.keys():
        return ()
    (hx, hy), (sx, sy) = pose["hip"], pose["shoulder"]
    mx, my = pose.get("mid", ((hx + sx) / 2, (hy + sy) / 2))
    cx, cy = 2 * mx - (hx + sx) / 2, 2 * my - (hy + sy) / 2  # control point of the curve
    points = [
        (
            (1 - t) ** 2 * hx + 2 * (1 - t) * t * cx + t * t * sx,
            (1 - t) ** 2 * hy + 2 * (1 - t) * t * cy + t * t * sy,
        )
        for t in (i / 8 for i in range(9))
    ]
    if "neck" in pose:
        points.append(pose["neck"])
    return tuple(points)


def prop_segments(props: tuple[str, ...], view: str = "side") -> list[Primitive]:
    """Simple furniture sized to the figure: a plain four-legged chair, a desk, a wall, a mat."""
    prims: list[Primitive] = []
    w = PROP_WIDTH
    floor = poses.FLOOR_Y + 0.01
    if view == "front":
        return _front_props(props, floor) + [
            Stroke(((0.0, floor + 0.004), (1.0, floor + 0.004)), w * 0.5, PROP)
        ]
    if "chair" in props:
        back, front = poses.SEAT_X
        seat = poses.SEAT_Y
        prims += [
            Stroke(((back, seat), (front, seat)), w * 1.4, PROP),
            Stroke(((back, poses.BACKREST_TOP_Y), (back, floor)), w, PROP),
            Stroke(((front - 0.02, seat), (front - 0.02, floor)), w, PROP),
        ]
    if "desk" in props:
        left, right = poses.DESK_X
        prims += [
            Stroke(((left, poses.DESK_Y), (right, poses.DESK_Y)), w * 1.4, PROP),
            Stroke(((left + 0.03, poses.DESK_Y), (left + 0.03, floor)), w, PROP),
        ]
    if "wall" in props:
        prims.append(Stroke(((poses.WALL_X, 0.04), (poses.WALL_X, floor)), w, PROP))
    if "wall-ahead" in props:
        x = poses.WALL_AHEAD_X
        prims.append(Stroke(((x, 0.04), (x, floor)), w * 1.4, PROP))
    if "mat" in props:
        prims.append(Stroke(((0.06, floor), (0.94, floor)), w * 1.6, PROP))
    prims.append(Stroke(((0.0, floor + 0.004), (1.0, floor + 0.004)), w * 0.5, PROP))
    return prims


def _front_props(props: tuple[str, ...], floor: float) -> list[Primitive]:
    """Furniture seen from the front: the chair's seat and legs, the wall as a panel behind."""
    w = PROP_WIDTH
    prims: list[Primitive] = []
    if "wall" in props:
        panel = ((0.14, floor), (0.14, 0.04), (0.86, 0.04), (0.86, floor))
        prims.append(Stroke(panel, w * 0.7, PROP))
    if "chair" in props:
        left, right, seat, top = 0.36, 0.64, poses.SEAT_Y, poses.BACKREST_TOP_Y
        prims += [
            Stroke(((left, top), (left, floor)), w, PROP),
            Stroke(((right, top), (right, floor)), w, PROP),
            Stroke(((left, seat), (right, seat)), w * 1.4, PROP),
            Stroke(((left, top), (right, top)), w, PROP),
        ]
    if "desk" in props:
        prims.append(Stroke(((0.02, poses.DESK_Y), (0.98, poses.DESK_Y)), w * 1.4, PROP))
    if "mat" in props:
        prims.append(Stroke(((0.06, floor), (0.94, floor)), w * 1.6, PROP))
    return prims


def _curve(
    origin: Point, along: Point, out: Point, lengths: tuple[float, float], bulge: float
) -> tuple[Point, ...]:
    """An arc from ``origin`` for ``lengths`` along ``along``, bowed ``bulge`` towards ``out``."""
    start, stop = lengths
    points = []
    for i in range(7):
        t = i / 6
        a = start + (stop - start) * t
        b = bulge * math.sin(math.pi * t)
        points.append(
            (origin[0] + along[0] * a + out[0] * b, origin[1] + along[1] * a + out[1] * b)
        )
    return tuple(points)


def mark_segments(pose: Pose, marks: tuple[str, ...], progress: float) -> list[Primitive]:
    """Cues for movements the body barely shows, strongest at the end of the exhale.

    belly: the belly line draws in towards the spine; glutes: an arc behind the hip
    tightens; arch: the arch of the near foot domes up; blades: an arc between the
    shoulder blades draws back and down.
    """
    t = min(1.0, max(0.0, progress))
    (hx, hy), (sx, sy) = pose["hip"], pose["shoulder"]
    length = math.hypot(sx - hx, sy - hy) or 1.0
    up = ((sx - hx) / length, (sy - hy) / length)
    front = (-up[1], up[0])  # the figure faces +x
    back = (-front[0], -front[1])
    width = LIMB_WIDTH * (0.55 + 0.45 * t)
    prims: list[Primitive] = []
    if "belly" in marks:
        origin = (hx + front[0] * 0.03, hy + front[1] * 0.03)
        points = _curve(origin, up, front, (0.01, length * 0.62), 0.045 - 0.04 * t)
        prims.append(Stroke(points, width, MARK))
    if "glutes" in marks:
        origin = (hx + back[0] * 0.035, hy + back[1] * 0.035)
        points = _curve(origin, up, back, (-0.02, 0.075), 0.012 + 0.018 * t)
        prims.append(Stroke(points, width, MARK))
    if "blades" in marks:
        origin = (hx + back[0] * 0.03, hy + back[1] * 0.03)
        shift = 0.03 * t  # back and down
        points = _curve(
            origin, up, back, (length * 0.55 - shift, length * 0.9 - shift), 0.01 + 0.015 * t
        )
        prims.append(Stroke(points, width, MARK))
    if "arch" in marks and {"ankle_n", "toe_n"} <= pose.keys():
        (ax, ay), (tx, ty) = pose["ankle_n"], pose["toe_n"]
        foot = math.hypot(tx - ax, ty - ay) or 1.0
        along = ((tx - ax) / foot, (ty - ay) / foot)
        points = _curve((ax, ay - 0.012), along, (0.0, -1.0), (0.0, foot), 0.006 + 0.03 * t)
        prims.append(Stroke(points, width, MARK))
    return prims


def scene(figure: Figure, progress: float) -> list[Primitive]:
    """Everything to draw for this moment of the movement, in painting order."""
    pose = interpolate(figure.start, figure.end, progress)
    prims = (
        prop_segments(figure.props, figure.view)
        + figure_segments(pose)
        + mark_segments(pose, figure.marks, progress)
    )
    return sorted(prims, key=lambda p: LAYERS.index(p.layer))
