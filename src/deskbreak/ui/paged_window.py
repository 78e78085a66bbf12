"""A top-level window that shows one of several pages and remembers where it was.

The break window's plumbing, apart from the break itself: its place on screen (fitted to
the work area, saved on close), its theme and scale, bringing it to the front, and
switching between pages by name. Nothing here knows about a break session.
"""

from __future__ import annotations

import tkinter as tk
from pathlib import Path

from deskbreak.ui import screen, theme, window_state
from deskbreak.ui.windows import bring_to_front


class PagedWindow(tk.Toplevel):
    """``self.pages`` (filled by the subclass) are gridded in the same cell; one shows."""

    def __init__(
        self,
        master: tk.Misc,
        title: str,
        *,
        size: tuple[int, int],
        min_size: tuple[int, int],
        state_file: Path | None,
        state_key: str,
        dark: bool | None,
    ) -> None:
        super().__init__(master, class_=theme.WM_CLASS)
        self.colors = theme.palette(dark)
        self.fonts = theme.fonts(self)
        self.view = ""
        self.pages: dict[str, tk.Frame] = {}
        self._state_file, self._state_key = state_file, state_key
        self.title(title)
        self.configure(background=self.colors.background)
        fitted_min = screen.fitted_min_size(self, self.px(min_size[0]), self.px(min_size[1]))
        self.minsize(*fitted_min)
        width, height = self.px(size[0]), self.px(size[1])
        self.geometry(str(screen.place(self, width, height, self._saved_geometry(), fitted_min)))

    def px(self, size: float) -> int:
        """``size`` pixels at 96 dpi, in this screen's pixels (:func:`theme.px`)."""
        return theme.px(self, size)

    def _saved_geometry(self) -> str | None:
        """The saved place as saved; :func:`screen.place` fits or ignores it."""
        if self._state_file is None:
            return None
        return window_state.saved_geometry(self._state_file, self._state_key)

    def save_geometry(self) -> None:
        if self._state_file is not None:
            window_state.save_geometry(self._state_file, self._state_key, self.geometry())

    def show(self) -> None:
        bring_to_front(self)

    def raise_for_a_moment(self) -> None:
        """On top and focused when it opens, then an ordinary window again after 1.5 s."""
        self.lift()
        self.attributes("-topmost", True)
        self.after(1500, lambda: self.attributes("-topmost", False))
        self.focus_force()

    def show_view(self, name: str) -> None:
        """Show the page called ``name`` and hide the others."""
        if name == self.view:
            return
        for key, page in self.pages.items():
            if key == name:
                page.grid()
            else:
                page.grid_remove()
        self.view = name
