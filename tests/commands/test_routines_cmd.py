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
    assert "soften → organize → strengthen" in out and "5:15" in out and "walk-break" in out


def test_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["routines", "show", "hips-midback"]) == 0
    out = capsys.readouterr().out
    assert "Hip hinge — 6 reps, one per breath" in out
    assert "Support: Hands on the edge of a desk" in out
    assert "\n10. Wall angels" not in out
    assert "Send the hips back as if closing a door" in out
    assert "Breathe in  (3 s): Send the hips back and hinge forward." in out
    assert "Standing hip-front stretch — hold for 3 slow breaths each side" in out
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


def test_check_without_a_file_says_the_shipped_routines_are_used(
    capsys: pytest.CaptureFixture[str], isolated_dirs: object
) -> None:
    assert main(["routines", "check"]) == 0
    assert "shipped routines are used" in capsys.readouterr().out


def test_check_names_file_line_and_key_and_list_keeps_working(
    capsys: pytest.CaptureFixture[str], isolated_dirs: object
) -> None:
    from deskbreak.shell import paths

    config_dir = paths.resolve().config_dir
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "routines.toml").write_text(
        '[[routine]]\nid = "mine"\nname = "Mine"\nminutes = 2\nsummary = "x"\n'
        'steps = [\n  { id = "belly-breathing", count = 2 },\n  { id = "nope" },\n]\n'
    )
    assert main(["routines", "check"]) == 2
    err = capsys.readouterr().err
    assert "routines.toml, line 8, routine 'mine'.steps[2].id" in err
    assert main(["routines"]) == 0  # a broken file never stops anything
    assert "quick-reset" in capsys.readouterr().out
