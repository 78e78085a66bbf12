"""The windows the tray menu opens: progress, settings and about.

Each is one at a time (the :class:`~deskbreak.ui.windows.WindowManager` brings an open one
forward) and imported only when first opened, so an app that sits in the tray all day never
loads them. Apart from the controller because filling these windows from the runtime is
plumbing; what the user asks for and what the engine says stay in the controller.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable

from deskbreak.core.settings import Settings
from deskbreak.engine.runtime import Runtime
from deskbreak.ui.windows import WindowManager


class MenuWindows:
    """Opens (or brings forward) the progress, settings and about windows."""

    def __init__(
        self,
        root: tk.Tk,
        runtime: Runtime,
        windows: WindowManager,
        on_settings_saved: Callable[[Settings], None],
    ) -> None:
        self._root = root
        self._runtime = runtime
        self._windows = windows
        self._on_settings_saved = on_settings_saved

    def show_progress(self) -> None:
        from deskbreak.ui.progress_window import ProgressWindow

        figures = self._runtime.book.progress()
        window = self._windows.open(
            "progress", lambda on_closed: ProgressWindow(self._root, figures, on_closed=on_closed)
        )
        window.show_stats(figures)

    def show_settings(self) -> None:
        from deskbreak.ui.settings_dialog import SettingsDialog

        runtime, book = self._runtime, self._runtime.book
        self._windows.open(
            "settings",
            lambda on_closed: SettingsDialog(
                self._root,
                runtime.settings,
                runtime.paths.config_file,
                routines=[(rid, r.name) for rid, r in book.routines().items()],
                movements=[(m.id, m.name) for m in book.library.base_movements()],
                adaptations=book.adaptation_rows(),
                on_saved=self._on_settings_saved,
                on_reset_adaptations=book.reset_adaptations,
                undo=book.progressions_to_undo(),
                on_closed=on_closed,
            ),
        )

    def show_about(self) -> None:
        from deskbreak.ui.about_dialog import AboutDialog

        self._windows.open(
            "about",
            lambda on_closed: AboutDialog(self._root, self._runtime.paths, on_closed=on_closed),
        )
