"""`deskbreak routines`: list the routines, or show one movement by movement."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from deskbreak.commands import UsageError
from deskbreak.core import words

if TYPE_CHECKING:  # imported when run, so other commands start without them
    from deskbreak.core.movements import Movement, Routine, Step
    from deskbreak.core.settings import BreathingSettings


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "routines",
        parents=[common],
        help="list the routines, or show one.",
        description="list the routines, or show one with every movement's cues and breathing.",
    )
    parser.add_argument("action", nargs="?", choices=["show"], help="show one routine")
    parser.add_argument("routine_id", nargs="?", metavar="ID", help="the routine to show")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from deskbreak.core.library import load_library
    from deskbreak.core.routines import shipped_routines

    breathing = _breathing(args)
    library = load_library()
    for problem in library.problems:
        print(f"deskbreak: {problem}", file=sys.stderr)
    routines = shipped_routines(library)
    if args.action is None:
        print(list_text(routines, breathing))
        return 0
    routine = routines.get(args.routine_id or "")
    if routine is None:
        known = ", ".join(routines)
        raise UsageError(f"no routine called {args.routine_id!r}; choose one of: {known}.")
    print(show_text(routine, breathing))
    return 0


def _breathing(args: argparse.Namespace) -> BreathingSettings:
    from deskbreak.core.settings import BreathingSettings

    try:
        from deskbreak.commands import context

        return context.load(args, report=False).config.settings.breathing
    except Exception:  # the listing must work even with an unreadable config
        return BreathingSettings()


def _length(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes}:{secs:02d}"


def list_text(routines: dict[str, Routine], breathing: BreathingSettings) -> str:
    from deskbreak.core.routines import PHASE_ORDER, duration_seconds

    rows = [("ID", "NAME", "LENGTH", "PHASES", "REGIONS")]
    for routine in routines.values():
        phases = [p.value for p in PHASE_ORDER if any(s.movement.phase is p for s in routine.steps)]
        regions = sorted({r.value for s in routine.steps for r in s.movement.regions})
        rows.append(
            (
                routine.id,
                routine.name,
                _length(duration_seconds(routine, breathing)),
                " → ".join(phases),
                ", ".join(regions),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [
        "  ".join(cell.ljust(widths[i]) if i < 4 else cell for i, cell in enumerate(row)).rstrip()
        for row in rows
    ]
    lines.append("\nRun 'deskbreak routines show ID' to see every movement.")
    return "\n".join(lines)


def _dose_text(step: Step) -> str:
    dose = step.effective_dose
    sides = " each side" if dose.per_side else ""
    if dose.kind == "hold":
        return f"hold for {words.count(dose.count, 'slow breath')}{sides}"
    return f"{words.count(dose.count, 'rep')}{sides}, one per breath"


def _breath_lines(movement: Movement, breathing: BreathingSettings) -> list[str]:
    """Both halves of the breath on their own line, with their seconds; soften moves say
    they follow the user's own pace (set in Settings)."""
    from deskbreak.core.routines import breath_seconds

    inhale, hold, exhale = breath_seconds(movement, breathing)
    pace = ", your pace" if movement.breath.inhale_seconds is None else ""
    pause = f", then pause {hold:g} s" if hold else ""
    return [
        f"Breathe in  ({inhale:g} s{pause}{pace}): {movement.breath.inhale}",
        f"Breathe out ({exhale:g} s{pace}): {movement.breath.exhale}",
    ]


def show_text(routine: Routine, breathing: BreathingSettings) -> str:
    from deskbreak.core.routines import duration_seconds

    lines = [
        f"{routine.name} ({routine.id}) — about {_length(duration_seconds(routine, breathing))}",
        routine.summary,
    ]
    phase = None
    for number, step in enumerate(routine.steps, 1):
        movement = step.movement
        if movement.phase is not phase:
            phase = movement.phase
            lines += ["", f"── {phase.value.capitalize()} ──"]
        pad = " " * len(f"{number}. ")
        length = _length(duration_seconds(step, breathing))
        lines += [
            "",
            f"{number}. {movement.name} — {_dose_text(step)} ({length})",
            f"{pad}{movement.purpose}",
            *(f"{pad}• {cue}" for cue in movement.cues),
            *(f"{pad}{line}" for line in _breath_lines(movement, breathing)),
            f"{pad}Effort: {movement.effort}",
        ]
        lines += [f"{pad}Caution: {c}" for c in movement.cautions]
    return "\n".join(lines)
