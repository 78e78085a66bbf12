"""The grid every settings tab shares: a label, its field, and the field's reason under it.

A tab is filled from the table of settings in its order (:meth:`SettingsGrid._fill`): the
kind of each setting picks its widget, so a new setting needs no layout code.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable
from tkinter import ttk

from deskbreak.core.setting_specs import BY_KEY, SPECS, Spec, Tab
from deskbreak.ui import dialog_style
from deskbreak.ui.settings_fields import FIELDS, FormVars, help_text, reason_label, tooltip
from deskbreak.ui.settings_form import FormValue
from deskbreak.ui.settings_widgets import field_widget
from deskbreak.ui.theme import Fonts, Palette

Values = dict[str, FormValue]
Builders = dict[str, Callable[[ttk.Frame, Spec], None]]  # a setting laid out by hand


class SettingsGrid(tk.Toplevel):
    """Layout helpers of the settings dialog; the dialog sets the attributes below."""

    pal: Palette
    fnt: Fonts
    form: FormVars
    notebook: ttk.Notebook
    routine_ids: dict[str, str]  # name shown → id
    routine_names: dict[str, str]  # id → name shown
    widgets: dict[str, ttk.Widget]  # form key → its input
    reasons: dict[str, ttk.Label]  # form key → where its problem shows
    tooltips: dict[str, object]
    _rows: dict[str, int]  # per tab: its next free grid row

    def validate(self) -> None:
        """Check the form and show what is wrong (the dialog does it)."""
        raise NotImplementedError

    def px(self, pixels: float) -> int:
        return dialog_style.px(self, pixels)

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
