"""The break window's main page: the movement, its picture, the breath guide, the controls.

``show(frame)`` draws one moment of the session; widgets are only reconfigured when what
they show changes, so 30 redraws a second stay cheap. Safety sits where people move, but
below the breath guide: one quiet line with the movement's effort and the pain rule, and
"Why & cautions" to swap the cues for its purpose, support and cautions.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

from deskbreak.core import safety
from deskbreak.core.movements import Movement
from deskbreak.core.session_frame import Frame, State
from deskbreak.core.timeline import Segment
from deskbreak.ui import theme
from deskbreak.ui.break_page import Bullets, Page
from deskbreak.ui.breath_guide import BreathGuide, ease
from deskbreak.ui.figure import draw_figure
from deskbreak.ui.hover_tip import HoverTip


class GuidePage(Page):
    def __init__(
        self,
        master: tk.Misc,
        colors: theme.Palette,
        fonts: theme.Fonts,
        px: Callable[[float], int],
        *,
        on_back: Callable[[], None],
        on_pause: Callable[[], None],
        on_next: Callable[[], None],
        on_stop: Callable[[], None],
        on_pain: Callable[[], None],
    ) -> None:
        super().__init__(master, colors, fonts)
        c, f = colors, fonts
        self.px = px
        self._shown: dict[str, object] = {}
        self._frame: Frame | None = None
        self.columnconfigure(0, weight=5)
        self.columnconfigure(1, weight=4)
        # The picture and the breath guide give way on a short screen (2x on 768 px), down
        # to a minimum; then cues go (see _cues_that_fit), never the buttons below them.
        self.rowconfigure(2, weight=1, minsize=px(80))
        self.name = tk.Label(self, font=f.title, fg=c.text, bg=c.background, anchor="w")
        self.name.grid(row=0, column=0, columnspan=2, sticky="ew", pady=(px(6), 0))
        self.counter = tk.Label(self, font=f.body, fg=c.muted, bg=c.background, anchor="w")
        self.counter.grid(row=1, column=0, sticky="ew")
        self.safety_link = tk.Button(
            self,
            text="Why & cautions",
            command=self.toggle_safety,
            font=f.small,
            foreground=c.accent,
            background=c.background,
            activeforeground=c.text,
            activebackground=c.background,
            relief="flat",
            borderwidth=0,
            highlightthickness=0,
            padx=0,
            pady=0,
            cursor="hand2",
        )
        self.safety_link.grid(row=1, column=1, sticky="e")
        self.showing_safety = False
        self.figure = tk.Canvas(self, highlightthickness=0, bd=0, background=c.background)
        self.figure.configure(width=px(190), height=px(150))
        self.figure.grid(row=2, column=0, sticky="nsew", pady=px(4))
        self.figure.bind("<Configure>", lambda _e: self._draw_figure(), add="+")
        self.guide = BreathGuide(self, c, f)
        self.guide.configure(width=px(150), height=px(150))
        self.guide.grid(row=2, column=1, sticky="nsew", pady=px(4))
        self.action = tk.Label(  # two lines kept, so the picture doesn't jump with the text
            self,
            font=f.heading,
            fg=c.text,
            bg=c.background,
            anchor="nw",
            justify="left",
            height=2,
        )
        self.action.grid(row=3, column=0, columnspan=2, sticky="ew")
        self.bind(
            "<Configure>",
            lambda e: self.action.configure(wraplength=max(e.width - px(8), 100)),
            add="+",
        )
        self.cues = Bullets(self, c, f.body)
        self.cues.grid(row=4, column=0, columnspan=2, sticky="ew", pady=(px(4), px(4)))
        self.safety = Bullets(self, c, f.small)
        self.safety.grid(row=4, column=0, columnspan=2, sticky="ew", pady=(px(4), px(4)))
        self.safety.grid_remove()
        self.effort = tk.Label(
            self, font=f.small, fg=c.muted, bg=c.background, anchor="w", justify="left"
        )
        self.effort.grid(row=5, column=0, columnspan=2, sticky="ew", pady=(0, px(8)))
        self.bind(
            "<Configure>",
            lambda e: self.effort.configure(wraplength=max(e.width - px(8), 100)),
            add="+",
        )
        controls = tk.Frame(self, background=c.background)
        controls.grid(row=6, column=0, columnspan=2, sticky="ew")
        controls.columnconfigure((0, 1, 2, 3), weight=1, uniform="c")
        self.back_button = self.button(controls, "◀ Back", on_back)
        self.pause_button = self.button(controls, "Pause", on_pause)
        self.next_button = self.button(controls, "Next ▶", on_next)
        self.stop_button = self.button(controls, "End", on_stop)
        hints = {
            self.back_button: "Previous movement  (← or P)",
            self.pause_button: "Pause or resume  (Space)",
            self.next_button: "Next movement  (→ or N)",
            self.stop_button: "End the break  (Esc)",
        }
        for index, button in enumerate(hints):
            button.configure(padx=px(4))
            button.grid(row=0, column=index, sticky="ew", padx=(0 if index == 0 else px(4), 0))
        # One tooltip window, a child of this page: it goes when the break window goes.
        tips = HoverTip(self, f.small, dark=c == theme.DARK)
        for button, hint in hints.items():
            tips.attach(button, hint)
        self.pain_button = self.button(self, "Sharp pain — stop   (S)", on_pain, kind="warn")
        self.pain_button.configure(font=f.heading, pady=px(6))
        self.pain_button.grid(row=7, column=0, columnspan=2, sticky="ew", pady=(px(8), 0))

    def show(self, frame: Frame) -> None:
        """Draw one moment of a running or paused break."""
        if frame.step is None:
            return
        self._frame = frame
        movement = frame.step.movement
        getting_ready = frame.segment is Segment.GET_READY
        self._set(self.name, f"Next: {movement.name}" if getting_ready else movement.name)
        self._set(self.counter, counter_text(frame))
        self._set(self.action, action_text(frame))
        cues = self._cues_that_fit()
        self.cues.set(movement.cues[:cues])
        # On the shortest windows (2x on a 768 px screen under a title bar) the effort line
        # gives way too, so the pain stop stays whole; "Why & cautions" still shows it all.
        if cues >= 2:
            self.effort.grid()
        else:
            self.effort.grid_remove()
        self.safety.set(safety_lines(movement))
        self._set(self.effort, safety.effort_text(movement.effort))
        self._set(self.pause_button, "Resume" if frame.state is State.PAUSED else "Pause")
        self.guide.show(
            frame.segment,
            frame.segment_fraction,
            frame.count_down,
            paused=frame.state is State.PAUSED,
        )
        self._draw_figure()

    def _cues_that_fit(self) -> int:
        """Three cues; two or one on a short window (2x on a 768 px screen), so the cues
        never crowd out the breath guide or the buttons below them."""
        height = self.winfo_height()
        if height <= 1:  # not laid out yet: judge by the window it will fill
            top = self.winfo_toplevel()
            top.update_idletasks()
            height = top.winfo_height() - self.px(40) if top.winfo_height() > 1 else 0
        if height <= 1 or height >= self.px(480):
            return 3
        return 2 if height >= self.px(390) else 1

    def _draw_figure(self) -> None:
        frame = self._frame
        if frame is None or frame.step is None or frame.step.movement.figure is None:
            self.figure.delete("figure")
            return
        width, height = self.figure.winfo_width(), self.figure.winfo_height()
        progress = round(ease(frame.figure_progress), 3)
        key = (frame.step.movement.id, progress, width, height)
        if self._shown.get("figure") == key:
            return
        self._shown["figure"] = key
        pad = self.px(4)
        draw_figure(
            self.figure,
            frame.step.movement.figure,
            progress,
            (pad, pad, width - pad, height - pad),
            self.colors.text,
            self.colors.muted,
        )

    def _set(self, widget: tk.Label | tk.Button, text: str) -> None:
        if self._shown.get(str(widget)) != text:
            self._shown[str(widget)] = text
            widget.configure(text=text)

    def toggle_safety(self) -> None:
        """Swap the position cues for the movement's purpose, support and cautions."""
        self.showing_safety = not self.showing_safety
        if self.showing_safety:
            self.cues.grid_remove()
            self.safety.grid()
            self.safety_link.configure(text="Back to the cues")
        else:
            self.safety.grid_remove()
            self.cues.grid()
            self.safety_link.configure(text="Why & cautions")


