"""Active time: the seconds a break has spent running, banked across its pauses.

Everything a break window shows is looked up by active time, not by the clock, so a pause
or a pain note stops the routine exactly where it was, and a movement's place is counted
from the active second its step began. Kept apart from the session so that this one rule —
monotonic time only moves forward, and only a run adds to the bank — sits in one place.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class ActiveTime:
    now: float  # the latest monotonic time seen; never goes back
    banked: float = 0.0  # active seconds banked before the current run
    run_from: float | None = None  # monotonic time the current run began; None when stopped
    step_from: float = 0.0  # active seconds at which the current step began

    @property
    def seconds(self) -> float:
        """Active seconds up to ``now``."""
        if self.run_from is None:
            return self.banked
        return self.banked + (self.now - self.run_from)

    @property
    def in_step(self) -> float:
        """Active seconds since the current step began."""
        return self.seconds - self.step_from

    def advance(self, now: float) -> None:
        self.now = max(now, self.now)

    def run(self, now: float) -> None:
        """Start (or restart) running at ``now``."""
        self.run_from = self.now = now

    def stop(self) -> None:
        """Bank the run so far; time passing no longer counts."""
        self.banked = self.seconds
        self.run_from = None

    def new_step(self, running: bool) -> None:
        """A step begins at ``now``; the time runs on from there only if ``running``."""
        self.stop()
        if running:
            self.run(self.now)
        self.step_from = self.banked
