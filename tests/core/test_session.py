"""The break session: timelines, operations and records, all on a fake clock."""

from __future__ import annotations

import uuid

import pytest

from deskbreak.core.clock import FakeClock
from deskbreak.core.library import load_library
from deskbreak.core.machine import IllegalTransition
from deskbreak.core.movements import Phase, Routine, Step
from deskbreak.core.records import Comfort, Outcome, Trigger
from deskbreak.core.routines import duration_seconds, phases_in_order, shipped_routines
from deskbreak.core.session import TRANSITIONS, Action, BreakSession
from deskbreak.core.session_frame import State
from deskbreak.core.settings import BreathingSettings
from deskbreak.core.timeline import (
    GET_READY_SECONDS,
    SWITCH_SIDES_SECONDS,
    Segment,
    breath_pace,
    step_seconds,
)
from tests.core.session_fixtures import (
    CAT_COW,
    CAT_COW_SMALL,
    GLUTE_SQUEEZE,
    ROUTINE,
    SIDE_LIFT,
    fake_clock,
)

BREATHING = BreathingSettings(inhale_seconds=4, hold_seconds=1, exhale_seconds=6)


def run_timeline(session: BreakSession, clock: FakeClock, dt: float = 0.25) -> list[tuple]:
    """Every distinct (movement, segment, rep, side, seconds) the session passes through."""
    seen: list[tuple] = []
    while session.state is State.RUNNING:
        frame = session.tick()
        if frame.step is not None:
            key = (frame.step.movement.id, frame.segment, frame.rep, frame.side)
            if not seen or seen[-1][:4] != key:
                seen.append((*key, frame.segment_seconds))
        clock.advance(dt)
    return seen


def started(routine: Routine = ROUTINE, **kw: object) -> tuple[BreakSession, FakeClock]:
    clock = fake_clock()
    session = BreakSession(routine, BREATHING, clock, **kw)  # type: ignore[arg-type]
    session.start()
    return session, clock


# -- a whole routine -----------------------------------------------------------


def test_whole_routine_runs_its_breath_timeline_in_order() -> None:
    session, clock = started()
    timeline = run_timeline(session, clock)
    cat = [(CAT_COW.id, Segment.GET_READY, 0, None, GET_READY_SECONDS)]
    for rep in (1, 2):
        cat += [
            (CAT_COW.id, Segment.INHALE, rep, None, 4.0),
            (CAT_COW.id, Segment.HOLD, rep, None, 1.0),
            (CAT_COW.id, Segment.EXHALE, rep, None, 6.0),
        ]
    assert timeline[: len(cat)] == cat
    lift = [t for t in timeline if t[0] == SIDE_LIFT.id]
    assert [t[1] for t in lift] == [
        Segment.GET_READY,
        *[Segment.INHALE, Segment.EXHALE] * 2,
        Segment.SWITCH_SIDES,
        *[Segment.INHALE, Segment.EXHALE] * 2,
    ]
    assert session.state is State.RATING
    record = session.record()
    assert record.outcome is Outcome.COMPLETED
    assert [m.movement_id for m in record.movements] == [s.movement.id for s in ROUTINE.steps]
    assert all(m.completed for m in record.movements)
    # Moving time leaves out the get-ready before each movement.
    assert record.movements[0].seconds == 2 * (4 + 1 + 6)


def test_routine_time_left_counts_down_to_zero() -> None:
    session, clock = started()
    total = session.frame().routine_seconds
    assert session.frame().routine_left == pytest.approx(total)
    clock.advance(10)
    assert session.tick().routine_left == pytest.approx(total - 10)
    clock.advance(total)
    assert session.tick().state is State.RATING


def test_a_long_gap_completes_every_movement_at_once() -> None:
    session, clock = started()
    clock.advance(10_000)
    session.tick()
    assert session.state is State.RATING
    assert session.movements_done == len(ROUTINE.steps)


def test_figure_moves_start_to_end_on_the_exhale_and_back_on_the_inhale() -> None:
    session, clock = started(Routine("r", "r", "", (Step(CAT_COW),)))
    clock.advance(GET_READY_SECONDS + 2)  # first inhale: still at the start pose
    assert session.tick().figure_progress == 0.0
    clock.advance(3 + 3)  # middle of the first exhale
    frame = session.tick()
    assert frame.segment is Segment.EXHALE and frame.figure_progress == pytest.approx(0.5)
    clock.advance(3 + 2)  # middle of the second inhale: half-way back
    frame = session.tick()
    assert frame.segment is Segment.INHALE and frame.figure_progress == pytest.approx(0.5)


