"""The log's schema and its forward migrations, one numbered step per version.

A migration never changes a step that has shipped: a new version appends a step. All
pending steps run in one transaction, so a crash mid-way leaves the previous version.
"""

from __future__ import annotations

import sqlite3

V1 = """
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version (version) VALUES (0);
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    started TEXT NOT NULL,          -- ISO 8601 local time with its UTC offset
    ended TEXT NOT NULL,
    routine TEXT NOT NULL,
    trigger TEXT NOT NULL,          -- tray | prompt | ritual | command
    outcome TEXT NOT NULL           -- completed | stopped | stopped_for_pain
);
CREATE TABLE session_movements (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    movement_id TEXT NOT NULL,
    variant TEXT NOT NULL,
    completed INTEGER NOT NULL,
    seconds REAL NOT NULL,
    pain_stop INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, position)
);
CREATE TABLE comfort (
    session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
    rating INTEGER CHECK (rating IN (1, 2, 3)),
    felt_in TEXT NOT NULL DEFAULT '[]'   -- JSON list of places
);
CREATE TABLE day_sitting (
    day TEXT PRIMARY KEY,           -- local date, YYYY-MM-DD
    sitting_seconds REAL NOT NULL DEFAULT 0,
    longest_spell_seconds REAL NOT NULL DEFAULT 0,
    natural_breaks INTEGER NOT NULL DEFAULT 0,
    prompts_shown INTEGER NOT NULL DEFAULT 0,
    prompts_accepted INTEGER NOT NULL DEFAULT 0,
    prompts_snoozed INTEGER NOT NULL DEFAULT 0,
    prompts_skipped INTEGER NOT NULL DEFAULT 0
);
"""

# v2: the local day and the seconds moved live on the session row, indexed, so a
# decade of stats is one GROUP BY over an index instead of a join over every movement.
V2 = """
ALTER TABLE sessions ADD COLUMN day TEXT;
ALTER TABLE sessions ADD COLUMN seconds_moving REAL NOT NULL DEFAULT 0;
UPDATE sessions SET
    day = substr(started, 1, 10),
    seconds_moving = (SELECT COALESCE(SUM(seconds), 0) FROM session_movements
                      WHERE session_id = sessions.id);
CREATE INDEX sessions_by_day ON sessions (day, seconds_moving);
CREATE INDEX movements_by_id ON session_movements (movement_id, seconds);
"""

# v3: running totals per day and per movement, kept by triggers inside each write's own
# transaction, so the stats read a few thousand rows, not every movement ever logged.
V3 = """
CREATE TABLE day_totals (
    day TEXT PRIMARY KEY,
    breaks INTEGER NOT NULL,
    seconds_moving REAL NOT NULL
) WITHOUT ROWID;
INSERT INTO day_totals (day, breaks, seconds_moving)
    SELECT day, COUNT(*), TOTAL(seconds_moving) FROM sessions GROUP BY day;
CREATE TABLE movement_totals (
    movement_id TEXT PRIMARY KEY,
    seconds REAL NOT NULL
) WITHOUT ROWID;
INSERT INTO movement_totals (movement_id, seconds)
    SELECT movement_id, TOTAL(seconds) FROM session_movements GROUP BY movement_id;
CREATE TRIGGER day_totals_add AFTER INSERT ON sessions BEGIN
    INSERT INTO day_totals (day, breaks, seconds_moving) VALUES (NEW.day, 1, NEW.seconds_moving)
    ON CONFLICT (day) DO UPDATE SET breaks = breaks + 1,
        seconds_moving = seconds_moving + excluded.seconds_moving;
END;
CREATE TRIGGER day_totals_remove AFTER DELETE ON sessions BEGIN
    UPDATE day_totals SET breaks = breaks - 1, seconds_moving = seconds_moving - OLD.seconds_moving
    WHERE day = OLD.day;
END;
CREATE TRIGGER movement_totals_add AFTER INSERT ON session_movements BEGIN
    INSERT INTO movement_totals (movement_id, seconds) VALUES (NEW.movement_id, NEW.seconds)
    ON CONFLICT (movement_id) DO UPDATE SET seconds = seconds + excluded.seconds;
END;
CREATE TRIGGER movement_totals_remove AFTER DELETE ON session_movements BEGIN
    UPDATE movement_totals SET seconds = seconds - OLD.seconds WHERE movement_id = OLD.movement_id;
END;
"""

MIGRATIONS: tuple[str, ...] = (V1, V2, V3)
CURRENT = len(MIGRATIONS)


class NewerSchemaError(Exception):
    """The file was written by a newer deskbreak; we must not touch it."""


def version(conn: sqlite3.Connection) -> int:
    """The file's schema version; 0 for an empty (new) database. Reads only."""
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not has_table:
        return 0
    row = conn.execute("SELECT version FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: sqlite3.Connection, target: int = CURRENT) -> int:
    """Bring ``conn`` (in autocommit mode) forward to ``target`` in one transaction.

    Returns the version found. Raises :class:`NewerSchemaError` before writing anything
    when the file is newer than this deskbreak knows.
    """
    found = version(conn)
    if found > CURRENT:
        raise NewerSchemaError(
            f"the log was written by a newer deskbreak (schema {found}, this one knows up to "
            f"{CURRENT}); it was left unchanged — update deskbreak to use it"
        )
    if found >= target:
        return found
    conn.execute("BEGIN IMMEDIATE")
    try:
        for number in range(found + 1, target + 1):
            for statement in _statements(MIGRATIONS[number - 1]):
                conn.execute(statement)
            conn.execute("UPDATE schema_version SET version = ?", (number,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return found


def _statements(script: str) -> list[str]:
    """Split a script on complete statements (``executescript`` would commit for us)."""
    out, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            out.append(buffer.strip())
            buffer = ""
    return [s for s in out if s]
