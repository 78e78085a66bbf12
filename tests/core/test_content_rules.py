"""The content rules a physiotherapist signs, one test each, against the shipped files.

Routines: every one works with the chair, wall, floor and postures it is offered under;
a 2–5 minute routine gives 30–40 % of its time to strengthening; soften → organize →
strengthen (a closing breath may end it); within 15 % of its stated length. Movements: each
has a purpose, an effort, cues, both halves of the breath, a figure and what it needs; the
out-breath is never shorter than the in-breath, in the content or in the settings.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import replace

import pytest

from deskbreak.core.builder import CannotBuild
from deskbreak.core.choose import choose_routine
from deskbreak.core.library import load_library
from deskbreak.core.movement_entry import NEEDS
from deskbreak.core.movements import Movement, Phase, Region, Routine
from deskbreak.core.offers import equipment_at_hand
from deskbreak.core.poses import HEAD_RADIUS
from deskbreak.core.routines import (
    CLOSING_MOVEMENTS,
    PHASE_ORDER,
    duration_seconds,
    load_plans,
    phases_in_order,
    routine_from_plan,
)
from deskbreak.core.settings import (
    BreathingSettings,
    MovementSettings,
    Settings,
    settings_from_mapping,
)

LIB = load_library()
PLANS = {p.id: p for p in load_plans()}
ROUTINES = {i: routine_from_plan(p, LIB) for i, p in PLANS.items()}
PACE = BreathingSettings()
SHORT = [i for i, p in PLANS.items() if 2 <= p.minutes <= 5]

POSTURE_SETS = [("seated",), ("standing",), ("seated", "standing"), ("seated", "standing", "floor")]
PLACES = [
    MovementSettings(postures=p, chair=c, wall_nearby=w, clear_floor=f)
    for p, c, w, f in itertools.product(
        POSTURE_SETS, ("rolling", "fixed"), (False, True), (False, True)
    )
]


def _strength_share(routine: Routine) -> float:
    strong = sum(
        duration_seconds(s, PACE) for s in routine.steps if s.movement.phase is Phase.STRENGTHEN
    )
    return strong / duration_seconds(routine, PACE)


# ── routines ──────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("routine_id", PLANS)
@pytest.mark.parametrize(
    "place",
    PLACES,
    ids=lambda m: f"{'+'.join(m.postures)}-{m.chair}-w{int(m.wall_nearby)}f{int(m.clear_floor)}",
)
def test_every_routine_fits_the_chair_and_postures_it_is_offered_under(
    routine_id: str, place: MovementSettings
) -> None:
    settings = Settings(movement=place)
    have = equipment_at_hand(place)
    try:
        routine = choose_routine(routine_id, LIB, settings)
    except CannotBuild as error:
        assert "movement is left" in error.reason  # said in words, never offered as written
        return
    for step in routine.steps:
        movement = step.movement
        assert movement.posture.value in place.postures, movement.id
        assert set(movement.needs) <= have, (movement.id, movement.needs)
    assert phases_in_order(routine)


@pytest.mark.parametrize("routine_id", PLANS)
def test_the_default_routines_work_on_a_rolling_reclining_chair_without_a_wall(
    routine_id: str,
) -> None:
    """Offered with the default settings, every routine is exactly as written."""
    shipped = ROUTINES[routine_id]
    offered = choose_routine(routine_id, LIB, Settings())
    assert [s.movement.id for s in offered.steps] == [s.movement.id for s in shipped.steps]
    for step in shipped.steps:
        assert "fixed-chair" not in step.movement.needs and "wall" not in step.movement.needs
        text = " ".join((*step.movement.cues, step.movement.support)).lower()
        assert "chair back" not in text and "backrest under" not in text, step.movement.id


def test_a_seated_user_who_avoids_the_seated_strength_moves_never_gets_a_standing_one() -> None:
    seated_strength = [
        m.id
        for m in LIB.base_movements()
        if m.phase is Phase.STRENGTHEN and m.posture.value == "seated"
    ]
    settings = Settings(
        movement=MovementSettings(postures=("seated",), avoid=tuple(seated_strength))
    )
    with pytest.raises(CannotBuild, match="strengthen movement is left"):
        choose_routine("quick-reset", LIB, settings)


@pytest.mark.parametrize("routine_id", SHORT)
def test_short_routines_give_30_to_40_percent_to_strength(routine_id: str) -> None:
    assert 0.30 <= _strength_share(ROUTINES[routine_id]) <= 0.40


@pytest.mark.parametrize("routine_id", PLANS)
def test_every_routine_runs_soften_organize_strengthen(routine_id: str) -> None:
    routine = ROUTINES[routine_id]
    assert len(routine.steps) == len(PLANS[routine_id].steps)  # every id resolves
    body = [s for s in routine.steps if s.movement.id not in CLOSING_MOVEMENTS]
    assert [s.movement.id for s in routine.steps[: len(body)]] == [s.movement.id for s in body]
    phases = [s.movement.phase for s in body]
    assert phases == sorted(phases, key=PHASE_ORDER.index)
    assert set(phases) == set(PHASE_ORDER)
    assert phases_in_order(routine)


@pytest.mark.parametrize("routine_id", PLANS)
def test_every_routine_keeps_its_stated_length(routine_id: str) -> None:
    stated = PLANS[routine_id].minutes * 60
    assert abs(duration_seconds(ROUTINES[routine_id], PACE) - stated) <= 0.15 * stated


def test_a_walking_break_is_offered() -> None:
    walk = ROUTINES["walk-break"]
    assert "walk" in [s.movement.id for s in walk.steps]
    assert "water" in LIB["walk"].cues[0] and "stairs" in LIB["walk"].cues[0]


def test_a_foot_strengthener_is_used_in_a_short_routine() -> None:
    used = {
        s.movement.id
        for i in SHORT
        for s in ROUTINES[i].steps
        if s.movement.phase is Phase.STRENGTHEN and Region.FEET in s.movement.regions
    }
    assert "balance-arch-lift" in used


@pytest.mark.parametrize("region", [Region.MID_BACK, Region.CORE, Region.FEET, Region.GLUTES])
def test_strength_outside_the_back(region: Region) -> None:
    strong = [
        m for m in LIB.base_movements() if m.phase is Phase.STRENGTHEN and region in m.regions
    ]
    assert strong, f"no strengthen movement for {region.value}"


def test_the_ritual_strengthens_the_core_and_the_mid_back() -> None:
    strong = [
        s.movement for s in ROUTINES["daily-ritual"].steps if s.movement.phase is Phase.STRENGTHEN
    ]
    regions = {r for m in strong for r in m.regions}
    assert {Region.CORE, Region.MID_BACK, Region.FEET, Region.GLUTES} <= regions
    assert "core-set" not in {m.id for m in strong}


# ── movements ─────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("movement", LIB.movements.values(), ids=lambda m: m.id)
def test_every_movement_says_what_it_is_for_and_how_hard(movement: Movement) -> None:
    assert movement.purpose and movement.effort and 2 <= len(movement.cues) <= 3
    assert movement.breath.inhale and movement.breath.exhale
    assert movement.figure is not None
    assert movement.support, "say what to hold or sit on"
    assert set(movement.needs) <= set(NEEDS)
    if "desk" in movement.needs:
        assert "desk" in movement.support.lower()


@pytest.mark.parametrize("movement", LIB.movements.values(), ids=lambda m: m.id)
def test_the_out_breath_is_never_shorter_than_the_in_breath(movement: Movement) -> None:
    breath = movement.breath
    if breath.inhale_seconds is not None and breath.exhale_seconds is not None:
        assert breath.exhale_seconds >= breath.inhale_seconds


def test_the_breathing_settings_refuse_a_short_out_breath() -> None:
    settings, problems = settings_from_mapping(
        {"breathing": {"inhale_seconds": 8, "exhale_seconds": 3}}
    )
    assert "breathing.exhale_seconds" in [p.key for p in problems]
    assert settings.breathing.exhale_seconds >= settings.breathing.inhale_seconds


def test_labels_say_what_a_movement_really_works() -> None:
    assert Region.MID_BACK not in LIB["belly-breathing"].regions
    assert LIB["belly-breathing"].dose.kind == "breaths"
    assert LIB["seated-calf-raise"].phase is not Phase.STRENGTHEN
    assert Region.CORE not in LIB["seated-leg-lift"].regions
    assert Region.MID_BACK not in LIB["desk-push-up"].regions


def test_movements_that_need_a_steady_chair_say_so() -> None:
    for movement_id in ("sit-to-stand", "chair-back-extension"):
        assert "fixed-chair" in LIB[movement_id].needs
    for movement in LIB.movements.values():
        if "chair back" in " ".join(movement.cues).lower():
            assert "fixed-chair" in movement.needs, movement.id


def test_cues_agree_with_themselves() -> None:
    twist = LIB["seated-rotation"]
    assert "fist" not in " ".join(twist.cues) and twist.breath.hold_seconds == 0
    core = LIB["core-set"]
    assert core.dose.kind == "hold" and "drawn in" in core.breath.inhale
    assert "forward" not in LIB["chin-tuck"].breath.inhale
    circles = LIB["ankle-circles"]
    assert circles.dose.count % 2 == 0 and "reverse" in " ".join(circles.cues)
    assert "goalpost" in " ".join(LIB["wall-angels"].cues)
    assert "Start standing" in LIB["sit-to-stand"].cues[0]  # so the first in-breath sits down
    assert "in line with your back" in " ".join(LIB["desk-bird-dog"].cues)
    for movement_id in ("desk-cat-cow", "desk-thread-needle"):
        assert any("Osteoporosis" in c for c in LIB[movement_id].cautions)


def _angle_up(origin: tuple[float, float], point: tuple[float, float]) -> float:
    """Degrees above the horizontal of the line origin → point (y grows downwards)."""
    return math.degrees(math.atan2(origin[1] - point[1], abs(point[0] - origin[0])))


def test_the_bird_dog_leg_stops_in_line_with_the_back() -> None:
    for movement_id in ("desk-bird-dog", "desk-bird-dog-arm"):
        figure = LIB[movement_id].figure
        assert figure is not None
        pose = figure.end
        trunk_line = _angle_up(
            pose["hip"],
            (2 * pose["hip"][0] - pose["shoulder"][0], 2 * pose["hip"][1] - pose["shoulder"][1]),
        )
        leg = _angle_up(pose["hip"], pose["ankle_f"])
        assert leg <= trunk_line + 3, movement_id


def test_crossed_arms_are_drawn_crossed() -> None:
    for movement_id in ("sit-to-stand", "sit-to-stand-hover", "seated-lean-back"):
        figure = LIB[movement_id].figure
        assert figure is not None
        for pose in (figure.start, figure.end):
            shoulder, hand = pose["shoulder"], pose["hand_n"]
            assert math.dist(shoulder, hand) < 0.12, movement_id


def _segment_distance(
    p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]
) -> float:
    ax, ay = a
    bx, by = b
    length = (bx - ax) ** 2 + (by - ay) ** 2
    t = max(0.0, min(1.0, ((p[0] - ax) * (bx - ax) + (p[1] - ay) * (by - ay)) / (length or 1)))
    return math.dist(p, (ax + t * (bx - ax), ay + t * (by - ay)))


@pytest.mark.parametrize("movement_id", ["seated-side-reach", "standing-side-reach"])
def test_the_raised_arm_goes_over_the_head_not_through_it(movement_id: str) -> None:
    figure = LIB[movement_id].figure
    assert figure is not None
    for pose in (figure.start, figure.end):
        head = pose["head"]
        for a, b in ((pose["shoulder"], pose["elbow_n"]), (pose["elbow_n"], pose["hand_n"])):
            assert _segment_distance(head, a, b) >= HEAD_RADIUS, movement_id


def test_equipment_follows_the_settings() -> None:
    assert equipment_at_hand(MovementSettings()) == {"desk", "clear-floor"}
    fixed = replace(
        MovementSettings(), chair="fixed", wall_nearby=True, postures=("seated", "floor")
    )
    assert equipment_at_hand(fixed) == {"desk", "clear-floor", "fixed-chair", "wall", "mat"}


@pytest.mark.parametrize("movement_id", ["y-raise", "y-raise-one-arm"])
def test_a_raised_arm_is_drawn_clear_of_the_head(movement_id: str) -> None:
    figure = LIB[movement_id].figure
    assert figure is not None
    pose = figure.end
    side = "f" if movement_id.endswith("one-arm") else "n"
    for a, b in (
        (pose["shoulder"], pose[f"elbow_{side}"]),
        (pose[f"elbow_{side}"], pose[f"hand_{side}"]),
    ):
        assert _segment_distance(pose["head"], a, b) >= HEAD_RADIUS, movement_id


def test_a_variant_s_breath_cues_fit_the_variant() -> None:
    assert "T" in LIB["t-raise"].breath.exhale and "Y" not in LIB["t-raise"].breath.exhale
    assert "arms" not in LIB["y-raise-one-arm"].breath.exhale


def test_names_fit_the_break_window_title() -> None:
    assert all(len(m.name) <= 31 for m in LIB.movements.values())


def test_the_chin_glide_never_draws_a_forward_head() -> None:
    figure = LIB["chin-tuck"].figure
    assert figure is not None
    for pose in (figure.start, figure.end):
        assert pose["head"][0] - pose["shoulder"][0] < 0.02  # head over the shoulders


@pytest.mark.parametrize("movement_id", sorted(LIB.variant_ids))
def test_a_variant_s_breath_never_contradicts_its_cues(movement_id: str) -> None:
    movement = LIB[movement_id]
    cues = " ".join(movement.cues).lower()
    breath = f"{movement.breath.inhale} {movement.breath.exhale}".lower()
    if "no leaning" in cues:
        assert "further forward" not in breath
    if movement.posture.value == "floor":
        assert "sit tall" not in breath
    if "wall" in movement.needs:
        assert "desk" not in breath