def test_count_down_is_whole_seconds() -> None:
    session, clock = started()
    clock.advance(GET_READY_SECONDS + 0.2)
    frame = session.tick()
    assert (frame.segment, frame.count_down) == (Segment.INHALE, 4)
    clock.advance(3.0)
    assert session.tick().count_down == 1


# -- operations ---------------------------------------------------------------


def test_pause_freezes_time_and_resume_continues() -> None:
    session, clock = started()
    clock.advance(5)
    before = session.pause()
    clock.advance(600)
    assert session.tick() == before
    session.resume()
    clock.advance(1)
    after = session.tick()
    assert after.routine_left == pytest.approx(before.routine_left - 1)
    assert session.toggle_pause().state is State.PAUSED
    assert session.toggle_pause().state is State.RUNNING


def test_next_and_previous_move_between_movements() -> None:
    session, clock = started()
    clock.advance(GET_READY_SECONDS + 3)
    frame = session.next()
    assert frame.step is not None and frame.step.movement is GLUTE_SQUEEZE
    assert frame.segment is Segment.GET_READY and frame.segment_left == GET_READY_SECONDS
    frame = session.previous()
    assert frame.step is not None and frame.step.movement is CAT_COW
    assert session.previous().step_index == 0  # stays on the first
    record = session.record()
    assert record.movements[0].movement_id == CAT_COW.id
    assert record.movements[0].seconds == 3 and not record.movements[0].completed


def test_next_while_paused_stays_paused() -> None:
    session, _ = started()
    session.pause()
    assert session.next().state is State.PAUSED


def test_next_on_the_last_movement_ends_the_routine() -> None:
    session, _ = started()
    for _ in ROUTINE.steps:
        session.next()
    assert session.state is State.RATING
    record = session.record()
    assert record.outcome is Outcome.COMPLETED
    assert record.movements == ()  # skipped everything; nothing was moved


def test_stop_ends_early_and_keeps_what_was_done() -> None:
    session, clock = started()
    clock.advance(step_seconds(Step(CAT_COW), BREATHING) + GET_READY_SECONDS + 4)
    session.stop()
    assert session.state is State.RATING
    record = session.record()
    assert record.outcome is Outcome.STOPPED
    assert [(m.movement_id, m.completed) for m in record.movements] == [
        (CAT_COW.id, True),
        (GLUTE_SQUEEZE.id, False),
    ]
    assert record.movements[1].seconds == 4


def test_pain_stop_stops_at_once_and_records_it() -> None:
    session, clock = started()
    clock.advance(GET_READY_SECONDS + 5)
    frame = session.pain_stop()
    assert frame.state is State.PAIN_STOPPED
    clock.advance(60)
    assert session.tick() == frame  # time stands still under the note
    record = session.record()
    assert record.outcome is Outcome.PAIN_STOP
    assert record.movements[0].pain_stop and not record.movements[0].completed
    assert record.movements[0].seconds == 5


def test_pain_stop_then_the_easier_variant() -> None:
    session, clock = started()
    clock.advance(GET_READY_SECONDS + 5)
    session.pain_stop()
    frame = session.use_easier(CAT_COW_SMALL)
    assert frame.state is State.RUNNING
    assert frame.step is not None and frame.step.variant == "easier"
    assert frame.segment is Segment.GET_READY
    clock.advance(step_seconds(Step(CAT_COW_SMALL), BREATHING))
    session.tick()
    moves = session.record().movements
    assert [(m.movement_id, m.variant, m.pain_stop, m.completed) for m in moves[:2]] == [
        (CAT_COW.id, "base", True, False),
        (CAT_COW_SMALL.id, "easier", False, True),
    ]


def test_pain_stop_then_next_or_end() -> None:
    session, clock = started()
    session.pain_stop()
    assert session.next().state is State.RUNNING
    session.pain_stop()
    assert session.stop().state is State.RATING
    assert session.record().outcome is Outcome.PAIN_STOP


def test_rating_finishes_with_comfort_and_places() -> None:
    session, _ = started()
    session.stop()
    session.rate(Comfort.SOME_DISCOMFORT, ("hips", "low back", "hips"))
    record = session.record()
    assert session.state is State.FINISHED
    assert record.comfort is Comfort.SOME_DISCOMFORT
    assert record.felt_in == ("hips", "low back")


def test_nowhere_gives_way_to_real_places_and_unknown_places_are_refused() -> None:
    session, _ = started()
    session.stop()
    with pytest.raises(ValueError, match="knees"):
        session.rate(1, ("knees",))
    session.rate(1, ("nowhere", "neck"))
    assert session.felt_in == ("neck",)


