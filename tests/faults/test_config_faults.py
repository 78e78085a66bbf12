"""Config faults: every key wrong in two ways, and SIGKILL at random moments of a save."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import tomlkit

from deskbreak.core.setting_specs import BY_KEY, SPECS
from deskbreak.core.settings import Settings
from deskbreak.shell import configfile

#: A full, valid config whose every value differs from the default, so "kept" is visible.
GOOD: dict[str, dict[str, Any]] = {
    "schedule": {
        "workdays": ["mon", "tue", "wed"],
        "start": "08:15",
        "end": "16:45",
        "days_off": ["2026-12-24"],
    },
    "breaks": {
        "sit_limit_minutes": 45,
        "idle_reset_minutes": 4,
        "snooze_minutes": 7,
        "max_snoozes": 3,
        "prompt_routine": "mid-back-reset",
        "outside_work_hours": True,
    },
    "ritual": {
        "enabled": False,
        "time": "07:40",
        "routine": "quick-reset",
        "anchor": "after the stand-up",
    },
    "breathing": {"inhale_seconds": 5, "hold_seconds": 1, "exhale_seconds": 7},
    "movement": {
        "postures": ["standing", "floor"],
        "avoid": ["wall-angels"],
        "chair": "fixed",
        "wall_nearby": True,
        "clear_floor": False,
    },
    "app": {
        "sound": False,
        "autostart": True,
        "weekly_goal_days": 3,
        "theme": "dark",
        "scale": 1.5,
        "tray": "xembed",
    },
    "context": {"calls": False, "media_counts_as_sitting": False, "ask_when_unsure": False},
}

#: key → (a value of the wrong type, a value of the right type but out of range).
BAD: dict[str, tuple[Any, Any]] = {
    "schedule.workdays": ("mon", ["funday"]),
    "schedule.start": (900, "24:30"),
    "schedule.end": (True, "17:75"),
    "schedule.days_off": ("2026-12-24", ["2026-02-30"]),
    "breaks.sit_limit_minutes": ("fifty", 241),
    "breaks.idle_reset_minutes": (2.5, 0),
    "breaks.snooze_minutes": (True, 121),
    "breaks.max_snoozes": ("2", 11),
    "breaks.prompt_routine": (42, "   "),
    "breaks.outside_work_hours": ("yes", 1),
    "ritual.enabled": ("true", 0),
    "ritual.time": (["08:00"], "8:0"),
    "ritual.routine": (["daily-ritual"], ""),
    "ritual.anchor": (7, "x" * 61),
    "breathing.inhale_seconds": ("4", 1),
    "breathing.hold_seconds": (0.5, 3),
    "breathing.exhale_seconds": ({"s": 6}, 11),
    "movement.postures": ("seated", []),
    "movement.avoid": ("wall-angels", [1, 2]),
    "movement.chair": (True, "swivel"),
    "movement.wall_nearby": ("yes", 1),
    "movement.clear_floor": (None, 0),
    "app.sound": ("off", -1),
    "app.autostart": (None, 2),
    "app.weekly_goal_days": ("5", 8),
    "app.theme": (1, "purple"),
    "app.scale": ("big", 4),
    "context.calls": ("on", 1),
    "context.media_counts_as_sitting": (None, 0),
    "context.ask_when_unsure": ("no", 2),
    "app.tray": (1, "gtk"),
}

CASES = [
    pytest.param(dotted, kind, value, id=f"{dotted}-{kind}")
    for dotted, pair in BAD.items()
    for kind, value in zip(("wrong-type", "out-of-range"), pair, strict=True)
]


def test_the_cases_cover_every_key_of_the_schema() -> None:
    keys = set(BY_KEY)
    assert set(BAD) == keys, "a new setting needs its bad values here"
    assert {f"{s}.{k}" for s, table in GOOD.items() for k in table} == keys
    loaded = configfile.parse(tomlkit.dumps(GOOD))
    assert loaded.ok, loaded.problems
    for section, table in GOOD.items():
        for key in table:
            assert getattr(getattr(loaded.settings, section), key) != getattr(
                getattr(Settings(), section), key
            ), f"{section}.{key}: the good value must differ from the default"


@pytest.mark.parametrize("dotted, kind, value", CASES)
def test_a_bad_value_names_its_key_falls_back_and_keeps_the_rest(
    tmp_path: Path, dotted: str, kind: str, value: Any
) -> None:
    section, key = dotted.split(".")
    data = {s: dict(table) for s, table in GOOD.items()}
    data[section][key] = value
    path = tmp_path / "config.toml"
    path.write_text(_toml(data))

    loaded = configfile.load(path)
    assert loaded.fatal is None
    [problem] = loaded.problems
    assert problem.key == dotted
    [message] = loaded.messages(path)
    assert message.startswith(f"{path}: {dotted}: ")
    assert "default" in message.lower()
    allowed = BY_KEY[dotted].allowed
    assert allowed in message, f"the message should say what is allowed: {message}"

    good = configfile.parse(tomlkit.dumps(GOOD)).settings
    for spec in SPECS:
        s, k = spec.section, spec.name
        got = getattr(getattr(loaded.settings, s), k)
        if (s, k) == (section, key):
            assert got == getattr(getattr(Settings(), s), k), "falls back to the default"
        else:
            assert got == getattr(getattr(good, s), k), f"{s}.{k} was not kept"


def _toml(data: dict[str, dict[str, Any]]) -> str:
    """TOML for ``data``; a None or a dict value is written as an inline table."""
    lines = []
    for section, table in data.items():
        lines.append(f"[{section}]")
        for key, value in table.items():
            if value is None or isinstance(value, dict):
                inline = tomlkit.inline_table()
                inline.update(value or {})
                lines.append(f"{key} = {inline.as_string()}")
            else:
                lines.append(tomlkit.dumps({key: value}).strip())
        lines.append("")
    return "\n".join(lines)


# -- SIGKILL mid-save ----------------------------------------------------------------------

SAVER = textwrap.dedent(
    """
    import sys
    from dataclasses import replace
    from pathlib import Path
    from deskbreak.core.settings import Settings
    from deskbreak.shell import configfile

    path = Path(sys.argv[1])
    base = Settings()
    i = 0
    while True:
        i += 1
        settings = replace(base, breaks=replace(base.breaks, sit_limit_minutes=6 + i % 200))
        configfile.save(path, settings)
        print(i, flush=True)
    """
)


def test_sigkill_at_random_moments_of_a_save_leaves_a_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "config" / "config.toml"
    assert configfile.ensure_user_config(path)
    rng = random.Random(20260302)
    for _round in range(20):
        saver = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(path)], stdout=subprocess.PIPE, text=True
        )
        assert saver.stdout is not None
        first = saver.stdout.readline()  # one save done: the loop is hot
        assert first.strip().isdigit(), first
        time.sleep(rng.uniform(0.0, 0.15))
        os.kill(saver.pid, signal.SIGKILL)
        saver.wait(10)
        saver.stdout.close()

        loaded = configfile.load(path)
        assert loaded.ok, loaded.messages(path)
        # Equal to one of the saved versions: the defaults with some limit from 6 to 205.
        limit = loaded.settings.breaks.sit_limit_minutes
        assert 6 <= limit <= 205
        assert loaded.settings == _with_limit(limit)
        assert "# " in path.read_text(), "the comments survived"
        assert path.stat().st_mode & 0o777 == 0o600

    leftovers = _temp_files(path)
    # A kill between the temp file and the rename leaves one behind; once it is stale, the
    # next start (which loads the config) removes it. A fresh one may be a running save's.
    old = time.time() - 120
    for temp in leftovers:
        os.utime(temp, (old, old))
    assert configfile.load(path).ok
    assert _temp_files(path) == [], "stale temp files are cleaned at the next start"


def test_a_fresh_temp_file_of_a_running_save_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    configfile.save(path, Settings())
    fresh = path.parent / ".config.toml.abc123.tmp"
    stale = path.parent / ".config.toml.def456.tmp"
    unrelated = path.parent / ".other.toml.xyz.tmp"
    for temp in (fresh, stale, unrelated):
        temp.write_text("half a file")
    old = time.time() - 120
    os.utime(stale, (old, old))
    os.utime(unrelated, (old, old))
    assert configfile.load(path).ok
    assert fresh.exists() and unrelated.exists()
    assert not stale.exists()


def _with_limit(limit: int) -> Settings:
    base = Settings()
    return replace(base, breaks=replace(base.breaks, sit_limit_minutes=limit))


def _temp_files(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f".{path.name}.*.tmp"))
