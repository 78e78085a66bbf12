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
UPPER_ARM = 0.15
FOREARM = 0.14
THIGH = 0.23
SHIN = 0.23
FOOT = 0.07

# Furniture placed to fit the figure (used by the drawing code too).
SEAT_Y = 0.775
SEAT_X = (0.30, 0.56)
BACKREST_TOP_Y = 0.56
DESK_Y = 0.60
DESK_X = (0.74, 1.0)
WALL_X = 0.12

SIDED = ("arm", "forearm", "thigh", "shin", "foot")
ANGLES = ("trunk", "neck", "head", *SIDED)
NUMBERS = ("x", "y", "curve")

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
    for key, raw in spec.items():
        if key == "base":
            continue
        name = key[:-2] if key.endswith(("_n", "_f")) else key
        if name not in ANGLES + NUMBERS or (key != name and name not in SIDED):
            raise PoseError(f"unknown pose key {key!r}")
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise PoseError(f"{key} must be a number")
        if key == name and name in SIDED:
            values.pop(f"{name}_n", None)
            values.pop(f"{name}_f", None)
        values[key] = float(raw)

    def side(name: str, suffix: str) -> float:
        return values.get(f"{name}_{suffix}", values.get(name, 0.0))

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
        elbow = _limb(shoulder, side("arm", suffix), UPPER_ARM)
        knee = _limb(hip, side("thigh", suffix), THIGH)
        ankle = _limb(knee, side("shin", suffix), SHIN)
        pose[f"elbow_{suffix}"] = elbow
        pose[f"hand_{suffix}"] = _limb(elbow, side("forearm", suffix), FOREARM)
        pose[f"knee_{suffix}"] = knee
        pose[f"ankle_{suffix}"] = ankle
        pose[f"toe_{suffix}"] = _limb(ankle, side("foot", suffix), FOOT)
    if "y" not in values:
        lowest = max(max(y for _, y in pose.values()), head[1] + HEAD_RADIUS)
        shift = FLOOR_Y - lowest
        pose = {name: (x, y + shift) for name, (x, y) in pose.items()}
    return pose
