"""Settings validation: every kind of bad value gives its message and falls back per key."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deskbreak.core.setting_specs import SECTIONS, SPECS
from deskbreak.core.settings import (
    BreathingSettings,
    DayHours,
    Settings,
    settings_from_mapping,
    settings_to_mapping,
)


def test_empty_mapping_gives_the_defaults() -> None:
    settings, problems = settings_from_mapping({})
    assert settings == Settings()
    assert problems == []


def test_good_values_are_used() -> None:
    settings, problems = settings_from_mapping(
        {
            "schedule": {
                "workdays": ["mon", "wed"],
                "start": "08:15",
                "end": "16:00",
                "fri": {"end": "15:00"},
                "days_off": ["2026-12-24"],
            },
            "breaks": {"sit_limit_minutes": 30, "max_snoozes": 0},
            "movement": {"postures": ["seated", "floor"], "avoid": ["wall-angels"]},
        }
    )
    assert problems == []
    assert settings.schedule.workdays == ("mon", "wed")
    assert settings.schedule.start == time(8, 15)
    assert settings.schedule.hours_for("fri") == DayHours(time(8, 15), time(15, 0))
    assert settings.schedule.hours_for("mon") == DayHours(time(8, 15), time(16, 0))
    assert settings.schedule.days_off == (date(2026, 12, 24),)
    assert settings.breaks.sit_limit_minutes == 30
    assert settings.movement.postures == ("seated", "floor")


def test_out_of_range_value_names_key_value_and_range_and_falls_back() -> None:
    settings, problems = settings_from_mapping({"breaks": {"sit_limit_minutes": 500}})
    assert settings.breaks.sit_limit_minutes == 50
    [problem] = problems
    assert problem.key == "breaks.sit_limit_minutes"
    assert "500" in problem.message and "2 to 240" in problem.message
    assert "default, 50" in problem.message


def test_wrong_type_falls_back_for_that_key_only() -> None:
    settings, problems = settings_from_mapping(
        {"breaks": {"snooze_minutes": "ten", "max_snoozes": 3}, "app": {"sound": "yes"}}
    )
    assert settings.breaks.snooze_minutes == 10
    assert settings.breaks.max_snoozes == 3
    assert settings.app.sound is True
    assert {p.key for p in problems} == {"breaks.snooze_minutes", "app.sound"}


def test_booleans_are_not_numbers() -> None:
    _, problems = settings_from_mapping({"breaks": {"sit_limit_minutes": True}})
    assert [p.key for p in problems] == ["breaks.sit_limit_minutes"]


def test_unknown_key_suggests_the_nearest() -> None:
    _, problems = settings_from_mapping({"breaks": {"sit_limit_minute": 40}})
    [problem] = problems
    assert 'did you mean "breaks.sit_limit_minutes"' in problem.message


def test_unknown_section_suggests_the_nearest() -> None:
    _, problems = settings_from_mapping({"breathe": {}})
    assert 'did you mean "breathing"' in problems[0].message


@pytest.mark.parametrize("raw", ["9am", "25:00", "09:5", 900, None])
def test_bad_times_are_refused(raw: object) -> None:
    settings, problems = settings_from_mapping({"schedule": {"start": raw}})
    assert settings.schedule.start == time(9, 0)
    assert problems[0].key == "schedule.start"


def test_bad_day_table_value_keeps_common_hours() -> None:
    settings, problems = settings_from_mapping({"schedule": {"fri": {"end": "late"}}})
    assert settings.schedule.hours_for("fri") == DayHours(time(9, 0), time(17, 30))
    assert problems[0].key == "schedule.fri.end"


def test_cross_check_idle_reset_not_shorter_than_sit_limit() -> None:
    _, problems = settings_from_mapping(
        {"breaks": {"sit_limit_minutes": 5, "idle_reset_minutes": 5}}
    )
    assert [p.key for p in problems] == ["breaks.idle_reset_minutes"]


def test_round_trip_through_mapping() -> None:
    original, _ = settings_from_mapping(
        {"schedule": {"fri": {"end": "15:00"}, "days_off": ["2026-12-24"]}}
    )
    again, problems = settings_from_mapping(settings_to_mapping(original))
    assert problems == []
    assert again == original


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.lists(st.text(max_size=5), max_size=4),
)


@given(
    st.dictionaries(
        st.sampled_from([*SECTIONS, "bogus"]),
        st.dictionaries(st.sampled_from([s.name for s in SPECS] + ["x"]), scalars),
    )
)
def test_any_input_gives_settings_and_never_raises(data: dict[str, dict[str, object]]) -> None:
    settings, problems = settings_from_mapping(data)
    assert 2 <= settings.breaks.sit_limit_minutes <= 240
    assert 1 <= settings.app.weekly_goal_days <= 7
    assert settings.movement.postures
    assert all(p.message for p in problems)


def test_the_tray_choice_is_one_of_the_known_ones() -> None:
    settings, problems = settings_from_mapping({"app": {"tray": "XEmbed"}})
    assert problems == [] and settings.app.tray == "xembed"
    settings, problems = settings_from_mapping({"app": {"tray": "gtk"}})
    assert settings.app.tray == "auto"
    assert [p.key for p in problems] == ["app.tray"]
    assert '"auto", "sni", "xembed", "appindicator", "none"' in problems[0].message


def test_an_out_breath_shorter_than_the_in_breath_is_refused() -> None:
    settings, problems = settings_from_mapping(
        {"breathing": {"inhale_seconds": 6, "exhale_seconds": 4}}
    )
    assert [p.key for p in problems] == ["breathing.exhale_seconds"]
    assert "at least as long" in problems[0].message
    assert settings.breathing == BreathingSettings()
    settings, problems = settings_from_mapping(
        {"breathing": {"inhale_seconds": 5, "exhale_seconds": 5}}
    )
    assert problems == [] and settings.breathing.exhale_seconds == 5


def test_the_defaults_assume_a_rolling_chair_and_no_wall() -> None:
    movement = Settings().movement
    assert (movement.chair, movement.wall_nearby, movement.clear_floor) == (
        "rolling",
        False,
        True,
    )
    settings, problems = settings_from_mapping({"movement": {"chair": "swivel"}})
    assert problems[0].key == "movement.chair" and settings.movement.chair == "rolling"


def test_the_ritual_reminder_falls_inside_the_default_workday() -> None:
    settings = Settings()
    assert settings.schedule.start <= settings.ritual.time < settings.schedule.end
    assert settings.ritual.anchor
