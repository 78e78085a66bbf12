from __future__ import annotations

import pytest

from deskbreak.ui.progress_canvas import blend, minutes_text


def test_blend() -> None:
    assert blend("#000000", "#ffffff", 0.5) == "#808080"
    assert blend("#102030", "#102030", 0.3) == "#102030"


@pytest.mark.parametrize(
    ("value", "text"), [(0.0, "0"), (0.3, "0.3"), (2.5, "2.5"), (3.0, "3"), (12.4, "12")]
)
def test_minutes_text(value: float, text: str) -> None:
    assert minutes_text(value) == text
