"""deskbreak's windows under real window managers (openbox, xfwm4, mutter) with a real panel.

One desktop per window manager for the whole module, so the suite stays lean. The prompt is
opened on its own (``tests.e2e.show_window``) while xdotool types into a focused xterm: the
offer must never take the keyboard, on any of them.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.desktop import WINDOW_MANAGERS, Desktop, desktop
from tests.e2e.xsession import wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.gui]

ROOT = Path(__file__).resolve().parents[2]
TYPED = "the quick brown fox sn ks jumps over 0123456789 " * 3


@pytest.fixture(scope="module", params=sorted(WINDOW_MANAGERS))
def wm_desktop(request: pytest.FixtureRequest) -> Iterator[Desktop]:
    with desktop(request.param, panel="tint2") as session:
        yield session


def show_window(session: Desktop, kind: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.show_window", kind, *args],
        env=session.env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_the_prompt_never_takes_a_keystroke(wm_desktop: Desktop, tmp_path: Path) -> None:
    session = wm_desktop
    typed = tmp_path / "typed.txt"
    xterm = subprocess.Popen(
        ["xterm", "-T", "typing-target", "-geometry", "80x20+80+80", "-e", f"cat > {typed}"],
        env=session.env,
        stderr=subprocess.DEVNULL,
    )
    session.processes.append(xterm)
    [terminal] = wait_for(lambda: session.windows_titled("typing-target"), 15, "the xterm")
    wait_for(lambda: session.active_window() == terminal, 10, "the xterm to be active")

    typer = subprocess.Popen(["xdotool", "type", "--delay", "25", TYPED], env=session.env)
    time.sleep(0.4)
    prompt = show_window(session, "prompt", "60")
    try:
        _check_the_prompt(session, typer, prompt, terminal, typed)
    finally:
        if prompt.poll() is None:
            prompt.kill()
        prompt.wait(5)
        xterm.terminate()


def _check_the_prompt(
    session: Desktop,
    typer: subprocess.Popen[bytes],
    prompt: subprocess.Popen[str],
    terminal: int,
    typed: Path,
) -> None:
    active_seen = set()
    while typer.poll() is None:
        active_seen.add(session.active_window())
        time.sleep(0.05)
    [window] = wait_for(lambda: session.windows_titled("deskbreak — Time to move"), 10, "prompt")
    session.xdotool("key", "Return")  # ends the line in cat; must not answer the prompt
    time.sleep(0.5)
    active_seen.add(session.active_window())
    session.screenshot(f"{session.wm}-prompt-while-typing")

    assert active_seen == {terminal}, "the prompt became the active window"
    assert wait_for(lambda: typed.read_text() == TYPED + "\n", 5, "every character in the file")
    skip = {"_NET_WM_STATE_SKIP_TASKBAR", "_NET_WM_STATE_SKIP_PAGER"}
    wait_for(lambda: skip <= session.window_states(window), 5, "the skip-taskbar/pager states")
    x, y, width, height = session.frame_geometry(window)
    ax, ay, aw, ah = session.work_area()
    assert ax <= x and ay <= y and x + width <= ax + aw and y + height <= ay + ah

    # Clicked into, the prompt takes the keyboard, and its keys work: k is Skip.
    session.xdotool("mousemove", str(x + 24), str(y + 24), "click", "1")
    wait_for(lambda: session.active_window() == window, 5, "the clicked prompt to be active")
    time.sleep(0.3)  # the click's focus_force reaches Tk after the WM activates the window
    session.xdotool("key", "k")
    lines = prompt.communicate(timeout=15)[0].split()
    assert lines == ["ready", "skip"], lines


def test_every_window_fits_the_work_area_at_2x(wm_desktop: Desktop) -> None:
    """Each window and break page in turn, at 2x on a 1366x768 screen with a bottom panel:
    inside the work area, frame included; a screenshot of each for the CI artifacts."""
    session = wm_desktop
    env = session.env | {"DESKBREAK_SCALE": "2", "HOME": str(session.home)}
    gallery = subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.show_window", "gallery"],
        env=env,
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert gallery.stdin is not None and gallery.stdout is not None
    ax, ay, aw, ah = session.work_area()
    assert ah < session.screen_size()[1], "the panel reserves no space: no real work area"
    seen = []
    try:
        for line in gallery.stdout:
            _, name, title = line.rstrip("\n").split(" ", 2)
            seen.append(name)
            window = wait_for(lambda t=title: session.windows_titled(t), 10, title)[-1]  # type: ignore[index]
            time.sleep(0.3)  # let the WM finish placing it
            session.screenshot(f"{session.wm}-2x-{name}")
            x, y, width, height = session.frame_geometry(window)
            assert ax <= x and ay <= y, f"{name} at {x},{y} is outside the work area"
            assert x + width <= ax + aw and y + height <= ay + ah, (
                f"{name} ({width}x{height}+{x}+{y}) leaves the work area {aw}x{ah}+{ax}+{ay}"
            )
            gallery.stdin.write("\n")
            gallery.stdin.flush()
    finally:
        gallery.stdin.close()
        gallery.wait(15)
    assert len(seen) == 7, seen
