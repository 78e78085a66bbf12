"""What the progress figures need from the log, already grouped: one row per active day.

The store aggregates in SQL (one row per active day, seconds per movement) so ten years of
breaks answer in milliseconds; :func:`summarize` builds the same :class:`LogSummary` from
plain records, for tests and for entries still waiting in memory, and :func:`merge` adds the
two. Kept apart from :mod:`deskbreak.core.stats` so the store can build and merge summaries
without loading the figures' code.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from deskbreak.core.records import Comfort, DaySitting, Outcome, SessionRecord, Trigger

RITUAL_ROUTINE = "daily-ritual"


@dataclass(frozen=True)
class DayActivity:
    """The breaks of one local day. ``moved``: at least one movement was completed, which
    is what makes the day count toward the weekly goal and the streaks (a break skipped
    through with 0 of 4 movements done does not)."""

    day: date
    breaks: int
    seconds_moving: float
    moved: bool = True


@dataclass(frozen=True)
class ComfortRating:
    """The comfort check of a session that included ``movement_id``."""

    movement_id: str
    day: date
    comfort: Comfort


@dataclass(frozen=True)
class LogSummary:
    """What the stats need from the log, already grouped; cheap to build in SQL."""

    days: tuple[DayActivity, ...] = ()  # one per day with at least one break, sorted
    movement_seconds: Mapping[str, float] | None = None  # seconds moved per movement id
    sittings: tuple[DaySitting, ...] = ()
    ratings: tuple[ComfortRating, ...] = ()  # oldest first
    prompts: Prompts | None = None  # summed in SQL; None: sum ``sittings``
    ritual_days: tuple[date, ...] = ()  # days with a completed daily ritual, sorted


@dataclass(frozen=True)
class Prompts:
    shown: int
    accepted: int
    snoozed: int
    skipped: int


def summarize(sessions: Iterable[SessionRecord], sittings: Iterable[DaySitting] = ()) -> LogSummary:
    """Group plain records the way the store's SQL does."""
    breaks: dict[date, int] = defaultdict(int)
    seconds: dict[date, float] = defaultdict(float)
    moved: set[date] = set()
    per_movement: dict[str, float] = defaultdict(float)
    ratings: list[tuple[object, ComfortRating]] = []
    rituals: set[date] = set()
    for s in sessions:
        day = s.started.date()
        if is_ritual(s):
            rituals.add(day)
        breaks[day] += 1
        if any(m.completed for m in s.movements):
            moved.add(day)
        seconds[day] += s.seconds_moving
        for m in s.movements:
            per_movement[m.movement_id] += m.seconds
        if s.comfort is not None:
            for mid in dict.fromkeys(m.movement_id for m in s.movements):
                ratings.append((s.started, ComfortRating(mid, day, s.comfort)))
    ratings.sort(key=lambda pair: str(pair[0]))
    return LogSummary(
        days=tuple(DayActivity(d, breaks[d], seconds[d], d in moved) for d in sorted(breaks)),
        movement_seconds=dict(per_movement),
        sittings=tuple(sorted(sittings, key=lambda d: d.day)),
        ratings=tuple(r for _, r in ratings),
        ritual_days=tuple(sorted(rituals)),
    )


def is_ritual(session: SessionRecord) -> bool:
    """A completed daily ritual: from its reminder, or the ritual routine however started."""
    ritual = session.trigger is Trigger.RITUAL or session.routine_id == RITUAL_ROUTINE
    return ritual and session.outcome is Outcome.COMPLETED


def prompt_totals(sittings: Iterable[DaySitting]) -> Prompts:
    rows = list(sittings)
    return Prompts(
        shown=sum(d.prompts_shown for d in rows),
        accepted=sum(d.prompts_accepted for d in rows),
        snoozed=sum(d.prompts_snoozed for d in rows),
        skipped=sum(d.prompts_skipped for d in rows),
    )


def merge(a: LogSummary, b: LogSummary) -> LogSummary:
    """``a`` plus ``b`` (entries still waiting in memory); ``b``'s sitting figures win."""
    days: dict[date, tuple[int, float, bool]] = {}
    for d in (*a.days, *b.days):
        n, s, moved = days.get(d.day, (0, 0.0, False))
        days[d.day] = (n + d.breaks, s + d.seconds_moving, moved or d.moved)
    seconds = dict(a.movement_seconds or {})
    for k, v in (b.movement_seconds or {}).items():
        seconds[k] = seconds.get(k, 0.0) + v
    sittings = {d.day: d for d in (*a.sittings, *b.sittings)}
    return LogSummary(
        days=tuple(DayActivity(d, *days[d]) for d in sorted(days)),
        movement_seconds=seconds,
        sittings=tuple(sittings[d] for d in sorted(sittings)),
        ratings=a.ratings + b.ratings,
        prompts=_add_prompts(a, b),
        ritual_days=tuple(sorted(set(a.ritual_days) | set(b.ritual_days))),
    )


def _add_prompts(a: LogSummary, b: LogSummary) -> Prompts | None:
    """Prompt counts of both, without counting twice a day that ``b`` replaces."""
    if a.prompts is None and b.prompts is None:
        return None
    replaced = [d for d in a.sittings if d.day in {x.day for x in b.sittings}]
    parts = (
        a.prompts or prompt_totals(a.sittings),
        b.prompts or prompt_totals(b.sittings),
        prompt_totals(replaced),
    )
    signs = (1, 1, -1)
    return Prompts(
        *(
            sum(sign * getattr(p, f) for sign, p in zip(signs, parts, strict=True))
            for f in ("shown", "accepted", "snoozed", "skipped")
        )
    )
