"""Why a due prompt waits: a call before do-not-disturb before the work hours."""

from __future__ import annotations

from deskbreak.core.policy_events import DND, IN_CALL, OFF_HOURS, wait_reason


def test_the_strongest_reason_is_given() -> None:
    assert wait_reason(call=True, dnd=True, off_hours=True) == IN_CALL
    assert wait_reason(call=False, dnd=True, off_hours=True) == DND
    assert wait_reason(call=False, dnd=False, off_hours=True) == OFF_HOURS


def test_no_reason_means_the_prompt_need_not_wait() -> None:
    assert wait_reason(call=False, dnd=False, off_hours=False) is None
