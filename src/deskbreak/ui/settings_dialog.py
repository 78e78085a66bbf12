"""The settings dialog: every setting in five tabs, checked as the user types.

Which settings a tab holds, in what order, with which widget, range, unit and words, comes
from the table of settings (:mod:`deskbreak.core.setting_specs`); only the week's hours,
the positions and the movements to avoid are laid out by hand here.

Each keystroke re-runs :func:`form_to_settings` (cheap, plain data) and shows each
field's reason beside it; Save stays disabled while anything is wrong. Saving goes
through :func:`deskbreak.shell.configfile.save`, which keeps the user's comments, and
hands the new Settings to ``on_saved`` so the app applies them at once.
"""

from __future__ import annotations

import logging
import tkinter as tk
from collections.abc import Callable, Sequence
from pathlib import Path
from tkinter import ttk

from deskbreak.core.setting_specs import BY_KEY, SPECS, Spec, Tab
from deskbreak.core.settings import POSTURES, WEEKDAYS, Settings
from deskbreak.shell import configfile
from deskbreak.ui import dialog_style, theme
from deskbreak.ui.settings_fields import FIELDS, FormVars, help_text, reason_label, tooltip
from deskbreak.ui.settings_form import (
    DAYS,
    FormValue,
    day_key,
    form_to_settings,
    settings_to_form,
)
from deskbreak.ui.settings_widgets import field_widget

log = logging.getLogger(__name__)

