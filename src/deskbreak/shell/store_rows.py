"""How log records become rows and back: the SQL the store runs, kept apart from its fault handling."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from deskbreak.core.records import (
    Comfort,
    DaySitting,
    MovementRecord,
    Outcome,
    SessionRecord,
    Trigger,
)

if TYPE_CHECKING:
    from deskbreak.core import log_summary

_COMFORT = {int(c): c for c in Comfort}  # a dict look-up is ten times cheaper than Comfort(n)
DAY_COLUMNS = (
    "day, sitting_seconds, longest_spell_seconds, natural_breaks, prompts_shown, "
    "prompts_accepted, prompts_snoozed, prompts_skipped"
)


def insert_session(conn: sqlite3.Connection, s: SessionRecord) -> int:
    cursor = conn.execute(
        "INSERT OR IGNORE INTO sessions (id, started, ended, routine, trigger, outcome, day,"
        " seconds_moving) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            s.id,
            s.started.isoformat(),
            s.ended.isoformat(),
            s.routine_id,
            str(s.trigger),
            str(s.outcome),
            s.started.date().isoformat(),
            s.seconds_moving,
        ),
    )
    if cursor.rowcount == 0:
        return 0  # already logged: an import or a retry
    conn.executemany(
        "INSERT INTO session_movements (session_id, position, movement_id, variant, completed,"
        " seconds, pain_stop) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (s.id, i, m.movement_id, m.variant, int(m.completed), m.seconds, int(m.pain_stop))
            for i, m in enumerate(s.movements)
        ],
    )
    if s.comfort is not None or s.felt_in:
        conn.execute(
            "INSERT INTO comfort (session_id, rating, felt_in) VALUES (?, ?, ?)",
            (s.id, None if s.comfort is None else int(s.comfort), json.dumps(list(s.felt_in))),
        )
    return 1


def day_values(d: DaySitting) -> tuple[object, ...]:
    return (
        d.day.isoformat(),
        d.sitting_seconds,
        d.longest_spell_seconds,
        d.natural_breaks,
        d.prompts_shown,
        d.prompts_accepted,
        d.prompts_snoozed,
        d.prompts_skipped,
    )


def upsert_day(conn: sqlite3.Connection, d: DaySitting) -> None:
    conn.execute(
        f"INSERT OR REPLACE INTO day_sitting ({DAY_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)",
        day_values(d),
    )


def insert_day_if_new(conn: sqlite3.Connection, d: DaySitting) -> int:
    cursor = conn.execute(
        f"INSERT OR IGNORE INTO day_sitting ({DAY_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)",
        day_values(d),
    )
    return cursor.rowcount


def day_from_row(row: tuple[object, ...]) -> DaySitting:
    day, sitting, longest, natural, shown, accepted, snoozed, skipped = row
    return DaySitting(
        date.fromisoformat(str(day)),
        float(sitting),  # type: ignore[arg-type]
        float(longest),  # type: ignore[arg-type]
        int(natural),  # type: ignore[call-overload]
        int(shown),  # type: ignore[call-overload]
        int(accepted),  # type: ignore[call-overload]
        int(snoozed),  # type: ignore[call-overload]
        int(skipped),  # type: ignore[call-overload]
    )


def select_sessions(conn: sqlite3.Connection, since: date | None) -> list[SessionRecord]:
    start = (since or date.min).isoformat()
    movements: dict[str, list[MovementRecord]] = {}
    for sid, mid, variant, completed, seconds, pain in conn.execute(
        "SELECT m.session_id, m.movement_id, m.variant, m.completed, m.seconds, m.pain_stop"
        " FROM session_movements m JOIN sessions s ON s.id = m.session_id"
        " WHERE s.day >= ? ORDER BY m.session_id, m.position",
        (start,),
    ):
        movements.setdefault(sid, []).append(
            MovementRecord(mid, variant, bool(completed), seconds, bool(pain))
        )
    out = []
    for sid, started, ended, routine, trigger, outcome, rating, felt in conn.execute(
        "SELECT s.id, s.started, s.ended, s.routine, s.trigger, s.outcome, c.rating, c.felt_in"
        " FROM sessions s LEFT JOIN comfort c ON c.session_id = s.id"
        " WHERE s.day >= ? ORDER BY s.started, s.id",
        (start,),
    ):
        out.append(
            SessionRecord(
                id=sid,
                started=_aware(started),
                ended=_aware(ended),
                routine_id=routine,
                trigger=Trigger(trigger),
                outcome=Outcome(outcome),
                movements=tuple(movements.get(sid, ())),
                comfort=None if rating is None else Comfort(rating),
                felt_in=tuple(json.loads(felt)) if felt else (),
            )
        )
    return out


def select_summary(
    conn: sqlite3.Connection, today: date, ratings_since: date
) -> log_summary.LogSummary:
    from deskbreak.core import log_summary  # loaded with the first summary, not at start-up

    """Read the running totals (see schema v3): a few thousand rows for ten years."""
    moved_days = {
        day
        for (day,) in conn.execute(
            "SELECT DISTINCT s.day FROM sessions s JOIN session_movements m"
            " ON m.session_id = s.id WHERE m.completed = 1"
        )
    }
    days = tuple(
        log_summary.DayActivity(date.fromisoformat(day), n, seconds, day in moved_days)
        for day, n, seconds in conn.execute(
            "SELECT day, breaks, seconds_moving FROM day_totals WHERE breaks > 0 ORDER BY day"
        )
    )
    per_movement = dict(conn.execute("SELECT movement_id, seconds FROM movement_totals"))
    sittings = tuple(
        map(
            day_from_row,
            conn.execute(
                f"SELECT {DAY_COLUMNS} FROM day_sitting WHERE day >= ? ORDER BY day",
                ((today - timedelta(days=7)).isoformat(),),
            ),
        )
    )
    shown, accepted, snoozed, skipped = conn.execute(
        "SELECT TOTAL(prompts_shown), TOTAL(prompts_accepted), TOTAL(prompts_snoozed),"
        " TOTAL(prompts_skipped) FROM day_sitting"
    ).fetchone()
    ratings, seen = [], set()
    for sid, mid, day, rating in conn.execute(
        "SELECT s.id, m.movement_id, s.day, c.rating FROM sessions s"
        " JOIN comfort c ON c.session_id = s.id JOIN session_movements m ON m.session_id = s.id"
        " WHERE s.day >= ? AND c.rating IS NOT NULL ORDER BY s.started, s.id, m.position",
        (ratings_since.isoformat(),),
    ):
        if (sid, mid) not in seen:  # a movement done twice in one break is rated once
            seen.add((sid, mid))
            ratings.append(
                log_summary.ComfortRating(mid, date.fromisoformat(day), _COMFORT[rating])
            )
    rituals = tuple(
        date.fromisoformat(day)
        for (day,) in conn.execute(
            "SELECT DISTINCT day FROM sessions WHERE day >= ? AND outcome = 'completed'"
            " AND (trigger = 'ritual' OR routine = ?) ORDER BY day",
            ((today - timedelta(days=7)).isoformat(), log_summary.RITUAL_ROUTINE),
        )
    )
    return log_summary.LogSummary(
        days,
        per_movement,
        sittings,
        tuple(ratings),
        prompts=log_summary.Prompts(int(shown), int(accepted), int(snoozed), int(skipped)),
        ritual_days=rituals,
    )


def _aware(stamp: str) -> datetime:
    """A stored time; one an older deskbreak imported without an offset is local time."""
    moment = datetime.fromisoformat(stamp)
    return moment if moment.tzinfo is not None else moment.astimezone()
