"""The settings tabs laid out by hand: the week's hours, the positions, the movements to avoid.

Everything else is placed by :meth:`SettingsGrid._fill` from the table of settings.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Sequence
from tkinter import ttk

from deskbreak.core.setting_specs import Spec
from deskbreak.core.settings import POSTURES, WEEKDAYS
from deskbreak.ui.pick_list import pick_list
from deskbreak.ui.settings_fields import FIELDS, tooltip
from deskbreak.ui.settings_form import DAYS, FormValue, day_key
from deskbreak.ui.settings_grid import SettingsGrid, Values

Named = tuple[str, str]  # (id, name shown to people)


class SettingsTabs(SettingsGrid):
    """The Work hours and Movements tabs."""

    _common: tuple[str, str]  # the usual hours as last shown, for the days that follow them
    undo: dict[str, Callable[[], None]]  # adapted movement's name → take its progression back
    undo_buttons: dict[str, ttk.Button]

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
            # The first column of days lines up with the tab's labels above and below it.
            names = max(self.widgets[day_key(day, "on")].winfo_reqwidth() for day in WEEKDAYS)
            week.columnconfigure(0, minsize=names)
            tab.columnconfigure(0, minsize=names + self.px(8))

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

        def room(tab: ttk.Frame, spec: Spec) -> None:
            """The wall and the floor share a row: both say what is around the desk."""
            cell = ttk.Frame(tab)
            for key in ("movement.wall_nearby", "movement.clear_floor"):
                box = ttk.Checkbutton(
                    cell, text=FIELDS[key][0], variable=self.form.flag(key, bool(values[key]))
                )
                box.pack(side="left", padx=(0, self.px(14)))
                self._field(key, box)
            self._row(tab, "movement.wall_nearby", cell, label="")
            self._reason(tab, "movement.clear_floor", self._next_row(tab))

        self._fill(
            tab,
            "movement",
            values,
            {
                "movement.postures": postures,
                "movement.avoid": avoid,
                "movement.wall_nearby": room,
                "movement.clear_floor": lambda _tab, _spec: None,  # beside the wall, in room()
            },
        )
        if adaptations or on_reset:
            self._adaptations(tab, adaptations, on_reset)

    def _avoid_list(self, tab: ttk.Frame, values: Values, movements: Sequence[Named]) -> None:
        avoided = _strings(values["movement.avoid"])
        known = dict(movements)
        ids = list(known) + [i for i in avoided if i not in known]
        names = [known.get(mid, f"{mid} (not in the library)") for mid in ids]
        picked = [index for index, mid in enumerate(ids) if mid in avoided]
        frame, listbox = pick_list(tab, names, picked, self.pal, self.fnt, self.px)
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
                row=row, column=1, sticky="nw", pady=(self.px(3), self.px(1))
            )
            if name in self.undo:
                self._undo_button(box, row, name)
        if on_reset:
            self.reset_button = ttk.Button(box, text="Reset adaptations", command=on_reset)
            self.reset_button.grid(
                row=0,
                column=3,
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

    def _undo_button(self, box: ttk.Frame, row: int, name: str) -> None:
        """Take one progression back: the movement is offered at its usual level again."""

        def undo() -> None:
            self.undo[name]()
            button.configure(text="Undone", state="disabled")

        button = ttk.Button(box, text="Undo", command=undo, style="Small.TButton")
        button.grid(row=row, column=2, sticky="ne", padx=(self.px(8), 0))
        self.undo_buttons[name] = button

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


def _strings(value: FormValue) -> list[str]:
    return list(value) if isinstance(value, list) else []
