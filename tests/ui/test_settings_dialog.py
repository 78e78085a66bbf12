"""The settings dialog under Xvfb: reasons as you type, Save refused while invalid, comments kept."""

from __future__ import annotations

import shutil
import tkinter as tk
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from deskbreak.core.settings import Settings
from deskbreak.shell import configfile, resources
from deskbreak.ui import dialog_style, theme
from deskbreak.ui.settings_dialog import TITLE, SettingsDialog
from deskbreak.ui.settings_form import field_keys

pytestmark = pytest.mark.gui

ROUTINES = [
    ("quick-reset", "Quick reset"),
    ("daily-ritual", "Daily ritual"),
    ("long-reset", "Long reset"),
]
MOVEMENTS = [
    ("belly-breathing", "Belly breathing"),
    ("wall-angels", "Wall angels"),
    ("figure-4", "Seated figure-4"),
]
USER_COMMENT = "# my own note: keep the limit short, my back says so"


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "config" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(resources.default_config(), path)
    text = path.read_text(encoding="utf-8").replace("[breaks]\n", f"[breaks]\n{USER_COMMENT}\n")
    path.write_text(text, encoding="utf-8")
    return path


def open_dialog(root: tk.Tk, config: Path, saved: list[Settings], **extra: Any) -> SettingsDialog:
    options: dict[str, Any] = {
        "routines": ROUTINES,
        "movements": MOVEMENTS,
        "on_saved": saved.append,
    } | extra
    dialog = SettingsDialog(root, configfile.load(config).settings, config, **options)
    root.update()
    return dialog


def test_title_and_a_tooltip_on_every_field(root: tk.Tk, config: Path) -> None:
    dialog = open_dialog(root, config, [])
    assert dialog.title() == TITLE
    assert set(field_keys()) <= set(dialog.tooltips)
    assert "2 to 240" in dialog.tooltips["breaks.sit_limit_minutes"].msg  # type: ignore[attr-defined]
    assert str(dialog.save_button.cget("state")) != "disabled"


def test_invalid_input_shows_its_reason_and_blocks_save(root: tk.Tk, config: Path) -> None:
    before = config.read_text(encoding="utf-8")
    saved: list[Settings] = []
    dialog = open_dialog(root, config, saved)
    dialog.form.vars["breaks.sit_limit_minutes"].set("300")
    root.update()
    assert dialog.reasons["breaks.sit_limit_minutes"].cget("text") == "must be from 2 to 240"
    assert dialog.save_button.instate(["disabled"])
    assert dialog.widgets["breaks.sit_limit_minutes"].instate(["invalid"])  # type: ignore[attr-defined]
    assert "Sit limit" in dialog.status.cget("text")
    dialog.save_button.invoke()
    dialog.save()  # even called directly, nothing is written
    assert saved == []
    assert config.read_text(encoding="utf-8") == before

    dialog.form.vars["breaks.sit_limit_minutes"].set("45")
    root.update()
    assert dialog.reasons["breaks.sit_limit_minutes"].cget("text") == ""
    assert not dialog.save_button.instate(["disabled"])


def test_typing_key_by_key_into_a_field_updates_the_reason(root: tk.Tk, config: Path) -> None:
    dialog = open_dialog(root, config, [])
    entry = dialog.widgets["breaks.idle_reset_minutes"]
    entry.delete(0, "end")  # type: ignore[attr-defined]
    entry.insert("end", "x")  # type: ignore[attr-defined]
    root.update()
    assert "whole number" in dialog.reasons["breaks.idle_reset_minutes"].cget("text")
    entry.delete(0, "end")  # type: ignore[attr-defined]
    entry.insert("end", "60")  # type: ignore[attr-defined]
    root.update()
    assert (
        dialog.reasons["breaks.idle_reset_minutes"].cget("text")
        == "must be shorter than the sit limit"
    )


