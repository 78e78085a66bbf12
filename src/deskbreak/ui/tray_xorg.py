"""pystray's xorg (XEmbed) icon, fixed for deskbreak: clicks, re-docking, round edges.

pystray 0.19.5's xorg backend is the light one (no GTK: ~31 MB instead of ~107 MB), but:

* its icon window never selects ``ButtonPress``, so clicks are lost (upstream issue 151);
* it sends its dock request once and ignores the tray's ``MANAGER`` broadcast, so an icon
  whose request was lost, or whose tray restarted, stays undocked;
* it re-sends the dock request on every icon update, and logs a traceback when there is no
  tray;
* it pastes the RGBA image on black, so a round icon gets black corners, and stretches it
  to the oblong slot some trays give.

Everything here runs on pystray's own thread (the X event loop), except ``_wake_for_redock``
which only sends a client message (python-xlib's display is thread-safe via Xlib.threaded).
Import this module only after ``PYSTRAY_BACKEND=xorg`` is set and a display is known to work.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import PIL.Image
import Xlib.error
import Xlib.X
from pystray import _xorg

log = logging.getLogger(__name__)

#: Seconds to wait for the tray to embed us before asking again; after the last one only a
#: tray's MANAGER broadcast triggers a new request.
REDOCK_DELAYS = (1.0, 3.0, 10.0, 30.0)
#: Partly transparent edge pixels are blended onto this grey, fair on light and dark panels.
_EDGE_BLEND = (128, 128, 128)


class XorgIcon(_xorg.Icon):  # type: ignore[misc]
    """A pystray xorg icon that receives clicks and stays in the tray."""

    _icon_data: Any  # pystray's cached, panel-sized RGB image
    _icon_rgba: Any  # the same with its alpha, to blend over the panel

    def __init__(
        self,
        *args: Any,
        on_left_click: Callable[[], object],
        on_right_click: Callable[[int, int], object],
        on_hover: Callable[[int, int, bool], object] | None = None,
        **kwargs: Any,
    ) -> None:
        self._on_left_click = on_left_click
        self._on_right_click = on_right_click
        self._on_hover = on_hover
        self._embedded = False
        self._redock_attempt = 0
        self._redock_timer: threading.Timer | None = None
        super().__init__(*args, **kwargs)
        d = self._display
        self._root = d.screen().root
        self._manager_atom = d.intern_atom("MANAGER")
        self._redock_atom = d.intern_atom("_DESKBREAK_REDOCK")
        # A new tray announces itself with MANAGER on the root window (StructureNotify).
        self._root.change_attributes(event_mask=Xlib.X.StructureNotifyMask)
        self._pystray_client_message = self._message_handlers[Xlib.X.ClientMessage]
        self._message_handlers[Xlib.X.ClientMessage] = self._on_client_message
        self._message_handlers[Xlib.X.ReparentNotify] = self._on_reparent
        self._message_handlers[Xlib.X.EnterNotify] = self._on_crossing
        self._message_handlers[Xlib.X.LeaveNotify] = self._on_crossing
        # A tray dying mid-request gives BadWindow; log it instead of printing to stderr.
        d.set_error_handler(lambda err, _req: log.debug("X error in the tray icon: %s", err))
        d.flush()

    @property
    def embedded(self) -> bool:
        """Whether a tray has really taken the icon (reparented it), not just been asked."""
        return self._embedded

    # -- the click fix ------------------------------------------------------------------

    def _create_window(self) -> Any:
        window = super()._create_window()
        window.change_attributes(
            background_pixmap=Xlib.X.ParentRelative,
            event_mask=Xlib.X.ExposureMask
            | Xlib.X.StructureNotifyMask
            | Xlib.X.ButtonPressMask
            | Xlib.X.EnterWindowMask
            | Xlib.X.LeaveWindowMask,
        )
        return window

    def _on_button_press(self, event: Any) -> None:
        if event.detail == 1:
            self._on_left_click()
        elif event.detail == 3:
            self._on_right_click(event.root_x, event.root_y)

    def _on_crossing(self, event: Any) -> None:
        """The pointer came onto or left the icon: trays show no tooltip for XEmbed icons."""
        if self._on_hover is not None:
            self._on_hover(event.root_x, event.root_y, event.type == Xlib.X.EnterNotify)

    # -- docking ------------------------------------------------------------------------

    def _assert_docked(self) -> None:
        # pystray asks on every update; ask only while not embedded, and never raise.
        if not self._embedded:
            self._dock_window()

    def _dock_window(self) -> None:
        super()._dock_window()
        if self._systray_manager is None:
            log.info("no system tray yet; the icon docks when one appears")
        self._schedule_redock_check()

    def _schedule_redock_check(self) -> None:
        if self._redock_timer is not None or self._redock_attempt >= len(REDOCK_DELAYS):
            return
        delay = REDOCK_DELAYS[self._redock_attempt]
        self._redock_attempt += 1
        self._redock_timer = threading.Timer(delay, self._wake_for_redock)
        self._redock_timer.daemon = True
        self._redock_timer.start()

    def _wake_for_redock(self) -> None:
        """Timer thread: nudge the event loop, which decides whether to dock again."""
        try:
            self._send_message(self._window, self._redock_atom)
            self._display.flush()
        except Exception:  # the display is closing: nothing to dock any more
            log.debug("redock nudge failed", exc_info=True)

    def _on_client_message(self, event: Any) -> None:
        if event.client_type == self._redock_atom:
            self._redock_timer = None
            if not self._embedded:
                log.info("tray did not embed the icon; asking again")
                self._dock_window()
        elif event.client_type == self._manager_atom and event.window.id == self._root.id:
            if event.data[1][1] == self._net_system_tray_sx:
                log.info("a system tray appeared; docking")
                self._systray_manager = None
                self._embedded = False
                self._redock_attempt = 0
                self._dock_window()
        else:
            self._pystray_client_message(event)

    def _on_reparent(self, event: Any) -> None:
        if event.window.id != self._window.id:
            return
        self._embedded = event.parent.id != self._root.id
        if self._embedded:
            self._redock_attempt = 0
        log.info("tray icon %s", "embedded" if self._embedded else "left the tray")

    def _on_destroy_notify(self, event: Any) -> None:
        # pystray dereferences the manager even when it is None, which kills its loop.
        if self._systray_manager is None or event.window.id != self._systray_manager.id:
            return
        self._systray_manager = None
        self._embedded = False
        self._redock_attempt = 0
        self._dock_window()

    def _stop(self) -> None:
        timer, self._redock_timer = self._redock_timer, None
        if timer is not None:
            timer.cancel()
        self._redock_attempt = len(REDOCK_DELAYS)
        super()._stop()

    # -- drawing ------------------------------------------------------------------------

    def _draw(self) -> None:
        """Blend the icon onto what the panel shows behind it, so its round edge is clean.

        The window's background is ParentRelative: clearing it paints the panel, which is read
        back and the RGBA icon composited over it. The whole slot stays clickable (a shaped
        window would drop clicks on its corners).
        """
        try:
            geometry = self._window.get_geometry()
            width, height = geometry.width, geometry.height
            self._assert_icon_data(width, height)
            self._window.put_pil_image(self._gc, 0, 0, self._over_panel(width, height))
        except Xlib.error.BadDrawable:
            pass  # the window is gone

    def _over_panel(self, width: int, height: int) -> PIL.Image.Image:
        rgba: PIL.Image.Image = self._icon_rgba
        try:
            self._window.clear_area(0, 0, width, height)
            raw = self._window.get_image(0, 0, width, height, Xlib.X.ZPixmap, 0xFFFFFFFF)
            panel = PIL.Image.frombytes("RGB", (width, height), raw.data, "raw", "BGRX")
        except (Xlib.error.XError, ValueError):
            fallback: PIL.Image.Image = self._icon_data  # not viewable yet: grey-blended
            return fallback
        panel.paste(rgba, mask=rgba)
        return panel

    def _assert_icon_data(self, width: int, height: int) -> None:
        if self._icon_data and self._icon_data.size == (width, height):
            return
        # Trays hand out oblong slots (24×30 in trayer): keep the mark round and centred.
        side = max(1, min(width, height))
        mark = self._icon.convert("RGBA").resize((side, side), PIL.Image.Resampling.LANCZOS)
        rgba = PIL.Image.new("RGBA", (width, height), (0, 0, 0, 0))
        rgba.paste(mark, ((width - side) // 2, (height - side) // 2))
        data = PIL.Image.new("RGB", (width, height), _EDGE_BLEND)
        data.paste(rgba, mask=rgba)
        self._icon_rgba = rgba
        self._icon_data = data
