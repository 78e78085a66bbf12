"""The completion log: migrations, faults, file modes, crash safety."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from deskbreak.core import log_summary
from deskbreak.core.records import (
    Comfort,
    DaySitting,
    MovementRecord,
    Outcome,
    SessionRecord,
    Trigger,
)
from deskbreak.shell import backup, store_schema
from deskbreak.shell.store import Store

TZ = timezone(timedelta(hours=1))
TODAY = date.today()


def make_session(
    day: date, hour: int = 10, n: int = 2, comfort: Comfort | None = None
) -> SessionRecord:
    started = datetime(day.year, day.month, day.day, hour, 0, tzinfo=TZ)
    return SessionRecord(
        id=str(uuid.uuid4()),
        started=started,
        ended=started + timedelta(minutes=4),
        routine_id="quick-reset",
        trigger=Trigger.PROMPT,
        outcome=Outcome.COMPLETED,
        movements=tuple(MovementRecord(f"move-{i}", "base", True, 40.0 + i) for i in range(n)),
        comfort=comfort,
        felt_in=("hips", "mid-back") if comfort else (),
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "deskbreak.sqlite3"


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    s = Store.open(db, backup_dir=db.parent / "backups")
    yield s
    s.close()


def test_round_trip_and_idempotent_add(store: Store) -> None:
    first = make_session(TODAY - timedelta(days=3), comfort=Comfort.SOME_DISCOMFORT)
    second = SessionRecord(
        id=str(uuid.uuid4()),
        started=datetime(2026, 3, 29, 3, 30, tzinfo=timezone(timedelta(hours=2))),
        ended=datetime(2026, 3, 29, 3, 41, tzinfo=timezone(timedelta(hours=2))),
        routine_id="daily-ritual",
        trigger=Trigger.RITUAL,
        outcome=Outcome.PAIN_STOP,
        movements=(MovementRecord("bird-dog", "harder", False, 12.5, pain_stop=True),),
    )
    assert store.add_session(first) and store.add_session(second)
    assert store.add_session(first)  # the same id again adds nothing
    assert sorted(store.sessions(), key=lambda s: s.id) == sorted(
        [first, second], key=lambda s: s.id
    )
    assert store.sessions(since=TODAY - timedelta(days=3)) == [first]
    store.record_day(DaySitting(TODAY, 100.0, 50.0, 1, 2, 1, 1, 0))
    store.record_day(DaySitting(TODAY, 200.0, 60.0, 2, 3, 1, 1, 1))
    assert store.days() == [DaySitting(TODAY, 200.0, 60.0, 2, 3, 1, 1, 1)]
    assert store.days(since=TODAY + timedelta(days=1)) == []


def test_sql_summary_matches_the_pure_one(store: Store) -> None:
    records = [
        make_session(
            TODAY - timedelta(days=i % 20), hour=8 + i % 9, n=1 + i % 3, comfort=Comfort(1 + i % 3)
        )
        for i in range(60)
    ]
    # A break skipped through (nothing completed) on a day of its own: not a day moved.
    idle_day = make_session(TODAY - timedelta(days=25))
    records.append(
        replace(idle_day, movements=tuple(replace(m, completed=False) for m in idle_day.movements))
    )
    for r in records:
        store.add_session(r)
    store.record_day(DaySitting(TODAY, 3600, 1800, 2, 5, 3, 1, 1))
    from_sql = store.summary(today=TODAY)
    assert [d.moved for d in from_sql.days].count(False) == 1
    pure = log_summary.summarize(store.sessions(), store.days())
    assert from_sql.days == pure.days
    assert from_sql.movement_seconds == pytest.approx(pure.movement_seconds)
    assert from_sql.sittings == pure.sittings
    assert from_sql.prompts == log_summary.prompt_totals(pure.sittings)
    assert sorted(from_sql.ratings, key=repr) == sorted(pure.ratings, key=repr)


def test_sql_ritual_days_match_the_pure_ones(store: Store) -> None:
    from dataclasses import replace

    for days_ago, trigger, outcome in (
        (1, Trigger.RITUAL, Outcome.COMPLETED),
        (2, Trigger.RITUAL, Outcome.STOPPED),
        (3, Trigger.PROMPT, Outcome.COMPLETED),
    ):
        base = make_session(TODAY - timedelta(days=days_ago))
        store.add_session(
            replace(base, routine_id="daily-ritual", trigger=trigger, outcome=outcome)
        )
    store.add_session(make_session(TODAY))
    from_sql = store.summary(today=TODAY)
    assert from_sql.ritual_days == log_summary.summarize(store.sessions()).ritual_days
    assert from_sql.ritual_days == (TODAY - timedelta(days=3), TODAY - timedelta(days=1))


# -- migrations ---------------------------------------------------------------------

V1_ROWS = """
INSERT INTO sessions VALUES ('s1', '2025-12-31T23:30:00+01:00', '2025-12-31T23:36:00+01:00',
                             'wind-down', 'tray', 'completed');