TITLE = "deskbreak — Settings"
Named = tuple[str, str]  # (id, name shown to people)
Values = dict[str, FormValue]
Builders = dict[str, Callable[[ttk.Frame, Spec], None]]  # a setting laid out by hand


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
    ) -> None:
        super().__init__(master, class_=theme.WM_CLASS)
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
        self._rows: dict[str, int] = {}  # per tab: its next free grid row
        self.errors: dict[str, str] = {}
        self.new_settings: Settings | None = settings
        values = settings_to_form(settings)
        self._common = (str(values["schedule.start"]), str(values["schedule.end"]))

        outer = ttk.Frame(self, padding=self.px(12))
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
        intro = "Your goal, sound, look, and starting with your session."
        self._fill(self._tab("General", intro), "general", values, {})
        self._buttons(outer)

        self._building = False
        self.validate()
        self.protocol("WM_DELETE_WINDOW", self.cancel)
        self.bind("<Escape>", lambda _e: self.cancel())
        self.deiconify()

    def px(self, pixels: float) -> int:
        return dialog_style.px(self, pixels)

    # -- layout helpers -------------------------------------------------------------------

    def _tab(self, title: str, intro: str) -> ttk.Frame:
        tab = ttk.Frame(self.notebook, padding=(self.px(18), self.px(12)))
        self.notebook.add(tab, text=title)
        ttk.Label(tab, text=intro, style="Muted.TLabel", wraplength=self.px(400)).grid(
            row=0, column=0, columnspan=2, sticky="w", pady=(0, self.px(8))
        )
        tab.columnconfigure(1, weight=1)
        self._rows[str(tab)] = 1
        return tab

    def _next_row(self, tab: ttk.Frame) -> int:
        """Two grid rows per field: the field, then its reason (hidden while all is well)."""
        row = self._rows[str(tab)]
        self._rows[str(tab)] = row + 2
        return row

    def _field(self, key: str, widget: ttk.Widget, *, tip_on: tk.Widget | None = None) -> None:
        self.widgets[key] = widget
        self.tooltips[key] = tooltip(tip_on or widget, help_text(key), self.pal, self.fnt)

    def _row(self, tab: ttk.Frame, key: str, cell: tk.Widget, *, label: str | None = None) -> int:
        """Label and field on one grid row, the field's reason under the field."""
        row = self._next_row(tab)
        text = FIELDS[key][0] if label is None else label
        if text:
            caption = ttk.Label(tab, text=text)
            caption.grid(row=row, column=0, sticky="nw", pady=self.px(3), padx=(0, self.px(14)))
            tooltip(caption, help_text(key), self.pal, self.fnt)
        cell.grid(row=row, column=1 if text else 0, columnspan=1 if text else 2, sticky="w")
        self._reason(tab, key, row + 1)
        return row

    def _reason(self, parent: tk.Misc, key: str, row: int, column: int = 1, span: int = 1) -> None:
        label = self.reasons[key] = reason_label(parent)
        label.grid(row=row, column=column, columnspan=span, sticky="w", pady=(0, self.px(4)))
        label.grid_remove()

    def _heading(self, tab: ttk.Frame, text: str, note: str = "") -> None:
        line = ttk.Frame(tab)
        line.grid(
            row=self._next_row(tab), column=0, columnspan=2, sticky="w", pady=(self.px(10), 0)
        )
        ttk.Label(line, text=text, style="Heading.TLabel").pack(side="left")
        if note:
            ttk.Label(line, text=note, style="Muted.TLabel").pack(
                side="left", anchor="s", padx=(self.px(10), 0)
            )

    def _fill(self, tab: ttk.Frame, name: Tab, values: Values, by_hand: Builders) -> None:
        """Every setting of the tab, in the table's order; some are laid out by hand."""
        for spec in SPECS:
            if spec.tab != name:
                continue
            if spec.heading:
                self._heading(tab, spec.heading)
            if spec.key in by_hand:
                by_hand[spec.key](tab, spec)
                continue
            value = values[spec.key]
            if spec.kind == "name":
                value = self.routine_names.get(str(value), str(value))
            cell, widget = field_widget(tab, spec, self.form, value, list(self.routine_ids))
            self._field(spec.key, widget)
            self._row(tab, spec.key, cell, label="" if spec.kind == "bool" else None)

    def _times(self, parent: tk.Misc, start: str, end: str, values: Values) -> ttk.Frame:
        """A "from … to …" pair of time entries."""
        cell = ttk.Frame(parent)
        for index, key in enumerate((start, end)):
            if index:
                ttk.Label(cell, text="to").pack(side="left", padx=self.px(8))
            _, entry = field_widget(cell, BY_KEY["schedule.start"], self.form, values[key], key=key)
            entry.pack(side="left")
            self._field(key, entry)
        return cell

    # -- tabs ---------------------------------------------------------------------------

    def _hours_tab(self, values: Values) -> None:
        tab = self._tab(
            "Work hours", "Breaks are offered on the days you work, between these hours."
        )

        def usual(tab: ttk.Frame, spec: Spec) -> None:
            if spec.key == "schedule.end":
                return  # on the row of the start
            cell = self._times(tab, "schedule.start", "schedule.end", values)
            self._row(tab, "schedule.end", cell, label=FIELDS["schedule.start"][0])
            self.reasons["schedule.start"] = self.reasons["schedule.end"]
            for part in ("start", "end"):
                self.form.vars[f"schedule.{part}"].trace_add("write", lambda *_: self._follow())

        def days(tab: ttk.Frame, spec: Spec) -> None:
            self._heading(tab, spec.label, "own hours where a day differs")
            week = ttk.Frame(tab)
            week.grid(row=self._next_row(tab), column=0, columnspan=2, sticky="w")
            week.columnconfigure(2, minsize=self.px(28))  # between the two columns of days
            for index, day in enumerate(WEEKDAYS):
                row, column = 2 * (index % 4), 3 * (index // 4)
                on = day_key(day, "on")
                box = ttk.Checkbutton(
                    week, text=FIELDS[on][0], variable=self.form.flag(on, bool(values[on]))
                )
                self._field(on, box)
                box.grid(row=row, column=column, sticky="w", pady=self.px(2))
                cell = self._times(week, day_key(day, "start"), day_key(day, "end"), values)
                cell.grid(row=row, column=column + 1, sticky="w", padx=(self.px(8), 0))
                self._reason(week, day_key(day, "end"), row + 1, column, span=2)
                self.reasons[day_key(day, "start")] = self.reasons[day_key(day, "end")]

        self._fill(
            tab, "hours", values, {"schedule.start": usual, "schedule.end": usual, DAYS: days}
        )

    def _movement_tab(
        self,
        values: Values,
        movements: Sequence[Named],
        adaptations: Sequence[tuple[str, str]],
        on_reset: Callable[[], None] | None,
    ) -> None:
        tab = self._tab("Movements", "Which positions and movements your routines may use.")

        def postures(tab: ttk.Frame, spec: Spec) -> None:
            cell = ttk.Frame(tab)
            chosen = set(_strings(values[spec.key]))
            ticks = {}
            for posture in POSTURES:
                var = tk.BooleanVar(self, value=posture in chosen)
                var.trace_add("write", lambda *_: self.validate())
                ttk.Checkbutton(cell, text=posture.capitalize(), variable=var).pack(
                    side="left", padx=(0, self.px(14))
                )
                ticks[posture] = var
            self.form.listing(spec.key, lambda: [p for p, v in ticks.items() if v.get()])
            self._field(spec.key, cell)
            self._row(tab, spec.key, cell)

        def avoid(tab: ttk.Frame, spec: Spec) -> None:
            self._avoid_list(tab, values, movements)

        self._fill(
            tab, "movement", values, {"movement.postures": postures, "movement.avoid": avoid}
        )
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
            height=5,
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
        self._field("movement.avoid", frame, tip_on=listbox)
        self._row(tab, "movement.avoid", frame)

    def _adaptations(
        self,
        tab: ttk.Frame,
        adaptations: Sequence[tuple[str, str]],
        on_reset: Callable[[], None] | None,
    ) -> None:
        self._heading(tab, "Adapted movements")
        box = ttk.Frame(tab)
        box.grid(row=self._next_row(tab), column=0, columnspan=2, sticky="we")
        box.columnconfigure(1, weight=1)
        if not adaptations:
            ttk.Label(
                box, text="None yet: every movement is at its usual level.", style="Muted.TLabel"
            ).grid(row=0, column=0, sticky="w")
        for row, (name, why) in enumerate(adaptations):
            ttk.Label(box, text=name).grid(
                row=row, column=0, sticky="nw", padx=(0, self.px(12)), pady=self.px(1)
            )
            ttk.Label(box, text=why, style="Muted.TLabel", wraplength=self.px(300)).grid(
                row=row, column=1, sticky="w", pady=self.px(1)
            )
        if on_reset:
            self.reset_button = ttk.Button(box, text="Reset adaptations", command=on_reset)
            self.reset_button.grid(
                row=0,
                column=2,
                rowspan=max(1, len(adaptations)),
                sticky="ne",
                padx=(self.px(12), 0),
            )
            tooltip(
                self.reset_button,
                "Forget what deskbreak learned from your comfort answers and offer every movement at its usual level again.",
                self.pal,
                self.fnt,
            )

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

    def _follow(self) -> None:
        """Days that had the usual hours keep having them when the usual hours change."""
        texts = self.form.texts
        new = (texts["schedule.start"].get(), texts["schedule.end"].get())
        for day in WEEKDAYS:
            for index, part in enumerate(("start", "end")):
                var = texts[day_key(day, part)]
                if var.get() == self._common[index] and new[index] != self._common[index]:
                    var.set(new[index])
        self._common = new

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


def _strings(value: FormValue) -> list[str]:
    return list(value) if isinstance(value, list) else []
