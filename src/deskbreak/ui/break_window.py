"""The guided break window: one movement at a time, paced by the breath guide.

All timing lives in :class:`~deskbreak.core.session.BreakSession`; this window only
draws the session's current :class:`~deskbreak.core.session.Frame` (``refresh()``) and
turns buttons and keys into session operations. The session is recorded exactly once,
through ``on_record``: after the comfort check, or whenever the window closes
(:class:`~deskbreak.ui.session_recorder.SessionRecorder`).
"""

from __future__ import annotations

import logging
import tkinter as tk
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path

from deskbreak.core.clock import Clock
from deskbreak.core.movements import Movement, Routine
from deskbreak.core.records import Comfort, SessionRecord, Trigger
from deskbreak.core.session import BreakSession
from deskbreak.core.session_frame import Frame, State
from deskbreak.core.settings import BreathingSettings
from deskbreak.shell.paths import AppPaths, ensure_private_dir
from deskbreak.ui.break_guide import GuidePage
from deskbreak.ui.break_header import PhaseHeader
from deskbreak.ui.break_keys import break_keys
from deskbreak.ui.break_summary import NextTime, WeekSummary
from deskbreak.ui.break_views import FirstRunNote, Summary
from deskbreak.ui.comfort_check import ComfortCheck
from deskbreak.ui.paged_window import PagedWindow
from deskbreak.ui.pain_note import PainNote
from deskbreak.ui.session_recorder import SessionRecorder
from deskbreak.ui.view_keys import bind_view_keys

log = logging.getLogger(__name__)

SIZE = (420, 560)  # at 96 dpi; scaled with Tk's scaling
MIN_SIZE = (360, 460)
STATE_KEY = "break"


class BreakWindow(PagedWindow):
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
        super().__init__(
            master,
            f"deskbreak — {routine.name}",
            size=SIZE,
            min_size=MIN_SIZE,
            state_file=paths.window_state_file if paths is not None else None,
            state_key=STATE_KEY,
            dark=dark,
        )
        self.session = BreakSession(routine, breathing, clock, trigger=trigger)
        self.recorder = SessionRecorder(self.session, on_record, week_summary, next_time)
        self.on_closed, self.paths = on_closed, paths
        self.movements = dict(movements or {})
        self._animate = animate
        self._closed = False

        self.protocol("WM_DELETE_WINDOW", self.close)
        self.columnconfigure(0, weight=1)
        self.rowconfigure(1, weight=1)
        self.header = PhaseHeader(self, self.colors, self.fonts, self.px)
        pad = self.px(16)
        self.header.grid(row=0, column=0, sticky="ew", padx=pad, pady=(self.px(12), 0))
        self.phase_labels = self.header.phase_labels
        self._build_pages()
        bind_view_keys(self, partial(break_keys, self), lambda: self.view)
        self.raise_for_a_moment()
        if self.paths is not None and claim_first_run(self.paths.first_run_marker):
            self.show_view("first_run")
        else:
            self.begin()

    # -- building --------------------------------------------------------------------

    def _build_pages(self) -> None:
        c, f, pad = self.colors, self.fonts, self.px(16)
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

    # -- operations (buttons and keys) -----------------------------------------------

    def begin(self) -> None:
        if self.session.state is State.READY:
            self.session.start()
        self._show_guide()

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
        self.pain_note.offer_easier(easier if step.variant != "easier" else None)
        self.show_view("pain")

    def use_easier(self) -> None:
        easier = self.pain_note.easier_on_offer
        if easier is None:
            return  # after a pain stop the easier version comes only after the rest
        self.session.use_easier(easier)
        self._after_move()

    def answer(self, comfort: Comfort | int) -> None:
        """The one-tap comfort check; the optional "where" and Done follow."""
        self.comfort.chosen(Comfort(comfort))

    def finish_rating(self) -> None:
        """Done (or Esc) on the comfort check: record, then the summary."""
        self.recorder.write(self.comfort.picked, self.comfort.felt_in())
        content = self.recorder.summary()
        self.summary.fill(content.heading, content.lines, content.tiles, content.week)
        self.show_view("summary")

    @property
    def recorded(self) -> SessionRecord | None:
        """The break's record once written; None before, or if it never started."""
        return self.recorder.recorded

    def close(self) -> None:
        """Close at any moment: whatever was done is recorded first."""
        if self._closed:
            return
        self._closed = True
        self.guide.halt()
        self.recorder.write(self.comfort.picked, self.comfort.felt_in())
        self.save_geometry()
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
        self.header.show_time_left(frame.routine_left)
        self.header.highlight(frame.phase)
        self.guide_page.show(frame)
        return frame

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
            self._show_guide()

    def _show_guide(self) -> None:
        self.show_view("guide")
        self._play()
        self.refresh()

    def _to_comfort(self) -> None:
        self.guide.halt()
        self.header.highlight(None)
        self.header.show_time_left(None)
        self.show_view("comfort")


def claim_first_run(marker: Path) -> bool:
    """True once per install: the first break shows the safety note first.

    The marker is written before the note is shown, so a crash mid-note never repeats it
    forever; a marker that cannot be written is logged and the note shown anyway."""
    if marker.exists():
        return False
    try:
        ensure_private_dir(marker.parent)
        marker.touch(mode=0o600)
    except OSError as error:
        log.warning("could not mark the first-run note as shown: %s", error)
    return True
