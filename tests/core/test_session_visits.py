"""The visit ledger: coming back to a movement adds to its visit; the step under way is logged
in parts, never twice; a pain stop decides the outcome; a copy leaves the log alone."""

from __future__ import annotations

from deskbreak.core.movements import Step
from deskbreak.core.records import MovementRecord, Outcome
from deskbreak.core.session_visits import VisitLog
from tests.core.session_fixtures import CAT_COW, GLUTE_SQUEEZE


def test_a_second_visit_to_the_same_place_adds_to_the_first() -> None:
    log = VisitLog()
    log.add(0, Step(CAT_COW), 10.0, completed=False)
    log.add(1, Step(GLUTE_SQUEEZE), 5.0, completed=True)
    log.add(0, Step(CAT_COW), 4.04, completed=True)
    assert log.records() == (
        MovementRecord(CAT_COW.id, "base", True, 14.0, False),
        MovementRecord(GLUTE_SQUEEZE.id, "base", True, 5.0, False),
    )
    assert log.completed == 2


def test_the_same_movement_at_another_variant_or_place_is_its_own_visit() -> None:
    log = VisitLog()
    log.add(0, Step(CAT_COW), 3.0, completed=False, pain=True)
    log.add(0, Step(CAT_COW, variant="easier"), 3.0, completed=True)
    log.add(2, Step(CAT_COW), 3.0, completed=False)
    assert [(r.variant, r.completed, r.pain_stop) for r in log.records()] == [
        ("base", False, True),
        ("easier", True, False),
        ("base", False, False),
    ]


def test_a_copy_takes_additions_without_changing_the_log() -> None:
    log = VisitLog()
    log.add(0, Step(CAT_COW), 3.0, completed=False)
    draft = log.copy()
    draft.add(0, Step(CAT_COW), 2.0, completed=False)
    assert log.records()[0].seconds == 3.0
    assert draft.records()[0].seconds == 5.0


def test_the_step_under_way_is_logged_in_parts_never_twice() -> None:
    log = VisitLog()
    log.log_moving(0, Step(CAT_COW), 5.0, completed=False)
    log.log_moving(0, Step(CAT_COW), 5.0, completed=False)  # nothing new: nothing added
    log.log_moving(0, Step(CAT_COW), 8.0, completed=True)
    assert log.records() == (MovementRecord(CAT_COW.id, "base", True, 8.0, False),)
    log.new_step()
    log.log_moving(1, Step(GLUTE_SQUEEZE), 2.0, completed=False)
    assert log.records()[1].seconds == 2.0


def test_a_pain_stop_is_logged_without_time_and_decides_the_outcome() -> None:
    log = VisitLog()
    assert log.outcome(reached_end=False) is Outcome.STOPPED
    assert log.outcome(reached_end=True) is Outcome.COMPLETED
    log.log_moving(0, Step(CAT_COW), 0.0, completed=False, pain=True)
    assert log.records() == (MovementRecord(CAT_COW.id, "base", False, 0.0, True),)
    assert log.outcome(reached_end=True) is Outcome.PAIN_STOP


def test_a_copy_knows_what_the_step_under_way_has_logged() -> None:
    log = VisitLog()
    log.log_moving(0, Step(CAT_COW), 3.0, completed=False)
    draft = log.copy()
    draft.log_moving(0, Step(CAT_COW), 5.0, completed=False)
    assert (log.records()[0].seconds, draft.records()[0].seconds) == (3.0, 5.0)
