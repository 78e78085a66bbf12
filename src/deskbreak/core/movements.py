"""What a movement is: the data every routine, the break session and the break window share.

Loading and validating the shipped library lives in :mod:`deskbreak.core.library`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Phase(StrEnum):
    """Where a movement sits in a routine; routines always run in this order."""

    SOFTEN = "soften"
    ORGANIZE = "organize"
    STRENGTHEN = "strengthen"


class Posture(StrEnum):
    SEATED = "seated"
    STANDING = "standing"
    FLOOR = "floor"


class Region(StrEnum):
    HIPS = "hips"
    MID_BACK = "mid-back"
    GLUTES = "glutes"
    CORE = "core"
    FEET = "feet"
    NECK = "neck"


@dataclass(frozen=True)
class Breath:
    """Which part of the movement goes with each breath, and for how long.

    ``None`` seconds mean "at the user's own pace" (``[breathing]`` in the config);
    soften movements use it. A hold is allowed only in soften and organize movements:
    strengthening never holds the breath (exhale on effort).
    """

    inhale: str
    exhale: str
    inhale_seconds: float | None = None
    exhale_seconds: float | None = None
    hold_seconds: float = 0.0


@dataclass(frozen=True)
class Dose:
    """How much: ``count`` breath cycles per side.

    For ``kind == "reps"`` one cycle is one repetition, moving on the exhale. For
    ``kind == "hold"`` the position is held for ``count`` slow breaths — holds are
    counted in breaths, never timed breath-holding.
    """

    kind: str  # "reps" | "breaths" (a breathing drill) | "hold"
    count: int
    per_side: bool = False

    @property
    def sides(self) -> int:
        return 2 if self.per_side else 1


# A pose is a line figure seen from the side: joint name -> (x, y) in a unit box,
# x to the right, y downwards, the floor at y = 1. Joints: head, neck, shoulder, hip,
# and near ("_n") / far ("_f") elbow, hand, knee, ankle, toe.
Pose = dict[str, tuple[float, float]]


@dataclass(frozen=True)
class Figure:
    """The key poses of the movement's picture.

    ``start`` is where an inhale ends and ``end`` where an exhale ends, so the window
    can move the figure with the breath: start → end on the exhale, back on the inhale.
    ``props`` names furniture to draw: "chair", "desk", "wall", "wall-ahead", "mat".
    ``marks`` name body spots to highlight for a movement that barely shows (a held
    squeeze): "belly", "glutes", "arch", "blades"; the mark grows with the exhale.
    """

    start: Pose
    end: Pose
    props: tuple[str, ...] = ()
    view: str = "side"  # "side" | "front"
    marks: tuple[str, ...] = ()


@dataclass(frozen=True)
class Movement:
    id: str
    name: str
    phase: Phase
    regions: tuple[Region, ...]
    posture: Posture
    dose: Dose
    breath: Breath
    cues: tuple[str, ...]
    purpose: str
    cautions: tuple[str, ...] = ()
    easier: str | None = None
    harder: str | None = None
    figure: Figure | None = None
    effort: str = field(default="")  # e.g. "tension, not pain — about 3–5 of 10"
    needs: tuple[str, ...] = ()  # "desk", "wall", "fixed-chair", "clear-floor", "mat"
    support: str = ""  # what to hold or sit on, in words


@dataclass(frozen=True)
class Step:
    """One movement as placed in a routine, at the variant and dose chosen for this user."""

    movement: Movement
    variant: str = "base"  # "base" | "easier" | "harder" (which library entry it came from)
    dose: Dose | None = None  # None: the movement's own dose

    @property
    def effective_dose(self) -> Dose:
        return self.dose or self.movement.dose


@dataclass(frozen=True)
class Routine:
    """An ordered sequence: soften → organize → strengthen (wind-down stops after organize)."""

    id: str
    name: str
    summary: str
    steps: tuple[Step, ...]