INSERT INTO session_movements VALUES ('s1', 0, 'cat-cow', 'base', 1, 60.0, 0);
INSERT INTO session_movements VALUES ('s1', 1, 'hip-hinge', 'easier', 0, 20.0, 0);
INSERT INTO comfort VALUES ('s1', 1, '["hips"]');
INSERT INTO day_sitting VALUES ('2025-12-31', 20000, 3000, 4, 3, 1, 1, 1);
"""


@pytest.mark.parametrize("start", range(store_schema.CURRENT))
def test_migrates_from_every_earlier_version(db: Path, start: int) -> None:
    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db, isolation_level=None)
    if start >= 1:  # rows written by version 1, the file then left at version ``start``
        store_schema.migrate(conn, target=1)
        conn.executescript(V1_ROWS)
    store_schema.migrate(conn, target=start)
    conn.close()

    store = Store.open(db)
    assert store.messages == []
    assert store_schema.version(store.connection.require()) == store_schema.CURRENT
    if start >= 1:
        (s,) = store.sessions()
        assert s.id == "s1" and s.started.isoformat() == "2025-12-31T23:30:00+01:00"
        assert [m.movement_id for m in s.movements] == ["cat-cow", "hip-hinge"]
        assert (s.comfort, s.felt_in) == (Comfort.FELT_GOOD, ("hips",))
        summary = store.summary(today=date(2026, 1, 1))
        assert summary.days == (log_summary.DayActivity(date(2025, 12, 31), 1, 80.0),)
        assert summary.movement_seconds == {"cat-cow": 60.0, "hip-hinge": 20.0}
        assert summary.prompts == log_summary.Prompts(3, 1, 1, 1)
        store.add_session(make_session(date(2025, 12, 31), n=1))  # totals keep up
        assert store.summary(today=date(2026, 1, 1)).days[0].breaks == 2
        assert store.days()[0].natural_breaks == 4
    assert store.integrity() == "ok"
    store.close()


def test_newer_database_is_refused_and_left_unchanged(db: Path) -> None:
    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db, isolation_level=None)
    store_schema.migrate(conn)
    conn.execute("UPDATE schema_version SET version = ?", (store_schema.CURRENT + 1,))
    conn.close()
    before = db.read_bytes()

    store = Store.open(db)
    assert store.refused and not store.writable
    assert any("newer deskbreak" in m for m in store.messages)
    record = make_session(TODAY)
    assert store.add_session(record) is False
    assert store.pending == 1 and store.sessions() == [record]  # kept in memory
    store.close()
    assert db.read_bytes() == before
    assert sorted(p.name for p in db.parent.iterdir()) == [db.name]


# -- faults -------------------------------------------------------------------------


def _log_with_backup(db: Path) -> tuple[list[SessionRecord], SessionRecord]:
    store = Store.open(db, backup_dir=db.parent / "backups")
    kept = [make_session(TODAY - timedelta(days=i), n=3) for i in range(200)]
    for r in kept:
        store.add_session(r)
    store.backup_daily(today=TODAY - timedelta(days=1))
    late = make_session(TODAY)
    store.add_session(late)
    store.close()
    return kept, late


def _expect_restored(db: Path, kept: list[SessionRecord]) -> None:
    store = Store.open(db, backup_dir=db.parent / "backups")
    store.summary()  # a truncated file may only fail on reading
    (message,) = store.messages
    assert "damaged" in message and f"corrupt-{date.today().isoformat()}" in message
    assert f"deskbreak-{(TODAY - timedelta(days=1)).isoformat()}" in message
    assert (db.parent / f"{db.name}.corrupt-{date.today().isoformat()}").exists()
    assert {s.id for s in store.sessions()} == {s.id for s in kept}
    assert store.integrity() == "ok"
    assert store.add_session(make_session(TODAY))  # and it is writable again
    store.close()


def test_garbage_file_is_moved_aside_and_backup_restored(db: Path) -> None:
    kept, _ = _log_with_backup(db)
    db.write_bytes(b"this is not a database at all" * 100)
    _expect_restored(db, kept)


def test_truncated_file_is_moved_aside_and_backup_restored(db: Path) -> None:
    kept, _ = _log_with_backup(db)
    size = db.stat().st_size
    with db.open("r+b") as f:
        f.truncate(size // 3)
    _expect_restored(db, kept)


def test_damaged_file_without_backup_starts_a_new_log(db: Path) -> None:
    db.parent.mkdir(parents=True)
    db.write_bytes(b"\x00garbage" * 512)
    store = Store.open(db)
    assert "no backup" in store.messages[0]
    assert store.sessions() == [] and store.add_session(make_session(TODAY))
    store.close()


def test_unwritable_data_dir_keeps_entries_in_memory_then_writes_them(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    db = blocker / "deskbreak.sqlite3"
    store = Store.open(db)
    assert not store.writable
    assert "can't write its log" in store.messages[0] and "kept in memory" in store.messages[0]
    records = [make_session(TODAY, hour=9), make_session(TODAY, hour=11)]
    assert [store.add_session(r) for r in records] == [False, False]
    store.record_day(DaySitting(TODAY, 60.0))
    assert store.pending == 3 and store.sessions() == records
    assert store.summary(today=TODAY).days[0].breaks == 2

    blocker.unlink()  # the user fixed the folder
    assert store.flush() is True and store.pending == 0 and store.writable
    assert "saved" in store.messages[-1]
    store.close()
    again = Store.open(db)
    assert {s.id for s in again.sessions()} == {r.id for r in records}
    assert again.days() == [DaySitting(TODAY, 60.0)]
    again.close()


def test_full_disk_keeps_entries_in_memory_then_writes_them(store: Store) -> None:
    conn = store.connection.require()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full from here on
    big = make_session(TODAY, n=400)
    assert store.add_session(big) is False
    assert "can't write" in store.messages[-1] and store.pending == 1
    assert store.sessions() == [big]
    conn.execute("PRAGMA max_page_count = 1000000")  # space was freed
    assert store.flush() and store.pending == 0
    assert store.sessions() == [big]


READ_ONLY_SCRIPT = """
import json, sys, uuid
from datetime import datetime
from pathlib import Path
from deskbreak.core.records import SessionRecord, Trigger, Outcome
from deskbreak.shell.store import Store
now = datetime.now().astimezone()
store = Store.open(Path(sys.argv[1]))
record = SessionRecord(str(uuid.uuid4()), now, now, "quick-reset", Trigger.TRAY, Outcome.COMPLETED)
ok = store.add_session(record)
print(json.dumps({"ok": ok, "pending": store.pending, "messages": store.messages,
                  "seen": [s.id == record.id for s in store.sessions()]}))
