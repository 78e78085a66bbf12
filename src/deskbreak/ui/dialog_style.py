"""ttk styles in deskbreak's palette, and pixel sizes that grow with Tk's scaling.

One place for the look of the small windows (prompt, settings, about), so they share
spacing and colours with the rest of the app instead of Tk's grey defaults.
"""

from __future__ import annotations

import tkinter as tk
import weakref
from tkinter import ttk

from PIL import Image, ImageDraw, ImageTk

from deskbreak.ui import theme
from deskbreak.ui.theme import Fonts, Palette

px = theme.px  # the one DPI scale, re-exported for the dialogs that lay out with it


def apply(master: tk.Misc, pal: Palette, fnt: Fonts) -> ttk.Style:
    """Configure the shared ttk styles; cheap and idempotent, so every window calls it."""
    style = ttk.Style(master)
    style.theme_use("clam")
    pad = px(master, 6)
    style.configure(
        ".",
        background=pal.background,
        foreground=pal.text,
        font=fnt.body,
        bordercolor=pal.surface,
        darkcolor=pal.background,
        lightcolor=pal.background,
        troughcolor=pal.surface,
        focuscolor=pal.accent,
        selectbackground=pal.accent,
        selectforeground=pal.on_accent,
        fieldbackground=pal.background,
        insertcolor=pal.text,
    )
    style.map(".", foreground=[("disabled", pal.muted)])
    style.configure("Card.TFrame", background=pal.surface)
    style.configure("Title.TLabel", font=fnt.title)
    style.configure("Heading.TLabel", font=fnt.heading)
    style.configure("Muted.TLabel", foreground=pal.muted, font=fnt.small)
    style.configure("Reason.TLabel", foreground=pal.warning, font=fnt.small)
    style.configure("Card.TLabel", background=pal.surface)
    style.configure("CardMuted.TLabel", background=pal.surface, foreground=pal.muted)

    style.configure(
        "TButton",
        padding=(px(master, 14), pad),
        background=pal.surface,
        bordercolor=pal.surface,
        relief="flat",
        anchor="center",
        focuscolor=pal.text,  # a visible dashed ring on the button with the keyboard
        focusthickness=2,
    )
    style.map(
        "TButton",
        background=[("disabled", pal.background), ("active", pal.accent_soft)],
        bordercolor=[("focus", pal.accent)],
    )
    # A small button that sits in a line of text (Undo beside an adapted movement).
    style.configure("Small.TButton", font=fnt.small, padding=(px(master, 8), px(master, 1)))
    style.configure(
        "Accent.TButton",
        background=pal.accent,
        foreground=pal.on_accent,
        bordercolor=pal.accent,
        focuscolor=pal.on_accent,
    )
    style.map(
        "Accent.TButton",
        background=[("disabled", pal.surface), ("active", pal.text)],
        foreground=[("disabled", pal.muted), ("active", pal.background)],
        bordercolor=[("focus", pal.text)],
    )

    field = {
        "fieldbackground": pal.background,
        "bordercolor": pal.muted,
        "lightcolor": pal.background,
        "darkcolor": pal.background,
        "padding": (px(master, 4), px(master, 2)),
        "arrowcolor": pal.text,
    }
    # clam's arrows stay 1x-small on a HiDPI screen; a spin box stacks two in a field's height.
    arrows = {"TEntry": {}, "TSpinbox": {"arrowsize": px(master, 10)}}
    for name in ("TEntry", "TSpinbox", "TCombobox"):
        style.configure(name, **field, **arrows.get(name, {"arrowsize": px(master, 13)}))
        style.map(
            name,
            bordercolor=[("invalid", pal.warning), ("focus", pal.accent)],
            fieldbackground=[("disabled", pal.surface), ("readonly", pal.background)],
            foreground=[("disabled", pal.muted)],
        )
    style.configure(
        "TCheckbutton",
        indicatorbackground=pal.background,
        indicatorforeground=pal.accent,
        upperbordercolor=pal.muted,
        lowerbordercolor=pal.muted,
        padding=(0, px(master, 2)),
    )
    style.map("TCheckbutton", background=[("active", pal.background)])
    _check_indicator(master, style, pal)
    style.configure("TNotebook", background=pal.background, bordercolor=pal.surface, tabmargins=0)
    style.configure(
        "TNotebook.Tab",
        background=pal.background,
        foreground=pal.muted,
        padding=(px(master, 14), px(master, 5)),
        bordercolor=pal.surface,
        lightcolor=pal.background,
    )
    style.map(
        "TNotebook.Tab",
        background=[("selected", pal.surface)],
        foreground=[("selected", pal.text)],
        lightcolor=[("selected", pal.surface)],
    )
    style.configure("TSeparator", background=pal.surface)
    style.configure("TLabelframe", bordercolor=pal.surface)
    style.configure("TLabelframe.Label", font=fnt.heading)
    style.configure(
        "Vertical.TScrollbar",
        background=pal.surface,
        arrowcolor=pal.muted,
        arrowsize=px(master, 14),
        gripcount=0,
    )
    # The drop-down list of a combobox is a plain Tk listbox: colour it through the option db.
    master.option_add("*TCombobox*Listbox.background", pal.background)
    master.option_add("*TCombobox*Listbox.foreground", pal.text)
    master.option_add("*TCombobox*Listbox.selectBackground", pal.accent)
    master.option_add("*TCombobox*Listbox.selectForeground", pal.on_accent)
    select_all_on_ctrl_a(master)
    return style


