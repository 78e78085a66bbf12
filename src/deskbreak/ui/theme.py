"""One calm look for every deskbreak window: palette, type and the Tk root they share."""

from __future__ import annotations

import os
import shutil
import tkinter as tk
from dataclasses import dataclass
from tkinter import font as tkfont

WM_CLASS = "deskbreak"


@dataclass(frozen=True)
class Palette:
    background: str
    surface: str  # cards, the breath guide's track
    text: str
    muted: str  # secondary text
    accent: str  # the breath guide, the current phase
    accent_soft: str
    warning: str  # the pain stop
    on_accent: str
    phase_colors: tuple[str, str, str]  # soften, organize, strengthen
    accent_active: str  # an accent button under the pointer
    warning_active: str  # the pain stop under the pointer: still the warning colour


LIGHT = Palette(
    background="#f6f4ef",
    surface="#e9e5dc",
    text="#26312c",
    muted="#56615b",
    accent="#3a7563",
    accent_soft="#a9cbbf",
    warning="#b4442f",
    on_accent="#ffffff",
    phase_colors=("#3d7590", "#3a7563", "#9a5a26"),
    accent_active="#2f6353",
    warning_active="#963523",
)

DARK = Palette(
    background="#1e2421",
    surface="#2b332f",
    text="#e8ece9",
    muted="#a3ada8",
    accent="#73b8a0",
    accent_soft="#3b5a4f",
    warning="#e07a62",
    on_accent="#10201a",
    phase_colors=("#7fb3c9", "#73b8a0", "#dd9a5e"),
    accent_active="#8fcab5",
    warning_active="#eb927c",
)


#: The user's ``[app] theme``: "system", "light" or "dark" (see :func:`use_settings`).
_chosen = {"theme": "system"}


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours (1 to 21; text wants 4.5)."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_pairs(pal: Palette) -> dict[str, tuple[str, str]]:
    """Every foreground/background pair deskbreak draws text in, by where it is used."""
    pairs = {
        "text on background": (pal.text, pal.background),
        "text on surface (cards, plain buttons)": (pal.text, pal.surface),
        "muted on background": (pal.muted, pal.background),
        "muted on surface (card captions)": (pal.muted, pal.surface),
        "on_accent on accent (main buttons)": (pal.on_accent, pal.accent),
        "on_accent on accent_active (main buttons, hover)": (pal.on_accent, pal.accent_active),
        "on_accent on warning (pain stop)": (pal.on_accent, pal.warning),
        "on_accent on warning_active (pain stop, hover)": (pal.on_accent, pal.warning_active),
        "accent on background (links, the week line)": (pal.accent, pal.background),
        "warning on background (reasons)": (pal.warning, pal.background),
        "text on accent_soft (hover, picked chips)": (pal.text, pal.accent_soft),
        "background on text (accent button, ttk hover)": (pal.background, pal.text),
    }
    for name, colour in zip(("soften", "organize", "strengthen"), pal.phase_colors, strict=True):
        pairs[f"on_accent on the {name} phase"] = (pal.on_accent, colour)
    return pairs


def system_prefers_dark() -> bool:
    """Best effort: ``DESKBREAK_THEME``, then ``[app] theme``, then GTK_THEME, then GNOME's
    colour-scheme setting."""
    forced = os.environ.get("DESKBREAK_THEME", "").lower()
    if forced in ("dark", "light"):
        return forced == "dark"
    if _chosen["theme"] in ("dark", "light"):
        return _chosen["theme"] == "dark"
    if "dark" in os.environ.get("GTK_THEME", "").lower():
        return True
    gsettings = shutil.which("gsettings")
    if gsettings and _session_bus():
        import subprocess  # asked once, when the first window opens: not an idle cost

        try:
            out = subprocess.run(
                [gsettings, "get", "org.gnome.desktop.interface", "color-scheme"],
                capture_output=True,
                text=True,
                timeout=1,
            ).stdout
            return "dark" in out
        except (OSError, subprocess.SubprocessError):
            return False
    return False


