"""The break window's quieter pages: first-run note, pain note, comfort check, summary.

Each is a small frame taking ``master`` first; the window decides when to show which,
and owns the keys (so tests can drive either buttons or keys).
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Sequence
from functools import partial
from tkinter import font as tkfont

from deskbreak.core import safety, words
from deskbreak.core.records import FELT_IN, Comfort
from deskbreak.ui import theme
from deskbreak.ui.scroll import ScrollPage

# Two tiers everywhere (core/safety.py): the urgent signs, then "see a clinician soon";
# the full list of warning signs is one click away on the pain note.
URGENT_FLAGS: tuple[str, ...] = safety.URGENT
SEE_A_DOCTOR = safety.SOON_TEXT
REST_SECONDS = 45  # after a pain stop, rest and breathe first (30–60 s), then choose

FIRST_RUN_TEXT = f"{safety.FIRST_RUN_NOTE} {safety.STOP_NOW}"
SCREENING_TEXT = safety.SCREENING_TITLE + ": " + "; ".join(safety.SCREENING) + "."

#: The "where did you feel it" chips and their keys (underlined in each label).
PLACE_KEYS = {
    "hips": "h",
    "mid-back": "m",
    "low back": "l",
    "neck": "c",
    "legs": "g",
    "nowhere": "w",
}

COMFORT_CHOICES = (
    (Comfort.FELT_GOOD, "1  Felt good"),
    (Comfort.SOME_DISCOMFORT, "2  Some discomfort"),
    (Comfort.SHARP_PAIN, "3  Sharp pain"),
)


class Bullets(tk.Frame):
    """A bulleted list with hanging indents that re-wraps with the window's width."""

    def __init__(self, master: tk.Misc, colors: theme.Palette, font: tkfont.Font) -> None:
        super().__init__(master, background=colors.background)
        self.colors, self.font = colors, font
        self.columnconfigure(1, weight=1)
        self.items: tuple[str, ...] = ()
        self._labels: list[tk.Label] = []
        self.bind("<Configure>", self._rewrap, add="+")

    def set(self, items: Sequence[str]) -> None:
        if tuple(items) == self.items:
            return
        self.items = tuple(items)
        for widget in self.winfo_children():
            widget.destroy()
        self._labels = []
        for row, item in enumerate(self.items):
            for column, text in enumerate(("•", item)):
                label = tk.Label(
                    self,
                    text=text,
                    font=self.font,
                    foreground=self.colors.text,
                    background=self.colors.background,
                    justify="left",
                    anchor="nw",
                )
                label.grid(row=row, column=column, sticky="nw", padx=(0, 6) if column == 0 else 0)
            self._labels.append(label)
        self._rewrap()

    def _rewrap(self, _event: object = None) -> None:
        width = self.winfo_width() - self.font.measure("•") - 12
        for label in self._labels:
            label.configure(wraplength=max(width, 100))


def focus_ring(widget: tk.Button | tk.Checkbutton, colors: theme.Palette) -> None:
    """A 2 px ring in the text colour around the control with the keyboard focus."""
    widget.configure(
        highlightthickness=2,
        highlightcolor=colors.text,
        highlightbackground=colors.background,
        takefocus=1,
    )


class Page(tk.Frame):
    """A themed frame with helpers for the few widget kinds the pages use."""

    def __init__(self, master: tk.Misc, colors: theme.Palette, fonts: theme.Fonts) -> None:
        super().__init__(master, background=colors.background)
        self.colors, self.fonts = colors, fonts
        self.columnconfigure(0, weight=1)
        self._wrapped: list[tk.Label] = []
        self._wrapped_buttons: list[tk.Button] = []
        self.bind("<Configure>", self._rewrap, add="+")

    def label(
        self,
        text: str,
        *,
        font: object = None,
        color: str | None = None,
        row: int,
        parent: tk.Misc | None = None,
    ) -> tk.Label:
        widget = tk.Label(
            parent or self,
            text=text,
            font=font or self.fonts.body,  # type: ignore[arg-type]
            foreground=color or self.colors.text,
            background=self.colors.background,
            justify="left",
            anchor="w",
        )
        widget.grid(row=row, column=0, sticky="ew", pady=(0, 8))
        self._wrapped.append(widget)
        return widget

    def bullets(self, items: Sequence[str], *, row: int, parent: tk.Misc | None = None) -> Bullets:
        widget = Bullets(parent or self, self.colors, self.fonts.body)
        widget.set(items)
        widget.grid(row=row, column=0, sticky="ew", pady=(0, 8))
        return widget

    def button(
        self, parent: tk.Misc, text: str, command: Callable[[], object], *, kind: str = "plain"
    ) -> tk.Button:
        c = self.colors
        # Hover keeps each kind's meaning: the pain stop stays red, a main button green.
        bg, active_bg = {
            "plain": (c.surface, c.accent_soft),
            "main": (c.accent, c.accent_active),
            "warn": (c.warning, c.warning_active),
        }[kind]
        fg = c.text if kind == "plain" else c.on_accent
        button = tk.Button(
            parent,
            text=text,
            command=command,
            font=self.fonts.body,
            background=bg,
            foreground=fg,
            activebackground=active_bg,
            activeforeground=fg,
            relief="flat",
            borderwidth=0,
            padx=10,
            pady=6,
            cursor="hand2",
        )
        focus_ring(button, c)
        return button

    def _rewrap(self, event: tk.Event) -> None:
        for widget in self._wrapped:
            inset = 4 if widget.master is self else 24  # in a ScrollPage: room for its bar
            widget.configure(wraplength=max(event.width - inset, 100))
        for button in self._wrapped_buttons:
            button.configure(wraplength=max(event.width - 4 * int(button.cget("padx")), 100))


