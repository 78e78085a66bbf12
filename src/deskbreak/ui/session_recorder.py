"""The break window's record of a session: written exactly once, whichever way it ends.

The window may close at any moment (Done, Esc, the title bar, the app quitting), so each
way out asks this to write the record; only the first call does. Apart from the window
because the rule is about the session and the log, not about Tk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from deskbreak.core.records import Comfort, SessionRecord
from deskbreak.core.session import BreakSession
from deskbreak.core.session_frame import State
from deskbreak.ui.break_summary import NextTime, SummaryContent, WeekSummary, summary_content

log = logging.getLogger(__name__)


class SessionRecorder:
    """Closes ``session`` and hands its record to ``on_record`` once; then sums it up."""

    def __init__(
        self,
        session: BreakSession,
        on_record: Callable[[SessionRecord], None],
        week_summary: WeekSummary | None = None,
        next_time: NextTime | None = None,
    ) -> None:
        self.session, self.on_record = session, on_record
        self.week_summary, self.next_time = week_summary, next_time
        self.recorded: SessionRecord | None = None

    def write(self, comfort: Comfort | None, felt_in: tuple[str, ...] = ()) -> None:
        """Record the session, rated with ``comfort`` if the check was answered.

        A session never started (closed on the first-run note) did nothing: nothing is
        logged. A failing ``on_record`` is logged; the store reports its own errors."""
        if self.recorded is not None:
            return
        session = self.session
        if session.state is State.RATING and comfort is not None:
            session.rate(comfort, felt_in)
        never_started = session.state is State.READY
        session.close()
        if never_started:
            return
        self.recorded = session.record()
        try:
            self.on_record(self.recorded)
        except Exception:  # never lose the window over the log
            log.exception("could not record the break")

    def summary(self) -> SummaryContent:
        """What the summary page says about the break recorded."""
        assert self.recorded is not None
        steps = len(self.session.steps)
        return summary_content(self.recorded, steps, self.week_summary, self.next_time)
