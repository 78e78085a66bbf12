"""The commented default config and the README's settings table, written from the specs.

``config/default.toml`` is this module's output, kept in the repository because it ships as a
resource; a test fails when the two differ. After changing :data:`SPECS`, regenerate it with
``python -m deskbreak.core.config_text > config/default.toml``.
"""

from __future__ import annotations

from deskbreak.core.setting_specs import SECTIONS, SPECS, in_section
from deskbreak.core.setting_values import show, to_toml

HEADER = """\
# deskbreak settings.
#
# This file is yours: deskbreak keeps your comments and the order of your keys when
# the Settings dialog saves it. Delete a key to go back to its default. After a hand
# edit, `deskbreak config check` tells you whether every value is understood; the
# running app picks up the change by itself.
"""

#: Lines right under a section's header.
SECTION_INTROS = {"breathing": ["# Your breath pace for the softening movements, in seconds."]}
#: Extra lines after a section's keys (only the schedule has some).
SECTION_NOTES = {
    "schedule": [
        "",
        "# One day can have its own hours: give it a table with start and/or end.",
        "# [schedule.fri]",
        '# end = "15:00"',
    ],
}

README_BEGIN = "<!-- settings table: written by deskbreak.core.config_text -->"
README_END = "<!-- end of settings table -->"


def default_config_text() -> str:
    """The whole commented default config, every key at its default."""
    lines = [HEADER.rstrip("\n")]
    for section in SECTIONS:
        lines += ["", f"[{section}]", *SECTION_INTROS.get(section, [])]
        for spec in in_section(section):
            lines += [f"# {line}" for line in spec.comment_lines()]
            lines.append(f"{spec.name} = {_toml_value(to_toml(spec.default))}")
        lines += SECTION_NOTES.get(section, [])
    return "\n".join(lines) + "\n"


def settings_markdown() -> str:
    """The README's table of settings: key, default, what is allowed, what it does."""
    rows = [
        README_BEGIN,
        "",
        "| setting | default | allowed | what it does |",
        "|---|---|---|---|",
    ]
    for spec in SPECS:
        unit = f" {spec.unit}" if spec.unit and spec.kind == "int" else ""
        allowed = spec.allowed.replace("|", "\\|") + unit
        rows.append(f"| `{spec.key}` | `{show(spec.default)}` | {allowed} | {spec.help} |")
    return "\n".join([*rows, "", README_END])


def _toml_value(value: object) -> str:
    """The few TOML forms the defaults need, without a TOML writer in the pure core."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return str(value)


def with_settings_table(readme: str) -> str:
    """``readme`` with the block between the two markers written anew from the specs."""
    start, end = readme.index(README_BEGIN), readme.index(README_END) + len(README_END)
    return readme[:start] + settings_markdown() + readme[end:]


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--readme"]:  # python -m deskbreak.core.config_text --readme < in > out
        print(with_settings_table(sys.stdin.read()), end="")
    else:
        print(default_config_text(), end="")
