"""The settings dialog: every setting in five tabs, checked as the user types.

Which settings a tab holds, in what order, with which widget, range, unit and words, comes
from the table of settings (:mod:`deskbreak.core.setting_specs`, placed by
:mod:`deskbreak.ui.settings_grid`); only the week's hours, the positions and the movements to
avoid are laid out by hand (:mod:`deskbreak.ui.settings_tabs`).

Each keystroke re-runs :func:`form_to_settings` (cheap, plain data) and shows each
field's reason, in the validator's short words, under it; Save stays disabled while anything is wrong. Saving goes
through :func:`deskbreak.shell.configfile.save`, which keeps the user's comments, and
hands the new Settings to ``on_saved`` so the app applies them at once.
"""

from __future__ import annotations

import logging
import tkinter as tk
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from tkinter import ttk

from deskbreak.core.setting_specs import BY_KEY
from deskbreak.core.settings import WEEKDAYS, Settings
from deskbreak.shell import configfile
from deskbreak.ui import dialog_style, theme
from deskbreak.ui.settings_fields import FIELDS, FormVars
from deskbreak.ui.settings_form import day_key, form_to_settings, settings_to_form
from deskbreak.ui.settings_grid import Values
from deskbreak.ui.settings_tabs import Named, SettingsTabs
from deskbreak.ui.windows import bring_to_front

log = logging.getLogger(__name__)

TITLE = "deskbreak — Settings"


