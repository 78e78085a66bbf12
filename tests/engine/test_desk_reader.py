"""DeskReader: the desktop is asked only when the answer matters; failures read as "no"."""

from __future__ import annotations

from datetime import datetime

from deskbreak.core.clock import FakeClock
from deskbreak.core.settings import Settings
from deskbreak.engine.context_watch import ContextWatch
from deskbreak.engine.desk_reader import DeskFacts, DeskReader
from deskbreak.idle.base import CALL
from tests.core.activity import FakeProbe, ScriptedFact

SETTINGS = Settings()
RESET = SETTINGS.breaks.idle_reset_minutes * 60.0


def make(probe: FakeProbe | None = None) -> tuple[DeskReader, ScriptedFact]:
    clock = FakeClock(datetime(2026, 3, 2, 10, 0).astimezone())
    call = ScriptedFact(clock, CALL)
    call.on_for(3600)
    return DeskReader(probe, ContextWatch([call])), call


def test_the_context_is_asked_only_near_a_prompt_or_a_long_gap() -> None:
    desk, call = make()
    quiet = desk.read(1.0, 5.0, SETTINGS, near_prompt=False, sample_interval=60.0)
    assert quiet == DeskFacts() and call.calls == 0
    near = desk.read(1.0, 5.0, SETTINGS, near_prompt=True, sample_interval=60.0)
    assert near.context.in_call
    gap = desk.read(2.0, RESET - 30.0, SETTINGS, near_prompt=False, sample_interval=60.0)
    assert gap.context.in_call


def test_a_locked_screen_outweighs_the_context_and_full_screen_needs_a_near_prompt() -> None:
    desk, call = make(FakeProbe(fullscreen=True, locked=True))
    facts = desk.read(1.0, 5.0, SETTINGS, near_prompt=True, sample_interval=60.0)
    assert facts.locked and facts.dnd and not facts.context.in_call and call.calls == 0
    far = desk.read(1.0, 5.0, SETTINGS, near_prompt=False, sample_interval=60.0)
    assert not far.dnd


class BrokenProbe(FakeProbe):
    def fullscreen_active(self) -> bool:
        raise OSError("the X server went away")


def test_a_probe_that_fails_reads_as_no() -> None:
    desk, _ = make(BrokenProbe(locked=True))
    facts = desk.read(1.0, 5.0, SETTINGS, near_prompt=True, sample_interval=60.0)
    assert not facts.dnd and not facts.locked
