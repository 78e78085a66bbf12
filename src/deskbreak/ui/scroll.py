"""A page that scrolls when it is taller than the screen allows, and looks plain when not.

Long pages (About, the warning signs) must fit a 768 px screen at 2x; their buttons stay
outside the scrolled part, so they are always visible.
"""

from __future__ import annotations

import tkinter as tk
from tkinter import ttk

from deskbreak.ui import screen


class ScrollPage(ttk.Frame):
    """``page.inner`` takes the content; call :meth:`fit` once it is built."""

    def __init__(self, master: tk.Misc, background: str, **kw: object) -> None:
        super().__init__(master, **kw)  # type: ignore[arg-type]
        self.canvas = tk.Canvas(self, highlightthickness=0, bd=0, background=background)
        self.bar = ttk.Scrollbar(self, orient="vertical", command=self.canvas.yview)
        self.canvas.configure(yscrollcommand=self.bar.set)
        self.inner = ttk.Frame(self.canvas)
        self._item = self.canvas.create_window(0, 0, window=self.inner, anchor="nw")
        self.canvas.pack(side="left", fill="both", expand=True)
        self.inner.bind("<Configure>", self._on_inner, add="+")
        self.canvas.bind("<Configure>", self._on_canvas, add="+")
        for sequence in ("<Button-4>", "<Button-5>", "<MouseWheel>"):
            self.bind_all_inside(sequence)

    def bind_all_inside(self, sequence: str) -> None:
        self.winfo_toplevel().bind(sequence, self._on_wheel, add="+")

    def fit(self, room_below: int = 0) -> None:
        """Size the page to its content, at most what the client area leaves free."""
        self.update_idletasks()
        area = screen.client_area(self)
        others = self.winfo_toplevel().winfo_reqheight() - self.winfo_reqheight()
        available = max(area.height - others - room_below, 120)
        height = min(self.inner.winfo_reqheight(), available)
        self.canvas.configure(width=self.inner.winfo_reqwidth(), height=height)
        self.scrolls = self.inner.winfo_reqheight() > height
        if self.scrolls:
            self.bar.pack(side="right", fill="y", before=self.canvas)
            self.canvas.configure(takefocus=1)
            self.canvas.bind("<Down>", lambda _e: self.canvas.yview_scroll(1, "units"))
            self.canvas.bind("<Up>", lambda _e: self.canvas.yview_scroll(-1, "units"))
            self.canvas.bind("<Next>", lambda _e: self.canvas.yview_scroll(1, "pages"))
            self.canvas.bind("<Prior>", lambda _e: self.canvas.yview_scroll(-1, "pages"))
        else:
            self.bar.pack_forget()

    def _on_inner(self, _event: object) -> None:
        self.canvas.configure(scrollregion=self.canvas.bbox("all"))

    def _on_canvas(self, event: tk.Event[tk.Misc]) -> None:
        self.canvas.itemconfigure(self._item, width=event.width)

    def _on_wheel(self, event: tk.Event[tk.Misc]) -> None:
        if not getattr(self, "scrolls", False):
            return
        step = -1 if event.num == 4 or getattr(event, "delta", 0) > 0 else 1
        self.canvas.yview_scroll(step, "units")
