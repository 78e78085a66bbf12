"""Idle cost: what deskbreak costs while it sits in the tray doing nothing.

Starts the real app under its own Xvfb with a real tray host (trayer) and isolated dirs,
lets it settle, then samples for a minute: resident memory (all its processes), CPU
seconds per minute, and wake-ups per second (voluntary + involuntary context switches
over all threads). The floor — a withdrawn Tk root plus a pystray icon, nothing else —
is measured in the same run, and the ratios printed.

A third run has every context source (issue 16) working: a real PulseAudio with a null
microphone, a private session bus with a real mpv playing through its MPRIS script, the
/proc camera scan. Then the cost of one read of each source is timed in this process, so
the per-minute cost when they are asked (at most once per idle sample) can be read off.

    .venv/bin/python bench/idle_cost.py [--seconds 60] [--settle 5] [--no-context]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
sys.path.insert(0, str(ROOT))

from tests.desktop_session import desktop_session  # noqa: E402
from tests.sni_host import SniHost  # noqa: E402
from xsession import XSession, wait_for, x_session  # noqa: E402

FLOOR = """
import threading, tkinter, pystray
from PIL import Image
root = tkinter.Tk(); root.withdraw()
icon = pystray.Icon("floor", Image.new("RGBA", (32, 32), (60, 120, 100, 255)), "floor")
threading.Thread(target=icon.run, daemon=True).start()
root.mainloop()
"""

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Sample:
    rss_kb: int
    cpu_seconds: float
    voluntary: int  # the thread blocked: it had nothing to do (or waited on I/O or a lock)
    involuntary: int  # it was preempted while runnable: grows with the machine's load


def sample(pid: int) -> Sample:
    """Sum over the process and its children (one level is all deskbreak starts)."""
    pids = [pid, *_children(pid)]
    rss = voluntary = involuntary = 0
    cpu = 0.0
    for p in pids:
        try:
            status = Path(f"/proc/{p}/status").read_text()
            rss += int(
                next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS"))
            )
            for task in Path(f"/proc/{p}/task").iterdir():
                cpu += _cpu_seconds(task)
                for line in (task / "status").read_text().splitlines():
                    if line.startswith("voluntary_ctxt_switches"):
                        voluntary += int(line.split()[1])
                    elif line.startswith("nonvoluntary_ctxt_switches"):
                        involuntary += int(line.split()[1])
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
    return Sample(rss, cpu, voluntary, involuntary)


def _cpu_seconds(task: Path) -> float:
    """CPU time of one thread: the scheduler's exact figure (ms, with µs digits) where the
    kernel exposes it, else utime + stime, which counts whole clock ticks (10 ms) — too
    coarse for a goal of 0.01 s per minute."""
    try:
        for line in (task / "sched").read_text().splitlines():
            if line.startswith("se.sum_exec_runtime"):
                return float(line.split(":")[1]) / 1000
    except OSError:
        pass
    fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        children = task / "children"
        if children.exists():
            out += [int(c) for c in children.read_text().split()]
    return out


def measure(
    command: list[str],
    session: XSession,
    env: dict[str, str],
    seconds: float,
    settle: float,
    shown: Callable[[], object],
) -> tuple[float, float, float, float]:
    process = _start_docked(command, session, env, shown)
    try:
        time.sleep(settle)
        first = sample(process.pid)
        _sleep_watching(process, session, seconds)
        last = sample(process.pid)
    finally:
        _stop(process)
    memory_mb = last.rss_kb / 1024
    cpu_per_min = (last.cpu_seconds - first.cpu_seconds) * 60 / seconds
    voluntary = (last.voluntary - first.voluntary) / seconds
    involuntary = (last.involuntary - first.involuntary) / seconds
    return memory_mb, cpu_per_min, voluntary + involuntary, voluntary


def _start_docked(
    command: list[str],
    session: XSession,
    env: dict[str, str],
    shown: Callable[[], object],
    attempts: int = 3,
) -> subprocess.Popen[bytes]:
    """Start ``command`` until its icon docks: pystray's xorg backend sends its dock
    request once, and a headless launch loses it now and then (TECH-NOTES)."""
    for attempt in range(1, attempts + 1):
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            wait_for(shown, 15, "an icon docked in the tray")
            return process
        except AssertionError:
            _stop(process)
            _check_alive(session)
            print(f"  no icon docked (attempt {attempt} of {attempts}); starting again", flush=True)
    raise SystemExit(f"{command[-1]}: its icon never docked in {attempts} attempts")


def _sleep_watching(process: subprocess.Popen[bytes], session: XSession, seconds: float) -> None:
    """Sleep, checking every few seconds that neither the app nor the X session died:
    a figure from a dead process would read as a perfect zero."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        time.sleep(min(5.0, left))
        _check_alive(session)
        if process.poll() is not None:
            raise SystemExit(f"the measured process exited mid-measurement ({process.returncode})")


def _check_alive(session: XSession) -> None:
    for process in session.processes:
        if process.poll() is not None:
            name = process.args[0] if isinstance(process.args, list) else process.args
            raise SystemExit(f"{name} on {session.display_name} died ({process.returncode})")


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)


