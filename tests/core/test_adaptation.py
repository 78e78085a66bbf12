"""Adaptation rules over the log."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from deskbreak.core.adaptation import adaptations
from deskbreak.core.library import load_library
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


def test_a_comfortable_week_adds_two_reps_in_the_ritual() -> None:
    assert "calf-raise" not in adaptations(_days([0, 2, 5]), LIB, date(2026, 3, 9))
    found = adaptations(_days([0, 3, 7]), LIB, date(2026, 3, 10))["calf-raise"]
    assert (found.variant, found.extra, found.ritual_only) == ("base", 2, True)
    assert "2 more reps" in found.reason and not found.pain_stop


def test_two_comfortable_weeks_move_to_the_harder_variant() -> None:
    found = adaptations(_days([0, 4, 8, 14]), LIB, date(2026, 3, 17))["calf-raise"]
    assert (found.variant, found.use, found.ritual_only) == (
        "harder",
        "single-leg-calf-raise",
        True,
    )
    # done at the harder variant, it stays there while it keeps feeling good
    log = _days([0, 4, 8, 14]) + _days([16, 18], "single-leg-calf-raise", variant="harder")
    assert adaptations(log, LIB, date(2026, 3, 21))["calf-raise"].variant == "harder"


def test_without_a_harder_variant_in_the_phase_progression_adds_more() -> None:
    found = adaptations(_days([0, 7, 14], "seated-figure-four"), LIB, date(2026, 3, 17))
    assert (found["seated-figure-four"].extra, found["seated-figure-four"].variant) == (4, "base")
    assert "4 more breaths" in found["seated-figure-four"].reason
    found = adaptations(_days([0, 7, 14], "ankle-circles"), LIB, date(2026, 3, 17))
    assert found["ankle-circles"].variant == "base"  # its harder one is an organize move


def test_discomfort_a_skip_or_a_long_gap_starts_over() -> None:
    log = _days([0, 7]) + [_session(10, "calf-raise", comfort=Comfort.SOME_DISCOMFORT)]
    log += _days([12, 14])
    assert "calf-raise" not in adaptations(log, LIB, date(2026, 3, 17))
    log = _days([0, 7]) + [_session(10, "calf-raise", completed=False)] + _days([12, 14])
    assert "calf-raise" not in adaptations(log, LIB, date(2026, 3, 17))
    assert "calf-raise" not in adaptations(_days([0, 7, 14]), LIB, date(2026, 5, 1))


def test_a_pain_stop_regresses_and_progression_starts_again_after_the_pause() -> None:
    log = _days([0, 4, 8, 14], "desk-squat") + [_session(15, "desk-squat", pain=True)]
    found = adaptations(log, LIB, date(2026, 3, 20))["desk-squat"]
    assert (found.variant, found.use) == ("easier", "desk-squat-shallow")
    # comfortable times at the easier variant during the pause don't count afterwards
    log += _days([17, 20, 24, 27], "desk-squat-shallow", variant="easier")
    found = adaptations(log, LIB, date(2026, 3, 31))["desk-squat"]
    assert (found.variant, found.extra) == ("base", 0) and "back to the usual" in found.reason
    log += _days([29, 33, 36], "desk-squat")  # pause over on day 29: one week comfortable again
    assert adaptations(log, LIB, date(2026, 4, 8))["desk-squat"].extra == 2
    log += _days([40, 43], "desk-squat")  # two weeks
    assert adaptations(log, LIB, date(2026, 4, 14))["desk-squat"].variant == "harder"


def test_the_log_is_read_as_of_today() -> None:
    assert "calf-raise" not in adaptations(_days([0, 7, 14]), LIB, date(2026, 3, 8))


def test_often_skipped_drops_down() -> None:
    log = [_session(n, "wall-angels", completed=n % 2 == 0, comfort=None) for n in range(6)]
    found = adaptations(log, LIB, date(2026, 4, 1))["wall-angels"]
    assert found.demoted and "Skipped 3 of the last 6" in found.reason
