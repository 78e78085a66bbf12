"""One library entry's field rules: each bad field raises an EntryError that names it."""

from __future__ import annotations

import pytest

from deskbreak.core.movement_entry import EFFORT, EntryError, movement_from_entry
from deskbreak.core.movements import Phase
from tests.core.test_library import raw_entry


def test_a_good_entry_becomes_a_movement_with_its_phases_effort() -> None:
    movement = movement_from_entry(raw_entry())
    assert movement.id == "test-move"
    assert movement.effort == EFFORT[Phase.STRENGTHEN]
    assert movement.breath.inhale_seconds == 3.0


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"phase": "stretchy"}, "phase"),
        ({"cues": ["only one"]}, "cues"),
        ({"cues": ["a", "b", "c", "d"]}, "cues"),
        (
            {
                "breath": {
                    "inhale": "a",
                    "exhale": "b",
                    "inhale_seconds": 3,
                    "exhale_seconds": 3,
                    "hold_seconds": 1,
                }
            },
            "breath.hold_seconds",
        ),
        (
            {"breath": {"inhale": "a", "exhale": "b", "inhale_seconds": 3, "exhale_seconds": 2}},
            "breath.exhale_seconds",
        ),
        ({"needs": ["sofa"]}, "needs"),
        ({"dose": {"kind": "reps", "count": 0}}, "dose.count"),
        ({"regions": ["knees"]}, "regions"),
        ({"figure": {"start": {"base": "fly"}, "end": {}}}, "figure.start"),
        ({"figure": {"start": {}, "end": {}, "marks": ["elbow"]}}, "figure.marks"),
        ({"figure": {"start": {}, "end": {}, "props": ["sofa"]}}, "figure.props"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_a_bad_field_is_named(changes: dict[str, object], field: str) -> None:
    with pytest.raises(EntryError) as raised:
        movement_from_entry(raw_entry(**changes))
    assert raised.value.field == field
