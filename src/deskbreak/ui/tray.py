"""The tray icon: which pystray backend, which thread, and how clicks reach the app.

Threading contract. pystray runs ``icon.run()`` in a daemon thread (Linux, Windows; on macOS
the app must call :meth:`Tray.start` from the main thread, which uses ``run_detached()``).
Every pystray callback only calls ``post(Command)`` — normally ``CommandQueue.post`` — and
never touches Tk. :meth:`Tray.set_image` and :meth:`Tray.set_title` are called from the Tk
thread and never block it: pystray's xorg backend waits for its own loop on every update,
so the newest image and title are handed to a small updater thread that applies them.

pystray is imported lazily: it raises at import when there is no display. The ``sni`` backend
is deskbreak's own StatusNotifierItem over jeepney (:mod:`deskbreak.ui.tray_sni`), not pystray's:
it has its own receiving thread and never blocks the Tk thread either.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PIL import Image

from deskbreak.core.commands import Command, HoverTrayIcon, OpenTrayMenu, TakeBreak
from deskbreak.ui.menu_model import (
    SEPARATOR,
    MenuEntry,
    MenuStatus,
    default_command,
    standard_menu,
)
from deskbreak.ui.tray_art import IconMode, IconState, draw_icon
from deskbreak.ui.tray_backend import choose_backend, describe

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
        self._icon: Any = None
        self._sni: Any = None  # tray_sni.SniTray when the backend is "sni"
        self._thread: threading.Thread | None = None
        self._updater: _Updater | None = None
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
        return self._icon is not None and bool(self._icon.HAS_MENU) and self.backend != "xorg"

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
        self._icon = self._make_icon(image, title)
        self._updater = _Updater(self._icon)
        if sys.platform == "darwin":
            self._icon.run_detached()  # pystray's rule on macOS: main thread, before mainloop
        else:
            self._thread = threading.Thread(
                target=self._icon.run, name="deskbreak-tray", daemon=True
            )
            self._thread.start()
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

    def _make_icon(self, image: Image.Image, title: str) -> Any:
        os.environ["PYSTRAY_BACKEND"] = self.backend  # read by pystray at import
        if self.backend == "xorg":
            from deskbreak.ui.tray_xorg import XorgIcon

            return XorgIcon(
                self._name,
                icon=image,
                title=latin1(title),
                on_left_click=self.activate,
                on_right_click=lambda x, y: self._post(OpenTrayMenu(x, y)),
                on_hover=lambda x, y, inside: self._post(HoverTrayIcon(x, y, inside)),
            )
        # Not pystray.Icon: that is fixed by whichever backend pystray was first imported with.
        if self.backend == "dummy":
            icon_class = _DummyIcon.make()
        else:
            icon_class = importlib.import_module(f"pystray._{self.backend}").Icon
        icon = icon_class(self._name, icon=image, title=title, menu=self._pystray_menu(self._menu))
        quiet_notifier(icon)
        return icon

    def _pystray_menu(self, entries: Sequence[MenuEntry]) -> Any:
        import pystray

        def item(entry: MenuEntry) -> Any:
            if entry.is_separator:
                return pystray.Menu.SEPARATOR
            if entry.submenu:
                return pystray.MenuItem(
                    entry.label, self._pystray_menu(entry.submenu), enabled=entry.enabled
                )
            command = entry.command

            def action(_icon: Any, _item: Any) -> None:
                if command is not None:
                    self._post(command)

            return pystray.MenuItem(
                entry.label, action, default=entry.default, enabled=entry.enabled
            )

        return pystray.Menu(*(item(e) for e in entries))

    def activate(self) -> None:
        """The default action (a left click): the menu's default command, else a break."""
        self._post(default_command(self._menu) or TakeBreak())

    def set_image(self, image: Image.Image) -> None:
        """Show ``image``. Any thread; never blocks."""
        if self._sni is not None:
            self._sni.set_icon([image])
        if self._updater is not None:
            self._updater.push(image=image)

    def set_title(self, text: str) -> None:
        """The tooltip. Any thread; never blocks."""
        if self._sni is not None:
            self._sni.set_tooltip(text)
        if self._updater is not None:
            self._updater.push(title=latin1(text) if self.backend == "xorg" else text)

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
        elif self._updater is not None and self.has_menu:
            self._updater.push(menu=self._pystray_menu(menu))

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
        return getattr(self._icon, "embedded", None)

    def stop(self, timeout: float = 2.0) -> None:
        """Remove the icon and end its threads, waiting at most about ``timeout`` seconds."""
        if self._updater is not None:
            self._updater.close()
        sni, self._sni = self._sni, None
        if sni is not None:
            sni.stop(timeout)
        icon, self._icon = self._icon, None
        if icon is None:
            return
        stopper = threading.Thread(target=icon.stop, name="deskbreak-tray-stop", daemon=True)
        stopper.start()  # pystray's xorg stop waits for its loop: never let that hang exit
        stopper.join(timeout)
        if self._thread is not None:
            self._thread.join(timeout)
        if stopper.is_alive() or (self._thread is not None and self._thread.is_alive()):
            log.warning("the tray icon did not stop within %.0f s; leaving it to exit", timeout)