class FirstRunNote(Page):
    def __init__(
        self,
        master: tk.Misc,
        colors: theme.Palette,
        fonts: theme.Fonts,
        on_begin: Callable[[], None],
    ) -> None:
        super().__init__(master, colors, fonts)
        self.label("Before your first break", font=fonts.title, row=0)
        self.label(FIRST_RUN_TEXT, font=fonts.small, row=1)
        self.label(SCREENING_TEXT, font=fonts.small, row=2)
        self.label(safety.URGENT_TITLE + ":", font=fonts.heading, color=colors.warning, row=3)
        self.urgent = Bullets(self, colors, fonts.small)
        self.urgent.set(URGENT_FLAGS)
        self.urgent.grid(row=4, column=0, sticky="ew", pady=(0, 6))
        self.label(f"{SEE_A_DOCTOR} {safety.EMERGENCY_NUMBERS}", font=fonts.small, row=5)
        self.begin = self.button(self, "I've read this — begin  (Enter)", on_begin, kind="main")
        self.begin.grid(row=6, column=0, sticky="w", pady=(4, 0))


class PainNote(Page):
    """Calm and short: stop, rest and breathe first, when to get checked, then what next.

    The highlighted choice is to rest and breathe slowly for ``REST_SECONDS``; the easier
    version is offered only after that rest (:meth:`rest_over`)."""

    def __init__(
        self,
        master: tk.Misc,
        colors: theme.Palette,
        fonts: theme.Fonts,
        *,
        on_easier: Callable[[], None],
        on_next: Callable[[], None],
        on_end: Callable[[], None],
    ) -> None:
        super().__init__(master, colors, fonts)
        self._easier_name: str | None = None
        self._rest_left = 0
        self._rest_job: str | None = None
        # The words scroll on a short screen; the buttons below them never leave it.
        self.scroll = ScrollPage(self, colors.background)
        self.scroll.grid(row=0, column=0, sticky="nsew")
        self.rowconfigure(0, weight=1)
        body = self.scroll.inner
        body.columnconfigure(0, weight=1)
        self.title = self.label(
            "Stopped — that's the right call.", font=fonts.title, row=0, parent=body
        )
        self.note = self.label(
            "Never push through sharp pain. First rest: sit or stand easy and breathe slowly, "
            "the out-breath longer than the in-breath. For two weeks you'll be offered a "
            "gentler version; if it hurts again within two weeks, it is left out and you are "
            "asked to get it checked.",
            row=1,
            parent=body,
        )
        self.flags_title = self.label(
            safety.URGENT_TITLE + ":", font=fonts.heading, row=2, parent=body
        )
        self.flags = self.bullets(URGENT_FLAGS, row=3, parent=body)
        self.doctor = self.label(
            SEE_A_DOCTOR, font=fonts.small, color=colors.muted, row=4, parent=body
        )
        self.details_box = tk.Frame(body, background=colors.surface)
        self.details_box.columnconfigure(0, weight=1)
        self.details = tk.Text(
            self.details_box,
            height=11,
            wrap="word",
            font=fonts.small,
            foreground=colors.text,
            background=colors.surface,
            relief="flat",
            borderwidth=0,
            highlightthickness=0,
            padx=8,
            pady=6,
        )
        self.details.insert("1.0", safety.red_flags_text())
        self.details.configure(state="disabled")
        self.details.grid(row=0, column=0, sticky="nsew")
        scrollbar = tk.Scrollbar(
            self.details_box,
            command=self.details.yview,
            background=colors.surface,
            troughcolor=colors.background,
            activebackground=colors.accent_soft,
            relief="flat",
            borderwidth=0,
            highlightthickness=0,
        )
        scrollbar.grid(row=0, column=1, sticky="ns")
        self.details.configure(yscrollcommand=scrollbar.set)
        self.more = tk.Button(
            body,
            text="All warning signs…  (W)",
            command=self.toggle_details,
            font=fonts.small,
            foreground=colors.accent,
            background=colors.background,
            activeforeground=colors.text,
            activebackground=colors.background,
            relief="flat",
            borderwidth=0,
            padx=0,
            pady=0,
            cursor="hand2",
        )
        focus_ring(self.more, colors)
        self.more.grid(row=5, column=0, sticky="w", pady=(0, 10))
        self.rest = self.button(
            self, f"Rest and breathe  {REST_SECONDS} s  (R)", self.start_rest, kind="main"
        )
        self.easier = self.button(self, "Easier version  (E)", on_easier, kind="main")
        self.next = self.button(self, "Skip to the next movement  (N)", on_next)
        self.end = self.button(self, "End the break  (Esc)", on_end)
        for index, widget in enumerate((self.rest, self.easier, self.next, self.end)):
            widget.grid(row=1 + index, column=0, sticky="ew", pady=(0, 6))
        self.easier.grid_remove()
        self._wrapped_buttons.append(self.easier)

    def toggle_details(self) -> None:
        """Swap the three urgent signs for the full list (both tiers), and back."""
        if self.details_box.winfo_ismapped():
            self.details_box.grid_remove()
            self.flags_title.grid()
            self.flags.grid()
            self.doctor.grid()
            self.more.configure(text="All warning signs…  (W)")
        else:
            self.flags_title.grid_remove()
            self.flags.grid_remove()
            self.doctor.grid_remove()
            self.details_box.grid(row=2, column=0, rowspan=3, sticky="nsew", pady=(0, 8))
            self.more.configure(text="Fewer warning signs  (W)")

    def offer_easier(self, name: str | None) -> None:
        """A new pain stop: rest first; the easier variant (if any) is offered after it."""
        self._easier_name = name
        self._cancel_rest()
        self.easier.grid_remove()
        self.rest.configure(text=f"Rest and breathe  {REST_SECONDS} s  (R)", state="normal")
        self.rest.grid()

    @property
    def easier_offered(self) -> bool:
        return bool(self.easier.winfo_manager())

    def start_rest(self) -> None:
        """Count the rest down on the button; the choices follow when it ends."""
        if self._rest_job is not None:
            return
        self._rest_left = REST_SECONDS
        self._tick()

    def _tick(self) -> None:
        if self._rest_left <= 0:
            self._rest_job = None
            self.rest_over()
            return
        self.rest.configure(text=f"Breathe slowly …  {self._rest_left} s")
        self._rest_left -= 1
        self._rest_job = self.after(1000, self._tick)

    def _cancel_rest(self) -> None:
        if self._rest_job is not None:
            self.after_cancel(self._rest_job)
            self._rest_job = None

    def rest_over(self) -> None:
        """After the rest: offer the easier version (if there is one) as the next step."""
        self._cancel_rest()
        self.rest.grid_remove()
        if self._easier_name:
            self.easier.configure(text=f"Try the easier version: {self._easier_name}  (E)")
            self.easier.grid()


