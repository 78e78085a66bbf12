"""The routine builder: rules hold for any budget, posture set and avoid list."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deskbreak.core.adaptation import Adaptation
from deskbreak.core.builder import CannotBuild, adapt_routine, build_routine
from deskbreak.core.library import load_library
from deskbreak.core.movements import Phase
from deskbreak.core.routines import duration_seconds, phases_in_order, shipped_routines
from deskbreak.core.settings import BreathingSettings

LIB = load_library()
IDS = sorted(LIB.movements)
POSTURE_SETS = st.sets(st.sampled_from(["seated", "standing", "floor"]), min_size=1)


@settings(max_examples=150, deadline=None)
@given(
    budget=st.integers(2, 15),
    postures=POSTURE_SETS,
    avoid=st.lists(st.sampled_from(IDS), max_size=20),
    day=st.dates(date(2024, 1, 1), date(2030, 1, 1)),
)
def test_any_request_gives_a_valid_routine_or_a_reason(
    budget: int, postures: set[str], avoid: list[str], day: date
) -> None:
    try:
        routine = build_routine(LIB, budget, postures, avoid=avoid, day=day)
    except CannotBuild as error:
        assert "movement is left" in error.reason
        return
    steps = routine.steps
    assert steps[0].movement.phase is Phase.SOFTEN and steps[-1].movement.phase is Phase.STRENGTHEN
    assert phases_in_order(routine)
    ids = [s.movement.id for s in steps]
    assert len(ids) == len(set(ids))
    assert not set(ids) & set(avoid)
    assert all(s.movement.posture.value in postures for s in steps)
    assert duration_seconds(routine, BreathingSettings()) <= budget * 60 * 1.15


def test_fills_the_budget_when_there_is_enough_to_do() -> None:
    for budget in range(2, 16):
        routine = build_routine(LIB, budget, ("seated", "standing"), day=date(2026, 3, 2))
        assert (
            abs(duration_seconds(routine, BreathingSettings()) - budget * 60) <= budget * 60 * 0.15
        )


def test_same_inputs_same_routine_and_days_rotate() -> None:
    day = date(2026, 3, 2)
    first = build_routine(LIB, 5, ("seated", "standing"), day=day)
    assert build_routine(LIB, 5, ("seated", "standing"), day=day) == first
    week = {
        tuple(
            s.movement.id
            for s in build_routine(LIB, 5, ("seated", "standing"), day=day + timedelta(d)).steps
        )
        for d in range(7)
    }
    assert len(week) > 1


def test_floor_only_cannot_build_and_says_why() -> None:
    with pytest.raises(CannotBuild, match="no soften movement is left"):
        build_routine(LIB, 5, ("floor",))


def test_out_of_range_budget() -> None:
    with pytest.raises(CannotBuild, match="2 to 15"):
        build_routine(LIB, 30)


def test_regions_asked_for_come_first() -> None:
    routine = build_routine(LIB, 3, ("seated", "standing"), regions=["feet"], day=date(2026, 3, 2))
    assert any("feet" in [r.value for r in s.movement.regions] for s in routine.steps)


def test_pain_adaptation_uses_the_easier_variant() -> None:
    pain = {"sit-to-stand": Adaptation("sit-to-stand", "easier", "sit-to-stand-hands", "pain")}
    quick = shipped_routines(LIB)["quick-reset"]
    adapted = adapt_routine(quick, LIB, adaptations=pain)
    step = next(s for s in adapted.steps if s.movement.phase is Phase.STRENGTHEN)
    assert (step.movement.id, step.variant) == ("sit-to-stand-hands", "easier")


def test_harder_variant_only_in_the_ritual() -> None:
    good = {
        "calf-raise": Adaptation(
            "calf-raise", "harder", "single-leg-calf-raise", "felt good", ritual_only=True
        )
    }
    ritual = shipped_routines(LIB)["daily-ritual"]
    ids = [s.movement.id for s in adapt_routine(ritual, LIB, adaptations=good, ritual=True).steps]
    assert "single-leg-calf-raise" in ids
    ids = [s.movement.id for s in adapt_routine(ritual, LIB, adaptations=good).steps]
    assert "calf-raise" in ids


def test_seated_only_swaps_standing_moves_for_seated_equivalents() -> None:
    for routine in shipped_routines(LIB).values():
        adapted = adapt_routine(routine, LIB, postures=("seated",))
        assert all(s.movement.posture.value == "seated" for s in adapted.steps)
        assert phases_in_order(adapted)
        ids = [s.movement.id for s in adapted.steps]
        assert len(ids) == len(set(ids))
    hips = adapt_routine(shipped_routines(LIB)["hips-midback"], LIB, postures=("seated",))
    assert hips.steps[-1].movement.phase is Phase.STRENGTHEN


def test_avoided_movement_is_swapped() -> None:
    quick = shipped_routines(LIB)["quick-reset"]
    adapted = adapt_routine(quick, LIB, avoid=["seated-cat-cow"])
    ids = [s.movement.id for s in adapted.steps]
    assert "seated-cat-cow" not in ids and len(ids) == len(quick.steps)


def test_nothing_left_is_a_clear_refusal() -> None:
    quick = shipped_routines(LIB)["quick-reset"]
    with pytest.raises(CannotBuild, match="Quick reset"):
        adapt_routine(
            quick, LIB, postures=("floor",), avoid=["glute-bridge", "lying-knee-to-chest"]
        )


def test_an_easier_variant_from_another_phase_is_left_out_not_misplaced() -> None:
    pain = {"core-set": Adaptation("core-set", "easier", "belly-breathing", "pain")}
    adapted = adapt_routine(shipped_routines(LIB)["quick-reset"], LIB, adaptations=pain)
    assert phases_in_order(adapted)
    assert "core-set" not in [s.movement.id for s in adapted.steps]
