"""Which routine a break offers: the shipped routine fitted to the user's settings and log."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from deskbreak.core.adaptation_data import Adaptation
from deskbreak.core.builder import CannotBuild
from deskbreak.core.choose import (
    FALLBACK_ROUTINE,
    UnknownRoutine,
    choose_routine,
    current_adaptations,
    unknown_references,
)
from deskbreak.core.library import load_library
from deskbreak.core.movements import Phase, Posture, Routine
from deskbreak.core.routines import shipped_routines
from deskbreak.core.settings import (
    BreakSettings,
    MovementSettings,
    RitualSettings,
    Settings,
)
from tests.core.logged import DAY0, logged_break

LIB = load_library()
SHIPPED = shipped_routines(LIB)


def ids(routine: Routine) -> list[str]:
    return [step.movement.id for step in routine.steps]


def counts(routine: Routine) -> dict[str, int]:
    return {step.movement.id: step.effective_dose.count for step in routine.steps}


def with_movement(**kw: object) -> Settings:
    return replace(Settings(), movement=MovementSettings(**kw))  # type: ignore[arg-type]


session = logged_break


def test_default_settings_keep_the_routine_as_shipped() -> None:
    chosen = choose_routine("quick-reset", LIB, Settings())
    assert ids(chosen) == ids(SHIPPED["quick-reset"])
    assert counts(chosen) == counts(SHIPPED["quick-reset"])
    assert all(step.variant == "base" for step in chosen.steps)


def test_an_unknown_id_names_the_routines_there_are() -> None:
    with pytest.raises(UnknownRoutine) as caught:
        choose_routine("no-such-routine", LIB, Settings())
    assert caught.value.known == tuple(SHIPPED)
    assert "no-such-routine" in str(caught.value)
    assert isinstance(caught.value, LookupError)


def test_seated_only_swaps_the_standing_step_in_the_same_phase() -> None:
    chosen = choose_routine("quick-reset", LIB, with_movement(postures=("seated",)))
    assert "sit-to-stand" not in ids(chosen)
    assert len(chosen.steps) == len(SHIPPED["quick-reset"].steps)
    assert all(step.movement.posture is Posture.SEATED for step in chosen.steps)
    assert chosen.steps[-1].movement.phase is Phase.STRENGTHEN


def test_an_avoided_movement_is_replaced_not_dropped() -> None:
    chosen = choose_routine("quick-reset", LIB, with_movement(avoid=("seated-cat-cow",)))
    assert "seated-cat-cow" not in ids(chosen)
    assert len(chosen.steps) == len(SHIPPED["quick-reset"].steps)
    assert chosen.steps[1].movement.phase is Phase.SOFTEN


def test_a_phase_left_empty_is_refused_with_the_way_out() -> None:
    """Offered as written, it would bring back what the user asked never to see."""
    every_soften = tuple(m.id for m in LIB.movements.values() if m.phase is Phase.SOFTEN)
    with pytest.raises(CannotBuild, match="no soften movement is left") as caught:
        choose_routine("quick-reset", LIB, with_movement(avoid=every_soften))
    assert "shorten the avoid list" in str(caught.value)


def test_a_pain_stop_in_the_log_offers_the_easier_version() -> None:
    log = [session(0, "desk-squat", pain=True)]
    adapted = current_adaptations(LIB, log, DAY0.date())
    chosen = choose_routine("quick-reset", LIB, Settings(), adapted)
    assert "desk-squat" not in ids(chosen)
    assert {s.movement.id: s.variant for s in chosen.steps}["desk-squat-shallow"] == "easier"


def test_progression_counts_only_in_the_routine_named_as_the_ritual() -> None:
    adapted = {
        "calf-raise": Adaptation(
            "calf-raise", "base", "calf-raise", "2 more", ritual_only=True, extra=2
        )
    }
    shipped = counts(SHIPPED["daily-ritual"])["calf-raise"]

    as_ritual = choose_routine("daily-ritual", LIB, Settings(), adapted)
    assert counts(as_ritual)["calf-raise"] == shipped + 2

    other_ritual = replace(Settings(), ritual=RitualSettings(routine="hips-midback"))
    not_ritual = choose_routine("daily-ritual", LIB, other_ritual, adapted)
    assert counts(not_ritual)["calf-raise"] == shipped


def test_adaptations_ignore_the_log_before_a_reset() -> None:
    log = [session(0, "sit-to-stand", pain=True)]
    today = DAY0.date() + timedelta(days=1)
    assert "sit-to-stand" in current_adaptations(LIB, log, today)
    after_reset = current_adaptations(LIB, log, today, reset_at=DAY0 + timedelta(hours=1))
    assert "sit-to-stand" not in after_reset
    # a reset before the pain stop keeps it
    before = current_adaptations(LIB, log, today, reset_at=DAY0 - timedelta(hours=1))
    assert before["sit-to-stand"].variant == "easier"


def test_good_settings_have_no_unknown_references() -> None:
    assert unknown_references(Settings(), LIB) == []


def test_unknown_routines_and_movements_are_each_reported() -> None:
    settings = replace(
        Settings(),
        breaks=BreakSettings(prompt_routine="quick-rest"),
        ritual=RitualSettings(routine="dayly-ritual"),
        movement=MovementSettings(avoid=("sit-to-stand", "jumping-jacks")),
    )
    problems = unknown_references(settings, LIB)
    assert [p.key for p in problems] == [
        "breaks.prompt_routine",
        "ritual.routine",
        "movement.avoid",
    ]
    prompt, ritual, avoid = (p.message for p in problems)
    assert '"quick-rest"' in prompt and f'using "{FALLBACK_ROUTINE}"' in prompt
    assert all(routine_id in prompt for routine_id in SHIPPED)
    assert '"dayly-ritual"' in ritual
    assert '"jumping-jacks"' in avoid and "sit-to-stand" not in avoid
