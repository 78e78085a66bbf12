"""The settings form's rules, without Tk: what the dialog refuses and what it saves."""

from __future__ import annotations

from datetime import date, time

import pytest

from deskbreak.core.settings import DayHours, ScheduleSettings, Settings
from deskbreak.ui.settings_form import day_key, field_keys, form_to_settings, settings_to_form


def test_defaults_round_trip() -> None:
    settings, errors = form_to_settings(settings_to_form(Settings()))
    assert errors == {}
    assert settings == Settings()


def test_every_field_is_in_the_form() -> None:
    assert sorted(settings_to_form(Settings())) == sorted(field_keys())


@pytest.mark.parametrize(
    ("key", "typed", "reason"),
    [
        ("breaks.sit_limit_minutes", "0", "must be from 2 to 240"),
        ("breaks.sit_limit_minutes", "fifty", "must be a whole number from 2 to 240"),
        ("breaks.sit_limit_minutes", "", "must be a whole number from 2 to 240"),
        ("breaks.max_snoozes", "11", "must be from 0 to 10"),
        ("breathing.hold_seconds", "3", "must be from 0 to 2"),
        ("app.weekly_goal_days", "8", "must be from 1 to 7"),
        ("schedule.start", "25:00", "must be a time from 00:00 to 23:59"),
        ("ritual.time", "8h", "must be a time from 00:00 to 23:59"),
    ],
)
def test_a_bad_value_names_its_reason(key: str, typed: str, reason: str) -> None:
    values = settings_to_form(Settings()) | {key: typed}
    settings, errors = form_to_settings(values)
    assert settings is None
    assert reason in errors[key]
    assert list(errors) == [key]


def test_no_posture_at_all_is_refused() -> None:
    values = settings_to_form(Settings()) | {"movement.postures": []}
    _, errors = form_to_settings(values)
    assert errors["movement.postures"] == "tick at least one position"


def test_idle_reset_must_be_shorter_than_the_sit_limit() -> None:
    values = settings_to_form(Settings()) | {
        "breaks.sit_limit_minutes": "10",
        "breaks.idle_reset_minutes": "10",
    }
    _, errors = form_to_settings(values)
    assert errors == {"breaks.idle_reset_minutes": "must be shorter than the sit limit"}


def test_same_start_and_end_is_refused_for_the_day_and_the_week() -> None:
    values = settings_to_form(Settings()) | {"schedule.end": "09:00"}
    assert form_to_settings(values)[1] == {"schedule.end": "must differ from the start"}
    values = settings_to_form(Settings()) | {day_key("fri", "end"): "09:00"}
    assert form_to_settings(values)[1] == {day_key("fri", "end"): "must differ from the start"}


def test_unknown_routine_is_refused_when_routines_are_known() -> None:
    values = settings_to_form(Settings()) | {"breaks.prompt_routine": "nope"}
    _, errors = form_to_settings(values, routines={"quick-reset", "daily-ritual"})
    assert "nope" in errors["breaks.prompt_routine"]


def test_a_valid_change_comes_back_typed() -> None:
    values = settings_to_form(Settings()) | {
        "breaks.sit_limit_minutes": " 45 ",
        "movement.postures": ["standing", "floor"],
        "movement.avoid": ["wall-angels"],
        "app.sound": False,
        day_key("sat", "on"): True,
        day_key("fri", "end"): "15:00",
    }
    settings, errors = form_to_settings(values)
    assert errors == {}
    assert settings is not None
    assert settings.breaks.sit_limit_minutes == 45
    assert settings.movement.postures == ("standing", "floor")
    assert settings.movement.avoid == ("wall-angels",)
    assert settings.app.sound is False
    assert settings.schedule.workdays == ("mon", "tue", "wed", "thu", "fri", "sat")
    assert settings.schedule.per_day == {"fri": DayHours(time(9), time(15))}


def test_days_off_and_existing_day_tables_are_kept() -> None:
    base = Settings(
        schedule=ScheduleSettings(
            days_off=(date(2026, 12, 24),),
            per_day={"fri": DayHours(time(9), time(15)), "sun": DayHours(time(10), time(12))},
        )
    )
    values = settings_to_form(base) | {day_key("fri", "end"): "17:30"}
    settings, errors = form_to_settings(values, base=base)
    assert errors == {}
    assert settings is not None
    assert settings.schedule.days_off == (date(2026, 12, 24),)
    # Friday is back to the common hours but still written, so its table in the file follows.
    assert settings.schedule.per_day["fri"] == DayHours(time(9), time(17, 30))
    # Sunday is not a workday: its hours are left as they were.
    assert settings.schedule.per_day["sun"] == DayHours(time(10), time(12))


def test_a_day_off_is_not_checked() -> None:
    values = settings_to_form(Settings()) | {
        day_key("sun", "on"): False,
        day_key("sun", "start"): "garbage",
    }
    assert form_to_settings(values)[1] == {}


def test_days_off_are_edited_as_a_list_of_dates() -> None:
    values = settings_to_form(Settings()) | {
        "schedule.days_off": "2026-12-31, 2026-12-24;2026-12-24"
    }
    settings, errors = form_to_settings(values)
    assert errors == {}
    assert settings is not None
    assert settings.schedule.days_off == (date(2026, 12, 24), date(2026, 12, 31))
    assert settings_to_form(settings)["schedule.days_off"] == "2026-12-24, 2026-12-31"
    values["schedule.days_off"] = "   "
    settings, _ = form_to_settings(values, base=settings)
    assert settings is not None and settings.schedule.days_off == ()


def test_a_bad_day_off_is_named() -> None:
    values = settings_to_form(Settings()) | {"schedule.days_off": "2026-12-24, 24.12.2026"}
    _, errors = form_to_settings(values)
    assert errors == {"schedule.days_off": '"24.12.2026" is not a date like 2026-12-24'}


def test_theme_and_scale_from_the_form() -> None:
    assert settings_to_form(Settings())["app.scale"] == "auto"
    values = settings_to_form(Settings()) | {"app.theme": "dark", "app.scale": "1,5"}
    settings, errors = form_to_settings(values)
    assert errors == {}
    assert settings is not None
    assert (settings.app.theme, settings.app.scale) == ("dark", 1.5)
    _, errors = form_to_settings(values | {"app.scale": "huge"})
    assert errors == {"app.scale": 'must be "auto" or a number from 0.75 to 3'}


def test_out_breath_shorter_than_in_breath_is_refused_beside_the_out_breath() -> None:
    values = settings_to_form(Settings()) | {
        "breathing.inhale_seconds": "7",
        "breathing.exhale_seconds": "5",
    }
    _, errors = form_to_settings(values)
    assert errors == {"breathing.exhale_seconds": "must be at least as long as the in-breath"}


def test_the_shortest_sit_limit_shown_can_be_saved() -> None:
    values = settings_to_form(Settings()) | {
        "breaks.sit_limit_minutes": "2",
        "breaks.idle_reset_minutes": "1",
    }
    settings, errors = form_to_settings(values)
    assert errors == {}
    assert settings is not None and settings.breaks.sit_limit_minutes == 2


def test_the_file_only_tray_choice_survives_a_save_from_the_dialog() -> None:
    from dataclasses import replace

    base = replace(Settings(), app=replace(Settings().app, tray="xembed"))
    saved, errors = form_to_settings(settings_to_form(base), base=base)
    assert errors == {} and saved is not None
    assert saved.app.tray == "xembed"
