"""A contact sheet of every movement's figure: start pose (end of the in-breath) beside the
end pose (end of the out-breath), for a person to check the drawings at a glance.

``python bench/figure_sheet.py [OUT.png] [--dark]`` (no display needed; uses Pillow).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

from deskbreak.core.library import load_library
from deskbreak.ui.figure import render_figure_png

CELL = 150
COLUMNS = 4  # movements per row (each two cells wide)
LABEL = 16


def main(out: Path, dark: bool = False) -> Path:
    colors = {"color": "#e6e3dc", "prop_color": "#77736b", "background": "#1f2421"} if dark else {}
    library = load_library()
    movements = [m for m in library.movements.values() if m.figure is not None]
    rows = (len(movements) + COLUMNS - 1) // COLUMNS
    sheet = Image.new(
        "RGB",
        (COLUMNS * 2 * CELL, rows * (CELL + LABEL)),
        colors.get("background", "#f6f4ef"),
    )
    draw = ImageDraw.Draw(sheet)
    with tempfile.TemporaryDirectory() as tmp:
        for index, movement in enumerate(movements):
            assert movement.figure is not None
            x = (index % COLUMNS) * 2 * CELL
            y = (index // COLUMNS) * (CELL + LABEL)
            for column, progress in enumerate((0.0, 1.0)):
                path = Path(tmp) / f"{movement.id}-{column}.png"
                render_figure_png(movement.figure, progress, CELL, path, **colors)
                sheet.paste(Image.open(path), (x + column * CELL, y + LABEL))
            draw.text((x + 4, y + 2), movement.id, fill="#c0392b")
    out.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(out)
    return out


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    print(main(Path(args[0] if args else "test-artifacts/figures.png"), "--dark" in sys.argv))
