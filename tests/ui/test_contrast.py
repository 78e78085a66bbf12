"""Both palettes: every text colour pair reads at WCAG AA (4.5:1) or better (ui/theme.py)."""

from __future__ import annotations

import pytest

from deskbreak.ui import theme


@pytest.mark.parametrize("pal", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_every_text_pair_has_contrast_of_at_least_4_5(pal: theme.Palette) -> None:
    low = {
        name: round(theme.contrast(fg, bg), 2)
        for name, (fg, bg) in theme.text_pairs(pal).items()
        if theme.contrast(fg, bg) < 4.5
    }
    assert low == {}


def test_the_contrast_formula() -> None:
    assert theme.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert theme.contrast("#ffffff", "#6a9fb5") == pytest.approx(2.9, abs=0.05)  # the old blue
