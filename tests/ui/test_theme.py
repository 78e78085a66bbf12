"""[app] theme and [app] scale: chosen in the settings, overridden by the environment."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Iterator

import pytest

from deskbreak.ui import theme

pytestmark = pytest.mark.gui


@pytest.fixture
def root(monkeypatch: pytest.MonkeyPatch) -> Iterator[tk.Tk]:
    monkeypatch.delenv("DESKBREAK_THEME", raising=False)
    monkeypatch.delenv("DESKBREAK_SCALE", raising=False)
    monkeypatch.delenv("GTK_THEME", raising=False)
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", "/nonexistent")
    root = theme.make_root()
    yield root
    theme.use_settings(root, "system", None)
    root.destroy()


def _scaling(root: tk.Tk) -> float:
    return float(root.tk.call("tk", "scaling"))


def test_the_chosen_theme_picks_the_palette(root: tk.Tk) -> None:
    assert theme.palette() is theme.LIGHT  # nothing says dark here
    theme.use_settings(root, "dark", None)
    assert theme.palette() is theme.DARK
    theme.use_settings(root, "light", None)
    assert theme.palette() is theme.LIGHT
    theme.use_settings(root, "system", None)
    assert theme.palette() is theme.LIGHT


def test_the_environment_overrides_the_chosen_theme(
    root: tk.Tk, monkeypatch: pytest.MonkeyPatch
) -> None:
    theme.use_settings(root, "dark", None)
    monkeypatch.setenv("DESKBREAK_THEME", "light")
    assert theme.palette() is theme.LIGHT


def test_a_scale_sets_tk_scaling_and_auto_restores_the_screens(root: tk.Tk) -> None:
    screen = _scaling(root)
    theme.use_settings(root, "system", 2.0)
    assert _scaling(root) == pytest.approx(2.0 * 96 / 72, rel=0.01)
    theme.use_settings(root, "system", 1.25)
    assert _scaling(root) == pytest.approx(1.25 * 96 / 72, rel=0.01)
    theme.use_settings(root, "system", None)
    assert _scaling(root) == pytest.approx(screen, rel=0.01)


def test_deskbreak_scale_in_the_environment_wins(
    root: tk.Tk, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _scaling(root)
    monkeypatch.setenv("DESKBREAK_SCALE", "1.5")
    theme.use_settings(root, "system", 2.0)
    assert _scaling(root) == pytest.approx(before)


def _net_wm_icon_longs(top: tk.Toplevel) -> int:
    """How many 32-bit values the X server holds in the toplevel's _NET_WM_ICON."""
    from Xlib import X
    from Xlib.display import Display

    display = Display(top.winfo_screen())
    try:
        inner = display.create_resource_object("window", top.winfo_id())
        wrapper = inner.query_tree().parent  # Tk puts the WM properties on its wrapper
        prop = wrapper.get_full_property(display.intern_atom("_NET_WM_ICON"), X.AnyPropertyType)
        return 0 if prop is None else len(prop.value)
    finally:
        display.close()


def _our_images(root: tk.Tk) -> list[str]:
    return [name for name in root.image_names() if not str(name).startswith("::tk::")]


def test_the_tray_sets_the_window_icon_only_before_its_first_window() -> None:
    root = theme.make_root(window_icon=False)
    try:
        assert _our_images(root) == []  # no photo held while the tray only idles
        theme.set_window_icon(root)
        theme.set_window_icon(root)  # asked again: the same photos, not a second set
        assert len(_our_images(root)) == 4
        marked = tk.Toplevel(root)
        marked.update()
        sizes = (16, 32, 48, 128)
        assert _net_wm_icon_longs(marked) == sum(2 + size * size for size in sizes)
    finally:
        root.destroy()
