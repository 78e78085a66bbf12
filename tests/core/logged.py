"""Logged breaks for the adaptation and routine-choice tests: one factory, one day apart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from deskbreak.core.records import Comfort, MovementRecord, Outcome, SessionRecord, Trigger

DAY0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


def logged_break(
    n: int,
    movement: str,
    *,
    pain: bool = False,
    routine_id: str = "quick-reset",
    trigger: Trigger = Trigger.PROMPT,
) -> SessionRecord:
    """Day ``n`` after DAY0: one movement done (felt good), or stopped for pain."""
    started = DAY0 + timedelta(days=n)
    return SessionRecord(
        id=f"s{n}-{movement}",
        started=started,
        ended=started + timedelta(minutes=3),
        routine_id=routine_id,
        trigger=trigger,
        outcome=Outcome.PAIN_STOP if pain else Outcome.COMPLETED,
        movements=(MovementRecord(movement, "base", not pain, 30.0, pain_stop=pain),),
        comfort=None if pain else Comfort.FELT_GOOD,
    )
