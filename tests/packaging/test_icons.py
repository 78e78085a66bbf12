"""The committed icons are what the drawing code draws now, at every size the desktops ask for."""

from __future__ import annotations

import importlib.util
import io
from pathlib import Path
from types import ModuleType

from PIL import Image

from deskbreak.shell import desktop_entry

ROOT = Path(__file__).resolve().parents[2]


def make_icons() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_icons", ROOT / "packaging" / "make_icons.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_pngs_match_the_drawing_code() -> None:
    """Compared by pixels, not bytes, so a different zlib can't fail it. If this fails after
    a change to ui/tray_art.py, run `.venv/bin/python packaging/make_icons.py` and commit."""
    fresh = make_icons().render()
    for size in desktop_entry.ICON_SIZES:
        name = f"deskbreak-{size}.png"
        committed = Image.open(ROOT / "icons" / name)
        drawn = Image.open(io.BytesIO(fresh[name]))
        assert committed.size == (size, size)
        assert committed.mode == "RGBA"
        assert committed.tobytes() == drawn.tobytes(), f"icons/{name} is stale"


def test_ico_and_icns_hold_every_size() -> None:
    ico = Image.open(ROOT / "icons" / "deskbreak.ico")
    assert {(s, s) for s in (16, 24, 32, 48, 64, 128, 256)} <= set(ico.info["sizes"])
    icns = Image.open(ROOT / "icons" / "deskbreak.icns")
    wanted = {(128, 128, 1), (256, 256, 1), (512, 512, 1), (16, 16, 2), (32, 32, 2)}
    assert wanted <= set(icns.info["sizes"])
    assert (512, 512, 2) in icns.info["sizes"]  # the 1024 px retina slot
