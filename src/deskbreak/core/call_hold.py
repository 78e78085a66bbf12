"""A call holds a due prompt — never drops it — until it ends and a grace period has passed.

Kept apart from :class:`~deskbreak.core.policy.BreakPolicy` because it is its own small memory
(is a call on, when did the last one end) with one rule, read against the monotonic clock:
people often stay in their seat for a minute after hanging up, and a prompt the second a call
ends feels like it was waiting to pounce.
"""

from __future__ import annotations

from dataclasses import dataclass

from deskbreak.core.context import CALL_GRACE_SECONDS


@dataclass
class CallHold:
    in_call: bool = False
    ended_at: float | None = None  # monotonic time the last call was seen to end

    def note(self, mono: float, in_call: bool) -> None:
        """Record what a sample says about a call; an end is timed at the first sample without."""
        if in_call:
            self.in_call, self.ended_at = True, None
        elif self.in_call:
            self.in_call, self.ended_at = False, mono

    def holds(self, mono: float) -> bool:
        """A call is on, or ended less than the grace period ago."""
        return self.in_call or (
            self.ended_at is not None and mono < self.ended_at + CALL_GRACE_SECONDS
        )

    def release_at(self) -> float | None:
        """When the hold of a call that has ended runs out; None during a call or without one."""
        if self.in_call or self.ended_at is None:
            return None
        return self.ended_at + CALL_GRACE_SECONDS
