"""The tray icon facade: which backend, what it shows, and how clicks reach the app.

Threading contract. Every backend callback only calls ``post(Command)`` — normally
``CommandQueue.post`` — and never touches Tk. :meth:`Tray.show`, :meth:`Tray.set_title` and
:meth:`Tray.set_menu` are called from the Tk thread and never block it. On macOS the app must
call :meth:`Tray.start` from the main thread (pystray's ``run_detached()``).

The backends live elsewhere: pystray's icons, their thread and their updater in
:mod:`deskbreak.ui.tray_pystray`; the ``sni`` backend, deskbreak's own StatusNotifierItem over
jeepney, in :mod:`deskbreak.ui.tray_sni`. This facade keeps what is the same for all of them:
the menu, the last state and title shown, and skipping updates that change nothing.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PIL import Image

from deskbreak.core.commands import Command, TakeBreak
from deskbreak.ui.menu_model import (
    SEPARATOR,
    MenuEntry,
    MenuStatus,
    default_command,
    standard_menu,
)
from deskbreak.ui.tray_art import IconMode, IconState, draw_icon
from deskbreak.ui.tray_backend import choose_backend, describe
from deskbreak.ui.tray_pystray import PystrayIcon

log = logging.getLogger(__name__)

#: Images handed to pystray are this big; backends scale them to the panel (16–48 px, 64 on
#: HiDPI). Drawing at 128 took 10 ms a minute while sitting; at 64, 2.5 ms.
IMAGE_SIZE = 64
__all__ = ["Tray", "MenuEntry", "MenuStatus", "SEPARATOR", "choose_backend", "standard_menu"]


class Tray:
    """The tray icon. ``post`` receives every Command; it must not block (use CommandQueue.post)."""

    def __init__(
        self,
        post: Callable[[Command], object],
        menu: Sequence[MenuEntry],
        *,
        backend: str | None = None,
        environ: Mapping[str, str] | None = None,
        name: str = "deskbreak",
        configured: str = "auto",
    ) -> None:
        self._post = post
        self._menu = tuple(menu)
        self.backend = backend or choose_backend(
            os.environ if environ is None else environ, configured=configured
        )
        self._name = name
        self._pystray: PystrayIcon | None = None
        self._sni: Any = None  # tray_sni.SniTray when the backend is "sni"
        self._state: IconState | None = None
        self._title: str | None = None

    @property
    def available(self) -> bool:
        """False when there is no tray to show an icon in; the app works on without one."""
        return self.backend != "none"

    @property
    def shows_own_menu(self) -> bool:
        """Whether the backend draws the menu itself (from :meth:`set_menu`); the xorg icon
        posts :class:`OpenTrayMenu` instead and the app builds a Tk popup when asked."""
        return self.backend not in ("xorg", "none")

    @property
    def has_menu(self) -> bool:
        """Whether the backend shows the menu itself; if not, a right click posts OpenTrayMenu."""
        if self._sni is not None:
            return True
        return self._pystray is not None and self._pystray.has_menu

    def start(self, image: Image.Image, title: str) -> bool:
        """Show the icon. Returns False (and says so once, in the log) when there is no tray."""
        if not self.available:
            log.warning(
                "no system tray found: running without a tray icon; breaks still come as "
                "prompts and `deskbreak break` still works"
            )
            return False
        log.info("tray: %s", describe(self.backend))
        if self.backend == "sni":
            return self._start_sni(image, title)
        self._pystray = PystrayIcon(self.backend, self._name, self._post, self.activate)
        self._pystray.start(image, title, self._menu)
        return True

    def _start_sni(self, image: Image.Image, title: str) -> bool:
        from deskbreak.ui.tray_sni import SniTray

        sni = SniTray(self._post, self._menu, app_id=self._name)
        try:
            sni.start([image], title)
        except (OSError, ValueError, RuntimeError, TimeoutError) as exc:
            log.warning("cannot put the icon on the StatusNotifier tray: %s", exc)
            sni.stop(0.5)
            return False
        self._sni = sni
        return True

    def activate(self) -> None:
        """The default action (a left click): the menu's default command, else a break."""
        self._post(default_command(self._menu) or TakeBreak())

    def set_image(self, image: Image.Image) -> None:
        """Show ``image``. Any thread; never blocks."""
        if self._sni is not None:
            self._sni.set_icon([image])
        if self._pystray is not None:
            self._pystray.set_image(image)

    def set_title(self, text: str) -> None:
        """The tooltip. Any thread; never blocks."""
        if self._sni is not None:
            self._sni.set_tooltip(text)
        if self._pystray is not None:
            self._pystray.set_title(text)

    def show(self, state: IconState, title: str) -> None:
        """Hand pystray only what changed: each update wakes two threads and the X server."""
        if state != self._state:
            self._state = state
            if self._sni is not None:
                from deskbreak.ui.tray_sni import PIXMAP_SIZES

                self._sni.set_icon([draw_icon(size, state) for size in PIXMAP_SIZES])
                due = state.mode is IconMode.DUE
                self._sni.set_status("NeedsAttention" if due else "Active")
            else:
                self.set_image(draw_icon(IMAGE_SIZE, state))
        if title != self._title:
            self._title = title
            self.set_title(title)

    def set_menu(self, menu: Sequence[MenuEntry]) -> None:
        """A new menu (its status line, the snooze length or the routines changed). Backends
        with their own menu get it off the Tk thread; the xorg popup reads :attr:`menu` at
        each right click."""
        menu = tuple(menu)
        if menu == self._menu:
            return
        self._menu = menu
        if self._sni is not None:
            self._sni.set_menu(menu)
        elif self._pystray is not None:
            self._pystray.set_menu(menu)

    @property
    def title(self) -> str:
        """The tooltip text as last shown (before any Latin-1 narrowing)."""
        return self._title or ""

    @property
    def menu(self) -> tuple[MenuEntry, ...]:
        return self._menu

    @property
    def embedded(self) -> bool | None:
        """xorg only: whether a tray has really embedded the icon (None elsewhere)."""
        return None if self._pystray is None else self._pystray.embedded

    def stop(self, timeout: float = 2.0) -> None:
        """Remove the icon and end its threads, waiting at most about ``timeout`` seconds."""
        sni, self._sni = self._sni, None
        if sni is not None:
            sni.stop(timeout)
        icon, self._pystray = self._pystray, None
        if icon is not None:
            icon.stop(timeout)