class SettingsDialog(SettingsTabs):
    """Edit ``settings``; Save writes ``config_path`` and calls ``on_saved(new_settings)``."""

    def __init__(
        self,
        master: tk.Misc,
        settings: Settings,
        config_path: Path,
        *,
        routines: Sequence[Named],
        movements: Sequence[Named],
        adaptations: Sequence[tuple[str, str]] = (),
        on_saved: Callable[[Settings], None],
        on_reset_adaptations: Callable[[], None] | None = None,
        undo: Mapping[str, Callable[[], None]] | None = None,
        on_closed: Callable[[], None] | None = None,
        dark: bool | None = None,
    ) -> None:
        super().__init__(master, class_=theme.WM_CLASS)
        self.withdraw()
        self.title(TITLE)
        self.settings = settings
        self.config_path = config_path
        self._on_saved = on_saved
        self._on_closed = on_closed
        self.undo = dict(undo or {})  # adapted movement's name → take its progression back
        self.undo_buttons: dict[str, ttk.Button] = {}
        self.pal = theme.palette(dark)
        self.fnt = theme.fonts(self)
        dialog_style.apply(self, self.pal, self.fnt)
        self.configure(background=self.pal.background)
        self.routine_ids = {name: rid for rid, name in routines}
        self.routine_names = {rid: name for rid, name in routines}
        self._building = True
        self.form = FormVars(self, self.validate)
        self.widgets: dict[str, ttk.Widget] = {}
        self.reasons: dict[str, ttk.Label] = {}
        self.tooltips: dict[str, object] = {}
        self._rows: dict[str, int] = {}  # per tab: its next free grid row
        self.errors: dict[str, str] = {}
        self.new_settings: Settings | None = settings
        values = settings_to_form(settings)
        self._common = (str(values["schedule.start"]), str(values["schedule.end"]))

        outer = ttk.Frame(self, padding=self.px(10))
        outer.pack(fill="both", expand=True)
        self.notebook = ttk.Notebook(outer)
        self.notebook.pack(fill="both", expand=True)
        self._hours_tab(values)
        intro = "When a break is offered, and what a snooze does."
        self._fill(self._tab("Breaks", intro), "breaks", values, {})
        intro = "A longer daily session, and the pace of your breath."
        self._fill(self._tab("Ritual & breath", intro), "ritual", values, {})
        self.form.vars["ritual.enabled"].trace_add("write", lambda *_: self._enable_ritual())
        self._enable_ritual()
        self._movement_tab(values, movements, adaptations, on_reset_adaptations)
        intro = "Sitting still is still sitting: calls, videos and long reads."
        self._fill(self._tab("Calls", intro), "context", values, {})
        intro = "Your goal, sound, look, and starting with your session."
        self._fill(self._tab("General", intro), "general", values, {})
        self._buttons(outer)

        self._building = False
        self.validate()
        self.protocol("WM_DELETE_WINDOW", self.cancel)
        self.bind("<Escape>", lambda _e: self.cancel())
        self.deiconify()

    def _buttons(self, outer: ttk.Frame) -> None:
        bar = ttk.Frame(outer)
        bar.pack(fill="x", pady=(self.px(10), 0))
        self.save_button = ttk.Button(bar, text="Save", style="Accent.TButton", command=self.save)
        self.save_button.pack(side="right")
        self.cancel_button = ttk.Button(bar, text="Cancel", command=self.cancel)
        self.cancel_button.pack(side="right", padx=(0, self.px(8)))
        self.status = ttk.Label(bar, text="", style="Muted.TLabel", wraplength=self.px(420))
        self.status.pack(side="left", fill="x")

    # -- behaviour ------------------------------------------------------------------

    def _follow_limits(self, values: Values) -> None:
        """The idle reset's spin box stops below the sit limit, so its range is the real one."""
        idle = BY_KEY["breaks.idle_reset_minutes"]
        sit = str(values.get("breaks.sit_limit_minutes", "")).strip()
        high = min(idle.high or 0, int(sit) - 1) if sit.isdigit() and int(sit) > 1 else idle.high
        self.widgets["breaks.idle_reset_minutes"].configure(to=high)  # type: ignore[call-arg]

    def _enable_ritual(self) -> None:
        on = self.form.flags["ritual.enabled"].get()
        for key in ("ritual.time", "ritual.routine"):
            widget = self.widgets.get(key)
            if isinstance(widget, ttk.Combobox):
                widget.state(["readonly", "!disabled"] if on else ["disabled"])
            elif isinstance(widget, ttk.Widget):
                widget.state(["!disabled"] if on else ["disabled"])

    def values(self) -> Values:
        """The form as plain data, routine names turned back into ids."""
        values = self.form.values()
        for key in ("breaks.prompt_routine", "ritual.routine"):
            name = str(values[key])
            values[key] = self.routine_ids.get(name, name)
        return values

    def validate(self) -> None:
        if self._building:
            return
        values = self.values()
        new, errors = form_to_settings(values, base=self.settings, routines=set(self.routine_names))
        self.new_settings, self.errors = new, errors
        for day in WEEKDAYS:
            on = bool(values[day_key(day, "on")])
            for part in ("start", "end"):
                self.widgets[day_key(day, part)].state(["!disabled"] if on else ["disabled"])
        shown: set[int] = set()
        for key, label in self.reasons.items():
            if id(label) in shown:
                continue
            partner = key.rsplit(".", 1)[0] + ".start" if key.endswith(".end") else None
            text = errors.get(key) or (errors.get(partner) if partner else None) or ""
            if text:
                shown.add(id(label))
            label.configure(text=text)  # the validator's short reason: the value is beside it
            if text:
                label.grid()
            else:
                label.grid_remove()
        self._follow_limits(values)
        for key, widget in self.widgets.items():
            if isinstance(widget, ttk.Entry):  # Spinbox and Combobox too
                widget.state(["invalid"] if key in errors else ["!invalid"])
        self.save_button.state(["disabled"] if errors else ["!disabled"])
        self._show_status(errors)

    def _show_status(self, errors: dict[str, str]) -> None:
        if not errors:
            self.status.configure(
                text=f"Saves to {self.config_path.name}; your comments in it are kept.",
                style="Muted.TLabel",
            )
            return
        names = sorted({FIELDS.get(k, (k,))[0] for k in errors})
        more = "" if len(errors) == 1 else f" and {len(names) - 1} more"
        self.status.configure(text=f"To save, fix: {names[0]}{more}.", style="Reason.TLabel")

    def save(self) -> None:
        """Write the file (comments kept) and hand the settings over; refused while invalid."""
        self.validate()
        if self.errors or self.new_settings is None:
            return
        try:
            configfile.save(self.config_path, self.new_settings)
        except OSError as error:
            log.warning("settings not saved: %s", error)
            self.status.configure(
                text=f"Could not save {self.config_path}: {error.strerror}", style="Reason.TLabel"
            )
            return
        settings = self.new_settings
        self._close()
        self._on_saved(settings)

    def cancel(self) -> None:
        """Close without writing anything."""
        self._close()

    def _close(self) -> None:
        self.destroy()
        if self._on_closed:
            self._on_closed()

    def show(self) -> None:
        bring_to_front(self)

    def close(self) -> None:
        """Close without saving (the app quitting)."""
        self.cancel()
