"""`deskbreak routines`: list the routines, show one movement by movement, or check the
user's own ``routines.toml``."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import TYPE_CHECKING, Any

from deskbreak.commands import UsageError
from deskbreak.core import words

if TYPE_CHECKING:  # imported when run, so other commands start without them
    from deskbreak.core.library import Library
    from deskbreak.core.movements import Movement, Routine, Step
    from deskbreak.core.settings import BreathingSettings, Settings
    from deskbreak.shell.paths import AppPaths
    from deskbreak.shell.user_routines import UserRoutines

log = logging.getLogger(__name__)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "routines",
        parents=[common],
        help="list the routines, show one, or check your own routines.toml.",
        description="list the routines, show one with every movement's cues and breathing, "
        "or check your own routines.toml (in the config dir; exit 2 if anything is wrong).",
    )
    parser.add_argument(
        "action", nargs="?", choices=["show", "check"], help="show one routine, or check yours"
    )
    parser.add_argument("routine_id", nargs="?", metavar="ID", help="the routine to show")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from deskbreak.core.library import load_library
    from deskbreak.core.routines import shipped_routines

    settings, app_paths = _settings(args)
    breathing = settings.breathing
    library = load_library()
    for problem in library.problems:
        print(f"deskbreak: {problem}", file=sys.stderr)
    mine = _user_routines(app_paths, library, settings)
    if args.action == "check":
        return _check(mine)
    routines = shipped_routines(library, mine.plans if mine else None)
    if args.action is None:
        print(list_text(routines, breathing))
        return 0
    routine = routines.get(args.routine_id or "")
    if routine is None:
        known = ", ".join(routines)
        raise UsageError(f"no routine called {args.routine_id!r}; choose one of: {known}.")
    print(show_text(routine, breathing))
    return 0


def _settings(args: argparse.Namespace) -> tuple[Settings, AppPaths | None]:
    from deskbreak.core.settings import Settings

    try:
        from deskbreak.commands import context

        ctx = context.load(args, report=False)
        return ctx.config.settings, ctx.paths
    except Exception as error:  # the listing must work even with an unreadable config
        log.warning("cannot read the config (%s); showing the default settings", error)
        return Settings(), None


def _user_routines(
    app_paths: AppPaths | None, library: Library, settings: Settings
) -> UserRoutines | None:
    if app_paths is None:
        return None
    from deskbreak.shell import user_routines

    return user_routines.load(app_paths, library, settings)


def _check(mine: UserRoutines | None) -> int:
    """Print what is wrong in the user's routines.toml; 2 if anything is, else 0."""
    if mine is None or mine.path is None:
        print("deskbreak: cannot find the config dir", file=sys.stderr)
        return 2
    for problem in mine.problems:
        print(problem, file=sys.stderr)
    if mine.problems:
        print(
            f"{len(mine.problems)} problem(s); those routines are left out, the rest are used.",
            file=sys.stderr,
        )
        return 2
    if not mine.path.exists():
        print(f"No {mine.path} yet: the shipped routines are used. Write one in the format of")
        print("the shipped routines (deskbreak/data/routines.toml) to add or replace routines.")
        return 0
    print(f"{mine.path}: {len(mine.user_ids)} routine(s), all fine: {', '.join(mine.user_ids)}")
    return 0


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
    if dose.kind == "breaths":
        return words.count(dose.count, "slow breath")
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
        lines += [f"{pad}Support: {movement.support}"] if movement.support else []
        lines += [f"{pad}Caution: {c}" for c in movement.cautions]
    return "\n".join(lines)
