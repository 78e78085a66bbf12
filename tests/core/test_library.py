"""Every shipped movement against the rules of the library."""

from __future__ import annotations

from pathlib import Path

import pytest

from deskbreak.core.library import Library, library_from_entries, load_library
from deskbreak.core.movements import Phase, Posture, Region

LIB = load_library()
BASE = LIB.base_movements()


def test_the_shipped_library_loads_without_problems() -> None:
    assert LIB.problems == ()
    assert len(BASE) >= 24


@pytest.mark.parametrize(
    ("region", "least"),
    [
        (Region.HIPS, 8),
        (Region.MID_BACK, 8),
        (Region.GLUTES, 3),
        (Region.CORE, 3),
        (Region.FEET, 3),
    ],
)
def test_region_coverage(region: Region, least: int) -> None:
    assert sum(region in m.regions for m in BASE) >= least


@pytest.mark.parametrize("phase", list(Phase))
def test_each_phase_has_six(phase: Phase) -> None:
    assert sum(m.phase is phase for m in BASE) >= 6


def test_sixteen_need_only_a_chair_and_a_desk() -> None:
    plain = [
        m
        for m in BASE
        if m.posture is not Posture.FLOOR and m.figure and set(m.figure.props) <= {"chair", "desk"}
    ]
    assert len(plain) >= 16


@pytest.mark.parametrize("movement", LIB.movements.values(), ids=lambda m: m.id)
def test_every_movement_follows_the_rules(movement) -> None:  # type: ignore[no-untyped-def]
    assert 2 <= len(movement.cues) <= 3
    breath = movement.breath
    if movement.phase is Phase.SOFTEN:
        assert breath.inhale_seconds is None and breath.exhale_seconds is None
    else:
        assert breath.inhale_seconds and breath.exhale_seconds
    if movement.phase is Phase.STRENGTHEN:
        assert breath.hold_seconds == 0
        assert breath.exhale_seconds <= 3 and "5–7" in movement.effort
    if movement.phase is Phase.ORGANIZE:
        assert "3–5" in movement.effort
    assert breath.hold_seconds <= 2
    for linked in (movement.easier, movement.harder):
        assert linked is None or linked in LIB
    assert movement.figure is not None
    if "mat" in movement.figure.props or movement.posture is Posture.FLOOR:
        assert movement.posture is Posture.FLOOR and "mat" in movement.figure.props


def test_every_base_movement_has_a_variant() -> None:
    assert all(m.easier or m.harder for m in BASE)


def raw_entry(**changes: object) -> dict[str, object]:
    entry: dict[str, object] = {
        "id": "test-move",
        "name": "Test move",
        "phase": "strengthen",
        "regions": ["hips"],
        "posture": "standing",
        "purpose": "Testing.",
        "cues": ["One.", "Two."],
        "dose": {"kind": "reps", "count": 5},
        "breath": {"inhale": "down", "exhale": "up", "inhale_seconds": 3, "exhale_seconds": 3},
    }
    entry.update(changes)
    return entry


def test_a_broken_entry_is_reported_and_left_out() -> None:
    """Each field's own rules are tested in test_movement_entry; here, what the library does."""
    good = raw_entry(id="good-move")
    lib = library_from_entries([good, raw_entry(cues=["only one"])])
    assert list(lib.movements) == ["good-move"]
    assert [(p.movement_id, p.field) for p in lib.problems] == [("test-move", "cues")]


def test_a_dangling_variant_link_is_removed_and_reported() -> None:
    lib = library_from_entries([raw_entry(easier="nowhere")])
    assert lib["test-move"].easier is None
    assert lib.problems[0].field == "easier"


def test_a_variant_copies_its_base_and_links_back() -> None:
    lib = library_from_entries(
        [
            raw_entry(easier="test-easy"),
            {"id": "test-easy", "variant_of": "test-move", "name": "Easy"},
        ]
    )
    assert lib["test-easy"].cues == lib["test-move"].cues
    assert lib["test-easy"].harder == "test-move"
    assert [m.id for m in lib.base_movements()] == ["test-move"]


def test_an_unreadable_file_gives_an_empty_library(tmp_path: Path) -> None:
    bad = tmp_path / "m.toml"
    bad.write_text("[[movement]\n")
    lib = load_library(bad)
    assert isinstance(lib, Library) and not lib.movements and lib.problems
