"""The settings dialog under Xvfb: reasons as you type, Save refused while invalid, comments kept."""

from __future__ import annotations

import shutil
import tkinter as tk
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from deskbreak.core.settings import Settings
from deskbreak.shell import configfile, resources
from deskbreak.ui import theme
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
def root() -> Iterator[tk.Tk]:
    root = theme.make_root()
    yield root
    root.destroy()


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
    assert "1 to 240" in dialog.tooltips["breaks.sit_limit_minutes"].msg  # type: ignore[attr-defined]
    assert str(dialog.save_button.cget("state")) != "disabled"


def test_invalid_input_shows_its_reason_and_blocks_save(root: tk.Tk, config: Path) -> None:
    before = config.read_text(encoding="utf-8")
    saved: list[Settings] = []
    dialog = open_dialog(root, config, saved)
    dialog.form.vars["breaks.sit_limit_minutes"].set("300")
    root.update()
    assert dialog.reasons["breaks.sit_limit_minutes"].cget("text") == "must be from 1 to 240"
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
    assert "# Offer a break after this many minutes of continuous sitting (1 to 240)." in text
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
