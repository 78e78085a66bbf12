"""Which key does what on which page of the break window.

One table, so the labels' "(Enter)", "(Esc)", "(R)" hints and the bindings can be read
side by side; the window binds them through :func:`view_keys.bind_view_keys`.
"""

from __future__ import annotations

from functools import partial
from typing import Protocol

from deskbreak.core.records import Comfort
from deskbreak.ui.comfort_check import PLACE_KEYS, ComfortCheck
from deskbreak.ui.pain_note import PainNote
from deskbreak.ui.view_keys import KeyTable


class BreakControls(Protocol):
    """What the keys act on: the break window's operations and two of its pages."""

    pain_note: PainNote
    comfort: ComfortCheck

    def begin(self) -> None: ...
    def close(self) -> None: ...
    def toggle_pause(self) -> None: ...
    def next(self) -> None: ...
    def previous(self) -> None: ...
    def stop(self) -> None: ...
    def pain_stop(self) -> None: ...
    def use_easier(self) -> None: ...
    def answer(self, comfort: Comfort | int) -> None: ...
    def finish_rating(self) -> None: ...


def break_keys(window: BreakControls) -> KeyTable:
    """The break window's keys, page by page."""
    return {
        "first_run": {"Return": window.begin, "space": window.begin, "Escape": window.close},
        "guide": {
            "space": window.toggle_pause,
            "Right": window.next,
            "n": window.next,
            "Left": window.previous,
            "p": window.previous,
            "Escape": window.stop,
            "s": window.pain_stop,
        },
        "pain": {
            "r": window.pain_note.start_rest,
            "e": window.use_easier,
            "n": window.next,
            "Right": window.next,
            "Escape": window.stop,
            "w": window.pain_note.toggle_details,
        },
        "comfort": {
            **{str(int(c)): partial(window.answer, c) for c in Comfort},
            **{
                key: partial(window.comfort.toggle_place, place)
                for place, key in PLACE_KEYS.items()
            },
            "Return": window.finish_rating,
            "Escape": window.finish_rating,
        },
        "summary": {"Return": window.close, "Escape": window.close},
    }
