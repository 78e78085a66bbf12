"""The menu's routines come from the routine files alone, the user's over the shipped ones."""

from __future__ import annotations

import sys
from pathlib import Path

from deskbreak.shell import paths as app_paths
from deskbreak.shell.routine_menu import menu_labels


def test_the_shipped_routines_with_their_stated_length() -> None:
    labels = dict(menu_labels(None))
    assert labels["quick-reset"] == "Quick reset · 2 min"
    assert "daily-ritual" in labels


def test_the_users_routines_add_and_replace(isolated_dirs: Path) -> None:
    paths = app_paths.resolve()
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    (paths.config_dir / "routines.toml").write_text(
        '[[routine]]\nid = "quick-reset"\nname = "My reset"\nminutes = 3\n'
        '[[routine]]\nid = "mine"\nname = "Mine"\nminutes = 4.4\n'
        '[[routine]]\nname = "no id"\n'
    )
    labels = dict(menu_labels(paths))
    assert labels["quick-reset"] == "My reset · 3 min"
    assert labels["mine"] == "Mine · 4 min"
    assert len([k for k in labels if k]) == len(labels)


def test_a_broken_user_file_leaves_the_shipped_menu(isolated_dirs: Path) -> None:
    paths = app_paths.resolve()
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    (paths.config_dir / "routines.toml").write_text("[[routine\n")
    assert dict(menu_labels(paths)) == dict(menu_labels(None))


def test_the_menu_loads_no_movement_library() -> None:
    import subprocess

    code = (
        "import sys\n"
        "from deskbreak.shell.routine_menu import menu_labels\n"
        "menu_labels(None)\n"
        "assert 'deskbreak.core.library' not in sys.modules, sorted(sys.modules)\n"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
