"""The command line loads only the command it runs: the tray app keeps no other parser's code."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from deskbreak import cli
from deskbreak.commands import parsing, run_cmd


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], ["run_cmd"]),
        (["-v"], ["run_cmd"]),
        (["--config-dir", "stats"], ["run_cmd"]),  # an option's value is not a command
        (["--conf", "doctor", "run"], ["run_cmd"]),  # nor is an abbreviated option's
        (["run"], ["run_cmd"]),
        (["stats", "--json"], ["stats_cmd"]),
        (["import", "x.json"], ["stats_cmd"]),
        (["--data-dir", "d", "routines", "show", "quick-reset"], ["routines_cmd"]),
        (["install-desktop"], ["desktop_cmd"]),
    ],
)
def test_one_command_loads_one_module(argv: list[str], expected: list[str]) -> None:
    names = [module.__name__.rpartition(".")[2] for module in parsing.command_modules(argv)]
    assert names == expected


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["bogus"], ["--config-dir"]])
def test_help_version_and_mistakes_see_every_command(argv: list[str]) -> None:
    names = {module.__name__.rpartition(".")[2] for module in parsing.command_modules(argv)}
    assert names == set(parsing.COMMANDS.values())


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    for command in parsing.COMMANDS:
        assert command in out


def test_an_unknown_command_is_named_with_the_choices(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["bogus"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'bogus'" in err and "doctor" in err


def test_running_the_tray_parses_without_the_other_commands() -> None:
    script = textwrap.dedent(
        """
        import sys
        from deskbreak.commands import parsing
        args = parsing.parse(["-v"])
        assert args.command == "run" and args.verbose, args
        loaded = sorted(m for m in sys.modules if m.startswith("deskbreak.commands."))
        print(loaded)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "stats_cmd" not in result.stdout and "doctor_cmd" not in result.stdout
    assert "run_cmd" in result.stdout


def test_the_plain_start_is_what_the_parser_gives_for_no_words() -> None:
    parsed = vars(parsing.parse([]))
    assert parsed == vars(run_cmd.PLAIN_START)


def test_starting_the_tray_with_no_words_loads_no_parser() -> None:
    """The desktop entry and autostart run plain `deskbreak`: argparse stays out of memory."""
    script = textwrap.dedent(
        """
        import sys
        from deskbreak import cli
        from deskbreak.commands import run_cmd
        seen = []
        run_cmd.run = lambda args: seen.append(args) or 0
        run_cmd.PLAIN_START.func = run_cmd.run
        assert cli.main([]) == 0 and seen == [run_cmd.PLAIN_START]
        print("argparse" in sys.modules, "gettext" in sys.modules)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]