"""


def test_read_only_data_dir_gives_a_message_and_keeps_running(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed = Store.open(data / "deskbreak.sqlite3")
    seed.add_session(make_session(TODAY))
    seed.close()
    data.chmod(0o500)
    (data / "deskbreak.sqlite3").chmod(0o400)
    command = [sys.executable, "-c", READ_ONLY_SCRIPT, str(data / "deskbreak.sqlite3")]
    if os.geteuid() == 0:  # root ignores file modes unless it gives up its capabilities
        command = ["setpriv", "--inh-caps=-all", "--bounding-set=-all", "--", *command]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    finally:
        data.chmod(0o700)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["ok"] is False and out["pending"] == 1
    assert out["seen"] == [False, True]  # what was on disk is still shown, the new one too
    assert any("can't write its log" in m for m in out["messages"]), out["messages"]


def test_files_are_private(store: Store, db: Path) -> None:
    store.add_session(make_session(TODAY))
    copy = store.backup_daily()
    assert copy is not None and store.backup_daily() is None  # once a day
    for path in (db, db.with_name(db.name + "-wal"), copy):
        assert path.stat().st_mode & 0o777 == 0o600, path
    for folder in (db.parent, copy.parent):
        assert folder.stat().st_mode & 0o777 == 0o700, folder


def test_backups_keep_the_newest_seven(store: Store, db: Path) -> None:
    store.add_session(make_session(TODAY))
    for i in range(10):
        store.backup_daily(today=date(2026, 1, 1) + timedelta(days=i))
    names = [p.name for p in backup.backups(db.parent / "backups")]
    assert names == [f"deskbreak-2026-01-{d:02d}.sqlite3" for d in range(10, 3, -1)]


WRITER_SCRIPT = """
import sys, uuid
from datetime import datetime, timedelta
from pathlib import Path
from deskbreak.core.records import MovementRecord, SessionRecord, Trigger, Outcome
from deskbreak.shell.store import Store
store = Store.open(Path(sys.argv[1]))
start = datetime.now().astimezone()
i = 0
while True:
    i += 1
    record = SessionRecord(str(uuid.uuid4()), start, start + timedelta(minutes=4), "quick-reset",
                           Trigger.PROMPT, Outcome.COMPLETED,
                           tuple(MovementRecord(f"m{j}", "base", True, 30.0) for j in range(8)))
    if store.add_session(record):
        print(record.id, flush=True)
"""


def test_sigkill_mid_write_loses_no_committed_entry(db: Path) -> None:
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER_SCRIPT, str(db)], stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout is not None
    committed = [writer.stdout.readline().strip() for _ in range(150)]
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    committed += [line.strip() for line in writer.stdout if line.strip()]

    store = Store.open(db)
    assert store.messages == []
    assert store.integrity() == "ok"
    found = store.sessions()
    assert set(committed) <= {s.id for s in found}
    assert all(len(s.movements) == 8 for s in found)  # no half-written break
    store.close()
