"""The config file while the app runs: hand edits applied, broken ones reported and kept out."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from deskbreak.core.settings import Settings
from deskbreak.engine import config_watch
from deskbreak.engine.config_watch import ConfigWatch
from deskbreak.shell import configfile, resources

GOOD_EDIT = "[breaks]\nsit_limit_minutes = 35\n"
BROKEN_EDIT = "[breaks]\nsit_limit_minutes = = 35\n"


def edit(path: Path, text: str) -> None:
    """A hand edit: new text and a later modification time (coarse clocks tick slowly)."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text, encoding="utf-8")
    later = before + 2_000_000_000
    os.utime(path, ns=(later, later))


@pytest.fixture
def config(tmp_path: Path) -> Path:
    return tmp_path / "config" / "config.toml"


@pytest.fixture
def watch(config: Path) -> ConfigWatch:
    watch = ConfigWatch(config)
    assert watch.first_read() == Settings()
    return watch


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every path ``configfile.load`` is asked to read from now on."""
    seen: list[Path] = []
    real = configfile.load

    def counting(path: Path) -> configfile.LoadedConfig:
        seen.append(path)
        return real(path)

    monkeypatch.setattr(configfile, "load", counting)
    return seen


def test_first_run_writes_the_commented_default_and_reads_it(
    config: Path, watch: ConfigWatch
) -> None:
    assert config.read_text(encoding="utf-8") == resources.default_config().read_text(
        encoding="utf-8"
    )
    assert watch.problem is None


def test_a_broken_file_at_start_means_defaults_and_a_notice(
    config: Path, caplog: pytest.LogCaptureFixture
) -> None:
    config.parent.mkdir(parents=True)
    config.write_text(BROKEN_EDIT, encoding="utf-8")
    watch = ConfigWatch(config)
    with caplog.at_level(logging.WARNING, logger=config_watch.__name__):
        assert watch.first_read() == Settings()
    assert watch.problem is not None and "deskbreak config check" in watch.problem
    assert str(config) in caplog.text
    assert config.read_text(encoding="utf-8") == BROKEN_EDIT  # the user's file is left alone


def test_an_unwritable_folder_runs_on_the_defaults(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    watch = ConfigWatch(blocker / "config.toml")
    with caplog.at_level(logging.WARNING, logger=config_watch.__name__):
        assert watch.first_read() == Settings()
    assert "using the defaults" in caplog.text


def test_an_unchanged_file_is_not_read_again(
    config: Path, watch: ConfigWatch, loads: list[Path]
) -> None:
    for _ in range(3):
        assert watch.changed() is None
    assert loads == []


def test_a_hand_edit_is_picked_up_once(config: Path, watch: ConfigWatch, loads: list[Path]) -> None:
    edit(config, GOOD_EDIT)
    applied = watch.changed()
    assert applied is not None and applied.breaks.sit_limit_minutes == 35
    assert watch.problem is None
    assert watch.changed() is None  # the same edit is not applied twice
    assert loads == [config]


def test_a_broken_edit_is_reported_and_not_applied(
    config: Path, watch: ConfigWatch, caplog: pytest.LogCaptureFixture
) -> None:
    edit(config, GOOD_EDIT)
    assert watch.changed() is not None
    edit(config, BROKEN_EDIT)
    with caplog.at_level(logging.WARNING, logger=config_watch.__name__):
        assert watch.changed() is None
    assert watch.problem == "Config edit not applied: run `deskbreak config check`"
    assert "config not applied" in caplog.text
    assert watch.changed() is None  # reported once, not on every wake

    edit(config, "[breaks]\nsit_limit_minutes = 40\n")  # fixed: applied, notice gone
    fixed = watch.changed()
    assert fixed is not None and fixed.breaks.sit_limit_minutes == 40
    assert watch.problem is None


def test_an_out_of_range_value_is_not_applied_either(config: Path, watch: ConfigWatch) -> None:
    edit(config, "[breaks]\nsit_limit_minutes = 100000\n")
    assert watch.changed() is None
    assert watch.problem is not None


def test_a_deleted_file_means_the_defaults_again(config: Path, watch: ConfigWatch) -> None:
    edit(config, GOOD_EDIT)
    assert watch.changed() is not None
    config.unlink()
    assert watch.changed() == Settings()  # a missing file is the defaults, not an error
    assert watch.problem is None
    assert watch.changed() is None  # and still gone is no change
    assert not config.exists()  # only the first read writes the default file


def test_our_own_save_is_not_a_hand_edit(
    config: Path, watch: ConfigWatch, loads: list[Path]
) -> None:
    edit(config, BROKEN_EDIT)
    assert watch.changed() is None and watch.problem is not None
    edit(config, GOOD_EDIT)  # as the settings dialog would write it
    watch.saved()
    assert watch.problem is None
    assert watch.changed() is None
    assert loads == [config]  # only the broken edit was read