def quiet_notifier(icon: Any) -> None:
    """pystray's GTK backends close their notification on stop even when none was shown,
    with a D-Bus call that fails (an uncaught error at Quit) when no notification server is on
    the bus. deskbreak never shows pystray notifications: close only one that exists."""
    notifier = getattr(icon, "_notifier", None)
    if notifier is None:
        return
    hide = notifier.hide

    def hide_shown() -> None:
        if not getattr(notifier, "_nid", 0):
            return
        try:
            hide()
        except Exception as exc:
            log.warning("closing the tray notification failed: %s", exc)

    notifier.hide = hide_shown


def latin1(text: str) -> str:
    """pystray's xorg backend writes the title as a Latin-1 WM_NAME: keep it encodable."""
    for wide, narrow in (("\u2014", "-"), ("\u2013", "-"), ("\u2026", "..."), ("\u2011", "-")):
        text = text.replace(wide, narrow)
    return text.encode("latin-1", "replace").decode("latin-1")


class _Updater:
    """Applies the newest image/title on its own thread, so the Tk thread never waits."""

    def __init__(self, icon: Any) -> None:
        self._icon = icon
        self._cond = threading.Condition()
        self._image: Image.Image | None = None
        self._title: str | None = None
        self._menu: Any = None
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="deskbreak-tray-update", daemon=True)
        self._thread.start()

    def push(
        self, image: Image.Image | None = None, title: str | None = None, menu: Any = None
    ) -> None:
        with self._cond:
            if image is not None:
                self._image = image
            if title is not None:
                self._title = title
            if menu is not None:
                self._menu = menu
            self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(
                    lambda: (
                        self._closed
                        or self._image is not None
                        or self._title is not None
                        or self._menu is not None
                    )
                )
                if self._closed:
                    return
                image, self._image = self._image, None
                title, self._title = self._title, None
                menu, self._menu = self._menu, None
            try:
                if image is not None:
                    self._icon.icon = image
                if title is not None:
                    self._icon.title = title
                if menu is not None:
                    self._icon.menu = menu
            except Exception:
                log.exception("updating the tray icon failed")

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify()


class _DummyIcon:
    """pystray's ``dummy`` backend is abstract; this runs it as a do-nothing loop for tests."""

    @staticmethod
    def make() -> type:
        from pystray import _base

        class DummyIcon(_base.Icon):  # type: ignore[misc]
            HAS_MENU = True
            HAS_DEFAULT_ACTION = True

            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                self._stopped = threading.Event()

            def _show(self) -> None: ...
            def _hide(self) -> None: ...
            def _update_icon(self) -> None: ...
            def _update_title(self) -> None: ...
            def _update_menu(self) -> None: ...

            def _run(self) -> None:
                self._mark_ready()
                self._stopped.wait()

            def _stop(self) -> None:
                self._stopped.set()

        return DummyIcon
