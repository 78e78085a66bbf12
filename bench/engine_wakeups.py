"""How often the daemon wakes: an idle hour, a working hour and a night, on a FakeClock.

Goal (issue 3): no more than one wake per idle sample plus the scheduled jobs. Also prints
what a simulated workday costs in real time. Figures only, no assertions.

    .venv/bin/python bench/engine_wakeups.py
"""

from __future__ import annotations

import time as systime
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from deskbreak.core.clock import FakeClock
from deskbreak.core.settings import Settings
from deskbreak.engine.break_engine import BreakEngine

BERLIN = ZoneInfo("Europe/Berlin")


@dataclass
class Desk:
    """An idle source: the user types when ``typing`` is set, else input stops."""

    clock: FakeClock
    typing: bool = False
    last_input: float = 0.0
    name: str = "bench"
    samples: int = 0

    def idle_seconds(self) -> float:
        self.samples += 1
        if self.typing:
            self.last_input = self.clock.monotonic()
        return self.clock.monotonic() - self.last_input

    def close(self) -> None:
        pass


def run(
    start: datetime, hours: float, typing: bool, answer_prompts: bool = False
) -> dict[str, float]:
    clock = FakeClock(start, tz=BERLIN)
    desk = Desk(clock, typing=typing)
    events: list[object] = []
    daemon = BreakEngine(clock, desk, None, Settings(), events.append)
    end = start.astimezone(UTC) + timedelta(hours=hours)
    wakes = 0
    began = systime.perf_counter()
    while clock.now().astimezone(UTC) < end:
        sleep = daemon.wake()
        wakes += 1
        if answer_prompts and daemon.status().state.value == "prompted":
            daemon.take_break()
            clock.advance(300)
            daemon.break_finished(completed=True)
            continue
        clock.advance(sleep)
    cost = systime.perf_counter() - began
    return {
        "wakes": wakes,
        "samples": desk.samples,
        "sample_interval": daemon.sample_interval,
        "events": len(events),
        "cpu_ms": cost * 1000,
    }


def main() -> None:
    monday = datetime(2026, 3, 2, 10, 0, tzinfo=BERLIN)
    interval = BreakEngine(FakeClock(monday), None, None, Settings(), print).sample_interval
    goal = 3600 / interval
    print(f"idle sample interval: {interval:.0f} s -> goal: <= {goal:.0f} wakes/hour + jobs")
    print(f"{'scenario':42} {'wakes':>6} {'samples':>8} {'events':>7} {'cpu ms':>8}")
    cases = [
        ("idle hour in work hours (user away)", monday, 1, False, False),
        ("working hour (typing, prompt ignored)", monday, 1, True, False),
        ("working hour (typing, breaks taken)", monday, 1, True, True),
        ("night 18:00-08:00 (off hours)", monday.replace(hour=18), 14, False, False),
        ("weekend Sat 00:00 - Mon 00:00", datetime(2026, 3, 7, tzinfo=BERLIN), 48, False, False),
        ("whole workday 00:00-24:00, typing 24 h", monday.replace(hour=0), 24, True, True),
    ]
    for label, start, hours, typing, answer in cases:
        r = run(start, hours, typing, answer)
        print(
            f"{label:42} {r['wakes']:6.0f} {r['samples']:8.0f} {r['events']:7.0f} {r['cpu_ms']:8.1f}"
            f"   ({r['wakes'] / hours:.1f} wakes/h)"
        )


if __name__ == "__main__":
    main()
