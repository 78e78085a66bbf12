"""Imports checked as whole values (class 2) and exports safe to open (class 3).

Every import field with every bad value: the record is named with its field and left out,
the good records are still imported, the counts printed are true, and what is kept is finite,
non-negative and timezone-aware. On the starting commit NaN seconds were dropped with a false
"already in the log", Infinity was accepted, mixed naive/aware times broke every later break,
and a CSV cell starting with "=" was exported as is.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deskbreak import cli
from deskbreak.core import log_summary, stats
from deskbreak.core.choose import current_adaptations
from deskbreak.core.library import load_library
from deskbreak.core.printable import escape_controls
from deskbreak.core.records import MovementRecord, Outcome, SessionRecord, Trigger
from deskbreak.shell import exchange, paths
from deskbreak.shell.store import Store

BERLIN = timezone(timedelta(hours=1))


def good_session(n: int = 1, **changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": f"id-{n}",
        "started": "2026-03-02T10:00:00+01:00",
        "ended": "2026-03-02T10:04:00+01:00",
        "routine": "quick-reset",
        "trigger": "prompt",
        "outcome": "completed",
        "comfort": "felt_good",
        "felt_in": ["hips"],
        "movements": [
            {
                "movement_id": "cat-cow",
                "variant": "base",
                "completed": True,
                "seconds": 30.0,
                "pain_stop": False,
            }
        ],
    }
    base.update(changes)
    return base


def good_day(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"day": "2026-03-02", "sitting_seconds": 3600.0, "prompts_shown": 2}
    base.update(changes)
    return base


def export(sessions: Any, days: Any = None, **top: Any) -> str:
    document = {"format": "deskbreak-log", "version": 1, "sessions": sessions, "days": days or []}
    document.update(top)
    return json.dumps(document, allow_nan=True)


#: Bad values for any field, and the extra ones each field must refuse.
ANY_BAD = [None, "", [], {}, True, 1e309, math.nan, "x" * 300, {"nested": 1}]
SESSION_BAD: dict[str, list[Any]] = {
    "id": [5, "   "],
    "started": ["yesterday", "2026-13-01T00:00:00", 1700000000, "2026-03-02"],
    "ended": ["2026-03-02T09:00:00+01:00", "2026-03-05T10:00:00+01:00", "soon"],
    "routine": [42],
    "trigger": ["TRAY", "bogus", 1],
    "outcome": ["done", 0],
    "comfort": ["great", 7, -1],
    "felt_in": [5, [1, 2], ["x" * 300]],
    "movements": [5, "cat-cow", [5], [None]],
}
MOVEMENT_BAD: dict[str, list[Any]] = {
    "movement_id": [3],
    "variant": ["hardest", 1],
    "completed": ["yes", 2, -1],
    "seconds": [-3, "Infinity", "NaN", math.inf, -math.inf, "-0.5", 86401, "thirty"],
    "pain_stop": ["maybe", 5],
}
DAY_BAD: dict[str, list[Any]] = {
    "day": ["2026-02-30", "2026-03-02T10:00:00", 20260302],
    "sitting_seconds": [-1, math.inf, "NaN", 10**9],
    "longest_spell_seconds": [-0.1, math.nan],
    "natural_breaks": [-1, 2.5, "many", 10**7],
    "prompts_shown": [-5, 1.5],
    "prompts_accepted": ["x"],
    "prompts_snoozed": [True],
    "prompts_skipped": [math.inf],
}
OPTIONAL = {"comfort", "felt_in", "movements", "pain_stop"}
OK_EMPTY = {  # values that are fine for an optional field
    "comfort": (None, ""),
    "felt_in": (None, "", []),
    "movements": (None, "", []),
    "pain_stop": (None, ""),
}


BOOLEANS = {"completed", "pain_stop"}


def _cases(table: dict[str, list[Any]]) -> list[tuple[str, Any]]:
    """Each field with every value of ANY_BAD (but ``true`` for a flag) and its own bad ones."""
    return [
        (field, value)
        for field, values in table.items()
        for value in [*ANY_BAD, *values]
        if not (field in BOOLEANS and value is True)
    ]


def _expect_left_out(parsed: exchange.Parsed, field: str, value: Any) -> bool:
    """True when the bad record was left out with a message naming ``field``."""
    return len(parsed.problems) == 1 and field.split(".")[-1] in parsed.problems[0]


def check_kept(parsed: exchange.Parsed) -> None:
    """Whatever was kept is usable: aware times in order, finite non-negative figures."""
    for s in parsed.sessions:
        assert s.started.tzinfo is not None and s.ended.tzinfo is not None
        assert s.ended >= s.started
        for m in s.movements:
            assert math.isfinite(m.seconds) and m.seconds >= 0
    for d in parsed.days:
        for name in ("sitting_seconds", "longest_spell_seconds"):
            value = getattr(d, name)
            assert math.isfinite(value) and value >= 0
        assert all(getattr(d, n) >= 0 for n in ("natural_breaks", "prompts_shown"))


def test_every_session_and_movement_field_with_every_bad_value() -> None:
    tried = left_out = accepted = 0
    for field, value in _cases(SESSION_BAD) + [(f"m.{f}", v) for f, v in _cases(MOVEMENT_BAD)]:
        tried += 1
        if field.startswith("m."):
            movement = {**good_session()["movements"][0], field[2:]: value}
            bad = good_session(2, movements=[movement])
        else:
            bad = good_session(2, **{field: value})
        parsed = exchange.parse(export([good_session(1), bad, good_session(3)]))
        check_kept(parsed)
        name = field.removeprefix("m.")
        if name in OK_EMPTY and value in OK_EMPTY[name] and not isinstance(value, float):
            assert [s.id for s in parsed.sessions] == ["id-1", "id-2", "id-3"]
            accepted += 1
            continue
        assert [s.id for s in parsed.sessions] == ["id-1", "id-3"], (field, value, parsed.problems)
        assert _expect_left_out(parsed, name, value), (field, value, parsed.problems)
        left_out += 1
    assert tried == left_out + accepted and left_out > 150


def test_every_day_field_with_every_bad_value() -> None:
    tried = 0
    for field, value in _cases(DAY_BAD):
        if field != "day" and value in (None, ""):
            continue  # a missing count is 0 (exports from before the field existed)
        tried += 1
        bad = {**good_day(day="2026-03-03"), field: value}
        parsed = exchange.parse(export([], [good_day(), bad]))
        check_kept(parsed)
        assert [str(d.day) for d in parsed.days] == ["2026-03-02"], (field, value)
        assert len(parsed.problems) == 1 and field in parsed.problems[0], parsed.problems
    assert tried >= 70


@pytest.mark.parametrize(
    "text, message",
    [
        (export(5), '"sessions" must be a list'),
        (export([], {"a": 1}), '"days" must be a list'),
        (export([], version="1"), "version must be a whole number"),
        (export([], version=True), "version must be a whole number"),
        ("[" * 100_000, "not a deskbreak export"),
        ("{" + "[" * 100_000, "not valid JSON"),
    ],
)
def test_a_file_that_is_not_an_export_says_why(text: str, message: str) -> None:
    with pytest.raises(exchange.BadExport, match=re.escape(message)):
        exchange.parse(text)


def _csv(rows: list[list[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(exchange.CSV_FIELDS)
    writer.writerows(rows)
    return out.getvalue()


GOOD_ROW = [
    "id-1", "2026-03-02T10:00:00+01:00", "2026-03-02T10:04:00+01:00", "quick-reset",
    "prompt", "completed", "felt_good", "hips", "cat-cow", "base", "1", "30.0", "0",
]  # fmt: skip


@pytest.mark.parametrize(
    "row, why",
    [
        (["id-2", *GOOD_ROW[1:5]], "ends early"),
        (["id-2", *GOOD_ROW[1:], "extra"], "more fields"),
        (["id-2", *GOOD_ROW[1:11], "nan", "0"], "seconds"),
        (["id-2", *GOOD_ROW[1:11], "-3", "0"], "seconds"),
        (["id-2", *GOOD_ROW[1:10], "", "30", "0"], "completed"),
        (["id-2", "2026-03-02T10:00:00", "2026-03-02T10:03:00", *GOOD_ROW[3:]], None),  # naive
        (["id-3", *GOOD_ROW[1:8], "x" * 20_000, *GOOD_ROW[9:]], "field larger"),
    ],
)
def test_csv_rows(row: list[Any], why: str | None) -> None:
    parsed = exchange.parse(_csv([GOOD_ROW, row]))
    check_kept(parsed)
    if why is None:
        assert len(parsed.sessions) == 2 and not parsed.problems
    else:
        assert "id-1" in [s.id for s in parsed.sessions]
        assert any(why in p for p in parsed.problems), parsed.problems


def test_mixed_naive_and_aware_times_make_a_usable_log(capsys: pytest.CaptureFixture[str]) -> None:
    """The naive one is local time; stats and the adaptation compare them without a TypeError."""
    naive = good_session(2, started="2026-03-02T11:00:00", ended="2026-03-02T11:03:00")
    utc = good_session(3, started="2026-03-02T12:00:00Z", ended="2026-03-02T12:03:00Z")
    parsed = exchange.parse(export([good_session(1), naive, utc]), local_tz=BERLIN)
    assert [s.started.utcoffset() for s in parsed.sessions] == [timedelta(hours=1)] * 3
    assert parsed.sessions[1].started == datetime(2026, 3, 2, 11, 0, tzinfo=BERLIN)
    sessions = sorted(parsed.sessions, key=lambda s: s.started)
    current_adaptations(load_library(), sessions, sessions[-1].started.date(), sessions[0].started)
    stats.compute(
        log_summary.summarize(sessions, []), today=sessions[0].started.date(), weekly_goal_days=5
    )


def test_the_import_command_counts_truly_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nan = good_session(2, movements=[{**good_session()["movements"][0], "seconds": math.nan}])
    inf = good_session(3, movements=[{**good_session()["movements"][0], "seconds": math.inf}])
    neg = good_session(4, movements=[{**good_session()["movements"][0], "seconds": -3}])
    file = tmp_path / "export.json"
    file.write_text(export([good_session(1), nan, inf, neg, good_session(5)], [good_day(), 5]))
    assert cli.main(["import", str(file)]) == 2
    captured = capsys.readouterr()
    assert "Imported 2 breaks and 1 day" in captured.out
    assert "0 breaks were already in the log; 4 entries could not be read" in captured.out
    assert captured.err.count("left out") == 4 and "NaN" in captured.err
    assert cli.main(["import", str(file)]) == 2
    assert "Imported 0 breaks" in capsys.readouterr().out
    assert cli.main(["stats", "--json"]) == 0
    figures = capsys.readouterr().out
    assert "Infinity" not in figures and "NaN" not in figures
    assert json.loads(figures)["total_breaks"] == 2


# -- class 3: export safe to open, text safe to print ------------------------------------------

FORMULA_START = st.sampled_from(["=", "+", "-", "@", "\t", "\r", "", "a", "'"])


def _session(sid: str, routine: str, movement: str) -> SessionRecord:
    start = datetime(2026, 3, 2, 10, 0, tzinfo=BERLIN)
    return SessionRecord(
        sid, start, start + timedelta(minutes=3), routine, Trigger.TRAY, Outcome.COMPLETED,
        (MovementRecord(movement, "base", True, 30.0),),
    )  # fmt: skip


@given(
    start=FORMULA_START,
    rest=st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=20),
)
def test_csv_cells_never_start_a_formula_and_import_back_unchanged(start: str, rest: str) -> None:
    text = (start + rest).strip()
    if not text:
        return
    record = _session(text, text, text)
    written = exchange.to_csv([record])
    for row in list(csv.reader(io.StringIO(written)))[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    parsed = exchange.parse(written)
    assert not parsed.problems, parsed.problems
    [back] = parsed.sessions
    assert (back.id, back.routine_id, back.movements[0].movement_id) == (text, text, text)


@given(st.text(max_size=40))
def test_escaped_text_has_no_control_characters(text: str) -> None:
    shown = escape_controls(text)
    assert not any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F for c in shown), (
        shown
    )


def test_terminal_escapes_in_imported_ids_never_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile = "\x1b]0;pwned\x07\x1b[2J"
    store = Store.for_paths(paths.resolve())
    now = datetime.now(UTC).astimezone()
    for i in range(3):
        store.add_session(
            SessionRecord(
                f"id-{i}", now - timedelta(minutes=5 + i), now - timedelta(minutes=i),
                hostile, Trigger.TRAY, Outcome.COMPLETED,
                (MovementRecord(hostile, "base", True, 30.0),),
            )
        )  # fmt: skip
    store.close()
    bad = tmp_path / "bad.json"
    bad.write_text(export([good_session(1, trigger=hostile)]))
    cli.main(["import", str(bad)])
    for command in (["stats"], ["stats", "--json"]):
        cli.main(command)
    with monkeypatch.context() as patch:
        patch.setattr(sys.stdout, "isatty", lambda: True)  # an export shown on a terminal
        cli.main(["export", "--format", "csv"])
    captured = capsys.readouterr()
    assert "\x1b" not in captured.out + captured.err and "\x07" not in captured.err
    assert "\\x1b" in captured.err and "\\x1b]0;pwned" in captured.out, "shown, not dropped"
    cli.main(["export", "--format", "csv"])  # piped: the data as it is, formulas neutralised
    assert hostile in capsys.readouterr().out


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(["2026-03-02T10:00:00", "2026-03-02T10:00:00+05:30", "2026-03-02", "tray"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
SESSION_FIELDS = [f for f in good_session() if f != "movements"]
MOVEMENT_FIELDS = list(good_session()["movements"][0])


@given(
    session_changes=st.dictionaries(st.sampled_from(SESSION_FIELDS), JSON_VALUES, max_size=3),
    movement_changes=st.dictionaries(st.sampled_from(MOVEMENT_FIELDS), JSON_VALUES, max_size=2),
    day_changes=st.dictionaries(
        st.sampled_from(list(good_day()) + ["prompts_skipped"]), JSON_VALUES, max_size=3
    ),
)
def test_any_values_are_either_kept_valid_or_named(
    session_changes: dict[str, Any], movement_changes: dict[str, Any], day_changes: dict[str, Any]
) -> None:
    movement = {**good_session()["movements"][0], **movement_changes}
    sessions = [good_session(1), good_session(2, movements=[movement], **session_changes)]
    parsed = exchange.parse(
        export(sessions, [good_day(day="2026-03-01"), {**good_day(), **day_changes}])
    )
    check_kept(parsed)
    assert len(parsed.sessions) + len(parsed.days) + len(parsed.problems) == 4
    assert "id-1" in [s.id for s in parsed.sessions]
    for problem in parsed.problems:
        assert "can't be read: " in problem
