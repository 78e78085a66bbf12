"""The "Were you up just now?" question about an input gap, and the answers remembered.

:class:`~deskbreak.core.context.GapMemory` decides when to ask and remembers answers per
kind of gap; this joins it to the sitting tracker, because "no, I was here" means the gap
and the spell before it were sitting too, so they are joined to the current spell.
"""

from __future__ import annotations

import logging
from datetime import datetime

from deskbreak.core.context import GapMemory, GapQuestion
from deskbreak.core.sitting import SittingTracker, SpellEnded

log = logging.getLogger(__name__)


class WereYouUp:
    """Gaps the tracker took as breaks, asked about or settled by an earlier answer."""

    def __init__(self, tracker: SittingTracker) -> None:
        self._tracker = tracker
        self._gaps = GapMemory()

    def spell_ended(self, ended: SpellEnded) -> None:
        self._gaps.spell_ended(ended)

    def take_question(self) -> GapQuestion | None:
        """The question to put on the next prompt, once."""
        return self._gaps.take_question()

    def answer(self, was_up: bool) -> bool:
        """Remembered for that kind of gap; False when nothing was asked."""
        question = self._gaps.answer(was_up)
        if question is None:
            return False
        log.info("gaps of kind %s: %s", question.kind, "up" if was_up else "sitting")
        if not was_up:
            self._tracker.rejoin(question.spell_before, question.seconds)
        return True

    def input_back(self, now: datetime, ask: bool) -> None:
        """Input came back after a gap: a remembered "I was here" joins it to the spell."""
        if not (self._gaps.gap_open and self._tracker.in_spell):
            return
        sitting = self._gaps.input_back(now, self._tracker.spell_seconds, ask)
        if sitting is not None:
            log.info("a %s gap counts as sitting, as answered before", sitting.kind)
            self._tracker.rejoin(sitting.spell_before, sitting.seconds)
