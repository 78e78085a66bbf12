"""A call holds a prompt while it is on and for the grace period after it ends."""

from __future__ import annotations

from deskbreak.core.call_hold import CallHold
from deskbreak.core.context import CALL_GRACE_SECONDS


def test_no_call_seen_holds_nothing() -> None:
    hold = CallHold()
    hold.note(10.0, in_call=False)
    assert not hold.holds(10.0)
    assert hold.release_at() is None


def test_a_call_holds_while_on_and_for_the_grace_after_it_ends() -> None:
    hold = CallHold()
    hold.note(10.0, in_call=True)
    assert hold.holds(10_000.0) and hold.release_at() is None
    hold.note(100.0, in_call=False)
    hold.note(130.0, in_call=False)  # a later sample does not move the end
    assert hold.release_at() == 100.0 + CALL_GRACE_SECONDS
    assert hold.holds(100.0 + CALL_GRACE_SECONDS - 1)
    assert not hold.holds(100.0 + CALL_GRACE_SECONDS)


def test_a_new_call_forgets_the_last_end() -> None:
    hold = CallHold()
    hold.note(0.0, in_call=True)
    hold.note(5.0, in_call=False)
    hold.note(6.0, in_call=True)
    assert hold.ended_at is None and hold.holds(5.0 + CALL_GRACE_SECONDS + 1)
