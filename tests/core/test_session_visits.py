"""The visit ledger: coming back to a movement adds to its visit; a copy leaves the log alone."""

from __future__ import annotations

from deskbreak.core.movements import Step
from deskbreak.core.records import MovementRecord
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
