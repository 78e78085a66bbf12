"""`deskbreak stats`, `export` and `import` through the real command line."""

from __future__ import annotations

import json
import sqlite3
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from deskbreak import cli
from deskbreak.core.records import (
    Comfort,
    DaySitting,
    MovementRecord,
    Outcome,
    SessionRecord,
    Trigger,
)
from deskbreak.shell import paths, store_schema
from deskbreak.shell.store import Store

TODAY = datetime.now().astimezone().date()


def record(days_ago: int, *, comfort: Comfort | None = None, moves: int = 2) -> SessionRecord:
    day = TODAY - timedelta(days=days_ago)
    tz = timezone(timedelta(hours=-5)) if days_ago % 2 else timezone(timedelta(hours=2))
    start = datetime(day.year, day.month, day.day, 9, 30, 15, 250000, tzinfo=tz)
    return SessionRecord(
        id=str(uuid.uuid4()),
        started=start,
        ended=start + timedelta(minutes=6, seconds=3.5),
        routine_id="quick-reset",
        trigger=list(Trigger)[days_ago % 4],
        outcome=list(Outcome)[days_ago % 3],
        movements=tuple(
            MovementRecord(
                f"move-{i}", ("base", "easier", "harder")[i % 3], i % 2 == 0, 30.0 + i / 3, i == 1
            )
            for i in range(moves)
        ),
        comfort=comfort,
        felt_in=("hips", "low back") if comfort else (),
    )


@pytest.fixture
def logged() -> tuple[list[SessionRecord], list[DaySitting]]:
    sessions = [
        record(i, comfort=Comfort(1 + i % 3) if i % 4 else None, moves=i % 4) for i in range(12)
    ]
    days = [
        DaySitting(TODAY - timedelta(days=i), 3600.0 * i, 900.5, i, i + 3, 2, 1, 0)
        for i in range(5)
    ]
    store = Store.for_paths(paths.resolve())
    for s in sessions:
        store.add_session(s)
    for d in days:
        store.record_day(d)
    store.close()
    return sessions, days


def current_log() -> tuple[list[SessionRecord], list[DaySitting]]:
    store = Store.for_paths(paths.resolve())
    try:
        return store.export_rows()
    finally:
        store.close()


def by_id(sessions: list[SessionRecord]) -> list[SessionRecord]:
    return sorted(sessions, key=lambda s: s.id)


def test_stats_table(logged: object, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["stats"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Today ")
    # Days 0, 4 and 8 only had breaks with no movement: they break the streak.
    assert "This week" in out and "Day streak   3 days (best 3)" in out
    assert "All time     12 breaks" in out


def test_stats_json_parses(logged: object, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["stats", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["today"]["day"] == TODAY.isoformat()
    assert figures["day_streak"] == {"current": 3, "best": 3}  # see test_stats_table
    assert figures["total_breaks"] == 12
    assert len(figures["heat"]) == 84
    assert figures["prompts"]["shown"] == 3 + 4 + 5 + 6 + 7


def test_stats_on_an_empty_log(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total_breaks"] == 0


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_import_round_trip(
    logged: tuple[list[SessionRecord], list[DaySitting]],
    fmt: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    sessions, days = logged
    out = tmp_path / f"log.{fmt}"
    assert cli.main(["export", "--format", fmt, "-o", str(out)]) == 0
    assert out.stat().st_mode & 0o777 == 0o600

    assert cli.main(["--data-dir", str(tmp_path / "fresh"), "import", str(out)]) == 0
    assert "Imported 12 breaks" in capsys.readouterr().out
    fresh = Store.open(tmp_path / "fresh" / "deskbreak.sqlite3")
    assert by_id(fresh.sessions()) == by_id(sessions)
    assert fresh.days() == (sorted(days, key=lambda d: d.day) if fmt == "json" else [])
    fresh.close()

    # Importing twice adds nothing, into the fresh log or the original one.
    assert cli.main(["--data-dir", str(tmp_path / "fresh"), "import", str(out)]) == 0
    assert cli.main(["import", str(out)]) == 0
    assert "Imported 0 breaks and 0 days" in capsys.readouterr().out
    assert by_id(current_log()[0]) == by_id(sessions)


def test_export_to_stdout(
    logged: tuple[list[SessionRecord], list[DaySitting]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["export", "--format", "json", "-o", "-"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["format"] == "deskbreak-log" and len(document["sessions"]) == 12
    assert cli.main(["export", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("session_id,started,ended")
    assert len(lines) == 1 + sum(max(1, len(s.movements)) for s in logged[0])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x89PNG\x00\xff\xfe", "not a text file"),
        (b"{not json", "not valid JSON"),
        (b'{"format": "other"}', "not a deskbreak export"),
        (b"a,b,c\n1,2,3\n", "not a deskbreak export"),
        (
            b'{"format": "deskbreak-log", "version": 1, "sessions": [{"id": "x"}]}',
            "break 1 ('x') can't be read: started must be a date",
        ),
        (b'{"format": "deskbreak-log", "version": 9}', "newer deskbreak"),
    ],
)
def test_bad_import_file(
    tmp_path: Path, content: bytes, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad"
    bad.write_bytes(content)
    assert cli.main(["import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.startswith("deskbreak import: ")
    assert current_log() == ([], [])


def test_missing_import_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["import", str(tmp_path / "nope.json")]) == 2
    assert "can't read" in capsys.readouterr().err


def test_stats_refuses_a_newer_log(capsys: pytest.CaptureFixture[str]) -> None:
    db = paths.resolve().database
    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db, isolation_level=None)
    store_schema.migrate(conn)
    conn.execute("UPDATE schema_version SET version = 99")
    conn.close()
    assert cli.main(["stats"]) == 2
    err = capsys.readouterr().err
    assert "newer deskbreak" in err


@pytest.mark.gui
def test_stats_window_opens_and_closes(logged: object, monkeypatch: pytest.MonkeyPatch) -> None:
    import tkinter as tk

    seen: list[str] = []

    def fake_mainloop(root: tk.Tk, n: int = 0) -> None:
        root.update()
        (top,) = root.winfo_children()
        assert isinstance(top, tk.Toplevel)
        seen.append(top.title())
        top.event_generate("<Escape>")
        root.update()

    monkeypatch.setattr(tk.Tk, "mainloop", fake_mainloop)
    assert cli.main(["stats", "--window"]) == 0
    assert seen == ["deskbreak — Progress"]
