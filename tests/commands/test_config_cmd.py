"""`deskbreak config path|check|edit` and the CLI frame."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from deskbreak import __version__
from deskbreak.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"deskbreak {__version__}"


def test_python_dash_m_runs_the_same_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "deskbreak", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"deskbreak {__version__}"


@pytest.mark.parametrize("command", ["break", "routines", "stats", "config", "doctor", "autostart"])
def test_every_subcommand_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: deskbreak " + command in capsys.readouterr().out


def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["no-such-command"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_config_path_follows_env_and_flags(
    isolated_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["config", "path"]) == 0
    assert capsys.readouterr().out.strip() == str(isolated_dirs / "config" / "config.toml")
    assert main(["--config-dir", "/tmp/elsewhere", "config", "path"]) == 0
    assert capsys.readouterr().out.strip() == "/tmp/elsewhere/config.toml"
    assert main(["config", "path", "--config-dir", "/tmp/other"]) == 0
    assert capsys.readouterr().out.strip() == "/tmp/other/config.toml"


def test_config_check_good_and_broken(
    isolated_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = isolated_dirs / "config" / "config.toml"
    config.parent.mkdir()
    config.write_text("[breaks]\nsit_limit_minutes = 45\n")
    assert main(["config", "check"]) == 0
    assert "OK" in capsys.readouterr().out

    config.write_text("[breaks\nsit_limit_minutes = 45\n")
    assert main(["config", "check"]) == 2
    err = capsys.readouterr().err
    assert str(config) in err and "line 1" in err

    config.write_text("[breaks]\nsit_limit_minutes = 0\nsnoze_minutes = 5\n")
    assert main(["config", "check"]) == 2
    err = capsys.readouterr().err
    assert "breaks.sit_limit_minutes" in err and "2 to 240" in err
    assert 'did you mean "breaks.snooze_minutes"' in err


def test_config_edit_opens_the_editor_on_the_user_file(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen = tmp_path / "seen.txt"
    editor = tmp_path / "fake-editor"
    editor.write_text(f'#!/bin/sh\necho "$1" > {seen}\n')
    editor.chmod(0o755)
    monkeypatch.setenv("VISUAL", str(editor))
    assert main(["config", "edit"]) == 0
    config = isolated_dirs / "config" / "config.toml"
    assert seen.read_text().strip() == str(config)
    assert "[breaks]" in config.read_text(), "the commented default was written first"


def test_config_check_names_routines_and_movements_that_do_not_exist(
    isolated_dirs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = isolated_dirs / "config" / "config.toml"
    config.parent.mkdir()
    config.write_text(
        '[breaks]\nprompt_routine = "quick-rest"\n\n[movement]\navoid = ["no-such-move"]\n'
    )
    assert main(["config", "check"]) == 2
    err = capsys.readouterr().err
    assert '"quick-rest" is not a routine' in err and "quick-reset" in err
    assert '"no-such-move" is not a movement id' in err
