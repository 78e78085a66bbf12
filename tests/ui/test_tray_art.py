"""The tray icon: every state looks different, every size works, progress moves by the minute."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont

from deskbreak.ui.tray_art import IconMode, IconState, draw_app_icon, draw_icon

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "tray"
PANELS = {"light panel": "#f0f0f0", "dark panel": "#2d2d2d"}

STATES = [
    ("just sat down", IconState(IconMode.SITTING, 0.0)),
    ("sitting 12 of 50 min", IconState.sitting(12 * 60, 50)),
    ("sitting 35 of 50 min", IconState.sitting(35 * 60, 50)),
    ("break due", IconState.sitting(50 * 60, 50)),
    ("paused", IconState(IconMode.PAUSED, 0.4)),
    ("outside work hours", IconState(IconMode.OFF_HOURS)),
    ("no idle source", IconState(IconMode.NO_IDLE, 0.5)),
]


def _differs(a: Image.Image, b: Image.Image) -> bool:
    return ImageChops.difference(a, b).getbbox(alpha_only=False) is not None


@pytest.mark.parametrize("size", [16, 22, 24, 32, 44, 48, 64, 256])
def test_every_size_gives_a_square_rgba_image_with_a_transparent_corner(size: int) -> None:
    for _, state in STATES:
        img = draw_icon(size, state)
        assert img.size == (size, size)
        assert img.mode == "RGBA"
        assert img.getpixel((0, 0))[3] == 0  # round mark, transparent corners
        assert img.getpixel((size // 2, size // 2))[3] == 255


def test_a_too_small_size_is_refused() -> None:
    with pytest.raises(ValueError, match="too small"):
        draw_icon(4, IconState())


@pytest.mark.parametrize("size", [16, 22, 44])
def test_every_state_looks_different(size: int) -> None:
    images = [draw_icon(size, state) for _, state in STATES]
    for i, a in enumerate(images):
        for j in range(i + 1, len(images)):
            assert _differs(a, images[j]), f"{STATES[i][0]} looks like {STATES[j][0]} at {size} px"


def test_progress_moves_in_about_ten_steps_per_limit() -> None:
    assert IconState.sitting(10 * 60, 50) == IconState.sitting(14 * 60 + 59, 50)
    assert IconState.sitting(14 * 60 + 59, 50) != IconState.sitting(15 * 60, 50)
    assert IconState.sitting(12 * 60, 50).progress == pytest.approx(10 / 50, abs=1 / 240)
    assert IconState.sitting(3 * 60, 5) != IconState.sitting(4 * 60, 5), "short limits: minutes"
    states = {IconState.sitting(m * 60, 50) for m in range(50)}
    assert len(states) == 10


def test_reaching_the_limit_makes_the_break_due() -> None:
    assert IconState.sitting(49 * 60 + 59, 50).mode is IconMode.SITTING
    assert IconState.sitting(50 * 60, 50) == IconState(IconMode.DUE, 1.0)
    assert IconState.sitting(-5, 50) == IconState(IconMode.SITTING, 0.0)


def test_progress_is_clamped_and_snapped_to_a_grid() -> None:
    assert IconState(progress=1.7).progress == 1.0
    assert IconState(progress=-0.2).progress == 0.0
    assert IconState(progress=0.1 + 0.2) == IconState(progress=0.3)


def test_the_ring_grows_with_progress() -> None:
    def lit(state: IconState) -> int:
        img = draw_icon(44, state).convert("RGB")
        # the arc colour is the only strongly green pixel in the mark
        return sum(1 for r, g, b in img.get_flattened_data() if g > 150 and g - r > 40)

    assert (
        lit(IconState(progress=0.0)) < lit(IconState(progress=0.3)) < lit(IconState(progress=0.8))
    )


def test_app_icon_is_the_mark() -> None:
    img = draw_app_icon(128)
    assert img.size == (128, 128) and img.mode == "RGBA"
    assert _differs(img, draw_icon(128, IconState()))


def test_contact_sheet_of_every_state() -> None:
    """Writes test-artifacts/tray/states.png: every state at 22 and 44 px on both panels."""
    sheet = build_contact_sheet()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / "states.png"
    sheet.save(path)
    assert path.stat().st_size > 0


def build_contact_sheet() -> Image.Image:
    font = _font(13)
    small = _font(11)
    col_w, label_w, row_h, head_h = 150, 190, 64, 44
    cols = [(panel, size) for panel in PANELS for size in (22, 44)]
    width = label_w + col_w * len(cols)
    sheet = Image.new("RGB", (width, head_h + row_h * len(STATES) + 170), "#fbfaf7")
    draw = ImageDraw.Draw(sheet)
    for c, (panel, size) in enumerate(cols):
        x0 = label_w + c * col_w
        draw.rectangle((x0, 0, x0 + col_w - 1, sheet.height), fill=PANELS[panel])
        fg = "#26312c" if panel == "light panel" else "#e8ece9"
        draw.text(
            (x0 + col_w / 2, head_h / 2), f"{panel} · {size} px", fill=fg, font=small, anchor="mm"
        )
    for r, (label, state) in enumerate(STATES):
        y = head_h + r * row_h
        draw.text((16, y + row_h / 2), label, fill="#26312c", font=font, anchor="lm")
        for c, (_, size) in enumerate(cols):
            x = label_w + c * col_w + (col_w - size) // 2
            icon = draw_icon(size, state)
            sheet.paste(icon, (x, int(y + (row_h - size) / 2)), icon)
    y = head_h + row_h * len(STATES)
    draw.rectangle((0, y, width, sheet.height), fill="#fbfaf7")
    draw.line((0, y, width, y), fill="#d8d4ca")
    draw.text((16, y + 85), "app icon", fill="#26312c", font=font, anchor="lm")
    x = label_w + 20
    for size in (16, 32, 48, 64, 128):
        icon = draw_app_icon(size)
        sheet.paste(icon, (x, y + 85 - size // 2), icon)
        draw.text((x + size / 2, y + 160), f"{size}", fill="#5f6b65", font=small, anchor="mm")
        x += size + 40
    return sheet


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype("DejaVuSans.ttf", size)
    except OSError:
        return ImageFont.load_default()
