"""The records' own rules: the answer to "felt it where?"."""

from __future__ import annotations

import pytest

from deskbreak.core.records import felt_places


def test_each_place_counts_once_in_the_order_given() -> None:
    assert felt_places(("hips", "low back", "hips")) == ("hips", "low back")
    assert felt_places(()) == ()


def test_nowhere_stands_alone_and_gives_way_to_a_named_place() -> None:
    assert felt_places(("nowhere",)) == ("nowhere",)
    assert felt_places(("nowhere", "neck", "nowhere")) == ("neck",)


def test_an_unknown_place_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="'knees'; choose from hips"):
        felt_places(("hips", "knees"))
