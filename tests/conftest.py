"""Every test runs with its own config and data folders: none touches the real home."""

from __future__ import annotations

import gc
import os
import time
import tkinter as tk
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from deskbreak.ui import theme

# Generation speed depends on the machine's load, not on deskbreak: no deadlines in CI. The
# gate is reproducible (the same cases every run); `make fuzz` explores new ones.
settings.register_profile(
    "ci",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    max_examples=100,
    derandomize=True,
)
# The nightly-style fuzz run (`make fuzz`): at least 10,000 cases per property.
settings.register_profile(
    "nightly", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=10_000
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("DESKBREAK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("DESKBREAK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PYSTRAY_BACKEND", "dummy")
    monkeypatch.delenv("DESKBREAK_TRAY", raising=False)
    return tmp_path


@pytest.fixture(autouse=True)
def collect_tk_garbage_on_the_main_thread() -> None:
    """Free the last test's Tk roots here, on the main thread.

    A Tk interpreter freed by the cyclic GC on another thread (pystray's, a socket client's)
    aborts the whole run ("Tcl_AsyncDelete: async handler deleted by the wrong thread").
    What survives is then frozen out of the collector's sight, so the next collection walks
    only what the last test made: a full walk of the whole heap before each test took most
    of the suite's time. A frozen object that later turns into garbage is never collected,
    on any thread; for a test run that is the safe side.
    """
    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def no_x_connection_left_open() -> Iterator[None]:
    """Every idle source and full-screen watch a test opens is closed again: the shared X
    connection of one test must never be handed to the next one on a reused display number."""
    yield
    from deskbreak.idle import x11

    left = {name: shared.users for name, shared in x11._shared.items()}
    for shared in list(x11._shared.values()):
        x11.release_display(shared.display, broken=True)
    assert not left, f"X connections left open by this test: {left}"


@pytest.fixture
def root() -> Iterator[tk.Tk]:
    """deskbreak's withdrawn, themed Tk root for one test; destroyed after it.

    Every window test hangs its windows from this. A test that needs a root of another
    kind (a bare ``tk.Tk()``, or one the app under test owns and destroys) makes its own.
    """
    tk_root = theme.make_root()
    yield tk_root
    tk_root.destroy()


@pytest.fixture
def users_entry(root: tk.Tk) -> tk.Entry:
    """A text field in a window of the user's, holding the keyboard, as when they type."""
    entry = tk.Entry(tk.Toplevel(root))
    entry.pack()
    root.update()
    entry.focus_force()
    root.update()
    return entry


@pytest.fixture
def pump_until(root: tk.Tk) -> Callable[..., bool]:
    """``pump_until(done, limit=5.0)``: run ``root``'s events until ``done()`` or the limit.

    Returns ``done()`` at the end, so a test can ``assert pump_until(...)``.
    """

    def pump(done: Callable[[], object], limit: float = 5.0) -> bool:
        deadline = time.monotonic() + limit
        while not done() and time.monotonic() < deadline:
            root.update()
            time.sleep(0.005)
        return bool(done())

    return pump


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The real-desktop tests (`make test-desktops`) need ~1.2 GB of packages: they run only
    when the -m expression names them, also when another -m replaced the one in addopts."""
    if "desktops" in (config.option.markexpr or ""):
        return
    kept = [item for item in items if item.get_closest_marker("desktops") is None]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept
