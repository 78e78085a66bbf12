"""The guided break window: one movement at a time, paced by the breath guide.

All timing lives in :class:`~deskbreak.core.session.BreakSession`; this window only
draws the session's current :class:`~deskbreak.core.session.Frame` (``refresh()``) and
turns buttons and keys into session operations. The session is recorded exactly once,
through ``on_record``: after the comfort check, or whenever the window closes.
"""

from __future__ import annotations

import logging
import tkinter as tk
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path

from deskbreak.core import words
from deskbreak.core.clock import Clock
from deskbreak.core.movements import Movement, Phase, Routine
from deskbreak.core.records import Comfort, SessionRecord, Trigger
from deskbreak.core.session import BreakSession
from deskbreak.core.session_frame import Frame, State
from deskbreak.core.settings import BreathingSettings
from deskbreak.shell.paths import AppPaths, ensure_private_dir
from deskbreak.ui import screen, theme, window_state
from deskbreak.ui.break_guide import GuidePage
from deskbreak.ui.break_views import PLACE_KEYS, ComfortCheck, FirstRunNote, PainNote, Summary
from deskbreak.ui.windows import bring_to_front

log = logging.getLogger(__name__)

SIZE = (420, 560)  # at 96 dpi; scaled with Tk's scaling
MIN_SIZE = (360, 460)
STATE_KEY = "break"

WeekSummary = Callable[[], tuple[int, int]]  # (days moved this week, weekly goal)
NextTime = Callable[[SessionRecord], list[str]]  # what the next breaks will do because of this