_TEXT_CLASSES = ("TEntry", "TSpinbox", "TCombobox", "Entry")


def select_all_on_ctrl_a(master: tk.Misc) -> None:
    """Ctrl+A selects all the text of any entry, as everywhere else on the desktop.

    Tk's own binding on X11 moves to the start of the line (an Emacs habit); a class
    binding replaces it for every entry of every window, once per Tk interpreter.
    """
    for name in _TEXT_CLASSES:
        for sequence in ("<Control-a>", "<Control-A>"):
            master.bind_class(name, sequence, _select_all)


def _select_all(event: tk.Event[tk.Misc]) -> str:
    widget = event.widget
    if isinstance(widget, tk.Entry):  # ttk's entries, spin boxes and combo boxes too
        widget.selection_range(0, tk.END)
        widget.icursor(tk.END)
    return "break"


_CHECK_STATES = ("off", "on", "off_disabled", "on_disabled")
# Per Tk root: the indicator images (Tk forgets an image once Python drops it).
_CHECKS: weakref.WeakKeyDictionary[tk.Misc, dict[str, ImageTk.PhotoImage]] = (
    weakref.WeakKeyDictionary()
)


def _check_indicator(master: tk.Misc, style: ttk.Style, pal: Palette) -> None:
    """A rounded box with a tick, drawn with Pillow, instead of clam's dated crossed box."""
    root: tk.Misc = master.nametowidget(".")
    size = px(master, 16)
    drawn = {state: _draw_check(state, size, px(master, 7), pal) for state in _CHECK_STATES}
    images = _CHECKS.get(root)
    if images is not None:
        for state, image in drawn.items():
            images[state].paste(image)  # a new palette for the same element
        return
    images = {state: ImageTk.PhotoImage(image, master=root) for state, image in drawn.items()}
    _CHECKS[root] = images
    style.element_create(
        "deskbreak.check",
        "image",
        images["off"],
        ("disabled", "selected", images["on_disabled"]),
        ("disabled", images["off_disabled"]),
        ("selected", images["on"]),
    )
    style.layout(
        "TCheckbutton",
        [
            (
                "Checkbutton.padding",
                {
                    "sticky": "nswe",
                    "children": [
                        ("deskbreak.check", {"side": "left", "sticky": ""}),
                        (
                            "Checkbutton.focus",
                            {
                                "side": "left",
                                "sticky": "w",
                                "children": [("Checkbutton.label", {"sticky": "nswe"})],
                            },
                        ),
                    ],
                },
            )
        ],
    )


def _draw_check(state: str, size: int, gap: int, pal: Palette) -> Image.Image:
    """One indicator state, drawn 4× larger and scaled down for smooth edges."""
    k = 4
    big = Image.new("RGBA", ((size + gap) * k, size * k), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    on = state.startswith("on")
    disabled = state.endswith("disabled")
    edge = pal.muted if not on else pal.accent
    fill = pal.accent if on else pal.background
    if disabled:
        edge, fill = pal.surface, (pal.accent_soft if on else pal.surface)
    inset = k
    box = (inset, inset, size * k - inset, size * k - inset)
    draw.rounded_rectangle(box, radius=3 * k, fill=fill, outline=edge, width=max(k, round(1.5 * k)))
    if on:
        s = size * k
        tick = [(0.27 * s, 0.52 * s), (0.43 * s, 0.68 * s), (0.74 * s, 0.34 * s)]
        draw.line(tick, fill=pal.on_accent, width=round(2.2 * k), joint="curve")
    return big.resize((size + gap, size), Image.Resampling.LANCZOS)
