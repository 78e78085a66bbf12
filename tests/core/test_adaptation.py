"""Adaptation rules over the log."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from deskbreak.core.adaptation import adaptations, next_time_lines, pain_advice
from deskbreak.core.library import load_library
from deskbreak.core.progression import replay, summary
from deskbreak.core.records import Comfort, MovementRecord, Outcome, SessionRecord, Trigger

LIB = load_library()
DAY0 = datetime(2026, 3, 2, 10, 0)


def _session(
    n: int,
    movement: str,
    *,
    pain: bool = False,
    completed: bool = True,
    comfort: Comfort | None = Comfort.FELT_GOOD,
    variant: str = "base",
) -> SessionRecord:
    started = DAY0 + timedelta(days=n)
    return SessionRecord(
        id=f"s{n}",
        started=started,
        ended=started + timedelta(minutes=3),
        routine_id="quick-reset",
        trigger=Trigger.PROMPT,
        outcome=Outcome.PAIN_STOP if pain else Outcome.COMPLETED,
        movements=(
            MovementRecord(movement, variant, completed and not pain, 30.0, pain_stop=pain),
        ),
        comfort=None if pain else comfort,
    )


def test_pain_stop_gives_the_easier_variant_for_fourteen_days() -> None:
    log = [_session(0, "sit-to-stand", pain=True)]
    found = adaptations(log, LIB, DAY0.date() + timedelta(days=13))["sit-to-stand"]
    assert (found.variant, found.use) == ("easier", "sit-to-stand-hands")
    assert found.until == date(2026, 3, 16) and "pain" in found.reason
    later = adaptations(log, LIB, date(2026, 3, 16)).get("sit-to-stand")
    assert later is not None and later.variant == "base"  # back, but no harder yet


def test_no_easier_variant_in_the_phase_means_a_swap() -> None:
    log = [_session(0, "glute-squeeze", pain=True)]
    found = adaptations(log, LIB, DAY0.date())["glute-squeeze"]
    assert (found.variant, found.use, found.pain_stop) == ("omit", None, True)
    # core-set's easier version is a soften move: not used in its place
    log = [_session(0, "core-set", pain=True)]
    assert adaptations(log, LIB, DAY0.date())["core-set"].variant == "omit"


def _days(days: list[int], movement: str = "calf-raise", **kw: Any) -> list[SessionRecord]:
    return [_session(n, movement, **kw) for n in days]


def test_a_comfortable_week_then_a_day_no_worse_adds_two_reps_in_the_ritual() -> None:
    assert "calf-raise" not in adaptations(_days([0, 2, 5, 6]), LIB, date(2026, 3, 9))
    # a comfortable week, but no later day yet to show it went no worse
    assert "calf-raise" not in adaptations(_days([0, 3, 7]), LIB, date(2026, 3, 10))
    found = adaptations(_days([0, 3, 7, 8]), LIB, date(2026, 3, 10))["calf-raise"]
    assert (found.variant, found.extra, found.ritual_only) == ("base", 2, True)
    assert "2 more reps" in found.reason and not found.pain_stop


def test_a_worse_next_day_holds_the_step_back() -> None:
    log = _days([0, 3, 7]) + [_session(8, "calf-raise", comfort=Comfort.SOME_DISCOMFORT)]
    log += _days([9, 10])
    assert "calf-raise" not in adaptations(log, LIB, date(2026, 3, 13))


def test_the_harder_variant_comes_one_step_later_never_on_the_same_day() -> None:
    log = _days([0, 3, 7, 8])
    assert adaptations(log, LIB, date(2026, 3, 12))["calf-raise"].extra == 2
    log += _days([11, 15])
    assert adaptations(log, LIB, date(2026, 3, 17))["calf-raise"].variant == "base"
    log += _days([16])
    found = adaptations(log, LIB, date(2026, 3, 18))["calf-raise"]
    assert (found.variant, found.use) == ("harder", "single-leg-calf-raise")


def test_soften_movements_never_progress() -> None:
    found = adaptations(
        _days([0, 3, 7, 8, 11, 15, 16, 17], "seated-figure-four"), LIB, date(2026, 3, 20)
    )
    assert "seated-figure-four" not in found
    assert "belly-breathing" not in adaptations(
        _days([0, 3, 7, 8], "belly-breathing"), LIB, date(2026, 3, 20)
    )


def test_at_most_two_changes_a_week() -> None:
    ids = ["calf-raise", "desk-squat", "y-raise", "desk-plank", "hip-hinge", "core-set"]
    log = []
    for n in (0, 3, 7, 8, 9, 10):
        started = DAY0 + timedelta(days=n)
        log.append(
            SessionRecord(
                id=f"r{n}",
                started=started,
                ended=started + timedelta(minutes=14),
                routine_id="daily-ritual",
                trigger=Trigger.RITUAL,
                outcome=Outcome.COMPLETED,
                movements=tuple(MovementRecord(i, "base", True, 30.0) for i in ids),
                comfort=Comfort.FELT_GOOD,
            )
        )
    found = adaptations(log, LIB, date(2026, 3, 12))
    assert len([i for i in ids if i in found]) == 2
    steps = replay(log, LIB, date(2026, 3, 12), {}, {})
    assert [s.level for s in steps] == [1, 1] and len({s.day for s in steps}) == 1


def test_a_progression_can_be_undone() -> None:
    log = _days([0, 3, 7, 8])
    undone = {"calf-raise": DAY0 + timedelta(days=9)}
    assert "calf-raise" not in adaptations(log, LIB, date(2026, 3, 12), undone)
    assert summary(adaptations(log, LIB, date(2026, 3, 12)), LIB)[0][0] == "calf-raise"


def test_a_pain_stop_regresses_and_progression_starts_again_after_the_pause() -> None:
    log = _days([0, 4, 8, 9], "desk-squat") + [_session(15, "desk-squat", pain=True)]
    found = adaptations(log, LIB, date(2026, 3, 20))["desk-squat"]
    assert (found.variant, found.use) == ("easier", "desk-squat-shallow")
    # comfortable times at the easier variant during the pause don't count afterwards
    log += _days([17, 20, 24, 27], "desk-squat-shallow", variant="easier")
    found = adaptations(log, LIB, date(2026, 3, 31))["desk-squat"]
    assert (found.variant, found.extra) == ("base", 0) and "back to the usual" in found.reason
    log += _days([29, 33, 36, 37], "desk-squat")  # pause over on day 29: a week, a good day
    assert adaptations(log, LIB, date(2026, 4, 9))["desk-squat"].extra == 2


def test_discomfort_a_skip_or_a_long_gap_starts_over() -> None:
    log = _days([0, 7]) + [_session(10, "calf-raise", comfort=Comfort.SOME_DISCOMFORT)]
    log += _days([12, 14, 15])
    assert "calf-raise" not in adaptations(log, LIB, date(2026, 3, 17))
    log = _days([0, 7]) + [_session(10, "calf-raise", completed=False)] + _days([12, 14, 15])
    assert "calf-raise" not in adaptations(log, LIB, date(2026, 3, 17))
    assert "calf-raise" not in adaptations(_days([0, 7, 14, 15]), LIB, date(2026, 5, 1))


def test_the_log_is_read_as_of_today() -> None:
    assert "calf-raise" not in adaptations(_days([0, 7, 14]), LIB, date(2026, 3, 8))


def test_often_skipped_drops_down() -> None:
    log = [_session(n, "wall-angels", completed=n % 2 == 0, comfort=None) for n in range(6)]
    found = adaptations(log, LIB, date(2026, 4, 1))["wall-angels"]
    assert found.demoted and "Skipped 3 of the last 6" in found.reason


def _rated(
    n: int, ids: list[str], comfort: Comfort, felt_in: tuple[str, ...] = ()
) -> SessionRecord:
    started = DAY0 + timedelta(days=n)
    return SessionRecord(
        id=f"x{n}",
        started=started,
        ended=started + timedelta(minutes=5),
        routine_id="hips-midback",
        trigger=Trigger.PROMPT,
        outcome=Outcome.COMPLETED,
        movements=tuple(MovementRecord(i, "base", True, 30.0) for i in ids),
        comfort=comfort,
        felt_in=felt_in,
    )


def test_a_sharp_pain_rating_acts_like_a_pain_stop_on_the_movements_done() -> None:
    session = _rated(0, ["upper-back-lift", "y-raise", "desk-squat"], Comfort.SHARP_PAIN)
    found = adaptations([session], LIB, DAY0.date())
    assert all(found[i].pain_stop for i in ("upper-back-lift", "y-raise", "desk-squat"))
    lines = next_time_lines(session, found, LIB)
    assert len(lines) == 3 and "Hinged Y raise" in lines[1] and "One-arm Y raise" in lines[1]


def test_where_it_was_felt_narrows_the_pain_to_the_movements_that_load_it() -> None:
    ids = ["upper-back-lift", "y-raise", "desk-squat", "chin-tuck"]
    found = adaptations([_rated(0, ids, Comfort.SHARP_PAIN, ("neck",))], LIB, DAY0.date())
    assert set(found) == {"chin-tuck"}
    # discomfort in the low back: fewer loaded flexion and extension moves next time
    found = adaptations([_rated(0, ids, Comfort.SOME_DISCOMFORT, ("low back",))], LIB, DAY0.date())
    assert {i for i, a in found.items() if a.pain_stop} == {
        "upper-back-lift",
        "y-raise",
        "desk-squat",
    }
    assert "Discomfort" in found["desk-squat"].reason
    later = adaptations(
        [_rated(0, ids, Comfort.SOME_DISCOMFORT, ("low back",))], LIB, date(2026, 3, 9)
    )
    assert not any(a.pain_stop for a in later.values())


def test_two_pains_within_two_weeks_take_a_movement_out_with_advice() -> None:
    log = [_session(0, "desk-squat", pain=True), _session(10, "desk-squat", pain=True)]
    found = adaptations(log, LIB, date(2026, 3, 13))["desk-squat"]
    assert (found.variant, found.clinician, found.pain_stop) == ("out", True, True)
    assert "clinician" in found.reason
    far = [_session(0, "desk-squat", pain=True), _session(20, "desk-squat", pain=True)]
    assert adaptations(far, LIB, date(2026, 3, 23))["desk-squat"].variant == "easier"


def test_pain_on_the_easier_version_takes_it_out() -> None:
    log = [_session(0, "desk-squat-shallow", pain=True, variant="easier")]
    found = adaptations(log, LIB, DAY0.date())["desk-squat"]
    assert found.variant == "out" and found.clinician


def test_pain_on_three_movements_in_a_week_gets_clinician_advice() -> None:
    log = [
        _session(0, "desk-squat", pain=True),
        _session(3, "y-raise", pain=True),
    ]
    assert pain_advice(log, LIB, date(2026, 3, 6)) is None
    log.append(_session(6, "chin-tuck", pain=True))
    advice = pain_advice(log, LIB, date(2026, 3, 8))
    assert advice is not None and "clinician" in advice
    assert pain_advice(log, LIB, date(2026, 3, 12)) is None  # the first is over a week old