def safety_lines(movement: Movement) -> list[str]:
    """What a movement is for, what holds you, and its cautions, in that order."""
    lines = [f"You should feel it: {movement.purpose}"]
    if movement.support:
        lines.append(f"Support: {movement.support}")
    lines += [f"Caution: {caution}" for caution in movement.cautions]
    return lines


def counter_text(frame: Frame) -> str:
    """ "rep 3 of 8 · left side", or "breath 2 of 5" for a held position."""
    assert frame.step is not None
    dose = frame.step.effective_dose
    unit = "rep" if dose.kind == "reps" else "breath"
    parts = [f"{unit} {max(frame.rep, 1)} of {frame.reps}"]
    if frame.side is not None:
        parts.append(f"{frame.side.value} side")
    if frame.step.variant == "easier":
        parts.append("easier version")
    return " · ".join(parts)


def action_text(frame: Frame) -> str:
    """What to do on this part of the breath, in the movement's own words."""
    assert frame.step is not None
    breath = frame.step.movement.breath
    if frame.segment is Segment.INHALE:
        return f"In: {breath.inhale}"
    if frame.segment is Segment.EXHALE:
        return f"Out: {breath.exhale}"
    if frame.segment is Segment.HOLD:
        return "Pause gently at the top"
    if frame.segment is Segment.SWITCH_SIDES:
        return "Switch to the other side"
    return "Get into position"
