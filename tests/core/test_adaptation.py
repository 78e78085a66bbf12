"""Adaptation rules over the log."""

from __future__ import annotations

from datetime import date, datetime, timedelta

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


def test_no_easier_variant_means_left_out() -> None:
    log = [_session(0, "glute-squeeze", pain=True)]
    assert adaptations(log, LIB, DAY0.date())["glute-squeeze"].variant == "omit"


def test_harder_only_after_three_comfortable_easier_ones() -> None:
    log = [_session(0, "sit-to-stand", pain=True)]
    log += [_session(n, "sit-to-stand-hands", variant="easier") for n in range(15, 17)]
    assert adaptations(log, LIB, date(2026, 4, 1))["sit-to-stand"].variant == "base"
    log.append(_session(17, "sit-to-stand-hands", variant="easier"))
    found = adaptations(log, LIB, date(2026, 4, 1))["sit-to-stand"]
    assert (found.variant, found.use, found.ritual_only) == ("harder", "sit-to-stand-hover", True)


def test_felt_good_three_times_in_a_row() -> None:
    log = [_session(n, "calf-raise") for n in range(2)]
    assert "calf-raise" not in adaptations(log, LIB, date(2026, 4, 1))
    log.append(_session(2, "calf-raise"))
    assert adaptations(log, LIB, date(2026, 4, 1))["calf-raise"].use == "single-leg-calf-raise"
    log.append(_session(3, "calf-raise", comfort=Comfort.SOME_DISCOMFORT))
    assert "calf-raise" not in adaptations(log, LIB, date(2026, 4, 1))


def test_often_skipped_drops_down() -> None:
    log = [_session(n, "wall-angels", completed=n % 2 == 0, comfort=None) for n in range(6)]
    found = adaptations(log, LIB, date(2026, 4, 1))["wall-angels"]
    assert found.demoted and "Skipped 3 of the last 6" in found.reason
