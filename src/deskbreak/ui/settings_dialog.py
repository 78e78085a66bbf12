"""The settings dialog: every setting in five tabs, checked as the user types.

Each keystroke re-runs :func:`form_to_settings` (cheap, plain data) and shows each
field's reason beside it; Save stays disabled while anything is wrong. Saving goes
through :func:`deskbreak.shell.configfile.save`, which keeps the user's comments, and
hands the new Settings to ``on_saved`` so the app applies them at once.
"""

from __future__ import annotations

import logging
import tkinter as tk
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from tkinter import ttk

from deskbreak.core.settings import CHAIRS, POSTURES, WEEKDAYS, Settings
from deskbreak.shell import configfile
from deskbreak.ui import dialog_style, theme
from deskbreak.ui.settings_fields import FIELDS, FormVars, help_text, reason_label, tooltip
from deskbreak.ui.settings_form import FormValue, day_key, form_to_settings, settings_to_form

log = logging.getLogger(__name__)

TITLE = "deskbreak — Settings"
Named = tuple[str, str]  # (id, name shown to people)
Values = dict[str, FormValue]


class SettingsDialog(tk.Toplevel):
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
        on_closed: Callable[[], None] | None = None,
        dark: bool | None = None,
        undo: Mapping[str, Callable[[], None]] | None = None,
    ) -> None:
        super().__init__(master, class_=theme.WM_CLASS)
        self.undo = dict(undo or {})  # adaptation row name → take that progression back
        self.undo_buttons: dict[str, ttk.Button] = {}
        self.withdraw()
        self.title(TITLE)
        self.settings = settings
        self.config_path = config_path
        self._on_saved = on_saved
        self._on_closed = on_closed
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
        self.errors: dict[str, str] = {}
        self.new_settings: Settings | None = settings
        values = settings_to_form(settings)
        self._common = (str(values["schedule.start"]), str(values["schedule.end"]))

        outer = ttk.Frame(self, padding=self.px(16))
        outer.pack(fill="both", expand=True)
        self.notebook = ttk.Notebook(outer)
        self.notebook.pack(fill="both", expand=True)
        self._hours_tab(values)
        self._breaks_tab(values)
        self._ritual_tab(values)
        self._movement_tab(values, movements, adaptations, on_reset_adaptations)
        self._general_tab(values)
        self._buttons(outer)

        self._building = False
        self.validate()
        self.protocol("WM_DELETE_WINDOW", self.cancel)
        self.bind("<Escape>", lambda _e: self.cancel())
        self.deiconify()

    def px(self, pixels: float) -> int:
        return dialog_style.px(self, pixels)

    # -- layout helpers -------------------------------------------------------------

    def _tab(self, title: str, intro: str) -> ttk.Frame:
        tab = ttk.Frame(self.notebook, padding=(self.px(18), self.px(14)))
        self.notebook.add(tab, text=title)
        ttk.Label(tab, text=intro, style="Muted.TLabel", wraplength=self.px(520)).grid(
            row=0, column=0, columnspan=4, sticky="w", pady=(0, self.px(12))
        )
        tab.columnconfigure(0, minsize=self.px(150))
        tab.columnconfigure(3, weight=1, minsize=self.px(312))  # room for a reason
        return tab

    def _field(self, key: str, widget: ttk.Widget, *, tip_on: tk.Widget | None = None) -> None:
        self.widgets[key] = widget
        self.tooltips[key] = tooltip(tip_on or widget, help_text(key), self.pal, self.fnt)

    def _row(
        self, tab: ttk.Frame, row: int, key: str, widget: ttk.Widget, *, tall: bool = False
    ) -> None:
        """Label, field (with its unit) and the field's reason, on one grid row."""
        label = ttk.Label(tab, text=FIELDS[key][0])
        label.grid(
            row=row, column=0, sticky="nw" if tall else "w", pady=self.px(4), padx=(0, self.px(16))
        )
        widget.grid(row=row, column=1, columnspan=2, sticky="w", pady=self.px(4))
        self._reason(tab, key, row)
        if key not in self.tooltips:
            self._field(key, widget)
        tooltip(label, help_text(key), self.pal, self.fnt)

    def _reason(self, parent: tk.Misc, key: str, row: int, column: int = 3) -> None:
        self.reasons[key] = reason_label(parent)
        self.reasons[key].grid(row=row, column=column, sticky="w", padx=(self.px(12), 0))

    def _number(
        self, tab: ttk.Frame, row: int, key: str, values: Values, low: int, high: int, unit: str
    ) -> None:
        var = self.form.text(key, str(values[key]))
        cell = ttk.Frame(tab)
        box = ttk.Spinbox(cell, from_=low, to=high, textvariable=var, width=4, justify="right")
        box.pack(side="left")
        if unit:
            ttk.Label(cell, text=unit, style="Muted.TLabel").pack(side="left", padx=(self.px(8), 0))
        self._field(key, box)
        self._row(tab, row, key, cell)

    def _time(self, parent: tk.Misc, key: str, values: Values) -> ttk.Entry:
        var = self.form.text(key, str(values[key]))
        entry = ttk.Entry(parent, textvariable=var, width=6, justify="center")
        self._field(key, entry)
        return entry

    def _check(
        self, parent: tk.Misc, key: str, values: Values, text: str | None = None
    ) -> ttk.Checkbutton:
        var = self.form.flag(key, bool(values[key]))
        box = ttk.Checkbutton(parent, text=FIELDS[key][0] if text is None else text, variable=var)
        self._field(key, box)
        return box

    def _routine(self, tab: ttk.Frame, row: int, key: str, values: Values) -> None:
        current = str(values[key])
        var = self.form.text(key, self.routine_names.get(current, current))
        names = list(self.routine_ids)
        box = ttk.Combobox(tab, textvariable=var, values=names, state="readonly", width=22)
        self._row(tab, row, key, box)

    # -- tabs -----------------------------------------------------------------------

    def _hours_tab(self, values: Values) -> None:
        tab = self._tab(
            "Work hours", "Breaks are offered on the days you work, between these hours."
        )
        ttk.Label(tab, text=FIELDS["schedule.start"][0]).grid(
            row=1, column=0, sticky="w", padx=(0, self.px(16))
        )
        common = ttk.Frame(tab)
        common.grid(row=1, column=1, columnspan=2, sticky="w", pady=self.px(4))
        self._time(common, "schedule.start", values).pack(side="left")
        ttk.Label(common, text="to").pack(side="left", padx=self.px(8))
        self._time(common, "schedule.end", values).pack(side="left")
        self._reason(tab, "schedule.end", 1)
        self.reasons["schedule.start"] = self.reasons["schedule.end"]
        for part in ("start", "end"):
            self.form.vars[f"schedule.{part}"].trace_add("write", lambda *_: self._follow_common())

        ttk.Label(tab, text="Days", style="Heading.TLabel").grid(
            row=2, column=0, sticky="w", pady=(self.px(14), self.px(4))
        )
        ttk.Label(tab, text="Own hours, where a day differs", style="Muted.TLabel").grid(
            row=2, column=1, columnspan=2, sticky="sw", pady=(self.px(14), self.px(4))
        )
        for row, day in enumerate(WEEKDAYS, start=3):
            box = self._check(tab, day_key(day, "on"), values)
            box.grid(row=row, column=0, sticky="w", pady=self.px(2))
            hours = ttk.Frame(tab)
            hours.grid(row=row, column=1, columnspan=2, sticky="w")
            self._time(hours, day_key(day, "start"), values).pack(side="left")
            ttk.Label(hours, text="to").pack(side="left", padx=self.px(8))
            self._time(hours, day_key(day, "end"), values).pack(side="left")
            self._reason(tab, day_key(day, "end"), row)
            self.reasons[day_key(day, "start")] = self.reasons[day_key(day, "end")]
        outside = self._check(tab, "breaks.outside_work_hours", values)
        outside.grid(row=10, column=0, columnspan=4, sticky="w", pady=(self.px(14), 0))

    def _breaks_tab(self, values: Values) -> None:
        tab = self._tab("Breaks", "When a break is offered, and what a snooze does.")
        self._number(tab, 1, "breaks.sit_limit_minutes", values, 1, 240, "minutes")
        self._number(tab, 2, "breaks.idle_reset_minutes", values, 1, 60, "minutes")
        self._number(tab, 3, "breaks.snooze_minutes", values, 1, 120, "minutes")
        self._number(tab, 4, "breaks.max_snoozes", values, 0, 10, "")
        self._routine(tab, 5, "breaks.prompt_routine", values)

    def _ritual_tab(self, values: Values) -> None:
        tab = self._tab("Ritual & breath", "A longer daily session, and the pace of your breath.")
        self._check(tab, "ritual.enabled", values).grid(row=1, column=0, columnspan=3, sticky="w")
        self._row(tab, 2, "ritual.time", self._time(tab, "ritual.time", values))
        anchor = ttk.Entry(
            tab,
            textvariable=self.form.text("ritual.anchor", str(values["ritual.anchor"])),
            width=28,
        )
        self._row(tab, 3, "ritual.anchor", anchor)
        self._routine(tab, 4, "ritual.routine", values)
        ttk.Label(tab, text="Breath pace", style="Heading.TLabel").grid(
            row=5, column=0, sticky="w", pady=(self.px(16), self.px(4))
        )
        self._number(tab, 6, "breathing.inhale_seconds", values, 2, 8, "seconds")
        self._number(tab, 7, "breathing.hold_seconds", values, 0, 2, "seconds")
        self._number(tab, 8, "breathing.exhale_seconds", values, 2, 10, "seconds")
        self.form.vars["ritual.enabled"].trace_add("write", lambda *_: self._enable_ritual())
        self._enable_ritual()

    def _movement_tab(
        self,
        values: Values,
        movements: Sequence[Named],
        adaptations: Sequence[tuple[str, str]],
        on_reset: Callable[[], None] | None,
    ) -> None:
        tab = self._tab("Movements", "Which positions and movements your routines may use.")
        postures = ttk.Frame(tab)
        chosen = set(_strings(values["movement.postures"]))
        posture_vars = {}
        for posture in POSTURES:
            var = tk.BooleanVar(self, value=posture in chosen)
            var.trace_add("write", lambda *_: self.validate())
            ttk.Checkbutton(postures, text=posture.capitalize(), variable=var).pack(
                side="left", padx=(0, self.px(14))
            )
            posture_vars[posture] = var
        self.form.listing(
            "movement.postures", lambda: [p for p, v in posture_vars.items() if v.get()]
        )
        self._row(tab, 1, "movement.postures", postures)
        chair = ttk.Combobox(
            tab,
            textvariable=self.form.text("movement.chair", str(values["movement.chair"])),
            values=list(CHAIRS),
            state="readonly",
            width=10,
        )
        self._row(tab, 2, "movement.chair", chair)
        place = ttk.Frame(tab)
        for key in ("movement.wall_nearby", "movement.clear_floor"):
            self._check(place, key, values).pack(anchor="w")
        place.grid(row=3, column=1, columnspan=3, sticky="w", pady=self.px(4))
        self._avoid_list(tab, values, movements)
        if adaptations or on_reset:
            self._adaptations(tab, adaptations, on_reset)

    def _avoid_list(self, tab: ttk.Frame, values: Values, movements: Sequence[Named]) -> None:
        avoided = _strings(values["movement.avoid"])
        known = dict(movements)
        ids = list(known) + [i for i in avoided if i not in known]
        frame = ttk.Frame(tab)
        edge = tk.Frame(
            frame,
            background=self.pal.background,
            highlightthickness=1,
            highlightbackground=self.pal.muted,
            padx=self.px(6),
            pady=self.px(4),
        )
        listbox = tk.Listbox(
            edge,
            selectmode="multiple",
            exportselection=False,
            height=6,
            width=30,
            activestyle="none",
            relief="flat",
            borderwidth=0,
            highlightthickness=0,
            background=self.pal.background,
            foreground=self.pal.text,
            selectbackground=self.pal.accent_soft,
            selectforeground=self.pal.text,
            font=self.fnt.body,
        )
        listbox.pack(fill="both")
        scroll = ttk.Scrollbar(frame, orient="vertical", command=listbox.yview)
        listbox.configure(yscrollcommand=scroll.set)
        edge.pack(side="left", fill="both")
        scroll.pack(side="left", fill="y", padx=(self.px(4), 0))
        for index, mid in enumerate(ids):
            listbox.insert("end", known.get(mid, f"{mid} (not in the library)"))
            if mid in avoided:
                listbox.selection_set(index)
        listbox.bind("<<ListboxSelect>>", lambda _e: self.validate())
        self.avoid_listbox = listbox
        self.form.listing(
            "movement.avoid",
            lambda: [ids[int(i)] for i in listbox.curselection()],  # type: ignore[no-untyped-call]
        )
        self._row(tab, 4, "movement.avoid", frame, tall=True)
        self.tooltips["movement.avoid"] = tooltip(
            listbox, help_text("movement.avoid"), self.pal, self.fnt
        )

    def _adaptations(
        self,
        tab: ttk.Frame,
        adaptations: Sequence[tuple[str, str]],
        on_reset: Callable[[], None] | None,
    ) -> None:
        ttk.Label(tab, text="Adapted movements", style="Heading.TLabel").grid(
            row=5, column=0, columnspan=4, sticky="w", pady=(self.px(16), self.px(4))
        )
        box = ttk.Frame(tab)
        box.grid(row=6, column=0, columnspan=4, sticky="we")
        if not adaptations:
            ttk.Label(
                box, text="None yet: every movement is at its usual level.", style="Muted.TLabel"
            ).grid(row=0, column=0, sticky="w")
        for row, (name, why) in enumerate(adaptations):
            ttk.Label(box, text=name).grid(
                row=row, column=0, sticky="nw", padx=(0, self.px(12)), pady=self.px(1)
            )
            ttk.Label(box, text=why, style="Muted.TLabel", wraplength=self.px(380)).grid(
                row=row, column=1, sticky="w", pady=self.px(1)
            )
            if name in self.undo:
                self._undo_button(box, row, name)
        if on_reset:
            self.reset_button = ttk.Button(tab, text="Reset adaptations", command=on_reset)
            self.reset_button.grid(row=7, column=0, sticky="w", pady=(self.px(10), 0))
            tooltip(
                self.reset_button,
                "Forget what deskbreak learned from your comfort answers and offer every movement at its usual level again.",
                self.pal,
                self.fnt,
            )

    def _undo_button(self, box: ttk.Frame, row: int, name: str) -> None:
        """Take one progression back (it starts over from now)."""

        def undo() -> None:
            self.undo[name]()
            button.configure(text="Undone", state="disabled")

        button = ttk.Button(box, text="Undo", command=undo)
        button.grid(row=row, column=2, sticky="e", padx=(self.px(8), 0))
        self.undo_buttons[name] = button

    def _general_tab(self, values: Values) -> None:
        tab = self._tab("General", "Your goal, sound, and starting with your session.")
        self._number(tab, 1, "app.weekly_goal_days", values, 1, 7, "days a week")
        self._check(tab, "app.sound", values).grid(
            row=2, column=0, columnspan=3, sticky="w", pady=(self.px(10), 0)
        )
        self._check(tab, "app.autostart", values).grid(
            row=3, column=0, columnspan=3, sticky="w", pady=self.px(4)
        )

    def _buttons(self, outer: ttk.Frame) -> None:
        bar = ttk.Frame(outer)
        bar.pack(fill="x", pady=(self.px(14), 0))
        self.save_button = ttk.Button(bar, text="Save", style="Accent.TButton", command=self.save)
        self.save_button.pack(side="right")
        self.cancel_button = ttk.Button(bar, text="Cancel", command=self.cancel)
        self.cancel_button.pack(side="right", padx=(0, self.px(8)))
        self.status = ttk.Label(bar, text="", style="Muted.TLabel", wraplength=self.px(420))
        self.status.pack(side="left", fill="x")

    # -- behaviour ------------------------------------------------------------------

    def _follow_common(self) -> None:
        """Days that had the usual hours keep having them when the usual hours change."""
        texts = self.form.texts
        new = (texts["schedule.start"].get(), texts["schedule.end"].get())
        for day in WEEKDAYS:
            for index, part in enumerate(("start", "end")):
                var = texts[day_key(day, part)]
                if var.get() == self._common[index] and new[index] != self._common[index]:
                    var.set(new[index])
        self._common = new

    def _enable_ritual(self) -> None:
        on = self.form.flags["ritual.enabled"].get()
        for key in ("ritual.time", "ritual.anchor", "ritual.routine"):
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
            label.configure(text=text.split(', not "')[0])  # they can see what they typed
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


def _strings(value: FormValue) -> list[str]:
    return list(value) if isinstance(value, list) else []
