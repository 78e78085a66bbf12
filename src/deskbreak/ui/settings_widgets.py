"""The widget of one setting, chosen by its kind in the table of settings.

A spin box takes its range from the spec, a number its unit, a check box its label; so a
new setting of a known kind needs no code here, only its entry in
:data:`deskbreak.core.setting_specs.SPECS` (its ``tab`` says where the dialog puts it).
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Sequence
from tkinter import ttk

from deskbreak.core.setting_specs import Spec
from deskbreak.core.setting_values import AUTO
from deskbreak.ui import dialog_style
from deskbreak.ui.settings_fields import FormVars
from deskbreak.ui.settings_form import FormValue

SCALES = (AUTO, "1", "1.25", "1.5", "2", "2.5", "3")


def field_widget(
    parent: tk.Misc,
    spec: Spec,
    form: FormVars,
    value: FormValue,
    routine_names: Sequence[str] = (),
    *,
    key: str | None = None,
) -> tuple[tk.Widget, ttk.Widget]:
    """(what goes in the grid, the input inside it) for ``spec``, bound to ``form``.

    ``key`` names the form field when it is not the spec's own (a weekday's hours).
    """
    key = key or spec.key
    if spec.kind == "bool":
        box = ttk.Checkbutton(parent, text=spec.label, variable=form.flag(key, bool(value)))
        return box, box
    if spec.kind == "int":
        return _number(parent, spec, form, key, str(value))
    if spec.kind == "time":
        entry = ttk.Entry(parent, textvariable=form.text(key, str(value)), width=6)
        entry.configure(justify="center")
        return entry, entry
    if spec.kind == "dates":
        cell = ttk.Frame(parent)
        entry = ttk.Entry(cell, textvariable=form.text(key, str(value)), width=24)
        entry.pack(side="left")
        _unit(cell, spec)
        return cell, entry
    if spec.kind == "name":
        return _pick(parent, form.text(key, str(value)), list(routine_names), width=22)
    if spec.kind == "text":
        entry = ttk.Entry(parent, textvariable=form.text(key, str(value)), width=28)
        return entry, entry
    if spec.kind == "choice":
        names = [choice.capitalize() for choice in spec.choices]
        return _pick(parent, form.text(key, str(value).capitalize()), names, width=10)
    if spec.kind == "scale":
        var = form.text(key, str(value))
        scale = ttk.Combobox(parent, textvariable=var, values=list(SCALES), width=6)
        return scale, scale
    raise ValueError(f"{key}: the dialog lays out a {spec.kind!r} setting by hand")


def _number(
    parent: tk.Misc, spec: Spec, form: FormVars, key: str, value: str
) -> tuple[tk.Widget, ttk.Widget]:
    cell = ttk.Frame(parent)
    box = ttk.Spinbox(
        cell,
        from_=spec.low or 0,
        to=spec.high or 0,
        textvariable=form.text(key, value),
        width=4,
        justify="right",
    )
    box.pack(side="left")
    _unit(cell, spec)
    return cell, box


def _unit(cell: ttk.Frame, spec: Spec) -> None:
    """What the number counts, or how to write the value, in muted type after the field."""
    if spec.unit:
        ttk.Label(cell, text=spec.unit, style="Muted.TLabel").pack(
            side="left", padx=(dialog_style.px(cell, 8), 0)
        )


def _pick(
    parent: tk.Misc, var: tk.StringVar, names: list[str], width: int
) -> tuple[tk.Widget, ttk.Widget]:
    box = ttk.Combobox(parent, textvariable=var, values=names, state="readonly", width=width)
    return box, box