def _session_bus() -> bool:
    """Without a session bus, gsettings autolaunches a dbus-daemon that outlives deskbreak
    (and there is no GNOME session whose setting it could read)."""
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return True
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    return bool(runtime) and os.path.exists(os.path.join(runtime, "bus"))


def palette(dark: bool | None = None) -> Palette:
    return DARK if (system_prefers_dark() if dark is None else dark) else LIGHT


@dataclass(frozen=True)
class Fonts:
    title: tkfont.Font
    heading: tkfont.Font
    body: tkfont.Font
    small: tkfont.Font
    big_number: tkfont.Font


def fonts(root: tk.Misc) -> Fonts:
    """Sizes in points, so Tk's scaling (HiDPI) enlarges them with the screen."""
    family = tkfont.nametofont("TkDefaultFont", root=root).actual("family")
    return Fonts(
        title=tkfont.Font(root=root, family=family, size=15, weight="bold"),
        heading=tkfont.Font(root=root, family=family, size=12, weight="bold"),
        body=tkfont.Font(root=root, family=family, size=11),
        small=tkfont.Font(root=root, family=family, size=9),
        big_number=tkfont.Font(root=root, family=family, size=22, weight="bold"),
    )


def px(widget: tk.Misc, pixels: float) -> int:
    """``pixels`` at 96 dpi in this screen's pixels: the one DPI scale of every window.

    It follows Tk's scaling, as the fonts (sized in points) do, so ``DESKBREAK_SCALE`` and a
    HiDPI screen enlarge drawings, paddings and text together."""
    return round(pixels * scale_factor(widget))


def scale_factor(widget: tk.Misc) -> float:
    """Screen pixels per 96-dpi pixel: 1.0 on a plain screen, 2.0 at 2x (see :func:`px`)."""
    return float(widget.tk.call("tk", "scaling")) * 72 / 96


def use_settings(root: tk.Misc, theme: str, scale: float | None) -> None:
    """Apply ``[app] theme`` and ``[app] scale``: every window opened from now on follows them.

    Windows already open keep their colours and sizes until they are opened again (Tk does
    not re-measure fonts made at the old scaling). ``DESKBREAK_THEME`` and
    ``DESKBREAK_SCALE`` still win, so a session can be forced from the command line.
    """
    _chosen["theme"] = theme
    if os.environ.get("DESKBREAK_SCALE"):
        return
    auto = getattr(root, "_deskbreak_auto_scaling", None)
    if auto is None:  # remember what the screen gave, for a later "auto"
        auto = float(root.tk.call("tk", "scaling"))
        root._deskbreak_auto_scaling = auto  # type: ignore[attr-defined]
    root.tk.call("tk", "scaling", auto if scale is None else scale * 96 / 72)


def make_root(scaling: float | None = None, *, window_icon: bool = True) -> tk.Tk:
    """The withdrawn Tk root every window hangs from, with deskbreak's WM class.

    The tray app passes ``window_icon=False`` and sets the icon before its first window
    (:func:`set_window_icon`): the photos and Tk's copy of them (about 0.3 MB) are not held
    for the hours it only sits in the tray.
    """
    root = tk.Tk(className=WM_CLASS)
    root.withdraw()
    root._deskbreak_auto_scaling = float(root.tk.call("tk", "scaling"))  # type: ignore[attr-defined]
    if scaling is None and os.environ.get("DESKBREAK_SCALE"):
        scaling = float(os.environ["DESKBREAK_SCALE"])
    if scaling is not None:
        root.tk.call("tk", "scaling", scaling * 96 / 72)
    if window_icon:
        set_window_icon(root)
    return root


def set_window_icon(root: tk.Tk) -> None:
    """Every deskbreak window made after this shows the app's mark in task bars and Alt-Tab;
    asking again does nothing."""
    if hasattr(root, "_deskbreak_icons"):
        return
    from deskbreak.shell import resources

    images = []
    for size in (16, 32, 48, 128):
        path = resources.icons_dir() / f"deskbreak-{size}.png"
        if path.exists():
            images.append(tk.PhotoImage(master=root, file=str(path)))
    root._deskbreak_icons = images  # type: ignore[attr-defined]  # Tk keeps no reference
    if images:
        root.iconphoto(True, *images)
