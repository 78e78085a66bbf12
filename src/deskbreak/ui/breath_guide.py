"""The breath guide: a disc that grows on the inhale and shrinks on the exhale.

It also owns the window's frame clock: :meth:`BreathGuide.animate` calls back about
30 times a second, and only while the guide is on screen and playing, so a paused,
hidden or iconified break costs nothing.
"""

from __future__ import annotations

import math
import time
import tkinter as tk
from collections.abc import Callable

from deskbreak.core.timeline import Segment
from deskbreak.ui import theme

FRAME_MS = 33  # about 30 frames a second
MIN_LEVEL = 0.35  # the disc's size at the end of an exhale, as a share of the full size


def ease(fraction: float) -> float:
    """Sine in/out: slow at the turns of the breath, quickest in the middle."""
    fraction = min(max(fraction, 0.0), 1.0)
    return (1.0 - math.cos(math.pi * fraction)) / 2.0


def breath_level(segment: Segment | None, fraction: float) -> float:
    """How full the lungs are, 0 (empty) to 1 (full), for the disc's size."""
    if segment is Segment.INHALE:
        return ease(fraction)
    if segment is Segment.HOLD:
        return 1.0
    if segment is Segment.EXHALE:
        return 1.0 - ease(fraction)
    return 0.0


def breath_words(segment: Segment | None, count: int) -> str:
    if segment is Segment.INHALE:
        return f"breathe in · {count}"
    if segment is Segment.HOLD:
        return "hold"
    if segment is Segment.EXHALE:
        return f"breathe out · {count}"
    if segment is Segment.GET_READY:
        return f"get ready · {count}"
    if segment is Segment.SWITCH_SIDES:
        return f"switch sides · {count}"
    return ""


class BreathGuide(tk.Canvas):
    """A canvas with the guide disc, its track and the counting words beneath."""

    def __init__(self, master: tk.Misc, colors: theme.Palette, fonts: theme.Fonts) -> None:
        super().__init__(master, highlightthickness=0, bd=0, background=colors.background)
        self.colors, self.fonts = colors, fonts
        self.level = 0.0
        self.words = ""
        self._on_frame: Callable[[], object] | None = None
        self._after: str | None = None
        self.frame_times: list[float] = []  # perf_counter of each frame, for the benchmark
        self._track = self.create_oval(0, 0, 0, 0, fill=colors.surface, outline="")
        self._disc = self.create_oval(0, 0, 0, 0, fill=colors.accent, outline="")
        self._text = self.create_text(0, 0, text="", fill=colors.text, font=fonts.heading)
        self.bind("<Configure>", lambda _e: self._layout(), add="+")
        self.winfo_toplevel().bind("<Map>", lambda _e: self._wake(), add="+")

    # -- drawing ----------------------------------------------------------------

    def show(
        self, segment: Segment | None, fraction: float, count: int, *, paused: bool = False
    ) -> None:
        """Draw one moment; a paused guide keeps its size and says so."""
        if not paused:
            self.level = breath_level(segment, fraction)
        words = "paused" if paused else breath_words(segment, count)
        if words != self.words:
            self.words = words
            self.itemconfigure(self._text, text=words)
        self._place_disc()

    def radius(self) -> float:
        """The disc's current radius in pixels (tests check it follows the breath)."""
        x0, _, x1, _ = self.coords(self._disc)
        return (x1 - x0) / 2

    def _geometry(self) -> tuple[float, float, float, float]:
        width, height = self.winfo_width(), self.winfo_height()
        text_h = self.fonts.heading.metrics("linespace") * 1.6
        full = max(min(width, height - text_h) / 2 - 4, 4)
        return width / 2, (height - text_h) / 2, full, height - text_h * 0.55

    def _layout(self) -> None:
        cx, cy, full, text_y = self._geometry()
        self.coords(self._track, cx - full, cy - full, cx + full, cy + full)
        self.coords(self._text, cx, text_y)
        self._place_disc()

    def _place_disc(self) -> None:
        cx, cy, full, _ = self._geometry()
        r = full * (MIN_LEVEL + (1 - MIN_LEVEL) * self.level)
        self.coords(self._disc, cx - r, cy - r, cx + r, cy + r)

    # -- the frame clock --------------------------------------------------------

    @property
    def animating(self) -> bool:
        return self._after is not None

    def animate(self, on_frame: Callable[[], object]) -> None:
        """Call ``on_frame`` about 30 times a second while the guide is visible."""
        self._on_frame = on_frame
        self._wake()

    def halt(self) -> None:
        """Stop the frame clock (paused, pain note, end of the break)."""
        self._on_frame = None
        self._cancel()

    def _wake(self) -> None:
        if self._on_frame is not None and self._after is None:
            self._after = self.after(FRAME_MS, self._tick)

    def _cancel(self) -> None:
        if self._after is not None:
            self.after_cancel(self._after)
            self._after = None

    def _tick(self) -> None:
        self._after = None
        if self._on_frame is None or not self.winfo_viewable():
            return  # asleep until the window is mapped again (<Map> wakes it)
        began = time.perf_counter()
        self.frame_times.append(began)
        del self.frame_times[:-600]
        self._on_frame()
        if self._on_frame is not None and self._after is None:
            spent = int((time.perf_counter() - began) * 1000)
            self._after = self.after(max(FRAME_MS - spent, 1), self._tick)
