"""One value's parsers: theme, scale, days off, and the short wording beside a field."""

from __future__ import annotations

from datetime import date

import pytest

from deskbreak.core import setting_values as values
from deskbreak.core.setting_specs import BY_KEY
from deskbreak.core.settings import settings_from_mapping, settings_to_mapping


@pytest.mark.parametrize(
    ("raw", "expected"), [("auto", None), ("AUTO ", None), (1, 1.0), (1.5, 1.5), (3, 3.0)]
)
def test_scale_is_auto_or_a_factor(raw: object, expected: float | None) -> None:
    assert BY_KEY["app.scale"].parse(raw) == expected


@pytest.mark.parametrize("raw", ["big", 0.5, 4, True, float("nan"), None, [2]])
def test_a_bad_scale_is_refused_with_the_range(raw: object) -> None:
    with pytest.raises(values.InvalidValue, match='"auto" or'):
        BY_KEY["app.scale"].parse(raw)


def test_theme_is_one_of_three() -> None:
    spec = BY_KEY["app.theme"]
    assert [spec.parse(t) for t in ("system", "Light", " dark")] == ["system", "light", "dark"]
    with pytest.raises(values.InvalidValue, match='"system", "light", "dark"'):
        spec.parse("purple")


def test_theme_and_scale_round_trip_through_the_file_form() -> None:
    settings, problems = settings_from_mapping({"app": {"theme": "dark", "scale": 2}})
    assert problems == []
    assert (settings.app.theme, settings.app.scale) == ("dark", 2.0)
    mapping = settings_to_mapping(settings)
    assert mapping["app"]["scale"] == 2.0
    assert settings_from_mapping(mapping)[0] == settings
    assert settings_to_mapping(settings_from_mapping({})[0])["app"]["scale"] == "auto"


def test_days_off_are_sorted_without_repeats() -> None:
    parsed = values.dates(["2026-12-31", " 2026-12-24", "2026-12-31"])
    assert parsed == (date(2026, 12, 24), date(2026, 12, 31))


def test_a_bad_day_off_names_itself_and_the_form_to_use() -> None:
    with pytest.raises(values.InvalidValue) as caught:
        values.dates(["2026-12-24", "2026-02-30"])
    assert '"2026-02-30"' in str(caught.value)
    assert "2026-02-30" in caught.value.short  # several dates: say which one
    assert "2026-12-24" in caught.value.short  # and how to write one


def test_the_short_wording_defaults_to_the_long_one() -> None:
    error = values.InvalidValue("must be true or false")
    assert error.short == str(error) == "must be true or false"
