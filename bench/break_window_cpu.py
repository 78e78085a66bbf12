"""What the break window costs while the breath guide animates, and how fast it opens.

Starts its own Xvfb, then prints:
- CPU use of the window while the guide animates (this process, and the X server drawing
  it), as a percentage of one core — the goal is under 5 %;
- the same while paused (the frame clock should stop: about 0 %);
- frame-to-frame time: mean, standard deviation, 95th percentile and worst, in ms;
- time from running `deskbreak break` to its window being visible (xdotool), median of runs.

    .venv/bin/python bench/break_window_cpu.py [--seconds 10] [--runs 5]

Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo, for tests.e2e
from tests.e2e import xsession  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    return xsession.start_xvfb()


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def measure_animation(seconds: float, server_pid: int) -> None:
    from deskbreak.core.clock import SystemClock
    from deskbreak.core.library import load_library
    from deskbreak.core.routines import shipped_routines
    from deskbreak.core.settings import BreathingSettings
    from deskbreak.ui import theme
    from deskbreak.ui.break_window import BreakWindow

    library = load_library()
    routine = shipped_routines(library)["daily-ritual"]  # long enough never to end here
    root = theme.make_root()
    window = BreakWindow(
        root, routine, BreathingSettings(), SystemClock(), lambda _r: None, root.quit
    )
    window.update()

    def run_for(span: float) -> tuple[float, float]:
        """(this process, X server) CPU as % of one core over ``span`` seconds."""
        own, server, wall = time.process_time(), cpu_seconds(server_pid), time.perf_counter()
        root.after(int(span * 1000), root.quit)
        root.mainloop()
        elapsed = time.perf_counter() - wall
        return (
            100 * (time.process_time() - own) / elapsed,
            100 * (cpu_seconds(server_pid) - server) / elapsed,
        )

    run_for(1.0)  # settle: fonts, first layout
    window.guide.frame_times.clear()
    own, server = run_for(seconds)
    gaps = [
        (b - a) * 1000
        for a, b in zip(window.guide.frame_times, window.guide.frame_times[1:], strict=False)
    ]
    window.toggle_pause()
    paused_own, paused_server = run_for(min(seconds, 5.0))
    window.close()
    root.destroy()

    print(f"animating ({seconds:.0f} s): window {own:.2f} % of a core, X server {server:.2f} %")
    print(f"paused: window {paused_own:.2f} %, X server {paused_server:.2f} %")
    if len(gaps) > 2:
        gaps.sort()
        p95 = gaps[int(len(gaps) * 0.95) - 1]
        print(
            f"frames: {len(gaps) + 1} ({(len(gaps) + 1) / seconds:.1f} fps), interval mean "
            f"{statistics.mean(gaps):.1f} ms, sd {statistics.stdev(gaps):.1f} ms, "
            f"p95 {p95:.1f} ms, worst {gaps[-1]:.1f} ms"
        )


def measure_open(runs: int, env: dict[str, str]) -> None:
    """Byte-code is cached (in a temporary folder) as in an installed copy, even where
    PYTHONDONTWRITEBYTECODE is set; the first run, which writes it, is not counted."""
    times = []
    pycache = tempfile.TemporaryDirectory()
    env = env | {"PYTHONPYCACHEPREFIX": pycache.name}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for run in range(runs + 1):
        with tempfile.TemporaryDirectory() as tmp:
            run_env = env | {
                "DESKBREAK_DATA_DIR": str(Path(tmp) / "data"),
                "DESKBREAK_CONFIG_DIR": str(Path(tmp) / "config"),
            }
            began = time.perf_counter()
            app = subprocess.Popen(
                [sys.executable, "-m", "deskbreak", "break", "quick-reset"], env=run_env
            )
            seen = None
            while seen is None and time.perf_counter() - began < 20:
                found = subprocess.run(
                    ["xdotool", "search", "--onlyvisible", "--name", "Quick reset"],
                    env=run_env,
                    capture_output=True,
                    text=True,
                ).stdout.strip()
                if found:
                    seen = time.perf_counter() - began
                else:
                    time.sleep(0.01)
            app.terminate()
            app.wait(10)
            if seen is not None and run > 0:
                times.append(seen * 1000)
    pycache.cleanup()
    if times:
        print(
            f"command to visible window: median {statistics.median(times):.0f} ms, "
            f"min {min(times):.0f} ms, max {max(times):.0f} ms ({len(times)} runs)"
        )
    else:
        print("command to visible window: the window never appeared")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    server, display = start_xvfb()
    os.environ["DISPLAY"] = display
    try:
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["DESKBREAK_DATA_DIR"] = tmp  # never touch the real log or state
            measure_animation(args.seconds, server.pid)
        measure_open(args.runs, dict(os.environ))
    finally:
        server.terminate()
        server.wait(5)


if __name__ == "__main__":
    main()
