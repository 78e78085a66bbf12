"""The one table of settings: the dataclasses, the shipped config and the README agree with it."""

from __future__ import annotations

from dataclasses import MISSING, fields
from pathlib import Path

import pytest

from deskbreak.core import config_text
from deskbreak.core.setting_specs import BY_KEY, CROSS_RULES, SPECS, Spec
from deskbreak.core.settings import Settings, settings_from_mapping
from deskbreak.shell import configfile

ROOT = Path(__file__).resolve().parents[2]


def test_every_dataclass_field_has_one_spec_with_its_default() -> None:
    defaults = Settings()
    typed = {
        f"{section.name}.{f.name}"
        for section in fields(Settings)
        for f in fields(getattr(defaults, section.name))
        if f.name != "per_day"  # the per-day tables, [schedule.fri]
    }
    assert typed == set(BY_KEY), "a setting needs both its spec and its typed field"
    for spec in SPECS:
        part = getattr(defaults, spec.section)
        assert getattr(part, spec.name) == spec.default, spec.key
        assert spec.parse(_as_toml(spec)) == spec.default, f"{spec.key}: default must be valid"
    assert len(SPECS) == len(BY_KEY), "a key is described twice"


def test_the_shipped_config_is_the_table_written_out() -> None:
    shipped = (ROOT / "config" / "default.toml").read_text(encoding="utf-8")
    assert shipped == config_text.default_config_text(), (
        "regenerate it: python -m deskbreak.core.config_text > config/default.toml"
    )
    loaded = configfile.parse(shipped)
    assert loaded.ok, loaded.problems
    assert loaded.settings == Settings()


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.key)
def test_each_key_is_in_the_config_under_its_comment(spec: Spec) -> None:
    lines = config_text.default_config_text().splitlines()
    [at] = [i for i, line in enumerate(lines) if line.startswith(f"{spec.name} = ")][:1] or [-1]
    assert at > 0, f"{spec.key} missing from the default config"
    comment = [f"# {line}" for line in spec.comment_lines()]
    assert lines[at - len(comment) : at] == comment
    if spec.kind == "int":
        assert spec.allowed in "\n".join(spec.comment_lines()), "the range is said"


def test_the_readme_table_is_the_table_written_out() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    begin = readme.index(config_text.README_BEGIN)
    end = readme.index(config_text.README_END) + len(config_text.README_END)
    assert readme[begin:end] == config_text.settings_markdown()
    for spec in SPECS:
        assert f"`{spec.key}`" in readme


def test_the_shortest_sit_limit_can_be_saved() -> None:
    """The range shown is the real one: the lowest sit limit leaves room for an idle reset."""
    sit, idle = BY_KEY["breaks.sit_limit_minutes"], BY_KEY["breaks.idle_reset_minutes"]
    assert sit.low is not None and idle.low is not None
    data = {"breaks": {"sit_limit_minutes": sit.low, "idle_reset_minutes": idle.low}}
    settings, problems = settings_from_mapping(data)
    assert problems == []
    assert settings.breaks.sit_limit_minutes == sit.low


def test_out_breath_shorter_than_in_breath_is_a_problem_on_the_out_breath() -> None:
    data = {"breathing": {"inhale_seconds": 6, "exhale_seconds": 4}}
    settings, problems = settings_from_mapping(data)
    [problem] = problems
    assert problem.key == "breathing.exhale_seconds"
    assert "in-breath" in problem.message and "in-breath" in problem.brief
    assert "default pace" in problem.message  # said, and a calming pace used instead
    assert settings.breathing == Settings().breathing
    _, problems = settings_from_mapping({"breathing": {"inhale_seconds": 6, "exhale_seconds": 6}})
    assert problems == []


def test_every_cross_rule_names_a_key_and_has_both_wordings() -> None:
    for rule in CROSS_RULES:
        assert rule.key in BY_KEY
        assert rule.message and rule.short and rule.short != rule.message


def test_the_short_reason_does_not_repeat_the_value() -> None:
    _, problems = settings_from_mapping({"schedule": {"start": "9am"}})
    [problem] = problems
    assert '"9am"' in problem.message
    assert "9am" not in problem.brief
    assert problem.brief == "must be a time from 00:00 to 23:59"


def _as_toml(spec: Spec) -> object:
    from deskbreak.core.setting_values import to_toml

    return to_toml(spec.default)


def test_no_field_lacks_a_default() -> None:
    for section in fields(Settings):
        for f in fields(getattr(Settings(), section.name)):
            assert f.default is not MISSING or f.default_factory is not MISSING, f.name
