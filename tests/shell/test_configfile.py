"""The config file: comments survive a save, a crash mid-save leaves the old file, bad files fall back."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from deskbreak.core.settings import Settings
from deskbreak.shell import configfile, resources


@pytest.fixture
def user_config(tmp_path: Path) -> Path:
    path = tmp_path / "user" / "config.toml"
    assert configfile.ensure_user_config(path)
    text = path.read_text()
    text = text.replace("[breaks]", "# my own note about breaks\n[breaks]")
    text = text.replace("snooze_minutes = 10", "snooze_minutes = 15  # meetings run long")
    path.write_text(text)
    return path


def test_first_run_copies_the_commented_default(tmp_path: Path) -> None:
    path = tmp_path / "new" / "config.toml"
    assert configfile.ensure_user_config(path)
    assert path.read_text() == resources.default_config().read_text()
    assert not configfile.ensure_user_config(path), "an existing file is never overwritten"


def test_default_file_is_complete_and_valid() -> None:
    loaded = configfile.load(resources.default_config())
    assert loaded.ok, loaded.problems
    assert loaded.settings == Settings()


def test_every_default_key_has_a_comment_with_its_range() -> None:
    lines = resources.default_config().read_text().splitlines()
    for index, line in enumerate(lines):
        if "=" in line and not line.startswith("#"):
            above = lines[index - 1]
            assert above.startswith("#"), f"no comment above {line!r}"


def test_save_keeps_comments_order_and_applies_changes(user_config: Path) -> None:
    loaded = configfile.load(user_config)
    assert loaded.settings.breaks.snooze_minutes == 15
    changed = replace(loaded.settings, breaks=replace(loaded.settings.breaks, sit_limit_minutes=35))
    configfile.save(user_config, changed)
    text = user_config.read_text()
    assert "# my own note about breaks" in text
    assert "snooze_minutes = 15  # meetings run long" in text
    assert "sit_limit_minutes = 35" in text
    assert text.index("[schedule]") < text.index("[breaks]") < text.index("[app]")
    assert configfile.load(user_config).settings == changed


def test_save_of_unchanged_settings_changes_nothing(user_config: Path) -> None:
    before = user_config.read_text()
    configfile.save(user_config, configfile.load(user_config).settings)
    assert user_config.read_text() == before


def test_crash_between_write_and_rename_leaves_the_old_file(
    user_config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = user_config.read_text()

    def crash(*_args: object) -> None:
        raise OSError("power cut")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        configfile.save(user_config, Settings())
    assert user_config.read_text() == before
    assert [p.name for p in user_config.parent.iterdir()] == ["config.toml"], "no temp file left"


def test_saved_file_is_private(user_config: Path) -> None:
    configfile.save(user_config, Settings())
    assert user_config.stat().st_mode & 0o777 == 0o600


def test_syntax_error_names_file_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[breaks]\nsit_limit_minutes = = 3\n")
    loaded = configfile.load(path)
    assert loaded.settings == Settings()
    assert loaded.fatal is not None
    assert str(path) in loaded.fatal and "line 2" in loaded.fatal and "column" in loaded.fatal
    assert path.read_text() == "[breaks]\nsit_limit_minutes = = 3\n", "the user's file is untouched"


@pytest.mark.parametrize(
    "content, expected",
    [
        (b"", None),
        (b"\x00\xff\xfe binary \x89PNG", "not a text file"),
        (b"# " + b"x" * 10_000_000, "larger than 1 MB"),
    ],
)
def test_empty_binary_and_huge_files(tmp_path: Path, content: bytes, expected: str | None) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(content)
    loaded = configfile.load(path)
    assert loaded.settings == Settings()
    if expected is None:
        assert loaded.ok
    else:
        assert loaded.fatal and expected in loaded.fatal


def test_unreadable_file_falls_back(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.mkdir()  # a folder where the file should be: reading fails on any user, even root
    loaded = configfile.load(path)
    assert loaded.settings == Settings()
    assert loaded.fatal and "cannot be read" in loaded.fatal


def test_bad_value_message_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[app]\nweekly_goal_days = 9\n")
    loaded = configfile.load(path)
    assert loaded.settings.app.weekly_goal_days == 5
    [message] = loaded.messages(path)
    assert (
        message.startswith(str(path)) and "app.weekly_goal_days" in message and "1 to 7" in message
    )


def test_a_day_set_back_to_common_hours_loses_its_table(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[schedule]\nstart = "09:00"\n\n[schedule.fri]\nend = "15:00"\n')
    settings = configfile.load(path).settings
    assert "fri" in settings.schedule.per_day
    configfile.save(path, replace(settings, schedule=replace(settings.schedule, per_day={})))
    assert "[schedule.fri]" not in path.read_text()
    assert configfile.load(path).settings.schedule.per_day == {}
