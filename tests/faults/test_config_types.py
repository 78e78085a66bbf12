"""Class 2 and 8 for settings: every config key with every TOML type, checked as whole values.

On the starting commit ``days_off = [2026-12-24, 2026-12-25T10:00:00]`` raised a TypeError in
every command (sorting a date with a datetime), and messages showed ``datetime.datetime(…)``.
"""

from __future__ import annotations

import math
from dataclasses import fields
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
import tomlkit
from hypothesis import given
from hypothesis import strategies as st

from deskbreak import cli
from deskbreak.core.settings import DayHours, Settings, known_keys, settings_to_mapping
from deskbreak.core.workhours import WorkSchedule
from deskbreak.engine.config_watch import ConfigWatch
from deskbreak.shell import configfile, paths

#: One value of every TOML type (and the float specials), as tomlkit writes them.
EVERY_TYPE: dict[str, Any] = {
    "string": "x",
    "empty-string": "",
    "integer": 7,
    "negative": -3,
    "huge-integer": 2**62,
    "float": 2.5,
    "inf": math.inf,
    "-inf": -math.inf,
    "nan": math.nan,
    "bool": True,
    "date": date(2026, 12, 24),
    "datetime": datetime(2026, 12, 25, 10, 0, tzinfo=UTC),
    "local-datetime": datetime(2026, 12, 25, 10, 0),
    "time": time(9, 30),
    "array": [1, "a", 2.5],
    "dates-and-datetimes": [date(2026, 12, 24), datetime(2026, 12, 25, 10, 0)],
    "empty-array": [],
    "table": {"a": 1},
    "array-of-tables": [{"a": 1}, {"b": 2}],
}


def document(dotted: str, value: Any) -> str:
    doc = tomlkit.document()
    *tables, key = dotted.split(".")
    container: Any = doc
    for name in tables:
        container = container.setdefault(name, tomlkit.table())
    container[key] = value
    return tomlkit.dumps(doc)


def check_usable(settings: Settings) -> None:
    """Every field holds the type its default has; the settings run a schedule and save."""
    for section in fields(settings):
        part, default = getattr(settings, section.name), getattr(Settings(), section.name)
        for f in fields(part):
            value, expected = getattr(part, f.name), getattr(default, f.name)
            if expected is None:  # an optional number ("auto" in the file): None or a float
                assert value is None or type(value) is float, (f.name, value)
                continue
            assert type(value) is type(expected) or isinstance(value, dict), (f.name, value)
            if isinstance(value, tuple) and expected:
                assert all(type(v) is type(expected[0]) for v in value), (f.name, value)
    for d in settings.schedule.days_off:
        assert type(d) is date, d
    for hours in settings.schedule.per_day.values():
        assert isinstance(hours, DayHours) and type(hours.start) is time
    now = datetime(2026, 12, 23, 12, 0).astimezone()
    schedule = WorkSchedule(settings.schedule)
    for step in range(0, 72, 7):
        schedule.next_change(now + timedelta(hours=step))
    again = configfile.parse(tomlkit.dumps(settings_to_mapping(settings)))
    assert again.settings == settings and again.ok, again.problems


def check_messages(loaded: configfile.LoadedConfig) -> None:
    for message in loaded.messages(Path("config.toml")):
        assert "datetime." not in message and "date(" not in message, message


CASES = [(key, kind) for key in known_keys() for kind in EVERY_TYPE]


def test_every_key_with_every_toml_type() -> None:
    tried = handled = 0
    for key, kind in CASES:
        tried += 1
        loaded = configfile.parse(document(key, EVERY_TYPE[kind]))
        assert loaded.fatal is None, (key, kind, loaded.fatal)
        check_usable(loaded.settings)
        check_messages(loaded)
        handled += 1
    assert handled == tried == len(known_keys()) * len(EVERY_TYPE)


TOML_SCALARS = st.one_of(
    st.text(max_size=12),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(timezones=st.none() | st.just(UTC)),
    st.times(),
)
TOML_VALUES = st.recursive(
    TOML_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(["start", "end", "x"]), inner, max_size=3)
    ),
    max_leaves=8,
)