def test_a_valid_change_is_saved_with_comments_kept(root: tk.Tk, config: Path) -> None:
    saved: list[Settings] = []
    closed: list[bool] = []
    dialog = open_dialog(root, config, saved, on_closed=lambda: closed.append(True))
    dialog.form.vars["breaks.sit_limit_minutes"].set("40")
    dialog.form.vars["schedule.fri.end"].set("15:00")
    dialog.form.vars["breaks.prompt_routine"].set("Long reset")
    dialog.form.vars["app.sound"].set(False)
    dialog.avoid_listbox.selection_set(1)
    dialog.avoid_listbox.event_generate("<<ListboxSelect>>")
    root.update()
    dialog.save_button.invoke()
    root.update()

    assert len(saved) == 1 and closed == [True]
    new = saved[0]
    assert new.breaks.sit_limit_minutes == 40
    assert new.breaks.prompt_routine == "long-reset"
    assert new.app.sound is False
    assert new.movement.avoid == ("wall-angels",)
    assert new.schedule.hours_for("fri").end.strftime("%H:%M") == "15:00"
    assert not dialog.winfo_exists()

    text = config.read_text(encoding="utf-8")
    assert USER_COMMENT in text
    assert "# Offer a break after this many minutes of continuous sitting (2 to 240)." in text
    assert "sit_limit_minutes = 40" in text
    reloaded = configfile.load(config)
    assert reloaded.ok, reloaded.problems
    assert reloaded.settings == new


def test_usual_hours_carry_the_days_that_follow_them(root: tk.Tk, config: Path) -> None:
    dialog = open_dialog(root, config, [])
    dialog.form.vars["schedule.fri.end"].set("15:00")
    dialog.form.vars["schedule.end"].set("18:00")
    root.update()
    assert dialog.form.vars["schedule.mon.end"].get() == "18:00"
    assert dialog.form.vars["schedule.fri.end"].get() == "15:00"


def test_unticked_days_have_their_hours_disabled(root: tk.Tk, config: Path) -> None:
    dialog = open_dialog(root, config, [])
    assert dialog.widgets["schedule.sun.start"].instate(["disabled"])  # type: ignore[attr-defined]
    dialog.widgets["schedule.sun.on"].invoke()  # type: ignore[attr-defined]
    root.update()
    assert not dialog.widgets["schedule.sun.start"].instate(["disabled"])  # type: ignore[attr-defined]


def test_cancel_writes_nothing(root: tk.Tk, config: Path) -> None:
    before = config.read_bytes()
    saved: list[Settings] = []
    dialog = open_dialog(root, config, saved)
    dialog.form.vars["breaks.sit_limit_minutes"].set("30")
    dialog.cancel_button.invoke()
    root.update()
    assert saved == []
    assert config.read_bytes() == before
    assert not dialog.winfo_exists()


def test_adaptations_are_listed_and_reset_calls_back(root: tk.Tk, config: Path) -> None:
    resets: list[bool] = []
    dialog = open_dialog(
        root,
        config,
        [],
        adaptations=[("Seated figure-4", "easier variant after pain")],
        on_reset_adaptations=lambda: resets.append(True),
    )
    dialog.reset_button.invoke()
    assert resets == [True]
    dialog.destroy()
    dialog = open_dialog(root, config, [])
    assert not hasattr(dialog, "reset_button")


def test_reasons_come_from_the_validator_and_show_only_when_wrong(
    root: tk.Tk, config: Path
) -> None:
    dialog = open_dialog(root, config, [])
    reason = dialog.reasons["schedule.start"]
    assert not reason.winfo_ismapped()  # no empty line under a good field
    dialog.form.vars["schedule.start"].set("9am")
    root.update()
    assert reason.cget("text") == "must be a time from 00:00 to 23:59"
    assert reason.winfo_ismapped()
    dialog.form.vars["schedule.start"].set("09:00")
    root.update()
    assert not reason.winfo_ismapped()


def test_ctrl_a_selects_all_in_every_entry(root: tk.Tk, config: Path) -> None:
    """The class binding, then its handler on each kind of entry (a key event needs the
    focus, which a bare X server without a window manager hands out unreliably)."""
    dialog = open_dialog(root, config, [])
    for name in ("TEntry", "TSpinbox", "TCombobox", "Entry"):
        for sequence in ("<Control-a>", "<Control-A>"):
            assert "_select_all" in root.bind_class(name, sequence), (name, sequence)
    keys = ["schedule.start", "schedule.days_off", "breaks.sit_limit_minutes", "app.scale"]
    dialog.form.vars["schedule.days_off"].set("2026-12-24")
    for key in keys:
        entry: Any = dialog.widgets[key]
        entry.icursor(1)
        entry.selection_clear()
        assert dialog_style._select_all(SimpleNamespace(widget=entry)) == "break"  # type: ignore[arg-type]
        assert entry.selection_present(), key
        assert entry.selection_get() == entry.get(), key


