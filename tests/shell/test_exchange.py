"""Export and import of the log: what goes out in JSON or CSV comes back the same, once."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from deskbreak.core.records import (
    Comfort,
    DaySitting,
    MovementRecord,
    Outcome,
    SessionRecord,
    Trigger,
)
from deskbreak.shell import exchange
from deskbreak.shell.exchange import CSV_FIELDS, BadExport, Parsed, parse, to_csv, to_json
from deskbreak.shell.store import Store

BERLIN_SUMMER = timezone(timedelta(hours=2))


def sessions() -> list[SessionRecord]:
    """Breaks that use every field: zones, no movements, no rating, several body areas."""
    start = datetime(2026, 6, 1, 9, 30, 15, 250000, tzinfo=BERLIN_SUMMER)
    return [
        SessionRecord(
            id="b1",
            started=start,
            ended=start + timedelta(minutes=3, seconds=2.5),
            routine_id="quick-reset",
            trigger=Trigger.PROMPT,
            outcome=Outcome.COMPLETED,
            movements=(
                MovementRecord("belly-breathing", "base", True, 30.0),
                MovementRecord("sit-to-stand", "easier", True, 41.333333333333336),
            ),
            comfort=Comfort.FELT_GOOD,
            felt_in=("hips", "low back"),
        ),
        SessionRecord(
            id="b2",
            started=start + timedelta(days=1),
            ended=start + timedelta(days=1, minutes=1),
            routine_id="hips-midback",
            trigger=Trigger.TRAY,
            outcome=Outcome.PAIN_STOP,
            movements=(MovementRecord("split-squat", "harder", False, 12.0, pain_stop=True),),
        ),
        SessionRecord(
            id="b3",
            started=datetime(2026, 6, 3, 23, 50, tzinfo=UTC),
            ended=datetime(2026, 6, 4, 0, 5, tzinfo=UTC),  # across midnight
            routine_id="wind-down",
            trigger=Trigger.COMMAND,
            outcome=Outcome.STOPPED,
            comfort=Comfort.SHARP_PAIN,
            felt_in=("neck",),
        ),
    ]


DAYS = [
    DaySitting(date(2026, 6, 1), 14400.0, 3000.5, 3, 4, 2, 1, 1),
    DaySitting(date(2026, 6, 2)),
]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    fresh = Store.open(tmp_path / "fresh" / "deskbreak.sqlite3")
    yield fresh
    fresh.close()


def read(text: str) -> tuple[list[SessionRecord], list[DaySitting]]:
    """The records an export holds; the test fails if any record was refused."""
    parsed = parse(text)
    assert parsed.problems == []
    return parsed.sessions, parsed.days


def problems(text: str) -> Parsed:
    """An export with refused records: what was read, and one line per refused record."""
    parsed = parse(text)
    assert parsed.problems, "a record should have been refused"
    return parsed


def test_json_round_trip_keeps_every_break_and_day() -> None:
    text = to_json(sessions(), DAYS)
    assert read(text) == (sessions(), DAYS)
    document = json.loads(text)
    assert (document["format"], document["version"]) == (exchange.FORMAT, exchange.VERSION)
    assert document["sessions"][0]["comfort"] == "felt_good"
    assert document["sessions"][1]["comfort"] is None
    assert document["sessions"][0]["felt_in"] == ["hips", "low back"]


def test_csv_round_trip_keeps_every_break_but_not_the_days() -> None:
    text = to_csv(sessions())
    assert read(text) == (sessions(), [])


def test_csv_has_one_row_per_movement_and_one_for_a_break_without_any() -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(sessions()))))
    assert [r["session_id"] for r in rows] == ["b1", "b1", "b2", "b3"]
    assert rows[0]["felt_in"] == "hips;low back"
    assert (rows[2]["completed"], rows[2]["pain_stop"]) == ("0", "1")
    assert [rows[3][f] for f in ("movement_id", "variant", "completed", "seconds")] == [""] * 4
    assert rows[3]["comfort"] == "sharp_pain"


def test_an_empty_log_exports_and_imports_as_nothing() -> None:
    assert read(to_json([], [])) == ([], [])
    assert to_csv([]) == ",".join(CSV_FIELDS) + "\n"
    assert read(to_csv([])) == ([], [])


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_importing_the_same_export_twice_adds_nothing(store: Store, fmt: str) -> None:
    text = to_json(sessions(), DAYS) if fmt == "json" else to_csv(sessions())
    read_sessions, read_days = read(text)
    assert store.import_records(read_sessions, read_days) == (3, 2 if fmt == "json" else 0)
    assert store.import_records(*read(text)) == (0, 0)
    assert sorted(store.sessions(), key=lambda s: s.id) == sessions()


def test_an_import_keeps_the_days_already_logged(store: Store) -> None:
    logged_here = DaySitting(date(2026, 6, 1), 60.0)
    store.record_day(logged_here)
    assert store.import_records(*read(to_json([], DAYS))) == (0, 1)
    assert store.days() == [logged_here, DAYS[1]]


def test_an_export_read_back_exports_the_same_text() -> None:
    exported = to_json(sessions(), DAYS)
    once = to_json(*read(exported))  # times come back in UTC: the same instants
    assert read(once) == read(exported)
    assert to_json(*read(once)) == once
    csv_once = to_csv(read(to_csv(sessions()))[0])
    assert to_csv(read(csv_once)[0]) == csv_once


def test_a_byte_order_mark_and_blank_lines_before_the_text_are_ignored() -> None:
    assert read("\ufeff\n  " + to_json(sessions(), DAYS)) == (sessions(), DAYS)
    assert read("\ufeff" + to_csv(sessions())) == (sessions(), [])


def test_json_accepts_comfort_as_its_number_and_felt_in_as_text() -> None:
    document = json.loads(to_json(sessions()[:1], []))
    document["sessions"][0]["comfort"] = 2
    document["sessions"][0]["felt_in"] = "hips;neck"
    [record], _ = read(json.dumps(document))
    assert record.comfort is Comfort.SOME_DISCOMFORT
    assert record.felt_in == ("hips", "neck")


def test_json_without_days_or_sessions_is_an_empty_export() -> None:
    assert read('{"format": "deskbreak-log", "version": 1}') == ([], [])


@pytest.mark.parametrize(
    "text, says",
    [
        ("", "the file is empty"),
        (" \n\t\ufeff", "the file is empty"),
        ('{"format": "deskbreak-log", "version": 1,', "not valid JSON"),
        ('{"format": "something-else", "version": 1}', "not a deskbreak export"),
        ("[1, 2, 3]", "not a deskbreak export"),
        ('{"format": "deskbreak-log", "version": 2}', "made by a newer deskbreak"),
        ('{"format": "deskbreak-log"}', "export version"),
        ("date,minutes\n2026-06-01,5\n", "the first line must be session_id,started"),
    ],
)
def test_files_that_are_not_exports_are_refused(text: str, says: str) -> None:
    with pytest.raises(BadExport) as caught:
        parse(text)
    assert says in str(caught.value)


def test_a_json_break_that_cannot_be_read_is_named_by_its_number() -> None:
    document = json.loads(to_json(sessions(), []))
    del document["sessions"][1]["started"]
    found = problems(json.dumps(document))
    assert [r.id for r in found.sessions] == [s.id for s in sessions() if s.id != sessions()[1].id]
    assert "break 2" in found.problems[0] and "started" in found.problems[0]


def test_a_json_day_that_cannot_be_read_is_named_by_its_number() -> None:
    document = json.loads(to_json([], DAYS))
    document["days"][1]["day"] = "yesterday"
    found = problems(json.dumps(document))
    assert len(found.days) == len(DAYS) - 1 and "day 2" in found.problems[0]


def test_a_csv_line_that_cannot_be_read_is_named_by_its_line() -> None:
    lines = to_csv(sessions()).splitlines()
    lines[2] = lines[2].replace(",1,41.333333333333336,", ",maybe,41.333333333333336,")
    found = problems("\n".join(lines) + "\n")
    assert "line 3" in found.problems[0] and "maybe" in found.problems[0]


def test_a_csv_break_with_a_bad_time_is_named_by_its_id() -> None:
    text = to_csv(sessions()[2:]).replace("2026-06-03T23:50:00+00:00", "late")
    found = problems(text)
    assert found.sessions == [] and "b3" in found.problems[0]


def test_a_csv_break_without_an_id_is_refused() -> None:
    text = to_csv(sessions()[2:]).replace("\nb3,", "\n ,")
    found = problems(text)
    assert found.sessions == [] and "id" in found.problems[0]
