"""The tray app's wiring, under Xvfb with the do-nothing tray backend and a fake clock."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PIL import Image

from deskbreak.app import TrayApp
from deskbreak.core.clock import FakeClock
from deskbreak.core.commands import (
    Pause,
    Quit,
    Resume,
    ShowAbout,
    ShowProgress,
    ShowSettings,
    TakeBreak,
)
from deskbreak.core.policy import State
from deskbreak.core.records import DaySitting
from deskbreak.shell import paths
from deskbreak.shell.store import Store
from deskbreak.ui import theme
from deskbreak.ui.tray import IMAGE_SIZE, Tray
from deskbreak.ui.tray_art import IconMode, IconState, draw_icon

pytestmark = pytest.mark.gui

BERLIN = ZoneInfo("Europe/Berlin")


def _start() -> TrayApp:
    # Not the shared `root` fixture: the app under test owns its root (it must outlive
    # app.quit(), which _stop calls first), and the restart test starts the app mid-test.
    root = theme.make_root()
    # a Wednesday, before the ritual reminder (09:30): a later start catches it up at once
    clock = FakeClock(datetime(2026, 11, 25, 9, 0, tzinfo=BERLIN))
    tray_app = TrayApp(root, paths.resolve(), clock=clock, tray_backend="dummy")
    tray_app.start()
    root.update()
    return tray_app


def _stop(tray_app: TrayApp) -> None:
    tray_app.quit()
    tray_app.root.destroy()


@pytest.fixture
def app(isolated_dirs: Path) -> Iterator[TrayApp]:
    tray_app = _start()
    yield tray_app
    _stop(tray_app)


def test_a_restart_adds_to_todays_figures_and_never_resets_them(isolated_dirs: Path) -> None:
    earlier = DaySitting(date(2026, 11, 25), 3600.0, 1800.0, 2, 3, 1, 1, 1)
    store = Store.for_paths(paths.resolve())
    store.record_day(earlier)
    store.close()
    tray_app = _start()
    tray_app.clock.advance(600)  # type: ignore[attr-defined]
    tray_app._wake()
    _stop(tray_app)
    store = Store.for_paths(paths.resolve())
    [today] = [d for d in store.days() if d.day == earlier.day]
    store.close()
    assert today.sitting_seconds >= earlier.sitting_seconds
    assert today.longest_spell_seconds >= earlier.longest_spell_seconds
    assert today.prompts_shown >= earlier.prompts_shown
    assert today.natural_breaks >= earlier.natural_breaks


def test_first_start_writes_the_commented_config_and_opens_no_window(app: TrayApp) -> None:
    text = app.paths.config_file.read_text()
    assert "# Offer a break after this many minutes" in text
    assert app.windows == {}
    assert [w for w in app.root.winfo_children() if isinstance(w, tk.Toplevel)] == []


def test_settings_saved_in_the_dialog_take_effect_at_once(app: TrayApp) -> None:
    app.commands.post(ShowSettings())
    app.root.update()
    dialog = app.windows["settings"]
    app.root.update()
    dialog.form.vars["breaks.sit_limit_minutes"].set("35")
    app.root.update()
    dialog.save_button.invoke()
    app.root.update()
    assert app.engine.status().limit_seconds == 35 * 60
    assert "sit_limit_minutes = 35" in app.paths.config_file.read_text()
    assert "settings" not in app.windows


def test_colours_and_size_saved_in_the_dialog_reach_the_next_window(
    app: TrayApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DESKBREAK_THEME", raising=False)
    monkeypatch.delenv("DESKBREAK_SCALE", raising=False)
    app.commands.post(ShowSettings())
    app.root.update()
    dialog = app.windows["settings"]
    dialog.form.vars["app.theme"].set("Dark")
    dialog.form.vars["app.scale"].set("2")
    app.root.update()
    dialog.save_button.invoke()
    app.root.update()
    try:
        assert theme.palette() is theme.DARK
        assert float(app.root.tk.call("tk", "scaling")) == pytest.approx(2 * 96 / 72, rel=0.01)
        app.commands.post(ShowAbout())
        app.root.update()
        assert app.windows["about"].cget("background") == theme.DARK.background
    finally:
        theme.use_settings(app.root, "system", None)


def test_a_hand_edit_is_picked_up_and_a_broken_one_is_not_applied(app: TrayApp) -> None:
    config = app.paths.config_file
    config.write_text(
        config.read_text().replace("sit_limit_minutes = 50", "sit_limit_minutes = 42")
    )
    app._wake()
    assert app.settings.breaks.sit_limit_minutes == 42
    assert app.engine.status().limit_seconds == 42 * 60

    config.write_text(
        config.read_text().replace("sit_limit_minutes = 42", "sit_limit_minutes = = 9")
    )
    app._wake()
    assert app.settings.breaks.sit_limit_minutes == 42, "a broken edit is not applied"
    assert (text := app.notices.text()) is not None and "not applied" in text


def test_tray_commands_reach_the_daemon(app: TrayApp) -> None:
    app.commands.post(Pause(30))
    app.root.update()
    status = app.engine.status()
    assert status.state is State.PAUSED
    assert status.paused_until is not None
    app.commands.post(Resume())
    app.root.update()
    assert app.engine.status().state is not State.PAUSED


def test_a_break_from_the_tray_opens_one_window_and_ends_the_spell(app: TrayApp) -> None:
    app.commands.post(TakeBreak())
    app.root.update()
    window = app.windows["break"]
    assert window.title().startswith("deskbreak — ")
    assert app.engine.status().state is State.IN_BREAK
    app.commands.post(TakeBreak("quick-reset"))  # a second ask raises the same window
    app.root.update()
    assert app.windows["break"] is window
    window.close()
    app.root.update()
    assert "break" not in app.windows
    assert app.engine.status().state is not State.IN_BREAK


def test_progress_and_about_open_once_each(app: TrayApp) -> None:
    for _ in range(2):
        app.commands.post(ShowProgress())
        app.commands.post(ShowAbout())
        app.root.update()
    titles = sorted(w.title() for w in app.root.winfo_children() if isinstance(w, tk.Toplevel))
    assert titles == ["deskbreak — About", "deskbreak — Progress"]


def test_quit_flushes_and_stops(app: TrayApp) -> None:
    app.commands.post(Quit())
    app.root.update()
    assert app._quitting
    assert app.store.days(), "today's sitting figures were written on the way out"


def _widgets(widget: tk.Misc) -> int:
    return 1 + sum(_widgets(child) for child in widget.winfo_children())


def _x_windows(display_name: str) -> int:
    from Xlib import display

    conn = display.Display(display_name)
    try:

        def count(window: object) -> int:
            children = window.query_tree().children  # type: ignore[attr-defined]
            return 1 + sum(count(child) for child in children)

        return count(conn.screen().root)
    finally:
        conn.close()


def _run_a_break(app: TrayApp) -> None:
    app.commands.post(TakeBreak())
    app.root.update()
    window = app.windows["break"]
    if window.view == "first_run":
        window.begin()
    window.stop()
    window.answer(2)
    window.finish_rating()  # recorded: the tray says the break is over at once
    app.root.update()
    assert app.engine.status().state is not State.IN_BREAK
    assert "On a break" not in (app.tray._title or "")
    window.close()
    app.root.update()


def test_fifty_menus_and_five_breaks_leave_no_widget_or_window_behind(app: TrayApp) -> None:
    from deskbreak.core.commands import OpenTrayMenu

    display_name = app.root.winfo_screen()

    def open_and_close_menu() -> None:
        app.commands.post(OpenTrayMenu(600, 500))
        app.root.update()
        app.controller.tray_menus.popup.menu.unpost()
        app.root.update()

    open_and_close_menu()  # the first menu and the first break make what is kept for good
    _run_a_break(app)
    widgets, windows = _widgets(app.root), _x_windows(display_name)
    for _ in range(50):
        open_and_close_menu()
    for _ in range(5):
        _run_a_break(app)
    open_and_close_menu()
    app.root.update()
    assert _widgets(app.root) == widgets
    assert _x_windows(display_name) == windows


def test_the_menu_heads_with_the_status_and_greys_what_cannot_act(app: TrayApp) -> None:
    menu = app.tray.menu
    assert menu[0].label.startswith("Sitting ") and not menu[0].enabled
    snooze = next(e for e in menu if e.label.startswith("Snooze"))
    assert not snooze.enabled  # nothing is offered yet
    app.commands.post(Pause(30))
    app.root.update()
    assert app.tray.menu[0].label.startswith("Paused until ")
    pause = next(e for e in app.tray.menu if e.label == "Pause")
    assert next(e for e in pause.submenu if e.label == "Resume").enabled


def test_hovering_the_xembed_icon_shows_the_status_and_leaving_hides_it(app: TrayApp) -> None:
    import time

    from deskbreak.core.commands import HoverTrayIcon

    app.commands.post(HoverTrayIcon(700, 770, True))
    app.root.update()
    deadline = time.monotonic() + 3
    while (
        not (app.controller.tray_menus.tip and app.controller.tray_menus.tip.shown)
        and time.monotonic() < deadline
    ):
        app.root.update()
        time.sleep(0.02)
    assert app.controller.tray_menus.tip.shown
    shown = app.controller.tray_menus.tip.label.cget("text")
    assert shown == app.tray.title and "Sitting" in shown
    tip = app.controller.tray_menus.tip.window
    assert tip.winfo_rooty() + tip.winfo_height() <= tip.winfo_screenheight()
    app.commands.post(HoverTrayIcon(700, 770, False))
    app.root.update()
    assert not app.controller.tray_menus.tip.shown


def _start_at(hour: int, minute: int) -> TrayApp:
    root = theme.make_root()
    clock = FakeClock(datetime(2026, 11, 25, hour, minute, tzinfo=BERLIN))
    tray_app = TrayApp(root, paths.resolve(), clock=clock, tray_backend="dummy")
    tray_app.start()
    root.update()
    return tray_app


@pytest.mark.parametrize(("hour", "mode"), [(10, IconMode.SITTING), (22, IconMode.OFF_HOURS)])
def test_the_first_icon_already_shows_whether_it_is_work_time(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch, hour: int, mode: IconMode
) -> None:
    """The panel shows the first icon before the engine's first status: an active icon
    at 22:00 would be wrong for that moment (xfce4-panel showed it ~0.1 s, then off-hours)."""
    first_images: list[Image.Image] = []
    monkeypatch.setattr(Tray, "start", lambda _tray, image, _title: first_images.append(image))
    tray_app = _start_at(hour, 0)
    try:
        [image] = first_images
        assert image.tobytes() == draw_icon(IMAGE_SIZE, IconState(mode)).tobytes()
    finally:
        _stop(tray_app)


def test_the_ritual_is_caught_up_once_and_not_again_after_a_restart(isolated_dirs: Path) -> None:
    first = _start_at(8, 0)  # the first run ever writes the config: nothing is caught up
    assert "prompt" not in first.windows
    _stop(first)
    later = _start_at(10, 0)  # the 09:30 reminder was missed while the app was not running
    try:
        assert "prompt" in later.windows, "a missed ritual is offered once when the app runs"
        prompt = later.windows["prompt"]
        prompt.skip_button.invoke()  # type: ignore[attr-defined]  # answered: done for today
        later.root.update()
    finally:
        _stop(later)
    again = _start_at(10, 30)
    try:
        assert "prompt" not in again.windows, "answered today: a restart does not ask again"
    finally:
        _stop(again)
