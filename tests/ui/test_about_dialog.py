"""The About window: version, safety warning signs and every file location."""

from __future__ import annotations

import contextlib
import tkinter as tk

import pytest

from deskbreak import __version__
from deskbreak.core import safety
from deskbreak.shell import paths
from deskbreak.ui.about_dialog import TITLE, AboutDialog

pytestmark = pytest.mark.gui


def all_text(widget: tk.Misc) -> str:
    parts = []
    for child in widget.winfo_children():
        with contextlib.suppress(tk.TclError):
            parts.append(str(child.cget("text")))
        parts.append(all_text(child))
    return "\n".join(p for p in parts if p)


def test_it_shows_version_safety_and_where_files_live(root: tk.Tk) -> None:
    app_paths = paths.resolve()
    dialog = AboutDialog(root, app_paths)
    root.update()
    assert dialog.title() == TITLE
    text = all_text(dialog)
    assert __version__ in text
    assert "not medical advice" in text
    assert [label.cget("text") for label in dialog.flag_labels] == list(safety.URGENT)
    assert "osteoporosis" in dialog.screening.cget("text")
    assert safety.URGENT_TITLE in text and safety.SOON_TEXT in text
    for name, path in app_paths.as_rows():
        assert name in text and str(path) in text


def test_given_safety_text_is_shown_and_close_calls_back(root: tk.Tk) -> None:
    closed: list[bool] = []
    dialog = AboutDialog(
        root,
        paths.resolve(),
        safety_note="A note.",
        red_flags=["flag one", "flag two"],
        on_closed=lambda: closed.append(True),
    )
    root.update()
    assert [label.cget("text") for label in dialog.flag_labels] == ["flag one", "flag two"]
    assert "A note." in all_text(dialog)
    dialog.close_button.invoke()
    assert closed == [True]
    assert not dialog.winfo_exists()


@pytest.mark.parametrize("scale", [1.0, 2.0])
@pytest.mark.parametrize("area", [(1366, 738), (1280, 770)], ids=["1366x768", "1280x800"])
def test_it_fits_the_work_area_and_scrolls_the_rest(
    root: tk.Tk, scaled_screen, scale: float, area: tuple[int, int]
) -> None:
    from deskbreak.ui import screen

    work = scaled_screen(root, scale, area)
    dialog = AboutDialog(root, paths.resolve())
    root.update()
    bottom = dialog.winfo_rooty() + dialog.winfo_height()
    assert bottom <= work.bottom - screen.DECORATION[1] + 1
    close = dialog.close_button
    assert close.winfo_ismapped()
    assert close.winfo_rooty() + close.winfo_height() <= bottom
    if dialog.page.inner.winfo_reqheight() > dialog.page.canvas.winfo_height():
        assert dialog.page.scrolls and dialog.page.bar.winfo_ismapped()
        dialog.page.canvas.yview_moveto(1.0)
        root.update()
        assert dialog.page.canvas.yview()[1] == pytest.approx(1.0)
    if scale == 2.0:
        assert dialog.page.scrolls, "at 2x the About page is taller than a 768 px screen"
