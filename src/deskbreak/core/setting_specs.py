"""Every setting described once: key, kind, default, range, unit, label, help, config comment.

The validator (:mod:`deskbreak.core.settings`), the settings dialog (which widget, its range,
its words), ``config/default.toml`` and the README's settings table are all read from
:data:`SPECS`; ``tests/core/test_setting_specs.py`` fails when the shipped file or the README
drift from it. The rules that tie two settings together, :data:`CROSS_RULES`, sit below it.

Adding a setting is one entry in :data:`SPECS` (its ``tab`` places it in the dialog, its
``kind`` picks the parser and the widget) plus the typed field on its section's dataclass in
:mod:`deskbreak.core.settings`, whose default is read from the entry (a test checks that the
two agree). Then run ``python -m deskbreak.core.config_text > config/default.toml``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import time
from typing import Any, Literal

from deskbreak.core import setting_values as values

Kind = Literal[
    "int",
    "bool",
    "time",
    "name",
    "text",
    "choice",
    "scale",
    "weekdays",
    "dates",
    "postures",
    "ids",
]
Tab = Literal["hours", "breaks", "ritual", "movement", "context", "general"]
THEMES = ("system", "light", "dark")
#: How the tray icon is shown: auto picks what the desktop offers (see ui/tray_backend.py).
TRAYS = ("auto", "sni", "xembed", "appindicator", "none")
#: "rolling": wheels or a recline, the usual office chair; "fixed": neither.
CHAIRS = ("rolling", "fixed")
#: The longest habit anchor ("after my morning coffee").
ANCHOR_LONGEST = 60
SCALE_RANGE = (0.75, 3.0)


@dataclass(frozen=True)
class Spec:
    """One setting. ``comment`` may hold ``{range}``, filled from :attr:`allowed`."""

    key: str  # dotted: "breaks.sit_limit_minutes"
    kind: Kind
    default: Any  # the typed value
    label: str  # what the dialog calls it
    help: str  # the dialog's tooltip: what it does
    comment: str  # the config file's comment, one string per line
    tab: Tab | None  # None: only in the config file, never in the dialog
    low: int | None = None  # range of an "int"
    high: int | None = None
    unit: str = ""  # shown after the field: what a number counts, or how to write it
    heading: str = ""  # a heading the dialog shows above this field
    choices: tuple[str, ...] = ()  # what a "choice" accepts

    @property
    def section(self) -> str:
        return self.key.split(".")[0]

    @property
    def name(self) -> str:
        return self.key.split(".")[1]

    @property
    def allowed(self) -> str:
        """What the setting accepts, as shown to people."""
        if self.kind == "int":
            return f"{self.low} to {self.high}"
        return {
            "bool": "true or false",
            "time": '"00:00" to "23:59"',
            "name": "a routine id",
            "text": f"a short phrase, up to {ANCHOR_LONGEST} characters",
            "choice": values.quoted(self.choices),
            "scale": f'"{values.AUTO}" or {SCALE_RANGE[0]:g} to {SCALE_RANGE[1]:g}',
            "weekdays": "a list of mon … sun",
            "dates": 'a list of dates like "2026-12-24"',
            "postures": "seated, standing, floor",
            "ids": "a list of movement ids",
        }[self.kind]

    def parse(self, raw: Any) -> Any:
        """The typed value of ``raw``; raises :class:`~setting_values.InvalidValue`."""
        return self.parser(raw)

    @property
    def parser(self) -> values.Parser:
        if self.kind == "int":
            assert self.low is not None and self.high is not None, self.key
            return values.int_in(self.low, self.high)
        if self.kind == "choice":
            return values.one_of(self.choices)
        if self.kind == "scale":
            return values.factor_or_auto(*SCALE_RANGE)
        if self.kind == "text":
            return values.phrase(ANCHOR_LONGEST)
        parsers: dict[str, values.Parser] = {
            "bool": values.boolean,
            "time": values.clock_time,
            "name": values.name,
            "weekdays": values.weekdays,
            "dates": values.dates,
            "postures": values.postures,
            "ids": values.ids,
        }
        return parsers[self.kind]

    def comment_lines(self) -> list[str]:
        return self.comment.format(range=self.allowed).split("\n")


_SOFT = "softening movements"
# fmt: off
SPECS: tuple[Spec, ...] = (
    Spec("schedule.start", "time", time(9, 0), "Usual hours", "When your workday usually starts.",
         'When your workday starts, "HH:MM" from {range}.', "hours"),
    Spec("schedule.end", "time", time(17, 30), "to",
         "When your workday usually ends. An end before the start is a night shift.",
         'When it ends, "HH:MM"; an end earlier than the start is a shift across midnight.',
         "hours"),
    Spec("schedule.workdays", "weekdays", ("mon", "tue", "wed", "thu", "fri"), "Days",
         "The days you work.",
         'Days you work: any of "mon", "tue", "wed", "thu", "fri", "sat", "sun".', "hours"),
    Spec("schedule.days_off", "dates", (), "Days off",
         "Dates with no work at all: holidays, leave. Separate them with commas.",
         'Dates with no work at all (holidays, leave), as "YYYY-MM-DD".', "hours",
         unit="like 2026-12-24, 2026-12-31"),
    Spec("breaks.sit_limit_minutes", "int", 50, "Sit limit",
         "Offer a break after this many minutes of continuous sitting.",
         "Offer a break after this many minutes of continuous sitting ({range}).", "breaks",
         low=2, high=240, unit="minutes"),
    Spec("breaks.idle_reset_minutes", "int", 5, "Idle reset",
         "This long away from keyboard and mouse counts as a natural break: the sitting "
         "spell starts again from zero. Must be shorter than the sit limit.",
         "This many minutes away from keyboard and mouse counts as a natural break,\n"
         "and the sitting spell starts again from zero ({range}, shorter than the sit limit).",
         "breaks", low=1, high=60, unit="minutes"),
    Spec("breaks.snooze_minutes", "int", 10, "Snooze length",
         "“Snooze” puts the offer off by this many minutes.",
         '"Snooze" puts the offer off by this many minutes ({range}).', "breaks",
         low=1, high=120, unit="minutes"),
    Spec("breaks.max_snoozes", "int", 2, "Snoozes in a row",
         "How many snoozes in a row before the next offer comes without one.",
         "How many snoozes in a row before the next offer comes without one ({range}).",
         "breaks", low=0, high=10),
    Spec("breaks.prompt_routine", "name", "quick-reset", "Break routine",
         "The routine offered after a long sitting spell.",
         "The routine offered after a long sitting spell (see `deskbreak routines`).", "breaks"),
    Spec("breaks.outside_work_hours", "bool", False, "Offer breaks outside work hours too",
         "Also offer breaks on days and at times outside your work hours.",
         "Also offer breaks outside the hours above ({range}).", "breaks"),
    Spec("ritual.enabled", "bool", True, "Remind me of a daily ritual",
         "A 10–15 minute session once a day, reminded at a fixed time.",
         "A daily 10–15 minute session, reminded once a day at a fixed time ({range}).",
         "ritual"),
    Spec("ritual.time", "time", time(9, 30), "Reminder time",
         "When to remind you, inside your working hours so the reminder finds you.",
         'When to remind you, "HH:MM", inside your working hours so the reminder finds you.',
         "ritual"),
    Spec("ritual.anchor", "text", "after my morning coffee", "After",
         "The habit the ritual follows, shown in the reminder.",
         "The habit the ritual follows, shown in the reminder ({range}).", "ritual"),
    Spec("ritual.routine", "name", "daily-ritual", "Ritual routine",
         "The routine for the daily ritual.",
         "The routine for the ritual (see `deskbreak routines`).", "ritual"),
    Spec("breathing.inhale_seconds", "int", 4, "Breathe in",
         f"How long each in-breath lasts in the {_SOFT}.",
         "Breathe in for {range} seconds.", "ritual", low=2, high=8, unit="seconds",
         heading="Breath pace"),
    Spec("breathing.hold_seconds", "int", 0, "Pause",
         "An optional pause at the top of the breath; never used during effort.",
         "Optional pause at the top of the breath, {range} seconds (never during effort).",
         "ritual", low=0, high=2, unit="seconds"),
    Spec("breathing.exhale_seconds", "int", 6, "Breathe out",
         "How long each out-breath lasts; a longer out-breath is calming. "
         "At least as long as the in-breath.",
         "Breathe out for {range} seconds, at least as long as the in-breath;\n"
         "a longer out-breath is calming.", "ritual", low=2, high=10, unit="seconds"),
    Spec("movement.postures", "postures", ("seated", "standing"), "Positions",
         "The positions you can use. Add the floor only if you have a clean place to lie down.",
         'Positions you can use: any of "seated", "standing", "floor".\n'
         'Add "floor" only if you have a clean place to lie down.', "movement"),
    Spec("movement.avoid", "ids", (), "Never offer",
         "Movements you never want in a routine. Click to select or clear; several may be chosen.",
         "Movement ids you never want offered (see `deskbreak routines show ROUTINE`).",
         "movement"),
    Spec("movement.chair", "choice", "rolling", "Your chair",
         "Rolling: wheels or a recline, like most office chairs. Sit-to-stands and leaning "
         "back over the backrest are offered only on a fixed chair.",
         'Your chair: "rolling" (wheels or a recline, most office chairs) or "fixed" (neither).\n'
         "Sit-to-stand and leaning back over the backrest are offered only on a fixed chair.",
         "movement", choices=CHAIRS),
    Spec("movement.wall_nearby", "bool", False, "A clear wall nearby",
         "A clear stretch of wall near your desk, for wall angels and wall sits.",
         "A clear stretch of wall near your desk, for wall angels and wall sits ({range}).",
         "movement"),
    Spec("movement.clear_floor", "bool", True, "Clear floor around the desk",
         "A step of clear floor around your desk, for split stances and leg lifts.",
         "A step of clear floor around your desk, for split stances and leg lifts ({range}).",
         "movement"),
    Spec("app.weekly_goal_days", "int", 5, "Weekly goal",
         "Days a week with at least one break that you aim for.",
         "Your weekly goal: days with at least one break ({range}).", "general",
         low=1, high=7, unit="days a week"),
    Spec("app.sound", "bool", True, "Play a soft sound",
         "A quiet chime with a break offer and at each new movement.",
         "Play a soft sound with a break offer and at each new movement ({range}).", "general"),
    Spec("app.autostart", "bool", False, "Start deskbreak when I log in",
         "Starts deskbreak in the tray when you log in.",
         "Start deskbreak when you log in ({range}).", "general"),
    Spec("app.theme", "choice", "system", "Colours",
         "Light or dark windows; “system” follows your desktop. "
         "Windows opened after saving use it. The DESKBREAK_THEME variable overrides it.",
         'Window colours: "system" follows your desktop, or "light" or "dark".', "general",
         heading="Look", choices=THEMES),
    Spec("app.scale", "scale", None, "Size",
         "How large windows and text are drawn: “auto” follows the screen; 1.5 or 2 suit a "
         "HiDPI screen. Windows opened after saving use it. DESKBREAK_SCALE overrides it.",
         'How large windows and text are drawn: "auto" follows the screen,\n'
         "or a factor from 0.75 to 3, like 1.5 or 2 on a HiDPI screen.", "general"),
    Spec("app.tray", "choice", "auto", "Tray",
         "How the tray icon is shown; DESKBREAK_TRAY overrides it.",
         'How the tray icon is shown: "auto" picks what the desktop offers (a StatusNotifier\n'
         'tray such as KDE, GNOME with AppIndicator or XFCE, else an XEmbed tray); "sni",\n'
         '"xembed", "appindicator" (needs PyGObject) or "none" force one.',
         None, choices=TRAYS),
    Spec("context.calls", "bool", True, "Never interrupt a call",
         "While the microphone or camera is in use, a break offer waits until the call ends.",
         "Hold a break offer while the microphone or camera is in use, until a short while\n"
         "after the call ends ({range}).", "context"),
    Spec("context.media_counts_as_sitting", "bool", True, "Watching or listening counts as sitting",
         "No keyboard or mouse while a video plays, or while an app keeps the screen awake, "
         "is still sitting, not a break.",
         "Time without keyboard or mouse while a video or music plays, or while an app keeps\n"
         "the screensaver off, is still sitting ({range}).", "context"),
    Spec("context.ask_when_unsure", "bool", True, "Ask “Were you up?” when unsure",
         "After a long gap with no sign either way, the next break offer asks once; "
         "the answer is remembered for that kind of gap.",
         'After a long gap with no sign either way, ask once "Were you up just now?" with the\n'
         "next break offer; your answer is remembered for that kind of gap ({range}).", "context"),
)
# fmt: on

BY_KEY: dict[str, Spec] = {spec.key: spec for spec in SPECS}
SECTIONS: tuple[str, ...] = tuple(dict.fromkeys(spec.section for spec in SPECS))


def default(key: str) -> Any:
    """The default of a dotted key, for the dataclass fields in :mod:`deskbreak.core.settings`."""
    return BY_KEY[key].default


def in_section(section: str) -> tuple[Spec, ...]:
    return tuple(spec for spec in SPECS if spec.section == section)


@dataclass(frozen=True)
class CrossRule:
    """A rule over two settings; when it fails, ``key`` carries the problem."""

    key: str
    holds: Callable[[Mapping[str, Any]], bool]  # over dotted key → typed value
    message: str  # for the config file
    short: str  # beside the field in the dialog


CROSS_RULES: tuple[CrossRule, ...] = (
    CrossRule(
        "schedule.end",
        lambda v: v["schedule.start"] != v["schedule.end"],
        "equals schedule.start, so no time counts as work.",
        "must differ from the start",
    ),
    CrossRule(
        "breaks.idle_reset_minutes",
        lambda v: v["breaks.idle_reset_minutes"] < v["breaks.sit_limit_minutes"],
        "is not shorter than breaks.sit_limit_minutes, so a pause in typing could end "
        "every sitting spell before a break is offered.",
        "must be shorter than the sit limit",
    ),
    CrossRule(
        "breathing.exhale_seconds",
        lambda v: v["breathing.exhale_seconds"] >= v["breathing.inhale_seconds"],
        "is shorter than breathing.inhale_seconds; the out-breath must be at least as long "
        "as the in-breath, which is what makes the pace calming. Using the default pace.",
        "must be at least as long as the in-breath",
    ),
)
