"""A small tooltip: one override-redirect window, shown after a short hover, never focused.

It is a child of the window it explains, so it goes when that window goes (no tooltip
windows pile up break after break). The XEmbed tray uses the same window, shown at a
root position, for its status.
"""

from __future__ import annotations

import contextlib
import tkinter as tk

from deskbreak.ui import screen, theme

DELAY_MS = 600


class HoverTip:
    """``HoverTip(owner)``; :meth:`attach` widgets with their text, or :meth:`show_at`."""

    def __init__(self, owner: tk.Misc, font: object = None, dark: bool | None = None) -> None:
        pal = theme.palette(dark)
        self.window = tk.Toplevel(owner, background=pal.text, padx=1, pady=1)
        self.window.withdraw()
        self.window.overrideredirect(True)
        self.label = tk.Label(
            self.window,
            background=pal.surface,
            foreground=pal.text,
            justify="left",
            padx=6,
            pady=3,
            font=font or theme.fonts(owner).small,  # type: ignore[arg-type]
        )
        self.label.pack()
        self._pending: str | None = None

    def attach(self, widget: tk.Widget, text: str) -> None:
        widget.bind("<Enter>", lambda _e: self._later(widget, text), add="+")
        widget.bind("<Leave>", lambda _e: self.hide(), add="+")
        widget.bind("<ButtonPress>", lambda _e: self.hide(), add="+")

    def _later(self, widget: tk.Widget, text: str) -> None:
        self.hide()
        self._pending = widget.after(
            DELAY_MS,
            lambda: self.show_at(
                widget.winfo_rootx() + 10, widget.winfo_rooty() + widget.winfo_height() + 4, text
            ),
        )

    def show_at(self, x: int, y: int, text: str) -> None:
        """Show ``text`` near root ``x, y``, kept inside the work area."""
        with contextlib.suppress(tk.TclError):
            self.label.configure(text=text)
            self.window.update_idletasks()
            area = screen.work_area(self.window)
            width, height = self.window.winfo_reqwidth(), self.window.winfo_reqheight()
            x = max(area.x, min(x, area.right - width))
            y = y if y + height <= area.bottom else y - height - 24  # above a bottom panel
            self.window.geometry(f"+{x}+{max(area.y, y)}")
            self.window.deiconify()
            self.window.lift()

    def hover_at(self, x: int, y: int, inside: bool, text: str) -> None:
        """The pointer entered (show ``text`` after the usual delay) or left (hide)."""
        self.hide()
        if inside:
            self._pending = self.window.after(DELAY_MS, lambda: self.show_at(x, y + 16, text))

    def hide(self) -> None:
        with contextlib.suppress(tk.TclError):
            if self._pending is not None:
                self.window.after_cancel(self._pending)
            self._pending = None
            self.window.withdraw()

    @property
    def shown(self) -> bool:
        return bool(self.window.winfo_exists() and self.window.winfo_viewable())

    def destroy(self) -> None:
        with contextlib.suppress(tk.TclError):
            self.window.destroy()
