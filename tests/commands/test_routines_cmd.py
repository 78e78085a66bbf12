from __future__ import annotations

import logging

import pytest

from deskbreak.cli import main
from deskbreak.commands import context, routines_cmd


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["routines"]) == 0
    out = capsys.readouterr().out
    for routine_id in ("quick-reset", "hips-midback", "seated", "daily-ritual", "wind-down"):
        assert routine_id in out
    assert "soften → organize → strengthen" in out and "5:11" in out


def test_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["routines", "show", "hips-midback"]) == 0
    out = capsys.readouterr().out
    assert "Hip hinge — 8 reps, one per breath" in out
    assert "\n10. Wall angels" not in out
    assert "Send the hips back as if closing a door" in out
    assert "Breathe in  (3 s): Send the hips back and hinge forward." in out
    assert "Supported split squat — 4 reps each side, one per breath" in out
    assert "Seated figure-4 stretch — hold for 2 slow breaths each side" in out
    assert "Breathe out (6 s, your pace): " in out  # soften moves follow the user's pace


def test_show_follows_the_users_breathing(capsys: pytest.CaptureFixture[str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "config"
    config.mkdir(exist_ok=True)
    (config / "config.toml").write_text("[breathing]\ninhale_seconds = 5\nexhale_seconds = 8\n")
    assert main(["routines", "show", "wind-down"]) == 0
    out = capsys.readouterr().out
    assert "Breathe in  (5 s, your pace):" in out and "Breathe out (8 s, your pace):" in out


def test_unknown_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["routines", "show", "nope"]) == 2
    assert "no routine called 'nope'" in capsys.readouterr().err


def test_a_config_that_cannot_be_read_still_lists_and_says_why(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(*_args: object, **_kw: object) -> None:
        raise RuntimeError("the config folder is a socket")

    monkeypatch.setattr(context, "load", broken)
    with caplog.at_level(logging.WARNING, logger=routines_cmd.__name__):
        assert main(["routines", "show", "wind-down"]) == 0
    assert "Breathe out (6 s, your pace):" in capsys.readouterr().out  # the default pace
    [warning] = caplog.records
    assert "the config folder is a socket" in warning.getMessage()
