"""`deskbreak doctor`: what deskbreak sees on this machine, each line OK or what to fix."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from deskbreak import __version__
from deskbreak.commands import context

if TYPE_CHECKING:
    from deskbreak.shell import paths


@dataclass(frozen=True)
class Check:
    topic: str
    ok: bool
    detail: str
    fix: str = ""

    def lines(self) -> list[str]:
        mark = "OK     " if self.ok else "PROBLEM"
        out = [f"{mark} {self.topic:<15} {self.detail}"]
        if self.fix and not self.ok:
            out.append(f"{'':24}fix: {self.fix}")
        return out


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = sub.add_parser(
        "doctor",
        parents=[common],
        help="check this machine for deskbreak.",
        description="Report Python and Tk, the display, the tray, the idle-time source, the "
        "call and media sources, every path and the config. Exit 0 when all is well, 1 when something needs fixing.",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import platform

    ctx = context.load(args, report=False)
    checks = list(_checks(ctx))
    print(f"deskbreak {__version__} on {platform.system()} {platform.release()}")
    for check in checks:
        print("\n".join(check.lines()))
    return 0 if all(c.ok for c in checks) else 1


def _checks(ctx: context.Context) -> Iterator[Check]:
    import platform

    yield Check(
        "python", sys.version_info >= (3, 11), f"{platform.python_version()} ({sys.executable})"
    )
    tk_check, display_ok = _tk_and_display()
    yield from tk_check
    if display_ok:
        yield _guarded("tray", lambda: _tray_check(ctx.config.settings.app.tray))
        yield _guarded("idle time", _idle_check)
        yield _guarded("desktop facts", _desktop_check)
    else:
        yield Check(
            "tray", False, "not checked: no display", "start deskbreak inside a desktop session"
        )
    yield _guarded("calls & media", _context_check)
    yield from _path_checks(ctx.paths)
    yield from _runtime_checks(ctx.paths)
    yield _config_check(ctx)


def _tk_and_display() -> tuple[list[Check], bool]:
    try:
        import tkinter
    except ImportError:
        return [
            Check("tk", False, "tkinter is missing", "sudo apt-get install python3-tk"),
            Check("display", False, "not checked: no Tk"),
        ], False
    checks = [Check("tk", True, f"Tk {tkinter.Tcl().eval('info patchlevel')}")]
    shown = os.environ.get("WAYLAND_DISPLAY") or os.environ.get("DISPLAY")
    if sys.platform.startswith("linux") and not shown:
        checks.append(
            Check(
                "display",
                False,
                "no display: neither DISPLAY nor WAYLAND_DISPLAY is set",
                "run deskbreak from your desktop session (or set DISPLAY, e.g. DISPLAY=:0)",
            )
        )
        return checks, False
    try:
        root = tkinter.Tk()
        root.withdraw()
        scaling = float(root.tk.call("tk", "scaling"))
        root.destroy()
    except tkinter.TclError as error:
        fix = "check DISPLAY and xauth"
        if not os.environ.get("DISPLAY"):
            fix = "Tk draws through Xwayland: make sure it runs and DISPLAY is set"
        checks.append(Check("display", False, f"cannot open {shown}: {error}", fix))
        return checks, False
    detail = f"{display_line(os.environ)}, scaling {scaling * 72 / 96:.2f}×"
    checks.append(Check("display", True, detail))
    return checks, True


def display_line(environ: Mapping[str, str]) -> str:
    """E.g. "wayland-0 (wayland; windows through Xwayland :0)" or ":0 (x11)"."""
    wayland, x11 = environ.get("WAYLAND_DISPLAY", ""), environ.get("DISPLAY", "")
    session = environ.get("XDG_SESSION_TYPE", "") or ("wayland" if wayland else "x11")
    if wayland and x11:
        return f"{wayland} ({session}; windows through Xwayland {x11})"
    return f"{wayland or x11} ({session})"


def _guarded(topic: str, check: Callable[[], Check]) -> Check:
    try:
        return check()
    except Exception as error:  # doctor must report, never crash
        return Check(topic, False, f"could not be checked: {error!r}")


def _tray_check(configured: str = "auto") -> Check:
    from deskbreak.ui import tray_backend

    backend = tray_backend.choose_backend(os.environ, configured=configured)
    detail = tray_backend.describe(backend)
    if backend == tray_backend.NONE:
        return Check(
            "tray",
            False,
            detail,
            "use a desktop with a system tray; on GNOME add the AppIndicator and "
            "KStatusNotifierItem Support extension (see the README's desktop table)",
        )
    return Check("tray", True, detail)


def _idle_check() -> Check:
    from deskbreak.idle import select

    report = select.describe_sources()
    detail = "\n".join([report.summary, *(f"{'':24}{line}" for line in report.lines()[1:])])
    if report.chosen is None:
        return Check(
            "idle time", False, detail, "deskbreak still works, counting work hours as sitting"
        )
    return Check("idle time", True, detail)


def _desktop_check() -> Check:
    """Which of idle time, screen lock, full screen and do-not-disturb this desktop shows us."""
    from deskbreak.idle import probe_select, select

    probe, description = probe_select.choose_desktop_probe()
    probe.close()
    parts = dict(part.split(": ", 1) for part in description.split("; "))
    seen = {
        "idle time": select.describe_sources().chosen is not None,
        **{fact: not how.startswith("not detected") for fact, how in parts.items()},
    }
    can = [fact for fact, ok in seen.items() if ok]
    cannot = [fact for fact, ok in seen.items() if not ok]
    detail = "\n".join(
        [
            f"sees {', '.join(can) or 'nothing'}; not {', '.join(cannot) or '-'}",
            *(f"{'':24}{fact}: {how}" for fact, how in parts.items()),
        ]
    )
    return Check(
        "desktop facts",
        seen["full screen"] or seen["do-not-disturb"],
        detail,
        "breaks may interrupt full-screen windows and do-not-disturb",
    )


def _context_check() -> Check:
    """Which of the call, media and inhibitor sources answer here; missing ones are not
    fatal (deskbreak then keeps today's idle rule), so the line is OK when any works."""
    from deskbreak.idle import context_select
    from deskbreak.idle.select import Verdict

    checks = context_select.describe_context_sources()
    working = [c.name for c in checks if c.verdict is Verdict.CHOSEN]
    summary = f"{len(working)} of {len(checks)} sources work" + (
        f": {', '.join(working)}" if working else ""
    )
    detail = "\n".join([summary, *(f"{'':24}{check.line()}" for check in checks)])
    return Check(
        "calls & media",
        bool(working),
        detail,
        "without them a call or a video with no input counts as a natural break",
    )


def _path_checks(app_paths: paths.AppPaths) -> Iterator[Check]:
    for name, path in app_paths.as_rows():
        folder = path if name in ("backups", "state", "runtime") else path.parent
        existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
        writable = existing is not None and existing.is_dir() and os.access(existing, os.W_OK)
        free = _free_bytes(existing) if writable and existing is not None else None
        if free is not None and free < MIN_FREE_BYTES:
            yield Check(
                f"{name} path",
                False,
                f"{path}: the disk is full ({free // 1024} kB free); breaks wait in memory",
                f"free some space on the disk that holds {existing}",
            )
            continue
        yield Check(
            f"{name} path",
            writable,
            str(path)
            if writable or existing is None or existing.is_dir()
            else f"{path}: {existing} is a file, not a folder",
            f"make {existing} a writable folder, or choose another place with --data-dir / --config-dir",
        )


def _runtime_checks(app_paths: paths.AppPaths) -> Iterator[Check]:
    """An unusable ``$XDG_RUNTIME_DIR`` (deskbreak then uses its own) and a socket path too long."""
    from deskbreak.shell import paths as paths_module
    from deskbreak.shell.instance_files import socket_problem

    value = os.environ.get("XDG_RUNTIME_DIR")
    problem = paths_module.runtime_dir_problem(value) if value else None
    if problem and not str(app_paths.runtime_dir).startswith(str(value)):
        yield Check(
            "runtime dir",
            False,
            f"{problem}; using deskbreak's own {app_paths.runtime_dir} (0700) instead",
            "fix or unset XDG_RUNTIME_DIR (it should be your own 0700 folder, e.g. /run/user/UID)",
        )
    problem = socket_problem(app_paths)
    if problem:
        yield Check(
            "instance socket",
            False,
            problem,
            "choose a shorter folder with --data-dir or DESKBREAK_DATA_DIR",
        )


MIN_FREE_BYTES = 1_000_000


def _free_bytes(folder: os.PathLike[str]) -> int | None:
    """Free bytes for us on the disk holding ``folder``; None where the OS cannot say."""
    try:
        info = os.statvfs(folder)
    except (OSError, AttributeError):
        return None
    return info.f_bavail * info.f_frsize


def _config_check(ctx: context.Context) -> Check:
    file = ctx.paths.config_file
    if not file.exists():
        return Check("settings", True, "no file yet: the defaults (written on first run)")
    if ctx.config.ok:
        return Check("settings", True, "valid")
    messages = ctx.config.messages(file)
    detail = messages[0] + (f" (and {len(messages) - 1} more)" if len(messages) > 1 else "")
    return Check("settings", False, detail, "fix the file, then `deskbreak config check`")
