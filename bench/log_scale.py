"""Scale: `deskbreak stats` and the progress window on ten years of daily use.

Fills a temporary log with ~30,000 breaks (workdays 10, weekends 3, 3–5 movements each,
a comfort rating on most), then prints medians of:
  - stats in-process (open the log, aggregate in SQL, compute, close)   goal < 50 ms
  - `deskbreak stats` in-process through the CLI (config, library, table)
  - `deskbreak stats` as a command (a new Python process) next to a bare `python -c pass`
  - opening the progress window until it is drawn                       goal < 300 ms
Figures only, no assertions. Run: `.venv/bin/python bench/log_scale.py [--years 10]`
(starts its own Xvfb when there is no DISPLAY).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from deskbreak import cli
from deskbreak.commands import stats_cmd
from deskbreak.core import stats
from deskbreak.core.records import (
    Comfort,
    DaySitting,
    MovementRecord,
    Outcome,
    SessionRecord,
    Trigger,
)
from deskbreak.shell.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo, for tests.e2e
from tests.e2e import xsession  # noqa: E402

TZ = ZoneInfo("Europe/Berlin")  # so the data crosses DST changes twice a year


def fill(store: Store, years: int, today: date, movement_ids: list[str]) -> int:
    rnd = random.Random(10)
    sessions: list[SessionRecord] = []
    days: list[DaySitting] = []
    for back in range(int(years * 365.25)):
        day = today - timedelta(days=back)
        n = 10 if day.weekday() < 5 else 3
        for k in range(n):
            start = datetime(day.year, day.month, day.day, 8 + k, rnd.randint(0, 50), tzinfo=TZ)
            moves = tuple(
                MovementRecord(
                    rnd.choice(movement_ids), "base", rnd.random() > 0.05, rnd.uniform(30, 90)
                )
                for _ in range(rnd.randint(3, 5))
            )
            sessions.append(
                SessionRecord(
                    str(uuid.uuid4()),
                    start,
                    start + timedelta(minutes=5),
                    "quick-reset",
                    Trigger.PROMPT,
                    Outcome.COMPLETED,
                    moves,
                    Comfort(rnd.choice((1, 1, 1, 2))) if rnd.random() < 0.7 else None,
                )
            )
        days.append(DaySitting(day, 6 * 3600, 3000, 4, n + 2, n, 1, 1))
    store.import_records(sessions, days)
    return len(sessions)


def median_ms(action: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        action()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), min(times)


@contextlib.contextmanager
def display() -> Iterator[None]:
    if os.environ.get("DISPLAY"):
        yield
        return
    xvfb, os.environ["DISPLAY"] = xsession.start_xvfb()
    try:
        yield
    finally:
        xvfb.terminate()
        xvfb.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="deskbreak-bench-"))
    os.environ["DESKBREAK_DATA_DIR"] = str(folder / "data")
    os.environ["DESKBREAK_CONFIG_DIR"] = str(folder / "config")
    db = folder / "data" / "deskbreak.sqlite3"
    today = datetime.now(TZ).date()
    regions = stats_cmd.movement_regions()
    ids = sorted(regions) or [f"move-{i}" for i in range(40)]
    try:
        t0 = time.perf_counter()
        store = Store.open(db)
        count = fill(store, args.years, today, ids)
        store.close()
        print(
            f"filled {count:,} breaks over {args.years} years in {time.perf_counter() - t0:.1f} s; "
            f"log {db.stat().st_size / 1e6:.1f} MB"
        )

        def in_process() -> stats.Stats:
            s = Store.open(db)
            try:
                return stats.compute(
                    s.summary(today=today), today=today, weekly_goal_days=5, regions=regions
                )
            finally:
                s.close()

        figures = in_process()
        med, low = median_ms(in_process, args.runs)
        print(
            f"stats in-process (open, SQL, compute):   median {med:6.1f} ms  (min {low:.1f})  goal < 50 ms"
        )

        def through_cli() -> None:
            with contextlib.redirect_stdout(io.StringIO()):
                cli.main(["stats"])

        med, low = median_ms(through_cli, args.runs)
        print(f"`deskbreak stats` in-process via the CLI: median {med:6.1f} ms  (min {low:.1f})")

        command = [
            shutil.which("deskbreak") or sys.executable,
            *([] if shutil.which("deskbreak") else ["-m", "deskbreak"]),
            "stats",
        ]
        med, low = median_ms(
            lambda: subprocess.run(command, capture_output=True, check=True), max(5, args.runs // 3)
        )
        bare, _ = median_ms(
            lambda: subprocess.run([sys.executable, "-c", "pass"], check=True),
            max(5, args.runs // 3),
        )
        print(
            f"`deskbreak stats` as a command:          median {med:6.1f} ms  (bare `python -c pass`: {bare:.1f} ms)"
        )

        with display():
            from deskbreak.ui import theme
            from deskbreak.ui.progress_window import ProgressWindow

            root = theme.make_root()

            def open_window() -> None:
                window = ProgressWindow(root, figures)
                root.update()
                window.destroy()

            open_window()  # the first one also loads fonts
            med, low = median_ms(open_window, args.runs)
            print(f"progress window (stats ready) to drawn:  median {med:6.1f} ms  (min {low:.1f})")

            def stats_and_window() -> None:
                window = ProgressWindow(root, in_process())
                root.update()
                window.destroy()

            med, low = median_ms(stats_and_window, args.runs)
            print(
                f"stats + progress window, from the log:   median {med:6.1f} ms  (min {low:.1f})  goal < 300 ms"
            )
            root.destroy()
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