class ComfortCheck(Page):
    """One tap for how it felt; then an optional "where", and Done."""

    def __init__(
        self,
        master: tk.Misc,
        colors: theme.Palette,
        fonts: theme.Fonts,
        *,
        on_answer: Callable[[Comfort], None],
        on_done: Callable[[], None],
    ) -> None:
        super().__init__(master, colors, fonts)
        self.label("How did that feel?", font=fonts.title, row=0)
        self.choices: dict[Comfort, tk.Button] = {}
        for index, (comfort, text) in enumerate(COMFORT_CHOICES, start=1):
            button = self.button(self, text, partial(on_answer, comfort))
            button.configure(anchor="w")
            button.grid(row=index, column=0, sticky="ew", pady=(0, 6))
            self.choices[comfort] = button
        self.where = tk.Frame(self, background=colors.background)
        self.where.columnconfigure(0, weight=1)
        # Asked only after discomfort or pain; "Felt good" goes straight to Done.
        self.places_box = tk.Frame(self.where, background=colors.background)
        self.places_box.columnconfigure((0, 1, 2), weight=1, uniform="p")
        self.places_box.grid(row=0, column=0, sticky="ew")
        tk.Label(
            self.places_box,
            text="Where did you feel it? (optional)",
            font=fonts.heading,
            foreground=colors.text,
            background=colors.background,
            anchor="w",
        ).grid(row=0, column=0, columnspan=3, sticky="ew", pady=(4, 4))
        self.places: dict[str, tk.BooleanVar] = {}
        self.chips: dict[str, tk.Checkbutton] = {}
        for index, place in enumerate(FELT_IN):
            var = tk.BooleanVar(self, value=False)
            key = PLACE_KEYS.get(place, "")
            chip = tk.Checkbutton(
                self.places_box,
                text=place,
                underline=place.find(key) if key else -1,
                variable=var,
                indicatoron=False,
                font=fonts.body,
                background=colors.surface,
                foreground=colors.text,
                selectcolor=colors.accent_soft,
                activebackground=colors.accent_soft,
                activeforeground=colors.text,
                relief="flat",
                borderwidth=0,
                padx=6,
                pady=4,
            )
            focus_ring(chip, colors)
            chip.grid(row=1 + index // 3, column=index % 3, sticky="ew", padx=(0, 4), pady=(0, 4))
            self.places[place] = var
            self.chips[place] = chip
        self.done = self.button(self.where, "Done  (Enter)", on_done, kind="main")
        self.done.grid(row=1, column=0, sticky="w", pady=(6, 0))

    def chosen(self, comfort: Comfort) -> None:
        """Mark the answer and reveal the optional "where"."""
        for value, button in self.choices.items():
            picked = value is comfort
            button.configure(
                background=self.colors.accent if picked else self.colors.surface,
                foreground=self.colors.on_accent if picked else self.colors.text,
            )
        if comfort is Comfort.FELT_GOOD:
            self.places_box.grid_remove()
            for var in self.places.values():
                var.set(False)
        else:
            self.places_box.grid()
        self.where.grid(row=len(COMFORT_CHOICES) + 1, column=0, sticky="ew")

    @property
    def asks_where(self) -> bool:
        return bool(self.where.winfo_manager() and self.places_box.winfo_manager())

    def toggle_place(self, place: str) -> None:
        """A chip's key: tick or untick it, only while the question is shown."""
        if self.asks_where:
            self.chips[place].invoke()

    def felt_in(self) -> tuple[str, ...]:
        return tuple(place for place, var in self.places.items() if var.get())


class Summary(Page):
    """The end of a break: what was done as three tiles, the week's goal as dots, Close."""

    def __init__(
        self,
        master: tk.Misc,
        colors: theme.Palette,
        fonts: theme.Fonts,
        on_close: Callable[[], None],
    ) -> None:
        super().__init__(master, colors, fonts)
        self.heading = self.label("", font=fonts.title, row=0)
        self.tiles = tk.Frame(self, background=colors.background)
        self.tiles.grid(row=1, column=0, sticky="ew", pady=(4, 12))
        self.week = tk.Label(
            self, font=fonts.heading, foreground=colors.accent, background=colors.background
        )
        self.week.grid(row=2, column=0, sticky="w")
        self.lines = self.label("", row=3)
        self.close = self.button(self, "Close  (Enter)", on_close, kind="main")
        self.close.grid(row=4, column=0, sticky="w", pady=(8, 0))

    def fill(
        self,
        heading: str,
        lines: Sequence[str],
        tiles: Sequence[tuple[str, str]] = (),
        week: tuple[int, int] | None = None,
    ) -> None:
        """``tiles``: (big figure, caption) pairs; ``week``: (days this week, goal)."""
        self.heading.configure(text=heading)
        for child in self.tiles.winfo_children():
            child.destroy()
        for column, (figure, caption) in enumerate(tiles):
            self.tiles.columnconfigure(column, weight=1, uniform="tile")
            tile = tk.Frame(self.tiles, background=self.colors.surface, padx=8, pady=8)
            tile.grid(row=0, column=column, sticky="nsew", padx=(0 if column == 0 else 6, 0))
            for text, font, color in (
                (figure, self.fonts.big_number, self.colors.text),
                (caption, self.fonts.small, self.colors.muted),
            ):
                tk.Label(
                    tile, text=text, font=font, foreground=color, background=self.colors.surface
                ).pack()
        if week is None:
            self.week.configure(text="")
        else:
            days, goal = week
            dots = "●" * min(days, goal) + "○" * max(goal - days, 0)
            extra = f"  +{days - goal}" if days > goal else ""
            self.week.configure(
                text=f"{dots}{extra}   {days} of {words.count(goal, 'day')} this week"
            )
        self.lines.configure(text="\n".join(lines))

    def text(self) -> str:
        """Everything the page says, in reading order (for tests and screen readers)."""
        tiles = [
            " ".join(str(label.cget("text")) for label in tile.winfo_children())
            for tile in self.tiles.winfo_children()
        ]
        parts = [self.heading.cget("text"), *tiles, self.week.cget("text"), self.lines.cget("text")]
        return "\n".join(str(p) for p in parts if p)
