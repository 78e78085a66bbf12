"""The line figure is painted on a real canvas under Xvfb and into a PNG preview."""

from __future__ import annotations

import tkinter as tk
from pathlib import Path

import pytest

from deskbreak.core.movements import Figure
from deskbreak.core.poses import build_pose
from deskbreak.ui.figure import draw_figure, render_figure_png

SEATED = build_pose({"base": "sit"})
LEANING = build_pose({"base": "sit", "trunk": -25, "arm": 160})
FIGURE = Figure(SEATED, LEANING, props=("chair",))


def test_png_preview(tmp_path: Path) -> None:
    from PIL import Image

    path = render_figure_png(FIGURE, 1.0, 120, tmp_path / "f.png")
    with Image.open(path) as image:
        assert image.size == (120, 120)
        assert (
            len(image.getcolors(maxcolors=100000) or []) > 2
        )  # something besides the background was drawn


@pytest.mark.gui
def test_draw_on_a_real_canvas(root: tk.Tk) -> None:
    canvas = tk.Canvas(root, width=200, height=160)
    canvas.pack()
    canvas.create_text(5, 5, text="keep me")
    draw_figure(canvas, FIGURE, 0.0, (0, 0, 200, 160), "#26312c", "#a39e93")
    first = len(canvas.find_withtag("figure"))
    assert first > 5
    draw_figure(canvas, FIGURE, 1.0, (0, 0, 200, 160), "#26312c", "#a39e93")
    assert len(canvas.find_withtag("figure")) == first  # redrawn, not piled up
    assert len(canvas.find_all()) == first + 1
    xs = [c for item in canvas.find_withtag("figure") for c in canvas.coords(item)[::2]]
    assert min(xs) >= 20 - 1 and max(xs) <= 180 + 1  # fitted into the centred square
