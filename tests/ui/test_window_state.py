"""Remembered window places: other windows' entries untouched, bad files ignored."""

from __future__ import annotations

import json
from pathlib import Path

from deskbreak.ui.window_state import save_geometry, saved_geometry


def test_round_trip_keeps_other_windows(tmp_path: Path) -> None:
    path = tmp_path / "state" / "windows.json"
    save_geometry(path, "progress", "600x400+10+10")
    save_geometry(path, "break", "480x600+40+30")
    assert json.loads(path.read_text()) == {"progress": "600x400+10+10", "break": "480x600+40+30"}
    assert saved_geometry(path, "break") == "480x600+40+30"


def test_missing_broken_or_foreign_files_give_nothing(tmp_path: Path) -> None:
    path = tmp_path / "windows.json"
    assert saved_geometry(path, "break") is None
    path.write_text("{not json")
    assert saved_geometry(path, "break") is None
    path.write_text('{"break": "huge"}')
    assert saved_geometry(path, "break") is None
    path.write_text("[1, 2]")
    save_geometry(path, "break", "400x500+20+20")  # a foreign file is replaced, not fatal
    assert saved_geometry(path, "break") == "400x500+20+20"
