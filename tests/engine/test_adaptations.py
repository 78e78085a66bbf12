"""The app's adaptations: read from the log, a progression undone per movement, advice."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from deskbreak.core.library import load_library
from deskbreak.core.records import SessionRecord, Trigger
from deskbreak.engine import adaptations
from deskbreak.shell import paths as app_paths
from deskbreak.shell.store import Store
from tests.core.logged import DAY0, logged_break

LIB = load_library()


def _session(n: int, movement: str, *, pain: bool = False) -> SessionRecord:
    return logged_break(n, movement, pain=pain, routine_id="daily-ritual", trigger=Trigger.RITUAL)


def test_a_progression_is_listed_and_can_be_undone(tmp_path: Path) -> None:
    where = app_paths.resolve(config_dir=tmp_path / "c", data_dir=tmp_path / "d")
    store = Store.for_paths(where)
    for n in (0, 3, 7, 8):
        store.add_session(_session(n, "calf-raise"))
    today = date(2026, 3, 12)
    rows = adaptations.progressions(LIB, store, where, today)
    assert [row[0] for row in rows] == ["calf-raise"] and "2 more reps" in rows[0][2]
    adaptations.undo_progression(where, "calf-raise", DAY0 + timedelta(days=9))
    assert adaptations.progressions(LIB, store, where, today) == []
    assert "calf-raise" in adaptations.undone_at(where)
    store.close()


def test_pain_on_three_movements_gives_advice(tmp_path: Path) -> None:
    where = app_paths.resolve(config_dir=tmp_path / "c", data_dir=tmp_path / "d")
    store = Store.for_paths(where)
    for n, movement in enumerate(("desk-squat", "y-raise", "chin-tuck")):
        store.add_session(_session(n, movement, pain=True))
    found = adaptations.advice(LIB, store, where, date(2026, 3, 5))
    assert found is not None and "clinician" in found
    store.close()
