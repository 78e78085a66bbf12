"""The tray icon through pystray (or deskbreak's own xorg icon): its thread and its updates.

pystray runs ``icon.run()`` in a daemon thread (Linux, Windows; on macOS :meth:`PystrayIcon.start`
must be called from the main thread, which uses ``run_detached()``). Its xorg backend waits for its
own loop on every update, so the newest image, title and menu are handed to a small
:class:`Updater` thread that applies them: the Tk thread never waits. Every pystray callback only
calls ``post(Command)``. Kept apart from :class:`deskbreak.ui.tray.Tray`, which chooses between
this and the StatusNotifierItem and holds what both show.

pystray is imported lazily: it raises at import when there is no display.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any

from PIL import Image

from deskbreak.core.commands import Command, HoverTrayIcon, OpenTrayMenu
from deskbreak.ui.menu_model import MenuEntry

log = logging.getLogger(__name__)


class PystrayIcon:
    """One pystray icon of ``backend`` on its own thread; setters never block the caller."""

    def __init__(
        self,
        backend: str,
        name: str,
        post: Callable[[Command], object],
        activate: Callable[[], None],
    ) -> None:
        self.backend = backend
        self._name = name
        self._post = post
        self._activate = activate
        self.icon: Any = None
        self.thread: threading.Thread | None = None
        self._updater: Updater | None = None

    @property
    def has_menu(self) -> bool:
        """Whether pystray draws the menu; deskbreak's xorg icon posts OpenTrayMenu instead."""
        return self.icon is not None and bool(self.icon.HAS_MENU) and self.backend != "xorg"

    @property
    def embedded(self) -> bool | None:
        """xorg only: whether a tray has really embedded the icon (None elsewhere)."""
        return getattr(self.icon, "embedded", None)

    def start(self, image: Image.Image, title: str, menu: Sequence[MenuEntry]) -> None:
        self.icon = self._make_icon(image, title, menu)
        self._updater = Updater(self.icon)
        if sys.platform == "darwin":
            self.icon.run_detached()  # pystray's rule on macOS: main thread, before mainloop
        else:
            self.thread = threading.Thread(target=self.icon.run, name="deskbreak-tray", daemon=True)
            self.thread.start()

    def _make_icon(self, image: Image.Image, title: str, menu: Sequence[MenuEntry]) -> Any:
        os.environ["PYSTRAY_BACKEND"] = self.backend  # read by pystray at import
        if self.backend == "xorg":
            from deskbreak.ui.tray_xorg import XorgIcon

            return XorgIcon(
                self._name,
                icon=image,
                title=latin1(title),
                on_left_click=self._activate,
                on_right_click=lambda x, y: self._post(OpenTrayMenu(x, y)),
                on_hover=lambda x, y, inside: self._post(HoverTrayIcon(x, y, inside)),
            )
        # Not pystray.Icon: that is fixed by whichever backend pystray was first imported with.
        if self.backend == "dummy":
            icon_class = DummyIcon.make()
        else:
            icon_class = importlib.import_module(f"pystray._{self.backend}").Icon
        icon = icon_class(self._name, icon=image, title=title, menu=self._pystray_menu(menu))
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

    def set_image(self, image: Image.Image) -> None:
        if self._updater is not None:
            self._updater.push(image=image)

    def set_title(self, text: str) -> None:
        if self._updater is not None:
            self._updater.push(title=latin1(text) if self.backend == "xorg" else text)

    def set_menu(self, menu: Sequence[MenuEntry]) -> None:
        if self._updater is not None and self.has_menu:
            self._updater.push(menu=self._pystray_menu(menu))

    def stop(self, timeout: float) -> None:
        """Remove the icon and end its threads, waiting at most about ``timeout`` seconds."""
        if self._updater is not None:
            self._updater.close()
        icon, self.icon = self.icon, None
        if icon is None:
            return
        stopper = threading.Thread(target=icon.stop, name="deskbreak-tray-stop", daemon=True)
        stopper.start()  # pystray's xorg stop waits for its loop: never let that hang exit
        stopper.join(timeout)
        if self.thread is not None:
            self.thread.join(timeout)
        if stopper.is_alive() or (self.thread is not None and self.thread.is_alive()):
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


class Updater:
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


class DummyIcon:
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
