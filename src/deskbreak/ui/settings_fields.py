"""What each settings field says (label, tooltip) and the Tk variables behind the form.

The dialog lays fields out; this module knows their words and turns Tk variables into
the plain values :func:`deskbreak.ui.settings_form.form_to_settings` checks.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable
from tkinter import ttk

from tktooltip import ToolTip

from deskbreak.core.settings import POSTURES, WEEKDAYS, allowed_range
from deskbreak.ui import dialog_style
from deskbreak.ui.settings_form import INT_FIELDS, FormValue, day_key
from deskbreak.ui.theme import Fonts, Palette

DAY_NAMES = dict(
    zip(
        WEEKDAYS,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)

# form key → (label, what it does). The allowed range is added from the core's schema.
FIELDS: dict[str, tuple[str, str]] = {
    "schedule.start": ("Usual hours", "When your workday usually starts."),
    "schedule.end": (
        "to",
        "When your workday usually ends. An end before the start is a night shift.",
    ),
    "breaks.outside_work_hours": (
        "Offer breaks outside work hours too",
        "Also offer breaks on days and at times outside the hours above.",
    ),
    "breaks.sit_limit_minutes": (
        "Sit limit",
        "Offer a break after this many minutes of continuous sitting.",
    ),
    "breaks.idle_reset_minutes": (
        "Idle reset",
        "This long away from keyboard and mouse counts as a natural break: the sitting "
        "spell starts again from zero. Must be shorter than the sit limit.",
    ),
    "breaks.snooze_minutes": ("Snooze length", "“Snooze” puts the offer off by this many minutes."),
    "breaks.max_snoozes": (
        "Snoozes in a row",
        "How many snoozes in a row before the next offer comes without one.",
    ),
    "breaks.prompt_routine": ("Break routine", "The routine offered after a long sitting spell."),
    "ritual.enabled": (
        "Remind me of a daily ritual",
        "A 10–15 minute session once a day, reminded at a fixed time.",
    ),
    "ritual.time": (
        "Reminder time",
        "When to remind you, inside your working hours so the reminder finds you.",
    ),
    "ritual.routine": ("Ritual routine", "The routine for the daily ritual."),
    "ritual.anchor": (
        "Right after",
        "The habit your ritual follows, like “after my morning coffee”; the reminder says it.",
    ),
    "breathing.inhale_seconds": (
        "Breathe in",
        "How long each in-breath lasts in the softening movements.",
    ),
    "breathing.hold_seconds": (
        "Pause",
        "An optional pause at the top of the breath; never used during effort.",
    ),
    "breathing.exhale_seconds": (
        "Breathe out",
        "How long each out-breath lasts; a longer out-breath is calming.",
    ),
    "movement.postures": (
        "Positions",
        "The positions you can use. Add the floor only if you have a clean place to lie down.",
    ),
    "movement.chair": (
        "Your chair",
        "“Rolling” if it has wheels or reclines (most office chairs): moves that need a steady "
        "chair are then left out. “Fixed” if it neither rolls nor reclines.",
    ),
    "movement.wall_nearby": (
        "A clear wall is near my desk",
        "Allows wall angels and wall sits.",
    ),
    "movement.clear_floor": (
        "A step of clear floor around my desk",
        "Allows split stances and leg lifts beside the desk.",
    ),
    "movement.avoid": (
        "Never offer",
        "Movements you never want in a routine. Click to select or clear; several may be chosen.",
    ),
    "app.weekly_goal_days": (
        "Weekly goal",
        "Days a week with at least one break that you aim for.",
    ),
    "app.sound": (
        "Play a soft sound",
        "A quiet chime with a break offer and at each new movement.",
    ),
    "app.autostart": (
        "Start deskbreak when I log in",
        "Starts deskbreak in the tray when you log in.",
    ),
}
for _day, _name in DAY_NAMES.items():
    FIELDS[day_key(_day, "on")] = (_name, f"Tick if you work on {_name}s.")
    FIELDS[day_key(_day, "start")] = (f"{_name} start", f"When your {_name} starts.")
    FIELDS[day_key(_day, "end")] = (f"{_name} end", f"When your {_name} ends.")


def help_text(key: str) -> str:
    """The tooltip of a field: what it does, then what it accepts."""
    text = FIELDS[key][1]
    allowed = _allowed(key)
    return f"{text}\nAllowed: {allowed}." if allowed else text


def _allowed(key: str) -> str | None:
    if key.endswith((".start", ".end", ".time")):
        return 'a time of day, "00:00" to "23:59"'
    if key == "movement.postures":
        return "at least one of " + ", ".join(POSTURES)
    section, _, name = key.partition(".")
    return allowed_range(section, name) if (section, name) in INT_FIELDS else None


class FormVars:
    """The Tk variables of the form, and their values as plain data."""

    def __init__(self, master: tk.Misc, on_change: Callable[[], None]) -> None:
        self.master = master
        self.vars: dict[str, tk.Variable] = {}  # every variable, to trace or set
        self.texts: dict[str, tk.StringVar] = {}
        self.flags: dict[str, tk.BooleanVar] = {}
        self.lists: dict[str, Callable[[], list[str]]] = {}
        self._on_change = on_change

    def text(self, key: str, value: str) -> tk.StringVar:
        var = self.texts[key] = tk.StringVar(self.master, value=value)
        self._watch(key, var)
        return var

    def flag(self, key: str, value: bool) -> tk.BooleanVar:
        var = self.flags[key] = tk.BooleanVar(self.master, value=value)
        self._watch(key, var)
        return var

    def listing(self, key: str, read: Callable[[], list[str]]) -> None:
        """A list-valued field read from its widget (checkboxes, a listbox)."""
        self.lists[key] = read

    def _watch(self, key: str, var: tk.Variable) -> None:
        self.vars[key] = var
        var.trace_add("write", lambda *_: self._on_change())

    def values(self) -> dict[str, FormValue]:
        out: dict[str, FormValue] = {}
        out.update((key, var.get()) for key, var in self.texts.items())
        out.update((key, bool(var.get())) for key, var in self.flags.items())
        for key, read in self.lists.items():
            out[key] = read()
        return out


def tooltip(widget: tk.Widget, text: str, pal: Palette, fnt: Fonts) -> ToolTip:
    """A calm tooltip in the palette, after a short rest of the pointer."""
    return ToolTip(
        widget,
        msg=text,
        delay=0.5,
        follow=False,
        parent_kwargs={"master": widget, "bg": pal.muted, "padx": 1, "pady": 1},
        bg=pal.surface,
        fg=pal.text,
        font=fnt.small,
        width=dialog_style.px(widget, 300),
        padx=dialog_style.px(widget, 8),
        pady=dialog_style.px(widget, 6),
    )


def reason_label(parent: tk.Misc) -> ttk.Label:
    """Where a field's problem is shown, in the warning colour; empty while all is well."""
    return ttk.Label(
        parent, text="", style="Reason.TLabel", wraplength=dialog_style.px(parent, 300)
    )
