"""`deskbreak stats`, `deskbreak export` and `deskbreak import`: the log, read and carried."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from deskbreak.commands import UsageError, context
from deskbreak.core import words

if TYPE_CHECKING:  # imported when run, so other commands start without them
    from datetime import date

    from deskbreak.core import stats
    from deskbreak.core.settings import AppSettings
    from deskbreak.shell.store import Store


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "stats",
        parents=[common],
        help="show your progress.",
        description="show your progress: today, this week, streaks, regions, comfort.",
    )
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help="print the figures as JSON, for scripts")
    shown.add_argument("--window", action="store_true", help="open the progress window")
    parser.set_defaults(func=run)

    export = sub.add_parser(
        "export",
        parents=[common],
        help="export every break and movement.",
        description="export every break and movement (JSON also keeps the daily sitting figures).",
    )
    export.add_argument("--format", choices=("json", "csv"), default="json", help="default: json")
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default="-",
        help="write to FILE ('-': stdout, the default)",
    )
    export.set_defaults(func=run_export)

    restore = sub.add_parser(
        "import",
        parents=[common],
        help="restore an export (importing twice adds nothing).",
        description="restore a file made by 'deskbreak export'; breaks already in the log are kept as they are.",
    )
    restore.add_argument("file", metavar="FILE", help="a .json or .csv export ('-': stdin)")
    restore.set_defaults(func=run_import)


def movement_regions() -> Mapping[str, Sequence[str]]:
    """movement id → its target regions; empty (and said in the log) when the library
    cannot be read, so the figures still show — `deskbreak doctor` reports the cause."""
    from deskbreak.core.library import load_library
    from deskbreak.engine.breaks import movement_regions as regions_of

    try:
        return regions_of(load_library())
    except (OSError, ValueError) as error:
        logging.getLogger(__name__).warning("movement library unreadable: %s", error)
        return {}


def open_store(ctx: context.Context) -> Store:
    from deskbreak.shell.store import Store

    store = Store.for_paths(ctx.paths)
    for message in store.messages:  # each one is about the user's data: the exit code says so
        print(f"deskbreak: {message}", file=sys.stderr)
    if store.refused:
        store.close()
        raise UsageError("the log is from a newer deskbreak; nothing was read or changed")
    return store


def compute(ctx: context.Context, store: Store, today: date | None = None) -> stats.Stats:
    from deskbreak.core import stats
    from deskbreak.core.clock import SystemClock

    day = today or SystemClock().now().date()
    return stats.compute(
        store.summary(today=day),
        today=day,
        weekly_goal_days=ctx.config.settings.app.weekly_goal_days,
        regions=movement_regions(),
    )


def run(args: argparse.Namespace) -> int:
    ctx = context.load(args)
    store = open_store(ctx)
    try:
        figures = compute(ctx, store)
    finally:
        store.close()
    code = 1 if store.messages else 0
    if args.json:
        import json
        from dataclasses import asdict

        print(json.dumps(asdict(figures), default=_jsonable, indent=1))
    elif args.window:
        return _show_window(figures, ctx.config.settings.app) or code
    else:
        print(format_table(figures))
    return code


def _jsonable(value: object) -> object:
    import enum
    from datetime import date

    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    raise TypeError(f"{type(value).__name__} is not JSON")


def _minutes(value: float) -> str:
    return f"{value:,.0f} min" if value >= 10 or value == 0 else f"{value:.1f} min"


def format_table(f: stats.Stats) -> str:
    w = f.week
    to_go = w.goal_days - w.active_days
    week_note = "goal met" if w.goal_met else f"{to_go} more to meet the goal"
    days = " · ".join(
        f"{d.day:%a} {d.minutes:.0f}" if d.day <= f.today.day else f"{d.day:%a} –" for d in w.days
    )
    rows = [
        (
            "Today",
            f"{words.count(f.today.breaks, 'break')}, {_minutes(f.today.minutes_moving)} moving, longest sitting {_minutes(f.today.longest_sitting_minutes)}",
        ),
        (
            "This week",
            f"{w.active_days} of {words.count(w.goal_days, 'day')} with a break ({week_note})",
        ),
        ("", f"{w.ritual_days} of {words.count(w.ritual_goal, 'day')} with the daily ritual"),
        ("", f"minutes: {days}"),
        (
            "Week streak",
            f"{words.count(f.week_streak.current, 'week')} (best {f.week_streak.best})",
        ),
        ("Day streak", f"{words.count(f.day_streak.current, 'day')} (best {f.day_streak.best})"),
        (
            "Regions",
            " · ".join(f"{r.region.value} {_minutes(r.minutes)}" for r in f.regions) or "–",
        ),
        (
            "Prompts",
            f"{f.prompts.shown} shown: {f.prompts.accepted} accepted, {f.prompts.snoozed} snoozed, {f.prompts.skipped} skipped",
        ),
        ("Comfort", " · ".join(f"{c.movement_id} {c.direction}" for c in f.comfort) or "–"),
        ("All time", f"{words.count(f.total_breaks, 'break')}, {_minutes(f.total_minutes)} moving"),
    ]
    return "\n".join(f"{label:<12} {text}".rstrip() for label, text in rows)


def _show_window(figures: stats.Stats, look: AppSettings) -> int:
    from deskbreak.ui import theme
    from deskbreak.ui.progress_window import ProgressWindow

    try:
        root = theme.make_root()
    except Exception as error:  # noqa: BLE001 — tkinter.TclError without importing Tk first
        raise UsageError(
            f"can't open a window ({error}); try 'deskbreak stats' without --window"
        ) from None
    theme.use_settings(root, look.theme, look.scale)
    ProgressWindow(root, figures, on_closed=root.quit)
    root.mainloop()
    root.destroy()
    return 0


def run_export(args: argparse.Namespace) -> int:
    from deskbreak.shell import exchange

    ctx = context.load(args)
    store = open_store(ctx)
    try:
        sessions, days = store.export_rows()
    finally:
        store.close()
    code = 1 if store.messages else 0
    text = exchange.to_json(sessions, days) if args.format == "json" else exchange.to_csv(sessions)
    if args.output == "-":
        # Data, not a message: written as it is unless it lands on a terminal.
        out = sys.stdout if sys.stdout.isatty() else getattr(sys.stdout, "raw", sys.stdout)
        out.write(text)
        return code
    try:
        fd = os.open(args.output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            out.write(text)
    except OSError as error:
        raise UsageError(f"can't write {args.output}: {error.strerror}") from None
    print(f"Exported {words.count(len(sessions), 'break')} to {args.output}.", file=sys.stderr)
    return code


#: The largest export `import` reads: decades of breaks fit in a few MB.
MAX_IMPORT_BYTES = 64_000_000
#: Problems printed one by one; the rest are counted.
SHOWN_PROBLEMS = 20


def run_import(args: argparse.Namespace) -> int:
    from deskbreak.shell import exchange, safe_read

    try:
        if args.file == "-":
            text = safe_read.decode(safe_read.read_stream(sys.stdin.buffer, MAX_IMPORT_BYTES))
        else:
            text = safe_read.read_text(args.file, MAX_IMPORT_BYTES)
        parsed = exchange.parse(text)
    except safe_read.UnreadableFile as error:
        raise UsageError(f"can't read {args.file}: it {error}; nothing was imported") from None
    except OSError as error:
        raise UsageError(f"can't read {args.file}: {error.strerror}") from None
    except exchange.BadExport as error:
        raise UsageError(f"{args.file}: {error}; nothing was imported") from None
    for problem in parsed.problems[:SHOWN_PROBLEMS]:
        print(f"deskbreak import: {args.file}: {problem}; left out", file=sys.stderr)
    if len(parsed.problems) > SHOWN_PROBLEMS:
        print(
            f"deskbreak import: … and {len(parsed.problems) - SHOWN_PROBLEMS} more left out",
            file=sys.stderr,
        )
    ctx = context.load(args)
    store = open_store(ctx)
    try:
        added, added_days = store.import_records(parsed.sessions, parsed.days)
    except OSError as error:
        raise UsageError(f"can't write the log: {error}; nothing was imported") from None
    finally:
        store.close()
    left_out = len(parsed.problems)
    print(
        f"Imported {words.count(added, 'break')} and {words.count(added_days, 'day')} of sitting figures"
        f" ({words.count(len(parsed.sessions) - added, 'break')} {words.were(len(parsed.sessions) - added)}"
        " already in the log"
        + (
            f"; {words.count(left_out, 'entry', 'entries')} could not be read and were left out"
            if left_out
            else ""
        )
        + ")."
    )
    return 2 if left_out else (1 if store.messages else 0)
