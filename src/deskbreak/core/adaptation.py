"""How the log changes what is offered: pure rules over past sessions, dated by ``today``.

Pain (what the summary promises is exactly what these rules do):

- A pain stop, or a "Sharp pain" rating at the end of a break, counts as pain on the
  movements done (narrowed to where the user felt it, when they said). For the next 14 days
  the movement is offered at its easier variant (a similar movement of the same phase if it
  has none there); back at the usual version it builds up again from the start.
- Two pains on one movement within 14 days, or pain on its easier version, take it out of
  the rotation until the adaptations are reset, with the see-a-clinician advice.
- "Some discomfort" with a place ("low back", "neck" …) offers the movements done that load
  that place at their easier variant for a week (not counted as pain).
- Pain on three different movements within 7 days: see-a-clinician advice
  (:func:`pain_advice`).

Progression lives in :mod:`deskbreak.core.progression`; skipping demotes (offered later).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta

from deskbreak.core.adaptation_data import (
    PAIN_DAYS,
    Adaptation,
    Done,
    base_id,
    by_movement,
)
from deskbreak.core.library import Library
from deskbreak.core.movements import Movement, Region
from deskbreak.core.progression import progressions
from deskbreak.core.records import Comfort, SessionRecord

REPEAT_PAIN_DAYS = 14  # a second pain this soon takes the movement out of rotation
DISCOMFORT_DAYS = 7
SPREAD_DAYS = 7  # pain on this many different movements within SPREAD_DAYS: get checked
SPREAD_MOVEMENTS = 3
SKIP_WINDOW = 6

CLINICIAN = (
    "Please see a clinician (a doctor or physiotherapist) before doing it again; "
    "until then deskbreak leaves it out."
)
SPREAD_ADVICE = (
    "Pain on {count} different movements this week: please see a clinician (a doctor or "
    "physiotherapist) before pushing on. Stop at once and get urgent care for the warning signs."
)

# Where the comfort check says it was felt → the movements that load that place.
PLACE_REGIONS: Mapping[str, frozenset[Region]] = {
    "hips": frozenset({Region.HIPS, Region.GLUTES}),
    "mid-back": frozenset({Region.MID_BACK}),
    "neck": frozenset({Region.NECK}),
    "legs": frozenset({Region.HIPS, Region.GLUTES, Region.FEET}),
}
# Loaded flexion and extension of the low back: offered less after pain felt there.
LOW_BACK = frozenset(
    {
        "seated-pelvic-tilt",
        "seated-cat-cow",
        "desk-cat-cow",
        "chair-back-extension",
        "upper-back-lift",
        "seated-knee-hug",
        "hip-hinge",
        "desk-squat",
        "sit-to-stand",
        "split-squat",
        "wall-sit",
        "desk-bird-dog",
        "desk-plank",
        "seated-lean-back",
        "y-raise",
        "glute-bridge",
        "desk-push-up",
    }
)


def adaptations(
    records: Iterable[SessionRecord],
    library: Library,
    today: date,
    since: Mapping[str, datetime] | None = None,
) -> dict[str, Adaptation]:
    """Adaptations by base movement id, from the log (any order; sessions after ``today``
    are ignored, so the same log always gives the same answer for a day). ``since`` maps a
    movement id to the moment its progression was undone: earlier sessions don't count
    toward its progression."""
    kept = [r for r in records if r.started.date() <= today]
    grouped = by_movement(kept, library)
    out: dict[str, Adaptation] = {}
    for movement in library.base_movements():
        found = _pain_rule(movement, grouped.get(movement.id, []), library, today)
        if found is not None:
            out[movement.id] = found
    for movement_id, step in progressions(kept, library, today, out, since or {}).items():
        out[movement_id] = step
    for movement in library.base_movements():
        items = grouped.get(movement.id, [])[-SKIP_WINDOW:]
        skipped = sum(1 for _, m in items if not m.completed)
        if len(items) >= 3 and skipped * 2 >= len(items):
            current = out.get(movement.id)
            if current is None:
                out[movement.id] = Adaptation(
                    movement.id,
                    "base",
                    movement.id,
                    f"Skipped {skipped} of the last {len(items)} times; offered later in the order.",
                    demoted=True,
                )
            else:
                out[movement.id] = _with(current, demoted=True)
    return out


def _with(adaptation: Adaptation, **changes: object) -> Adaptation:
    return replace(adaptation, **changes)  # type: ignore[arg-type]


def felt_there(session: SessionRecord, movement: Movement) -> bool:
    """True if the place the user named is one this movement loads (any, if none named)."""
    places = [p for p in session.felt_in if p != "nowhere"]
    if not places:
        return True
    for place in places:
        if place == "low back" and movement.id in LOW_BACK:
            return True
        if set(movement.regions) & PLACE_REGIONS.get(place, frozenset()):
            return True
    return False


def is_pain(item: Done, movement: Movement) -> bool:
    """A pain stop, or a "Sharp pain" rating of a break this movement was done in."""
    session, record = item
    if record.pain_stop:
        return True
    return (
        session.comfort is Comfort.SHARP_PAIN
        and record.seconds > 0
        and felt_there(session, movement)
        and "nowhere" not in session.felt_in
    )


def _discomfort(item: Done, movement: Movement) -> bool:
    session, record = item
    named = [p for p in session.felt_in if p != "nowhere"]
    return (
        session.comfort is Comfort.SOME_DISCOMFORT
        and record.seconds > 0
        and bool(named)
        and felt_there(session, movement)
    )


def _pain_rule(
    movement: Movement, items: Sequence[Done], library: Library, today: date
) -> Adaptation | None:
    pains = [(s.started.date(), m.variant) for s, m in items if is_pain((s, m), movement)]
    for (earlier, _), (later, _) in zip(pains, pains[1:], strict=False):
        if (later - earlier).days <= REPEAT_PAIN_DAYS:
            return _out(movement, f"Pain on {earlier:%d %b} and again on {later:%d %b}.", later)
    easier_pain = [day for day, variant in pains if variant == "easier"]
    if easier_pain:
        day = easier_pain[-1]
        return _out(movement, f"Pain on {day:%d %b} even at its easier version.", day)
    if pains:
        last = pains[-1][0]
        until = last + timedelta(days=PAIN_DAYS)
        if today < until:
            return _eased(movement, library, f"Stopped for pain on {last:%d %b}", last, until)
        return Adaptation(
            movement.id,
            "base",
            movement.id,
            f"Stopped for pain on {last:%d %b}; back to the usual version, building up again "
            "slowly.",
            since=last,
        )
    felt = [s.started.date() for s, m in items if _discomfort((s, m), movement)]
    if felt and today < felt[-1] + timedelta(days=DISCOMFORT_DAYS):
        day = felt[-1]
        return _eased(
            movement, library, f"Discomfort felt there on {day:%d %b}", day, day + timedelta(7)
        )
    return None


def _out(movement: Movement, what: str, day: date) -> Adaptation:
    return Adaptation(movement.id, "out", None, f"{what} {CLINICIAN}", since=day, clinician=True)


def _eased(movement: Movement, library: Library, why: str, day: date, until: date) -> Adaptation:
    easier = library.easier(movement)
    if easier is None or easier.phase is not movement.phase:
        return Adaptation(
            movement.id,
            "omit",
            None,
            f"{why}; a similar, gentler movement instead until {until:%d %b}.",
            until,
            since=day,
        )
    return Adaptation(
        movement.id,
        "easier",
        easier.id,
        f"{why}; “{easier.name}” instead until {until:%d %b}.",
        until,
        since=day,
    )


def pain_advice(records: Iterable[SessionRecord], library: Library, today: date) -> str | None:
    """The see-a-clinician advice when pain came up on three different movements in a week."""
    start = today - timedelta(days=SPREAD_DAYS - 1)
    hurt: set[str] = set()
    for movement_id, items in by_movement(records, library).items():
        movement = library.get(movement_id)
        if movement is None:
            continue
        if any(start <= s.started.date() <= today and is_pain((s, m), movement) for s, m in items):
            hurt.add(movement_id)
    if len(hurt) >= SPREAD_MOVEMENTS:
        return SPREAD_ADVICE.format(count=len(hurt))
    return None


def next_time_lines(
    session: SessionRecord, found: Mapping[str, Adaptation], library: Library
) -> list[str]:
    """What the next breaks will really do because of this one, for the summary."""
    day = session.started.date()
    lines = []
    for movement_id in dict.fromkeys(base_id(library, m.movement_id) for m in session.movements):
        adaptation = found.get(movement_id)
        movement = library.get(movement_id)
        if adaptation is None or movement is None or adaptation.since != day:
            continue
        if adaptation.pain_stop:
            lines.append(f"{movement.name}: {adaptation.reason}")
    return lines


__all__ = ["PAIN_DAYS", "Adaptation", "Done", "adaptations", "base_id", "by_movement"]
