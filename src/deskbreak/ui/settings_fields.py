"""What each settings field says (label, tooltip) and the Tk variables behind the form.

The dialog lays fields out; this module knows their words and turns Tk variables into
the plain values :func:`deskbreak.ui.settings_form.form_to_settings` checks.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable
from tkinter import ttk

from tktooltip import ToolTip

from deskbreak.core.setting_specs import BY_KEY, SPECS
from deskbreak.core.settings import POSTURES, WEEKDAYS
from deskbreak.ui import dialog_style
from deskbreak.ui.settings_form import FormValue, day_key
from deskbreak.ui.theme import Fonts, Palette

DAY_NAMES = dict(
    zip(
        WEEKDAYS,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
)

# form key → (label, what it does): the table of settings, plus a row per weekday.
FIELDS: dict[str, tuple[str, str]] = {spec.key: (spec.label, spec.help) for spec in SPECS}
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
    spec = BY_KEY.get(key)
    if spec is None or spec.kind in ("bool", "name", "ids", "weekdays"):
        return None
    if spec.kind == "postures":
        return "at least one of " + ", ".join(POSTURES)
    if spec.kind == "dates":
        return "dates like 2026-12-24, separated by commas"
    return f"{spec.allowed} {spec.unit}".strip()


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
        parent, text="", style="Reason.TLabel", wraplength=dialog_style.px(parent, 420)
    )
