"""A page that scrolls when it is taller than the room it gets, and looks plain when not.

Long pages (About, the warning signs after a pain stop) must fit a 768 px screen at 2x;
their buttons stay outside the scrolled part, so they are always visible. The page asks
for its content's full size; given less (a short window, :meth:`ScrollPage.fit`), it shows
a scrollbar, and the wheel and the arrow keys scroll it.
"""

from __future__ import annotations

import tkinter as tk
from tkinter import ttk
from typing import Literal

from deskbreak.ui import screen


class ScrollPage(tk.Frame):
    """``page.inner`` takes the content."""

    def __init__(self, master: tk.Misc, background: str) -> None:
        super().__init__(master, background=background)
        self.canvas = tk.Canvas(self, highlightthickness=0, bd=0, background=background)
        self.bar = ttk.Scrollbar(self, orient="vertical", command=self.canvas.yview)
        self.canvas.configure(yscrollcommand=self.bar.set)
        self.inner = tk.Frame(self.canvas, background=background)
        self._item = self.canvas.create_window(0, 0, window=self.inner, anchor="nw")
        self.canvas.pack(side="left", fill="both", expand=True)
        self.scrolls = False
        self._max_height: int | None = None
        self.inner.bind("<Configure>", self._update, add="+")
        self.canvas.bind("<Configure>", self._update, add="+")
        top = self.winfo_toplevel()
        for sequence in ("<Button-4>", "<Button-5>", "<MouseWheel>"):
            top.bind(sequence, self._on_wheel, add="+")
        top.bind("<Down>", lambda _e: self._scroll(1, "units"), add="+")
        top.bind("<Up>", lambda _e: self._scroll(-1, "units"), add="+")
        top.bind("<Next>", lambda _e: self._scroll(1, "pages"), add="+")
        top.bind("<Prior>", lambda _e: self._scroll(-1, "pages"), add="+")

    def fit(self, room_below: int = 0) -> None:
        """Ask for no more height than the client area leaves for this page."""
        self.update_idletasks()
        area = screen.client_area(self)
        others = self.winfo_toplevel().winfo_reqheight() - self.canvas.winfo_reqheight()
        self._max_height = max(area.height - others - room_below, 120)
        self._update()

    def _update(self, _event: object = None) -> None:
        want_w, want_h = self.inner.winfo_reqwidth(), self.inner.winfo_reqheight()
        if self._max_height is not None:
            want_h = min(want_h, self._max_height)
        if (int(self.canvas.cget("width")), int(self.canvas.cget("height"))) != (want_w, want_h):
            self.canvas.configure(width=want_w, height=want_h)
        width = self.canvas.winfo_width()
        if width > 1:
            self.canvas.itemconfigure(self._item, width=width)
        self.canvas.configure(scrollregion=(0, 0, width, self.inner.winfo_reqheight()))
        shown = self.canvas.winfo_height()
        scrolls = shown > 1 and self.inner.winfo_reqheight() > shown + 1
        if scrolls != self.scrolls:
            self.scrolls = scrolls
            if scrolls:
                self.bar.pack(side="right", fill="y", before=self.canvas)
            else:
                self.bar.pack_forget()
                self.canvas.yview_moveto(0)

    def _scroll(self, step: int, unit: Literal["units", "pages"]) -> None:
        if self.scrolls and self.winfo_ismapped():
            self.canvas.yview_scroll(step, unit)

    def _on_wheel(self, event: tk.Event[tk.Misc]) -> None:
        self._scroll(-1 if event.num == 4 or getattr(event, "delta", 0) > 0 else 1, "units")