def test_the_idle_reset_box_stops_below_the_sit_limit(root: tk.Tk, config: Path) -> None:
    dialog = open_dialog(root, config, [])
    idle: Any = dialog.widgets["breaks.idle_reset_minutes"]
    sit: Any = dialog.widgets["breaks.sit_limit_minutes"]
    assert float(idle.cget("to")) == 49  # the default sit limit is 50
    dialog.form.vars["breaks.sit_limit_minutes"].set("3")
    root.update()
    assert float(idle.cget("to")) == 2
    assert float(sit.cget("from")) == 2  # the lowest sit limit shown can be saved
    dialog.form.vars["breaks.sit_limit_minutes"].set("2")
    dialog.form.vars["breaks.idle_reset_minutes"].set("1")
    root.update()
    assert not dialog.errors
    dialog.form.vars["breaks.sit_limit_minutes"].set("200")
    root.update()
    assert float(idle.cget("to")) == 60


def test_days_off_theme_and_scale_are_saved(root: tk.Tk, config: Path) -> None:
    saved: list[Settings] = []
    dialog = open_dialog(root, config, saved)
    dialog.form.vars["schedule.days_off"].set("2026-12-31, 2026-12-24")
    dialog.form.vars["app.theme"].set("Dark")
    dialog.form.vars["app.scale"].set("1.5")
    root.update()
    dialog.save_button.invoke()
    root.update()
    [new] = saved
    assert [d.isoformat() for d in new.schedule.days_off] == ["2026-12-24", "2026-12-31"]
    assert (new.app.theme, new.app.scale) == ("dark", 1.5)
    text = config.read_text(encoding="utf-8")
    assert 'days_off = ["2026-12-24", "2026-12-31"]' in text
    assert 'theme = "dark"' in text and "scale = 1.5" in text
    assert configfile.load(config).settings == new


def test_a_bad_day_off_blocks_save_with_its_reason(root: tk.Tk, config: Path) -> None:
    dialog = open_dialog(root, config, [])
    dialog.form.vars["schedule.days_off"].set("2026-12-24, christmas")
    root.update()
    assert dialog.reasons["schedule.days_off"].cget("text") == (
        '"christmas" is not a date like 2026-12-24'
    )
    assert dialog.save_button.instate(["disabled"])
    assert "Days off" in dialog.status.cget("text")


@pytest.mark.parametrize("scale", [1.0, 2.0])
@pytest.mark.parametrize("dark", [False, True])
def test_every_tab_fits_a_small_screen(config: Path, scale: float, dark: bool) -> None:
    """1366x768 at 1x and 2x: the dialog, with its tallest tab, stays inside the screen."""
    root = theme.make_root(scaling=scale)
    try:
        dialog = open_dialog(
            root, config, [], adaptations=[("Seated figure-4", "easier")], dark=dark
        )
        for index in range(len(dialog.notebook.tabs())):
            dialog.notebook.select(index)
            root.update()
            assert dialog.winfo_reqwidth() <= 1366 - 40
            assert dialog.winfo_reqheight() <= 768 - 60  # room for a panel and a title bar
        dialog.destroy()
    finally:
        root.destroy()


def test_a_progression_can_be_undone_from_the_list(root: tk.Tk, config: Path) -> None:
    undone: list[str] = []
    dialog = open_dialog(
        root,
        config,
        [],
        adaptations=[
            ("Calf raise", "2 more reps in the daily ritual since 10 Mar."),
            ("Seated figure-4", "easier variant after pain"),
        ],
        undo={"Calf raise": lambda: undone.append("calf-raise")},
    )
    assert list(dialog.undo_buttons) == ["Calf raise"]
    dialog.undo_buttons["Calf raise"].invoke()
    assert undone == ["calf-raise"]
    assert str(dialog.undo_buttons["Calf raise"].cget("state")) == "disabled"
    dialog.destroy()
