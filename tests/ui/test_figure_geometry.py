"""The line figure's geometry: pure, checked for every movement in the library."""

from __future__ import annotations

import pytest

from deskbreak.core.library import load_library
from deskbreak.core.movements import Figure
from deskbreak.core.poses import FLOOR_Y, SEAT_Y, WALL_AHEAD_X, build_pose
from deskbreak.ui.figure_geometry import (
    Circle,
    Stroke,
    figure_segments,
    interpolate,
    mark_segments,
    prop_segments,
    scene,
)

SEATED = build_pose({"base": "sit"})
LEANING = build_pose({"base": "sit", "trunk": -25, "arm": 160})
FIGURE = Figure(SEATED, LEANING, props=("chair",))


def test_segments_draw_limbs_spine_and_head() -> None:
    prims = figure_segments(SEATED)
    strokes = [p for p in prims if isinstance(p, Stroke)]
    circles = [p for p in prims if isinstance(p, Circle)]
    assert len(strokes) == 5  # two arms, two legs, the spine
    assert len(circles) == 1 and circles[0].center == SEATED["head"]


def test_interpolation_runs_from_start_to_end() -> None:
    assert interpolate(SEATED, LEANING, 0.0) == SEATED
    assert interpolate(SEATED, LEANING, 1.0) == LEANING
    half = interpolate(SEATED, LEANING, 0.5)
    (x0, _), (x1, _) = SEATED["head"], LEANING["head"]
    assert half["head"][0] == pytest.approx((x0 + x1) / 2)
    assert interpolate(SEATED, LEANING, 7.0) == LEANING  # clamped


def test_standing_figure_rests_on_the_floor() -> None:
    pose = build_pose({"base": "stand", "trunk": 45, "thigh": 15, "shin": -10})
    assert max(y for _, y in pose.values()) == pytest.approx(FLOOR_Y)


def test_props_are_drawn_under_the_person() -> None:
    layers = [p.layer for p in scene(FIGURE, 0.3)]
    assert layers[0] == "prop"
    assert layers.index("near") > layers.index("body") > layers.index("far")


LIB = load_library()


def _figure(movement_id: str) -> Figure:
    figure = LIB[movement_id].figure
    assert figure is not None
    return figure


@pytest.mark.parametrize("movement_id", sorted(LIB.movements))
def test_every_figure_stays_on_or_above_the_floor(movement_id: str) -> None:
    figure = _figure(movement_id)
    for pose in (figure.start, figure.end):
        assert max(y for _, y in pose.values()) <= FLOOR_Y + 0.02
        assert all(0.0 <= x <= 1.0 for x, _ in pose.values())


def test_the_wall_push_up_leans_on_a_wall() -> None:
    figure = _figure("wall-push-up")
    assert "wall-ahead" in figure.props
    walls = [p for p in prop_segments(figure.props) if p.points[0][0] == WALL_AHEAD_X]
    assert walls
    for pose in (figure.start, figure.end):
        assert abs(pose["hand_n"][0] - WALL_AHEAD_X) < 0.04  # the hands reach the wall


def test_front_view_seated_legs_come_forward_over_the_seat() -> None:
    for movement_id in ("seated-side-reach", "seated-side-bend"):
        figure = _figure(movement_id)
        for pose in (figure.start, figure.end):
            for side in ("n", "f"):
                assert pose[f"knee_{side}"][1] <= SEAT_Y  # knees above the seat, not through it
                assert pose[f"ankle_{side}"][1] == pytest.approx(FLOOR_Y, abs=0.015)


def test_held_squeezes_carry_a_mark_that_grows_with_the_exhale() -> None:
    for movement_id, mark in (
        ("core-set", "belly"),
        ("glute-squeeze", "glutes"),
        ("short-foot", "arch"),
        ("shoulder-blade-set", "blades"),
    ):
        figure = _figure(movement_id)
        assert mark in figure.marks
        start = [p for p in scene(figure, 0.0) if p.layer == "mark"]
        end = [p for p in scene(figure, 1.0) if p.layer == "mark"]
        assert len(start) == len(end) == 1
        assert isinstance(end[0], Stroke) and isinstance(start[0], Stroke)
        assert end[0].width > start[0].width
        assert scene(figure, 1.0)[-1].layer == "mark"  # drawn on top


def test_the_belly_line_draws_in_towards_the_spine() -> None:
    pose = build_pose({"base": "sit"})
    (before,) = mark_segments(pose, ("belly",), 0.0)
    (after,) = mark_segments(pose, ("belly",), 1.0)
    assert isinstance(before, Stroke) and isinstance(after, Stroke)
    assert max(x for x, _ in after.points) < max(x for x, _ in before.points) - 0.02
    assert not mark_segments(pose, (), 1.0)
