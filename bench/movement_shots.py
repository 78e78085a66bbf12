"""The break window for every movement, at its start pose and its end pose, as contact sheets.

``python bench/movement_shots.py [OUT_DIR]`` (a private Xvfb without a DISPLAY);
DESKBREAK_THEME=dark for the dark theme. Each sheet holds 12 movements, start beside end.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image

from deskbreak.core.clock import FakeClock
from deskbreak.core.library import load_library
from deskbreak.core.movements import Routine, Step
from deskbreak.core.settings import BreathingSettings
from deskbreak.core.timeline import Segment
from deskbreak.shell import paths
from deskbreak.ui import theme
from deskbreak.ui.break_window import BreakWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo, for tests.e2e
from tests.e2e import xsession  # noqa: E402

PER_SHEET = 12
SCALE = 0.5


def shoot(out: Path) -> list[Path]:
    tag = os.environ.get("DESKBREAK_THEME", "light")
    library = load_library()
    root = theme.make_root()
    state = Path(tempfile.mkdtemp())
    app_paths = paths.resolve(data_dir=state, config_dir=state)
    app_paths.first_run_marker.parent.mkdir(parents=True, exist_ok=True)
    app_paths.first_run_marker.touch()
    shots: list[tuple[Path, Path]] = []
    for movement in library.movements.values():
        clock = FakeClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
        routine = Routine("one", movement.name, "", (Step(movement),))
        window = BreakWindow(
            root,
            routine,
            BreathingSettings(),
            clock,
            lambda _r: None,
            lambda: None,
            paths=app_paths,
            movements=library.movements,
            animate=False,
        )
        pair = []
        for name, segment, fraction in (
            ("start", Segment.INHALE, 0.999),
            ("end", Segment.EXHALE, 0.999),
        ):
            for _ in range(10_000):
                frame = window.session.tick()
                if frame.segment is segment and frame.segment_fraction >= fraction:
                    break
                clock.advance(0.05)
            window.refresh()
            window.update()
            path = out / f"{tag}-{movement.id}-{name}.png"
            subprocess.run(["import", "-window", window.wm_frame(), str(path)], check=True)
            pair.append(path)
        shots.append((pair[0], pair[1]))
        window.close()
        root.update()
    root.destroy()
    return _sheets(out, tag, shots)


def _sheets(out: Path, tag: str, shots: list[tuple[Path, Path]]) -> list[Path]:
    sheets = []
    for number in range(0, len(shots), PER_SHEET):
        group = shots[number : number + PER_SHEET]
        first = Image.open(group[0][0])
        w, h = (round(v * SCALE) for v in first.size)
        columns = 8
        rows = (2 * len(group) + columns - 1) // columns
        sheet = Image.new("RGB", (columns * (w + 6), rows * (h + 6)), "#888888")
        for index, path in enumerate(p for pair in group for p in pair):
            image = Image.open(path).resize((w, h), Image.Resampling.LANCZOS)
            sheet.paste(image, ((index % columns) * (w + 6), (index // columns) * (h + 6)))
        target = out / f"sheet-{tag}-{number // PER_SHEET + 1}.png"
        sheet.save(target)
        sheets.append(target)
    return sheets


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "test-artifacts/movements")
    target.mkdir(parents=True, exist_ok=True)
    server = None
    if not os.environ.get("DISPLAY"):
        server, os.environ["DISPLAY"] = xsession.start_xvfb()
    try:
        for sheet in shoot(target):
            print(sheet)
    finally:
        if server is not None:
            server.terminate()
            server.wait(5)