@contextlib.contextmanager
def context_servers(home: Path) -> Iterator[dict[str, str]]:
    """A real sound server, a private session bus and an mpv playing on it: every Linux
    context source opens. Yields the environment variables that point at them."""
    from tests.idle.conftest import BusDaemon, PulseServer
    from tests.idle.test_context_dbus import MPRIS_SCRIPTS, silent_wav

    pulse, bus = PulseServer(home / "pulse"), BusDaemon()
    script = next(p for p in MPRIS_SCRIPTS if os.path.exists(p))
    player = subprocess.Popen(
        ["mpv", "--no-config", "--no-video", "--ao=null", "--idle=no", "--loop=inf"]
        + [f"--script={script}", str(silent_wav(home / "tone.wav"))],
        env=os.environ | {"DBUS_SESSION_BUS_ADDRESS": bus.address},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield {"PULSE_SERVER": pulse.address, "DBUS_SESSION_BUS_ADDRESS": bus.address}
    finally:
        _stop(player)
        bus.stop()
        pulse.stop()


def read_costs(env: dict[str, str], reads: int = 50) -> list[tuple[str, float, float]]:
    """(source, wall ms, CPU ms) per read of each context source that opens here."""
    from deskbreak.idle.context_select import open_context_sources

    sources, _checks = open_context_sources(os.environ | env, platform="linux")
    costs = []
    for source in sources:
        source.active()  # the first read may load code
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(reads):
            source.active()
        costs.append(
            (
                source.name,
                (time.perf_counter() - wall) * 1000 / reads,
                (time.process_time() - cpu) * 1000 / reads,
            )
        )
        source.close()
    return costs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--settle", type=float, default=5)
    parser.add_argument("--no-context", action="store_true", help="skip the context sources run")
    args = parser.parse_args()
    python = str(ROOT / ".venv" / "bin" / "python")
    deskbreak = [python, "-m", "deskbreak"]  # no words: as the desktop and autostart entries
    runs = [
        ("floor (Tk + pystray)", [python, "-c", FLOOR], "xembed", False),
        ("deskbreak", deskbreak, "xembed", False),
        ("deskbreak, SNI tray", deskbreak, "sni", False),
    ]
    if not args.no_context:
        runs.append(("deskbreak, all context", deskbreak, "xembed", True))
    rows = []
    costs: list[tuple[str, float, float]] = []
    for name, command, tray, with_context in runs:
        with contextlib.ExitStack() as stack:
            session = stack.enter_context(x_session(tray=tray == "xembed"))
            home = stack.enter_context(tempfile.TemporaryDirectory())
            desk = stack.enter_context(desktop_session(Path(home) / "desk"))
            env = session.env | {
                "DESKBREAK_CONFIG_DIR": f"{home}/config",
                "DESKBREAK_DATA_DIR": f"{home}/data",
                "HOME": home,
            }
            env.pop("PULSE_SERVER", None)
            if tray == "sni":  # a real watcher on a private bus; its memory is the desktop's
                desk.spawn(["status-notifier-watcher"])
                desk.wait_for_name("org.kde.StatusNotifierWatcher")
                env |= {"DBUS_SESSION_BUS_ADDRESS": desk.address, "DESKBREAK_TRAY": "sni"}
                env.pop("PYSTRAY_BACKEND", None)
            else:
                env |= {"PYSTRAY_BACKEND": "xorg", "DESKBREAK_TRAY": "xembed"}
                env.pop("DBUS_SESSION_BUS_ADDRESS", None)
            if with_context:
                env |= stack.enter_context(context_servers(Path(home)))
            print(f"measuring {name} on display {session.display_name} ...", flush=True)
            shown = SniHost(desk).registered_items if tray == "sni" else session.docked_icons
            rows.append((name, *measure(command, session, env, args.seconds, args.settle, shown)))
            if with_context:
                costs = read_costs(env)
    print(
        f"idle cost over {args.seconds:.0f} s after {args.settle:.0f} s settling "
        "(Xvfb + trayer, or + status-notifier-watcher for SNI)"
    )
    print(f"{'':22} {'resident MB':>12} {'CPU s/min':>10} {'wake-ups/s':>11} {'(voluntary)':>12}")
    for name, memory, cpu, wakeups, voluntary in rows:
        print(f"{name:22} {memory:12.1f} {cpu:10.4f} {wakeups:11.2f} {voluntary:12.2f}")
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    (_, floor_mem, floor_cpu, floor_wake, _), (_, mem, cpu, wake, _), sni = rows[:3]
    print(
        f"ratios vs floor: memory {mem / floor_mem:.2f}× (goal ≤ 1.3×), "
        f"CPU {cpu:.4f} s/min (goal < 0.01), wake-ups {wake:.2f}/s (goal < 0.2)"
    )
    print(
        f"SNI tray vs XEmbed tray: memory {sni[1] - mem:+.1f} MB, wake-ups {sni[3] - wake:+.2f}/s "
        "(goal: no more than XEmbed)"
    )
    if costs:
        _, context_mem, context_cpu, context_wake, _ = rows[3]
        print(
            f"all context sources on: memory {context_mem - mem:+.1f} MB, "
            f"CPU {context_cpu - cpu:+.4f} s/min, wake-ups {context_wake - wake:+.2f}/s"
        )
        print("one read of each source (asked at most once per idle sample, i.e. once a minute,")
        print("and only when the input gap nears idle_reset or a prompt is due):")
        for name, wall_ms, cpu_ms in costs:
            print(f"  {name:18} {wall_ms:7.2f} ms wall {cpu_ms:7.2f} ms CPU")


if __name__ == "__main__":
    main()
