"""The two prompts the engine asks for: a break after a long spell, and the daily ritual.

Their words come from :mod:`deskbreak.engine.offer`; here each answer is turned into what
the engine must hear (a break prompt's snooze and skip count toward the policy, the ritual's
do not) and the app's status is refreshed after it.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

from deskbreak.core.policy_events import PromptShown
from deskbreak.core.records import Trigger
from deskbreak.engine.offer import Offer, break_offer, ritual_offer
from deskbreak.engine.runtime import Runtime
from deskbreak.ui.windows import Closed, WindowManager

TakeBreak = Callable[[str | None, Trigger], None]


class Prompts:
    """Opens the prompt window (one at a time, under the name ``"prompt"``)."""

    def __init__(
        self,
        root: tk.Misc,
        runtime: Runtime,
        windows: WindowManager,
        take_break: TakeBreak,
        changed: Callable[[], None],
    ) -> None:
        self._root = root
        self._runtime = runtime
        self._windows = windows
        self._take_break = take_break
        self._changed = changed

    def offer_break(self, event: PromptShown) -> None:
        routine = self._runtime.routine(None)
        minutes = self._runtime.minutes(routine) if routine else 1
        question = event.question.text if event.question else None
        self._show(break_offer(event.spell_seconds, routine, minutes, event.can_snooze, question))

    def offer_ritual(self, routine_id: str) -> None:
        routine = self._runtime.routine(routine_id)
        if routine is None:
            return
        spell = self._runtime.engine.status().spell_seconds
        minutes, anchor = self._runtime.minutes(routine), self._runtime.settings.ritual.anchor
        self._show(ritual_offer(routine_id, routine, spell, minutes, anchor))

    def _show(self, offer: Offer) -> None:
        from deskbreak.ui.prompt_window import PromptWindow

        self._windows.close("prompt")
        engine = self._runtime.engine
        snooze: Callable[[], object]
        skip: Callable[[], object]
        ignored: Callable[[], object]
        if offer.trigger is Trigger.RITUAL:  # its own reminder: snoozed or done for today
            snooze, skip, ignored = engine.snooze_ritual, self._runtime.ritual_done, _nothing
        else:
            snooze, skip, ignored = engine.snooze, engine.skip, engine.prompt_ignored

        def start() -> None:
            if offer.trigger is Trigger.RITUAL:
                self._runtime.ritual_done()
            self._take_break(offer.routine_id, offer.trigger)

        def answer(action: Callable[[], object]) -> Callable[[], None]:
            def run() -> None:
                action()
                self._changed()

            return run

        def make(on_closed: Closed) -> PromptWindow:
            return PromptWindow(
                self._root,
                sitting_minutes=offer.sitting_minutes,
                routine_name=offer.routine_name,
                routine_minutes=offer.routine_minutes,
                heading=offer.heading,
                message=offer.message,
                can_snooze=offer.can_snooze,
                snooze_minutes=self._runtime.settings.breaks.snooze_minutes,
                on_start=answer(start),
                on_snooze=answer(snooze),
                on_skip=answer(skip),
                on_ignored=answer(ignored),
                on_closed=on_closed,
                sound=self._runtime.settings.app.sound,
                question=offer.question,
                on_question=engine.answer_were_you_up,
            )

        self._windows.open("prompt", make)


def _nothing() -> None:
    """A ritual reminder left unanswered: it is not asked again today unless caught up."""
