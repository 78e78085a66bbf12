"""Keys that mean different things on different pages of one window.

A window binds every key once; a press looks up the page on show at that moment, so a
page's buttons and its keys can never disagree about which page is active.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Mapping
from functools import partial

#: page name → key name (as in ``<KeyPress-…>``) → what the key does on that page
KeyTable = Mapping[str, Mapping[str, Callable[[], object]]]


def bind_view_keys(
    window: tk.Misc, tables: Callable[[], KeyTable], view: Callable[[], str]
) -> None:
    """Bind each key any page uses (a letter in both cases); a press runs the action of
    the current ``view()`` or nothing, and never reaches the focused widget."""

    def on_key(key: str, _event: object = None) -> str:
        action = tables().get(view(), {}).get(key)
        if action is not None:
            action()
        return "break"

    keys = {key for table in tables().values() for key in table}
    for key in keys:
        names = {key, key.upper()} if len(key) == 1 and key.isalpha() else {key}
        for name in names:
            window.bind(f"<KeyPress-{name}>", partial(on_key, key))
