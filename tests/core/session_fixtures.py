"""Small hand-made movements and a routine for session and break-window tests.

The shipped library is exercised separately; these keep the timeline arithmetic obvious.
"""

from __future__ import annotations

from datetime import UTC, datetime

from deskbreak.core.clock import FakeClock
from deskbreak.core.movements import (
    Breath,
    Dose,
    Figure,
    Movement,
    Phase,
    Posture,
    Region,
    Routine,
    Step,
)
from deskbreak.core.poses import build_pose

SIT = build_pose({"base": "sit"})
LEAN = build_pose({"base": "sit", "trunk": 25, "curve": 0.5, "neck": 40})


def movement(
    id: str,
    phase: Phase,
    dose: Dose,
    breath: Breath,
    *,
    easier: str | None = None,
    name: str | None = None,
) -> Movement:
    return Movement(
        id=id,
        name=name or id.replace("-", " ").capitalize(),
        phase=phase,
        regions=(Region.MID_BACK,),
        posture=Posture.SEATED,
        dose=dose,
        breath=breath,
        cues=("Sit tall on the front of the chair.", "Shoulders heavy, jaw loose."),
        purpose="test",
        easier=easier,
        figure=Figure(SIT, LEAN, props=("chair",)),
    )


CAT_COW = movement(
    "seated-cat-cow",
    Phase.SOFTEN,
    Dose("reps", 2),
    Breath("arch", "round"),
    easier="cat-cow-small",
)
CAT_COW_SMALL = movement(
    "cat-cow-small", Phase.SOFTEN, Dose("reps", 2), Breath("arch a little", "round a little")
)
GLUTE_SQUEEZE = movement(
    "glute-squeeze", Phase.ORGANIZE, Dose("hold", 2), Breath("rest", "squeeze", 3, 5)
)
SIDE_LIFT = movement(
    "side-leg-lift",
    Phase.STRENGTHEN,
    Dose("reps", 2, per_side=True),
    Breath("lower", "lift", 3, 2, hold_seconds=2),  # a hold strengthening must ignore
)

ROUTINE = Routine(
    id="test-routine",
    name="Test routine",
    summary="three short movements",
    steps=(Step(CAT_COW), Step(GLUTE_SQUEEZE), Step(SIDE_LIFT)),
)
MOVEMENTS = {m.id: m for m in (CAT_COW, CAT_COW_SMALL, GLUTE_SQUEEZE, SIDE_LIFT)}


def fake_clock() -> FakeClock:
    return FakeClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
