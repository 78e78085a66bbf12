"""Generate deskbreak's icon files from the drawing code (the mark's only source artwork).

    .venv/bin/python packaging/make_icons.py            # rewrite icons/
    .venv/bin/python packaging/make_icons.py --check    # exit 1 if icons/ is out of date
    .venv/bin/python packaging/make_icons.py --sheet DIR  # also a contact sheet for review

The mark is drawn by ``deskbreak.ui.tray_art.draw_app_icon``; the tray draws its states
with the same code at run time. Output is reproducible: the same code gives the same bytes
(PNG metadata is left out), so the committed files can be checked in CI.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from deskbreak.ui.tray_art import draw_app_icon  # noqa: E402

SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # what Windows asks for; 256 is the largest ICO holds
ICNS_SIZES = (16, 32, 64, 128, 256, 512)  # with 1024 drawn too, every ICNS slot is a drawing


def render() -> dict[str, bytes]:
    """Every icon file, by name, as bytes."""
    images = {size: draw_app_icon(size).convert("RGBA") for size in SIZES}
    files = {f"deskbreak-{size}.png": _png(images[size]) for size in SIZES}
    largest = images[max(SIZES)]
    ico = io.BytesIO()
    largest.save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s in images],
    )
    files["deskbreak.ico"] = ico.getvalue()
    icns = io.BytesIO()
    retina = draw_app_icon(1024).convert("RGBA")  # 512@2x, drawn rather than upscaled
    retina.save(icns, format="ICNS", append_images=[images[s] for s in ICNS_SIZES])
    files["deskbreak.icns"] = icns.getvalue()
    return files


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def contact_sheet(
    backgrounds: tuple[str, ...] = ("#f4f4f2", "#ffffff", "#2b2b2b", "#000000"),
) -> Image.Image:
    """Each size at 1:1 on each background, plus 16–32 px magnified 8x to judge pixels."""
    pad, label_h = 16, 18
    font = ImageFont.load_default()
    small = (16, 22, 24, 32)
    zoom = 8
    row_h = max(SIZES) + label_h + 2 * pad
    zoom_h = max(small) * zoom + label_h + 2 * pad
    width = sum(SIZES) + pad * (len(SIZES) + 1)
    width = max(width, sum(s * zoom for s in small) + pad * (len(small) + 1))
    sheet = Image.new("RGBA", (width, (row_h + zoom_h) * len(backgrounds)), "white")
    draw = ImageDraw.Draw(sheet)
    for index, colour in enumerate(backgrounds):
        top = index * (row_h + zoom_h)
        draw.rectangle((0, top, width, top + row_h + zoom_h), fill=colour)
        ink = "#000000" if _light(colour) else "#ffffff"
        x = pad
        for size in SIZES:
            icon = draw_app_icon(size).convert("RGBA")
            sheet.alpha_composite(icon, (x, top + pad + label_h + max(SIZES) - size))
            draw.text((x, top + pad), f"{size}", fill=ink, font=font)
            x += size + pad
        x = pad
        for size in small:
            icon = draw_app_icon(size).convert("RGBA").resize((size * zoom,) * 2, Image.NEAREST)
            sheet.alpha_composite(icon, (x, top + row_h + pad + label_h))
            draw.text((x, top + row_h + pad), f"{size} px, {zoom}x", fill=ink, font=font)
            x += size * zoom + pad
    return sheet


def _light(colour: str) -> bool:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return r + g + b > 384


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate icons/ from deskbreak's drawing code.")
    parser.add_argument("--out", type=Path, default=ROOT / "icons", help="where to write")
    parser.add_argument("--check", action="store_true", help="only check icons/ is up to date")
    parser.add_argument("--sheet", type=Path, metavar="DIR", help="also write contact-sheet.png")
    args = parser.parse_args(argv)
    files = render()
    if args.check:
        stale = [n for n, data in files.items() if _read(args.out / n) != data]
        for name in stale:
            print(f"{args.out / name} is out of date: run packaging/make_icons.py", file=sys.stderr)
        return 1 if stale else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (args.out / name).write_bytes(data)
        print(f"wrote {args.out / name} ({len(data)} bytes)")
    if args.sheet:
        args.sheet.mkdir(parents=True, exist_ok=True)
        contact_sheet().convert("RGB").save(args.sheet / "contact-sheet.png")
        print(f"wrote {args.sheet / 'contact-sheet.png'}")
    return 0


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


if __name__ == "__main__":
    sys.exit(main())
