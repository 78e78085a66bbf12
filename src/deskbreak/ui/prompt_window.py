"""The break offer: a small, calm window in the bottom-right corner that never takes the keyboard.

It is non-modal and asks the window manager not to focus it (a notification-type window,
and ``_NET_WM_USER_TIME = 0`` on X11), so typing carries on in the user's own window. A
click into it makes it keyboard-driven: Tab between buttons, Enter to choose, Esc to dismiss.
Left alone it leaves by itself and reports that it was ignored. Exactly one callback fires.

It may also carry one question about a gap deskbreak could not read ("Were you up just
now?"), answered with one key (y / h) without closing the offer (were_you_up_row.py).
"""

from __future__ import annotations

import contextlib
import tkinter as tk
from collections.abc import Callable
from tkinter import ttk

from deskbreak.ui import chime, dialog_style, focus, screen, theme
from deskbreak.ui.were_you_up_row import WereYouUpRow

TITLE = "deskbreak — Time to move"
Callback = Callable[[], None]


class PromptWindow(tk.Toplevel):
    """Offer ``routine_name`` after ``sitting_minutes`` of sitting; Start, Snooze or Skip."""

    def __init__(
        self,
        master: tk.Misc,
        *,
        sitting_minutes: int,
        routine_name: str,
        routine_minutes: int,
        can_snooze: bool,
        snooze_minutes: int,
        on_start: Callback,
        on_snooze: Callback,
        on_skip: Callback,
        on_ignored: Callback,
        on_closed: Callback | None = None,
        timeout_ms: int = 60_000,
        sound: bool = False,
        dark: bool | None = None,
        heading: str = "Time to move",
        message: str | None = None,
        question: str | None = None,
        on_question: Callable[[bool], object] | None = None,
    ) -> None:
        super().__init__(master, class_=theme.WM_CLASS)
        self.withdraw()
        self.title(TITLE)
        self.resizable(False, False)
        self._answered = False
        self._on_closed = on_closed
        pal = theme.palette(dark)
        fnt = theme.fonts(self)
        dialog_style.apply(self, pal, fnt)
        # A hairline edge: notification windows often get no frame from the window manager.
        self.configure(
            background=pal.background,
            highlightthickness=1,
            highlightbackground=pal.accent_soft,
            highlightcolor=pal.accent_soft,
        )

        body = ttk.Frame(self, padding=(px := dialog_style.px(self, 20), px, px, px - 4))
        body.pack(fill="both", expand=True)
        ttk.Label(body, text=heading, style="Heading.TLabel").pack(anchor="w")
        self.message = message or offer_text(sitting_minutes, routine_name, routine_minutes)
        text = ttk.Label(body, text=self.message, justify="left")
        text.pack(anchor="w", pady=(dialog_style.px(self, 4), dialog_style.px(self, 16)))
        self.question_row: WereYouUpRow | None = None
        if question is not None and on_question is not None:
            row = self.question_row = WereYouUpRow(body, question, on_question, keys_on=self)
            row.pack(fill="x", pady=(0, dialog_style.px(self, 14)))
            self.question_label = row.label

        buttons = ttk.Frame(body)
        buttons.pack(fill="x")
        gap = dialog_style.px(self, 8)
        self.start_button = ttk.Button(
            buttons,
            text="Start",
            underline=0,
            style="Accent.TButton",
            command=self._answer(on_start),
        )
        self.snooze_button = ttk.Button(
            buttons,
            text=f"Snooze {snooze_minutes} min",
            underline=1,
            command=self._answer(on_snooze),
        )
        self.skip_button = ttk.Button(
            buttons, text="Skip", underline=1, command=self._answer(on_skip)
        )
        self.start_button.pack(side="right")
        # A regular offer keeps Snooze in its place when the snoozes are used up, greyed
        # and explained, so Skip never moves under the pointer.
        used_up = not can_snooze and message is None
        if can_snooze or used_up:
            self.snooze_button.pack(side="right", padx=(0, gap))
        if used_up:
            self.snooze_button.state(["disabled"])
        self.skip_button.pack(side="right", padx=(0, gap))
        hint = "Esc dismisses · closes by itself in a minute"
        if used_up:
            hint = "No snoozes left for this sitting spell · " + hint
        self.hint_label = ttk.Label(body, text=hint, style="Muted.TLabel")
        self.hint_label.pack(anchor="w", pady=(dialog_style.px(self, 12), 0))

        buttons.update_idletasks()  # wrap the offer to the width of the buttons below it
        wrap = max(buttons.winfo_reqwidth(), dialog_style.px(self, 300))
        text.configure(wraplength=wrap)
        if self.question_row is not None:
            self.question_label.configure(wraplength=wrap)

        self._ignore = self._answer(on_ignored)
        self.protocol("WM_DELETE_WINDOW", self._ignore)
        self.bind("<Escape>", lambda _e: self._ignore())
        self.bind("<Return>", self._on_return)
        self.bind("<KP_Enter>", self._on_return)
        # The underlined letters: s Start, n Snooze, k Skip (also with Alt).
        keys = {"s": self.start_button, "k": self.skip_button}
        if can_snooze:
            keys["n"] = self.snooze_button
        for key, button in keys.items():
            for sequence in (f"<Key-{key}>", f"<Alt-{key}>"):
                self.bind(sequence, _invoker(button))
        self._timer = self.after(timeout_ms, self._ignore)

        self._show_in_corner()
        if sound:
            chime.play(self)

    def _answer(self, callback: Callback) -> Callback:
        """Wrap a callback so the first answer wins, closes the window and stops the timer."""

        def answer() -> None:
            if self._answered:
                return
            self._answered = True
            self.after_cancel(self._timer)
            self.destroy()
            if self._on_closed is not None:
                self._on_closed()
            callback()

        return answer

    def show(self) -> None:
        """Raised, never focused: the prompt must not take the keyboard from the user's work."""
        self.deiconify()
        self.lift()

    def close(self) -> None:
        """Withdrawn by the app (the offer went away): no answer is given."""
        self._answer(lambda: None)()

    def _on_return(self, _event: tk.Event[tk.Misc]) -> str:
        focused = self.focus_get()
        button = focused if isinstance(focused, ttk.Button) else self.start_button
        button.invoke()
        return "break"

    def _show_in_corner(self) -> None:
        """Bottom-right of the work area, clear of panels; mapped without taking focus."""
        self._place()
        if self._windowingsystem == "x11":
            wrapper = focus.hint_no_focus(self)
            # A WM honours state requests only for the windows it manages, and it maps the
            # wrapper once it manages it: so they go out on <Map>, however long a busy WM
            # takes (a retry after a fixed delay misses a WM slower than that delay).
            self.bind("<Map>", lambda event: self._on_map(event, wrapper), add="+")
            self.deiconify()
        else:
            with contextlib.suppress(tk.TclError):
                self.attributes("-topmost", True)
            self.deiconify()
        # The WM never focuses it: a click into it takes the keyboard, so its keys work.
        self.bind("<ButtonPress>", lambda _e: self.focus_force(), add="+")
        # Text wraps to its final width only once mapped: placed again for the final size.
        self.after(150, self._place)

    def _on_map(self, event: tk.Event[tk.Misc], wrapper: int) -> None:
        if event.widget is self:  # not the children, whose <Map> passes through here too
            focus.confirm_no_focus(self, wrapper)

    def _place(self) -> None:
        """The bottom-right corner of the work area, a margin inside it, for today's size."""
        self.update_idletasks()
        area = screen.work_area(self)
        margin = dialog_style.px(self, 16)
        x = max(area.right - self.winfo_reqwidth() - margin, area.x)
        y = max(area.bottom - self.winfo_reqheight() - margin, area.y)
        if self.winfo_ismapped() and (self.winfo_rootx(), self.winfo_rooty()) == (x, y):
            return
        self.geometry(f"+{x}+{y}")


def _invoker(button: ttk.Button) -> Callable[[object], None]:
    return lambda _event: button.invoke()


def offer_text(sitting_minutes: int, routine_name: str, routine_minutes: int) -> str:
    """ "You've been sitting 52 min — a 2-minute quick reset for hips & mid-back?" """
    name = (
        routine_name[:1].lower() + routine_name[1:] if routine_name[1:2].islower() else routine_name
    )
    if not any(word in name.lower() for word in ("hip", "back")):
        name += " for hips & mid-back"
    article = "an" if str(routine_minutes).startswith("8") or routine_minutes in (11, 18) else "a"
    return f"You've been sitting {sitting_minutes} min — {article} {routine_minutes}\u2011minute {name}?"