@given(
    values=st.dictionaries(
        st.sampled_from(known_keys() + ["schedule.mon", "app"]), TOML_VALUES, max_size=6
    )
)
def test_any_mix_of_values_gives_usable_settings(values: dict[str, Any]) -> None:
    doc: Any = tomlkit.document()
    for dotted, value in values.items():
        *tables, key = dotted.split(".")
        container = doc
        try:
            for name in tables:
                container = container.setdefault(name, tomlkit.table())
            container[key] = value
        except Exception:  # noqa: BLE001 — a key that already holds a scalar: skip this one
            continue
    loaded = configfile.parse(tomlkit.dumps(doc))
    check_usable(loaded.settings)
    check_messages(loaded)


def test_days_off_with_a_datetime_is_reported_not_a_crash(
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = paths.resolve().config_file
    config.parent.mkdir(parents=True)
    config.write_text("[schedule]\ndays_off = [2026-12-24, 2026-12-25T10:00:00]\n")
    assert cli.main(["config", "check"]) == 2
    err = capsys.readouterr().err
    assert "schedule.days_off" in err and "2026-12-25T10:00:00 has a time of day" in err
    assert "datetime.datetime" not in err
    assert cli.main(["doctor"]) == 1
    assert "schedule.days_off" in capsys.readouterr().out


def test_a_misspelt_per_day_key_suggests_the_same_day() -> None:
    loaded = configfile.parse('[schedule.mon]\nstrat = "08:00"\n')
    [problem] = loaded.problems
    assert 'did you mean "schedule.mon.start"' in str(problem)


def test_a_latin_1_config_names_the_byte_and_its_offset(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes("[app]\n# caf\u00e9\n".encode("latin-1"))
    [message] = configfile.load(path).messages(path)
    assert "not UTF-8 text: byte 0xE9 at offset 11 (line 2)" in message
    assert "not a text file" not in message


def test_a_broken_hand_edit_says_the_settings_in_force_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[breaks]\nsit_limit_minutes = 30\n")
    watch = ConfigWatch(path)
    assert watch.first_read().breaks.sit_limit_minutes == 30
    path.write_text("[breaks\nsit_limit_minutes = 40\n")
    assert watch.changed() is None
    [message] = configfile.load(path).messages(path, running=True)
    assert "the settings in force are kept" in message and "defaults" not in message


@pytest.mark.gui
def test_a_bad_hand_edit_while_the_app_runs_keeps_the_clock_and_the_settings(
    isolated_dirs: Path,
) -> None:
    from deskbreak.app import TrayApp
    from deskbreak.ui import theme

    config = paths.resolve().config_file
    config.parent.mkdir(parents=True)
    config.write_text("[breaks]\nsit_limit_minutes = 30\n")
    root = theme.make_root()
    app = TrayApp(root, paths.resolve(), tray_backend="dummy")
    app.start()
    try:
        config.write_text(
            "[breaks]\nsit_limit_minutes = 40\n[schedule]\n"
            "days_off = [2026-12-24, 2026-12-25T10:00:00]\n"
        )
        app._wake()
        assert app.settings.breaks.sit_limit_minutes == 30, "a broken edit is not applied"
        assert "not applied" in (app.notices.text() or "")
        assert app.controller.timer.armed, "the clock goes on"
        config.write_text("[breaks]\nsit_limit_minutes = 40\n[schedule]\ndays_off = [2026-12-24]\n")
        app._wake()
        assert app.settings.breaks.sit_limit_minutes == 40, "the fixed file is applied"
        assert app.settings.schedule.days_off == (date(2026, 12, 24),)
        original = app.engine.wake

        def broken() -> float:
            raise RuntimeError("a fault inside one wake")

        app.engine.wake = broken  # type: ignore[method-assign]
        with pytest.raises(RuntimeError):
            app._wake()
        assert app.controller.timer.armed, "one failed wake never stops the clock"
        app.engine.wake = original  # type: ignore[method-assign]
    finally:
        app.quit()
        root.destroy()
