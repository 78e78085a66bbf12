"""The pain note: the break window's page after a pain stop.

Calm and short; its own module because it alone keeps a timer (the rest countdown) and
the full list of warning signs.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

from deskbreak.core import safety
from deskbreak.core.movements import Movement
from deskbreak.ui import theme
from deskbreak.ui.break_page import Page, focus_ring
from deskbreak.ui.scroll import ScrollPage

# Two tiers everywhere (core/safety.py): the urgent signs, then "see a clinician soon";
# the full list of warning signs is one click away on the pain note.
URGENT_FLAGS: tuple[str, ...] = safety.URGENT
SEE_A_DOCTOR = safety.SOON_TEXT
REST_SECONDS = 45  # after a pain stop, rest and breathe first (30–60 s), then choose


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
        self._easier: Movement | None = None
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

    def offer_easier(self, movement: Movement | None) -> None:
        """A new pain stop: rest first; the easier variant (if any) is offered after it."""
        self._easier = movement
        self._cancel_rest()
        self.easier.grid_remove()
        self.rest.configure(text=f"Rest and breathe  {REST_SECONDS} s  (R)", state="normal")
        self.rest.grid()

    @property
    def easier_offered(self) -> bool:
        return bool(self.easier.winfo_manager())

    @property
    def easier_on_offer(self) -> Movement | None:
        """The easier variant once its button shows (after the rest), else None."""
        return self._easier if self.easier_offered else None

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
        if self._easier is not None:
            self.easier.configure(text=f"Try the easier version: {self._easier.name}  (E)")
            self.easier.grid()
