"""Remembered window places: kept on screen, other windows' entries untouched, bad files ignored."""

from __future__ import annotations

import json
from pathlib import Path

from deskbreak.ui.window_state import load_geometry, save_geometry


def test_round_trip_keeps_other_windows(tmp_path: Path) -> None:
    path = tmp_path / "state" / "windows.json"
    save_geometry(path, "progress", "600x400+10+10")
    save_geometry(path, "break", "480x600+40+30")
    assert json.loads(path.read_text()) == {"progress": "600x400+10+10", "break": "480x600+40+30"}
    assert load_geometry(path, "break", (360, 460), (1280, 800)) == "480x600+40+30"


def test_too_small_or_off_screen_is_corrected(tmp_path: Path) -> None:
    path = tmp_path / "windows.json"
    save_geometry(path, "break", "100x100+5000+-300")
    assert load_geometry(path, "break", (360, 460), (1280, 800)) == "360x460+920+0"


def test_missing_broken_or_foreign_files_give_nothing(tmp_path: Path) -> None:
    path = tmp_path / "windows.json"
    assert load_geometry(path, "break", (1, 1), (800, 600)) is None
    path.write_text("{not json")
    assert load_geometry(path, "break", (1, 1), (800, 600)) is None
    path.write_text('{"break": "huge"}')
    assert load_geometry(path, "break", (1, 1), (800, 600)) is None
    path.write_text("[1, 2]")
    save_geometry(path, "break", "400x500+0+0")  # a foreign file is replaced, not fatal
    assert load_geometry(path, "break", (1, 1), (800, 600)) == "400x500+0+0"