class BreakWindow(tk.Toplevel):
    """``BreakWindow(master, routine, breathing, clock, on_record, on_closed, ...)``; it starts
    the break itself (after the one-time first-run note) and never blocks."""

    def __init__(
        self,
        master: tk.Misc,
        routine: Routine,
        breathing: BreathingSettings,
        clock: Clock,
        on_record: Callable[[SessionRecord], None],
        on_closed: Callable[[], None],
        *,
        paths: AppPaths | None = None,
        week_summary: WeekSummary | None = None,
        next_time: NextTime | None = None,
        trigger: Trigger = Trigger.COMMAND,
        movements: Mapping[str, Movement] | None = None,
        dark: bool | None = None,
        animate: bool = True,
    ) -> None:
        super().__init__(master, class_=theme.WM_CLASS)
        self.session = BreakSession(routine, breathing, clock, trigger=trigger)
        self.on_record, self.on_closed = on_record, on_closed
        self.paths, self.week_summary, self.next_time = paths, week_summary, next_time
        self.movements = dict(movements or {})
        self.colors = theme.palette(dark)
        self.fonts = theme.fonts(self)
        self.view = ""
        self.recorded: SessionRecord | None = None
        self._animate = animate
        self._comfort: Comfort | None = None
        self._shown: dict[str, object] = {}
        self._closed = False

        self.title(f"deskbreak — {routine.name}")
        self.configure(background=self.colors.background)
        min_size = screen.fitted_min_size(self, self.px(MIN_SIZE[0]), self.px(MIN_SIZE[1]))
        self.minsize(*min_size)
        self.geometry(
            str(
                screen.place(
                    self, self.px(SIZE[0]), self.px(SIZE[1]), self._saved_geometry(), min_size
                )
            )
        )
        self.protocol("WM_DELETE_WINDOW", self.close)
        self.columnconfigure(0, weight=1)
        self.rowconfigure(1, weight=1)
        self._build_header()
        self._build_pages()
        self._bind_keys()
        self._raise()
        if self._first_run():
            self.show_view("first_run")
        else:
            self.begin()

    # -- sizes, state file ---------------------------------------------------------

    def px(self, size: float) -> int:
        """``size`` pixels at 96 dpi, in this screen's pixels (:func:`theme.px`)."""
        return theme.px(self, size)

    def _saved_geometry(self) -> str | None:
        """The saved place as saved; :func:`screen.place` fits or ignores it."""
        if self.paths is None:
            return None
        return window_state.saved_geometry(self.paths.window_state_file, STATE_KEY)

    def _save_geometry(self) -> None:
        if self.paths is not None:
            window_state.save_geometry(self.paths.window_state_file, STATE_KEY, self.geometry())

    def _first_run(self) -> bool:
        if self.paths is None or self.paths.first_run_marker.exists():
            return False
        marker: Path = self.paths.first_run_marker
        try:
            ensure_private_dir(marker.parent)
            marker.touch(mode=0o600)
        except OSError as error:
            log.warning("could not mark the first-run note as shown: %s", error)
        return True

    def _raise(self) -> None:
        self.lift()
        self.attributes("-topmost", True)
        self.after(1500, lambda: self.attributes("-topmost", False))
        self.focus_force()

    # -- building --------------------------------------------------------------------

    def _build_header(self) -> None:
        c, pad = self.colors, self.px(16)
        header = tk.Frame(self, background=c.background)
        header.grid(row=0, column=0, sticky="ew", padx=pad, pady=(self.px(12), 0))
        header.columnconfigure(6, weight=1)
        self.phase_labels: dict[Phase, tk.Label] = {}
        for index, phase in enumerate(Phase):
            if index:
                tk.Label(header, text="→", font=self.fonts.small, fg=c.muted, bg=c.background).grid(
                    row=0, column=2 * index - 1, padx=self.px(3)
                )
            label = tk.Label(
                header, text=phase.value.capitalize(), font=self.fonts.small, padx=self.px(6)
            )
            label.grid(row=0, column=2 * index)
            self.phase_labels[phase] = label
        self._highlight_phase(None)
        self.time_left = tk.Label(header, font=self.fonts.small, fg=c.muted, bg=c.background)
        self.time_left.grid(row=0, column=6, sticky="e")

    def _build_pages(self) -> None:
        c, f, pad = self.colors, self.fonts, self.px(16)
        self.pages: dict[str, tk.Frame] = {}
        guide = self.guide_page = GuidePage(
            self,
            c,
            f,
            self.px,
            on_back=self.previous,
            on_pause=self.toggle_pause,
            on_next=self.next,
            on_stop=self.stop,
            on_pain=self.pain_stop,
        )
        self.guide = guide.guide
        self.pages["guide"] = guide
        self.first_run = FirstRunNote(self, c, f, self.begin)
        self.pain_note = PainNote(
            self, c, f, on_easier=self.use_easier, on_next=self.next, on_end=self.stop
        )
        self.comfort = ComfortCheck(self, c, f, on_answer=self.answer, on_done=self.finish_rating)
        self.summary = Summary(self, c, f, self.close)
        self.pages.update(
            first_run=self.first_run,
            pain=self.pain_note,
            comfort=self.comfort,
            summary=self.summary,
        )
        for page in self.pages.values():
            top = 0 if page is guide else self.px(8)
            page.grid(row=1, column=0, sticky="nsew", padx=pad, pady=(top, self.px(14)))
            page.grid_remove()

    def _key_table(self) -> dict[str, dict[str, Callable[[], object]]]:
        """Which key does what on which page."""
        return {
            "first_run": {"Return": self.begin, "space": self.begin, "Escape": self.close},
            "guide": {
                "space": self.toggle_pause,
                "Right": self.next,
                "n": self.next,
                "Left": self.previous,
                "p": self.previous,
                "Escape": self.stop,
                "s": self.pain_stop,
            },
            "pain": {
                "r": self.pain_note.start_rest,
                "e": self.use_easier,
                "n": self.next,
                "Right": self.next,
                "Escape": self.stop,
                "w": self.pain_note.toggle_details,
            },
            "comfort": {
                **{str(int(c)): partial(self.answer, c) for c in Comfort},
                **{
                    key: partial(self.comfort.toggle_place, place)
                    for place, key in PLACE_KEYS.items()
                },
                "Return": self.finish_rating,
                "Escape": self.finish_rating,
            },
            "summary": {"Return": self.close, "Escape": self.close},
        }

    def _bind_keys(self) -> None:
        keys = {key for table in self._key_table().values() for key in table}
        for key in keys:
            names = {key, key.upper()} if len(key) == 1 and key.isalpha() else {key}
            for name in names:
                self.bind(f"<KeyPress-{name}>", partial(self._on_key, key))

    def _on_key(self, key: str, _event: object = None) -> str:
        action = self._key_table().get(self.view, {}).get(key)
        if action is not None:
            action()
        return "break"

    # -- operations (buttons and keys) -----------------------------------------------

    def show_view(self, name: str) -> None:
        if name == self.view:
            return
        for key, page in self.pages.items():
            if key == name:
                page.grid()
            else:
                page.grid_remove()
        self.view = name
        self._shown.clear()

    def begin(self) -> None:
        if self.session.state is State.READY:
            self.session.start()
        self.show_view("guide")
        self._play()
        self.refresh()

    def toggle_pause(self) -> None:
        if self.session.state in (State.RUNNING, State.PAUSED):
            self.session.toggle_pause()
            self._play()
            self.refresh()

    def next(self) -> None:
        self.session.next()
        self._after_move()

    def previous(self) -> None:
        self.session.previous()
        self._after_move()

    def stop(self) -> None:
        if self.session.state in (State.RUNNING, State.PAUSED, State.PAIN_STOPPED):
            self.session.stop()
        self._after_move()

    def pain_stop(self) -> None:
        self.session.pain_stop()
        self.guide.halt()
        step = self.session.steps[self.session.index]
        easier = self.movements.get(step.movement.easier or "")
        self.pain_note.offer_easier(easier.name if easier and step.variant != "easier" else None)
        self.show_view("pain")

    def use_easier(self) -> None:
        step = self.session.steps[self.session.index]
        easier = self.movements.get(step.movement.easier or "")
        if easier is None or step.variant == "easier" or not self.pain_note.easier_offered:
            return  # after a pain stop the easier version comes only after the rest
        self.session.use_easier(easier)
        self._after_move()

    def answer(self, comfort: Comfort | int) -> None:
        """The one-tap comfort check; the optional "where" and Done follow."""
        self._comfort = Comfort(comfort)
        self.comfort.chosen(self._comfort)

    def finish_rating(self) -> None:
        """Done (or Esc) on the comfort check: record, then the summary."""
        if self.session.state is State.RATING and self._comfort is not None:
            self.session.rate(self._comfort, self.comfort.felt_in())
        self._record()
        self._show_summary()

    def show(self) -> None:
        bring_to_front(self)

    def close(self) -> None:
        """Close at any moment: whatever was done is recorded first."""
        if self._closed:
            return
        self._closed = True
        self.guide.halt()
        if self.session.state is State.RATING and self._comfort is not None:
            self.session.rate(self._comfort, self.comfort.felt_in())
        self._record()
        self._save_geometry()
        self.destroy()
        try:
            self.on_closed()
        except Exception:
            log.exception("on_closed failed")

    # -- drawing ---------------------------------------------------------------------

    def refresh(self) -> Frame:
        """Tick the session and draw it; the frame clock calls this ~30 times a second."""
        frame = self.session.tick()
        if frame.state is State.RATING:
            self._to_comfort()
            return frame
        if self.view != "guide" or frame.step is None:
            return frame
        self._set(self.time_left, _minutes_left(frame.routine_left))
        self._highlight_phase(frame.phase)
        self.guide_page.show(frame)
        return frame

    def _highlight_phase(self, current: Phase | None) -> None:
        for index, (phase, label) in enumerate(self.phase_labels.items()):
            lit = phase is current
            self._set_style(
                label,
                bg=self.colors.phase_colors[index] if lit else self.colors.background,
                fg=self.colors.on_accent if lit else self.colors.muted,
            )

    def _set(self, widget: tk.Widget, text: str) -> None:
        if self._shown.get(str(widget)) != text:
            self._shown[str(widget)] = text
            widget.configure(text=text)  # type: ignore[call-arg]

    def _set_style(self, widget: tk.Widget, **style: str) -> None:
        key = str(widget) + ":style"
        if self._shown.get(key) != style:
            self._shown[key] = style
            widget.configure(**style)

    def _play(self) -> None:
        if self._animate and self.session.state is State.RUNNING and self.view == "guide":
            self.guide.animate(self.refresh)
        else:
            self.guide.halt()

    def _after_move(self) -> None:
        state = self.session.state
        if state is State.RATING:
            self._to_comfort()
        elif state in (State.RUNNING, State.PAUSED):
            self.show_view("guide")
            self._play()
            self.refresh()

    def _to_comfort(self) -> None:
        self.guide.halt()
        self._highlight_phase(None)
        self._set(self.time_left, "")
        self.show_view("comfort")

    def _record(self) -> None:
        if self.recorded is not None:
            return
        never_started = self.session.state is State.READY  # closed on the first-run note
        self.session.close()
        if never_started:
            return  # nothing was done, so there is nothing to log
        self.recorded = self.session.record()
        try:
            self.on_record(self.recorded)
        except Exception:  # the store reports its own errors; never lose the window
            log.exception("could not record the break")

    def _show_summary(self) -> None:
        record = self.recorded
        assert record is not None
        done = sum(1 for m in record.movements if m.completed)
        seconds = record.seconds_moving
        tiles = [
            (f"{done}/{len(self.session.steps)}", words.noun(len(self.session.steps), "movement")),
            moving_tile(seconds),
        ]
        week = None
        if self.week_summary is not None:
            try:
                week = self.week_summary()
            except Exception:
                log.exception("could not read this week's days")
        lines = []
        if self.next_time is not None:
            try:
                lines += self.next_time(record)
            except Exception:
                log.exception("could not work out what changes next time")
        hurt = record.comfort is Comfort.SHARP_PAIN or any(m.pain_stop for m in record.movements)
        if hurt:
            lines.append(
                "If the pain lingers, spreads or gets worse, see a clinician. For chest pain, "
                "fainting, numbness around the groin, new bladder or bowel trouble or a leg "
                "suddenly weak: get urgent care."
            )
        elif done:
            lines.append("Brief and often is what counts. See you at the next break.")
        heading = "Well done." if done else "Break ended."
        if any(m.pain_stop for m in record.movements):
            heading = "Break ended — take it easy."
        self.summary.fill(heading, lines, tiles, week)
        self.show_view("summary")


def moving_tile(seconds: float) -> tuple[str, str]:
    """The summary's "time moving" tile: "1" "minute moving", "40" "seconds moving"."""
    if seconds >= 60:
        minutes = round(seconds / 60)
        return str(minutes), f"{words.noun(minutes, 'minute')} moving"
    whole = round(seconds)
    return str(whole), f"{words.noun(whole, 'second')} moving"


def _minutes_left(seconds: float) -> str:
    whole = max(round(seconds), 0)
    return f"{whole // 60}:{whole % 60:02d} left"
