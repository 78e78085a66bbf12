"""Line-figure poses written as a few joint angles instead of thirty coordinates.

The library describes each key pose as a base posture plus angle overrides; this module
turns that into a :data:`~deskbreak.core.movements.Pose` (joint → x, y in a unit box,
figure facing +x, y downwards, floor at ``FLOOR_Y``). Fixed segment lengths keep every
figure in proportion, and the furniture sizes below are chosen to fit them.

Angles are degrees. The trunk, neck and head point up from the hip: 0 is upright,
positive leans forward. Limbs point away from their joint: 0 hangs straight down,
90 points forward, 180 straight up. ``_n``/``_f`` suffixes set one side (near/far);
the bare name sets both.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from deskbreak.core.movements import Pose

FLOOR_Y = 0.985

# Segment lengths in the unit box (a standing figure is about 0.875 tall).
TRUNK = 0.27
NECK = 0.035
HEAD = 0.06  # neck to the centre of the head
HEAD_RADIUS = 0.05
UPPER_ARM = 0.16
FOREARM = 0.16
THIGH = 0.23
SHIN = 0.23
FOOT = 0.07

# Furniture placed to fit the figure (used by the drawing code too).
SEAT_Y = 0.775
SEAT_X = (0.30, 0.56)
BACKREST_TOP_Y = 0.56
DESK_Y = 0.58
DESK_X = (0.74, 1.0)
WALL_X = 0.12  # a wall behind the figure (its back against it)
WALL_AHEAD_X = 0.76  # a wall in front of it (hands against it)

# ``thigh_len`` etc. shorten a segment seen end-on; ``bend`` flips which way an elbow
# bends when the hand is placed with ``reach = [x, y]`` (a point on the desk, the wall...).
SIDED = ("arm", "forearm", "thigh", "shin", "foot", "arm_len", "thigh_len", "shin_len", "bend")
ANGLES = ("trunk", "neck", "head", *SIDED)
NUMBERS = ("x", "y", "curve")
POINTS = ("reach",)

BASES: dict[str, dict[str, float]] = {
    "stand": {"x": 0.45, "trunk": 0, "thigh": 0, "shin": 0, "foot": 90, "arm": 5, "forearm": 8},
    "sit": {
        "x": 0.37,
        "y": FLOOR_Y - SHIN,
        "trunk": 0,
        "thigh": 90,
        "shin": 0,
        "foot": 90,
        "arm": 15,
        "forearm": 80,
    },
    "lie": {
        "x": 0.52,
        "y": FLOOR_Y - 0.01,
        "trunk": -90,
        "neck": -90,
        "head": -90,
        "thigh": 135,
        "shin": 40,
        "foot": 90,
        "arm": 95,
        "forearm": 90,
    },
}


class PoseError(ValueError):
    """A pose description that cannot be drawn; the text names the bad key."""


def _limb(origin: tuple[float, float], angle: float, length: float) -> tuple[float, float]:
    rad = math.radians(angle)
    return (origin[0] + math.sin(rad) * length, origin[1] + math.cos(rad) * length)


def _up(origin: tuple[float, float], angle: float, length: float) -> tuple[float, float]:
    rad = math.radians(angle)
    return (origin[0] + math.sin(rad) * length, origin[1] - math.cos(rad) * length)


def build_pose(spec: Mapping[str, object]) -> Pose:
    """A pose from ``{"base": "sit", "trunk": 20, "arm_n": 170, ...}``.

    Without a ``y`` the figure is grounded: moved down so its lowest point rests on the floor.
    """
    base_name = spec.get("base", "stand")
    if not isinstance(base_name, str) or base_name not in BASES:
        raise PoseError(f"base must be one of {', '.join(BASES)}, not {base_name!r}")
    values: dict[str, float] = dict(BASES[base_name])
    reach: dict[str, tuple[float, float]] = {}
    for key, raw in spec.items():
        if key == "base":
            continue
        name = key[:-2] if key.endswith(("_n", "_f")) else key
        if name not in ANGLES + NUMBERS + POINTS or (key != name and name not in SIDED + POINTS):
            raise PoseError(f"unknown pose key {key!r}")
        if name in POINTS:
            reach[key] = _point(key, raw)
            continue
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise PoseError(f"{key} must be a number")
        if key == name and name in SIDED:
            values.pop(f"{name}_n", None)
            values.pop(f"{name}_f", None)
        values[key] = float(raw)

    def side(name: str, suffix: str, default: float = 0.0) -> float:
        return values.get(f"{name}_{suffix}", values.get(name, default))

    trunk = values.get("trunk", 0.0)
    hip = (values["x"], values.get("y", 0.5))
    shoulder = _up(hip, trunk, TRUNK)
    neck = _up(shoulder, values.get("neck", trunk), NECK)
    head = _up(neck, values.get("head", values.get("neck", trunk)), HEAD)
    # The mid-back bulges backwards for a rounded spine (curve > 0), forwards when arched.
    rad = math.radians(trunk)
    curve = values.get("curve", 0.0)
    mid = (
        (hip[0] + shoulder[0]) / 2 - math.cos(rad) * curve,
        (hip[1] + shoulder[1]) / 2 - math.sin(rad) * curve,
    )
    pose: Pose = {"hip": hip, "mid": mid, "shoulder": shoulder, "neck": neck, "head": head}
    for suffix in ("n", "f"):
        knee = _limb(hip, side("thigh", suffix), THIGH * side("thigh_len", suffix, 1.0))
        ankle = _limb(knee, side("shin", suffix), SHIN * side("shin_len", suffix, 1.0))
        pose[f"knee_{suffix}"] = knee
        pose[f"ankle_{suffix}"] = ankle
        pose[f"toe_{suffix}"] = _limb(ankle, side("foot", suffix), FOOT)
    if "y" not in values:  # grounded: the lowest point of the body rests on the floor
        lowest = max(max(y for _, y in pose.values()), head[1] + HEAD_RADIUS)
        shift = FLOOR_Y - lowest
        pose = {name: (x, y + shift) for name, (x, y) in pose.items()}
    shoulder = pose["shoulder"]
    for suffix in ("n", "f"):
        target = reach.get(f"reach_{suffix}", reach.get("reach"))
        scale = side("arm_len", suffix, 1.0)
        if target is not None:
            elbow = _elbow_for(
                shoulder, target, UPPER_ARM * scale, FOREARM * scale, side("bend", suffix, 1.0)
            )
            hand = _towards(elbow, target, FOREARM * scale)
        else:
            elbow = _limb(shoulder, side("arm", suffix), UPPER_ARM * scale)
            hand = _limb(elbow, side("forearm", suffix), FOREARM * scale)
        pose[f"elbow_{suffix}"] = elbow
        pose[f"hand_{suffix}"] = hand
    return pose


def _point(key: str, raw: object) -> tuple[float, float]:
    if (
        isinstance(raw, list | tuple)
        and len(raw) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in raw)
    ):
        return (float(raw[0]), float(raw[1]))
    raise PoseError(f"{key} must be a point [x, y]")


def _towards(
    origin: tuple[float, float], target: tuple[float, float], length: float
) -> tuple[float, float]:
    dx, dy = target[0] - origin[0], target[1] - origin[1]
    dist = math.hypot(dx, dy) or 1.0
    return (origin[0] + dx / dist * length, origin[1] + dy / dist * length)


def _elbow_for(
    shoulder: tuple[float, float],
    hand: tuple[float, float],
    upper: float,
    lower: float,
    bend: float,
) -> tuple[float, float]:
    """Two-segment reach: where the elbow sits so the hand lands on ``hand`` (or points at it)."""
    dx, dy = hand[0] - shoulder[0], hand[1] - shoulder[1]
    dist = math.hypot(dx, dy)
    if dist >= upper + lower or dist < 1e-9:
        return _towards(shoulder, hand, upper)
    along = (upper**2 - lower**2 + dist**2) / (2 * dist)
    across = math.sqrt(max(0.0, upper**2 - along**2))
    ux, uy = dx / dist, dy / dist
    # bend > 0 puts the elbow below/behind the shoulder-hand line (to the right of travel).
    sign = 1.0 if bend >= 0 else -1.0
    return (
        shoulder[0] + ux * along - uy * across * sign,
        shoulder[1] + uy * along + ux * across * sign,
    )