def test_close_at_any_moment_records_partial_work() -> None:
    session, clock = started(trigger=Trigger.PROMPT)
    clock.advance(GET_READY_SECONDS + 7.5)
    mid = session.record()  # a record can be taken without changing anything
    assert session.state is State.RUNNING and mid.movements[0].seconds == 7.5
    session.close()
    record = session.record()
    assert session.state is State.FINISHED
    assert record.outcome is Outcome.STOPPED and record.trigger is Trigger.PROMPT
    assert record.movements[0].seconds == 7.5
    assert record.ended > record.started
    uuid.UUID(record.id)
    assert session.close().state is State.FINISHED  # closing twice is harmless


def test_illegal_transitions_raise() -> None:
    session = BreakSession(ROUTINE, BREATHING, fake_clock())
    with pytest.raises(IllegalTransition):
        session.pause()
    with pytest.raises(IllegalTransition):
        session.rate(Comfort.FELT_GOOD)
    session.start()
    with pytest.raises(IllegalTransition):
        session.resume()
    with pytest.raises(IllegalTransition):
        session.use_easier(CAT_COW_SMALL)
    session.stop()
    with pytest.raises(IllegalTransition):
        session.next()
    assert not session.can(Action.PAUSE) and session.can(Action.RATE)


def test_every_live_state_can_close() -> None:
    closable = {state for (state, action) in TRANSITIONS if action is Action.CLOSE}
    assert closable == set(State) - {State.FINISHED}


def test_empty_routine_is_refused() -> None:
    with pytest.raises(ValueError, match="no movements"):
        BreakSession(Routine("empty", "Empty", "", ()), BREATHING, fake_clock())


def test_phases_run_in_order() -> None:
    session, clock = started()
    phases: list[Phase] = []
    while session.state is State.RUNNING:
        phase = session.tick().phase
        if phase and (not phases or phases[-1] != phase):
            phases.append(phase)
        clock.advance(1)
    assert phases == [Phase.SOFTEN, Phase.ORGANIZE, Phase.STRENGTHEN]


# -- every shipped routine ------------------------------------------------------

LIBRARY = load_library()
SHIPPED = shipped_routines(LIBRARY)


def test_the_library_ships_routines() -> None:
    assert {"quick-reset", "hips-midback", "daily-ritual"} <= set(SHIPPED)


@pytest.mark.parametrize("routine_id", sorted(SHIPPED))
@pytest.mark.parametrize("breathing", [BreathingSettings(), BreathingSettings(3, 2, 8)])
def test_every_shipped_routine_runs_to_the_end(
    routine_id: str, breathing: BreathingSettings
) -> None:
    routine = SHIPPED[routine_id]
    clock = fake_clock()
    session = BreakSession(routine, breathing, clock)
    session.start()
    spans: list[tuple[int, Segment, int, object, float]] = []
    while session.state is State.RUNNING:
        frame = session.tick()
        key = (frame.step_index, frame.segment, frame.rep, frame.side)
        if frame.segment is not None and (not spans or spans[-1][:4] != key):
            spans.append((*key, frame.segment_seconds))  # type: ignore[arg-type]
        clock.advance(0.5)
    assert session.state is State.RATING
    record = session.record()
    assert record.outcome is Outcome.COMPLETED
    assert [m.movement_id for m in record.movements] == [s.movement.id for s in routine.steps]
    assert all(m.completed for m in record.movements)
    for index, step in enumerate(routine.steps):
        pace = breath_pace(step.movement, breathing)
        mine = [s for s in spans if s[0] == index]
        kinds = [s[1] for s in mine]
        breaths = [k for k in kinds if k in (Segment.INHALE, Segment.HOLD, Segment.EXHALE)]
        cycle = [Segment.INHALE, *([Segment.HOLD] if pace.hold else []), Segment.EXHALE]
        dose = step.effective_dose
        assert breaths == cycle * (dose.count * dose.sides), step.movement.id
        seconds = {
            Segment.INHALE: pace.inhale,
            Segment.HOLD: pace.hold,
            Segment.EXHALE: pace.exhale,
        }
        assert all(s[4] == seconds[s[1]] for s in mine if s[1] in seconds)
        if step.movement.phase is Phase.STRENGTHEN:
            assert Segment.HOLD not in kinds, f"{step.movement.id} holds the breath"
    # The routine lasts what `deskbreak routines` says, plus the pauses to switch sides.
    switches = sum(1 for s in routine.steps if s.effective_dose.per_side)
    expected = duration_seconds(routine, breathing) + switches * SWITCH_SIDES_SECONDS
    assert session.frame().routine_seconds == pytest.approx(expected)
    assert phases_in_order(routine)
