"""Reading the user's routines.toml: a missing, unreadable or broken file never stops anything."""

from __future__ import annotations

from pathlib import Path

from deskbreak.core.library import load_library
from deskbreak.core.routines import load_plans
from deskbreak.core.settings import Settings
from deskbreak.shell import paths, user_routines

LIB = load_library()


def test_missing_unreadable_and_good_files(tmp_path: Path) -> None:
    where = paths.resolve(config_dir=tmp_path, data_dir=tmp_path / "d")
    shipped = [p.id for p in load_plans()]
    found = user_routines.load(where, LIB, Settings())
    assert [p.id for p in found.plans] == shipped and found.problems == []
    (tmp_path / "routines.toml").write_bytes(b"\xff\xfe\x00binary")
    found = user_routines.load(where, LIB, Settings())
    assert [p.id for p in found.plans] == shipped
    assert "cannot be read" in str(found.problems[0])
    (tmp_path / "routines.toml").write_text(
        '[[routine]]\nid = "walk-only"\nname = "Walk"\nminutes = 3\nsummary = "x"\n'
        'steps = [\n  { id = "desk-cat-cow", count = 3 },\n  { id = "walk", count = 14 },\n'
        '  { id = "calf-raise", count = 6 },\n]\n'
    )
    found = user_routines.load(where, LIB, Settings())
    assert found.problems == [] and found.user_ids == ("walk-only",)
    assert [p.id for p in found.plans] == [*shipped, "walk-only"]
