"""Export and import of the log as JSON (everything) or CSV (one row per movement).

Both carry each break's UUID, so importing the same file twice adds nothing. Reading checks
every record as a whole (:mod:`deskbreak.core.record_values`) and says which line or entry is
wrong and why; the good records are still read, so the summary counts are true.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import datetime, tzinfo
from typing import Any

from deskbreak.core import record_values as values
from deskbreak.core.record_values import BadValue, shown
from deskbreak.core.records import Comfort, DaySitting, MovementRecord, SessionRecord

#: One CSV cell at most this long (an id is ~36 characters); a 300 MB line is refused early.
MAX_CSV_FIELD = 10_000
csv.field_size_limit(MAX_CSV_FIELD)

FORMAT = "deskbreak-log"
VERSION = 1
CSV_FIELDS = (
    "session_id",
    "started",
    "ended",
    "routine",
    "trigger",
    "outcome",
    "comfort",
    "felt_in",
    "movement_id",
    "variant",
    "completed",
    "seconds",
    "pain_stop",
)
DAY_FIELDS = tuple(f.name for f in fields(DaySitting))


class BadExport(ValueError):
    """The file is not a deskbreak export, or part of it cannot be read."""


def _comfort_name(c: Comfort | None) -> str:
    return "" if c is None else c.name.lower()


def _movement_dict(m: MovementRecord) -> dict[str, Any]:
    return {
        "movement_id": m.movement_id,
        "variant": m.variant,
        "completed": m.completed,
        "seconds": m.seconds,
        "pain_stop": m.pain_stop,
    }


def session_dict(s: SessionRecord) -> dict[str, Any]:
    return {
        "id": s.id,
        "started": s.started.isoformat(),
        "ended": s.ended.isoformat(),
        "routine": s.routine_id,
        "trigger": str(s.trigger),
        "outcome": str(s.outcome),
        "comfort": _comfort_name(s.comfort) or None,
        "felt_in": list(s.felt_in),
        "movements": [_movement_dict(m) for m in s.movements],
    }


def day_dict(d: DaySitting) -> dict[str, Any]:
    return {
        name: (getattr(d, name).isoformat() if name == "day" else getattr(d, name))
        for name in DAY_FIELDS
    }


def to_json(sessions: Iterable[SessionRecord], days: Iterable[DaySitting]) -> str:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "sessions": [session_dict(s) for s in sessions],
        "days": [day_dict(d) for d in days],
    }
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def to_csv(sessions: Iterable[SessionRecord]) -> str:
    """One row per movement; a break with no movements gets one row with them blank.

    Text cells that start with ``= + - @``, a tab or a carriage return are written with a leading
    ``'`` so a spreadsheet shows them as text instead of running them (see the README)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for s in sessions:
        head = [
            s.id,
            s.started.isoformat(),
            s.ended.isoformat(),
            s.routine_id,
            str(s.trigger),
            str(s.outcome),
            _comfort_name(s.comfort),
            ";".join(s.felt_in),
        ]
        if not s.movements:
            writer.writerow([_guarded(v) for v in [*head, "", "", "", "", ""]])
        for m in s.movements:
            cells = [*head, m.movement_id, m.variant, int(m.completed), m.seconds, int(m.pain_stop)]
            writer.writerow([_guarded(v) for v in cells])
    return out.getvalue()


@dataclass
class Parsed:
    """What an export holds: the records that passed every check, and one line per record that did not."""

    sessions: list[SessionRecord] = field(default_factory=list)
    days: list[DaySitting] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def parse(text: str, local_tz: tzinfo | None = None) -> Parsed:
    """Read an export of either kind.

    A file that is not an export at all raises :class:`BadExport`; a record that fails a check
    is left out and named in :attr:`Parsed.problems`, and the rest is read. Timestamps without
    an offset are local time (``local_tz``, the machine's by default).
    """
    tz = local_tz or _local_tz()
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped:
        raise BadExport("the file is empty")
    if stripped.startswith("{"):
        return _parse_json(stripped, tz)
    return _parse_csv(stripped, tz)


def _local_tz() -> tzinfo:
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


def _parse_json(text: str, tz: tzinfo) -> Parsed:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadExport(f"not valid JSON: {error}") from None
    except RecursionError:
        raise BadExport("not valid JSON: nested too deeply") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BadExport(f'not a deskbreak export (expected "format": "{FORMAT}")')
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BadExport(f"the export version must be a whole number, not {shown(version)}")
    if version > VERSION:
        raise BadExport(f"made by a newer deskbreak (export version {version})")
    out = Parsed()
    sessions, days = document.get("sessions", []), document.get("days", [])
    for name, value in (("sessions", sessions), ("days", days)):
        if not isinstance(value, list):
            raise BadExport(f'"{name}" must be a list, not {shown(value)}')
    for n, raw in enumerate(sessions, start=1):
        try:
            if not isinstance(raw, dict):
                raise BadValue(f"a break must be an object, not {shown(raw)}")
            listed = raw.get("movements")
            listed = [] if listed is None or listed == "" else listed
            if not isinstance(listed, list):
                raise BadValue(f"movements must be a list, not {shown(listed)}")
            movements = tuple(values.movement(m) for m in listed)
            out.sessions.append(values.session(raw, movements, tz))
        except BadValue as error:
            out.problems.append(f"break {n}{_id_of(raw)} can't be read: {error}")
    for n, raw in enumerate(days, start=1):
        try:
            out.days.append(values.day_sitting(raw))
        except BadValue as error:
            out.problems.append(f"day {n} can't be read: {error}")
    return out


def _id_of(raw: object) -> str:
    sid = raw.get("id") if isinstance(raw, dict) else None
    return f" ({shown(sid)})" if isinstance(sid, str) and sid else ""


def _parse_csv(text: str, tz: tzinfo) -> Parsed:
    reader = csv.DictReader(io.StringIO(text), restkey=_EXTRA)
    try:
        header = tuple(reader.fieldnames or ())
    except csv.Error as error:
        raise BadExport(f"not a deskbreak export: {error}") from None
    if header != CSV_FIELDS:
        raise BadExport("not a deskbreak export: the first line must be " + ",".join(CSV_FIELDS))
    out = Parsed()
    heads: dict[str, dict[str, Any]] = {}
    movements: dict[str, list[MovementRecord]] = {}
    bad: set[str] = set()
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            out.problems.append(f"line {reader.line_num} can't be read: {error}")
            continue
        try:
            if row.get(_EXTRA):
                raise BadValue(
                    f"{len(row[_EXTRA])} more fields than the {len(CSV_FIELDS)} expected"
                )
            missing = [name for name in CSV_FIELDS if row.get(name) is None]
            if missing:
                raise BadValue(f"the line ends early: no {', '.join(missing)}")
            row = {k: _unguarded(v) for k, v in row.items()}
            sid = values.text(row, "session_id")
            heads.setdefault(sid, {**row, "id": sid})
            movements.setdefault(sid, [])
            if row["movement_id"]:
                movements[sid].append(values.movement(row))
        except BadValue as error:
            sid = row.get("session_id") or ""
            bad.add(sid)
            out.problems.append(f"line {reader.line_num} can't be read: {error}")
    for sid, head in heads.items():
        if sid in bad:
            out.problems.append(f"break {shown(sid)} is left out: one of its lines can't be read")
            continue
        try:
            out.sessions.append(values.session(head, tuple(movements[sid]), tz))
        except BadValue as error:
            out.problems.append(f"break {shown(sid)} can't be read: {error}")
    return out


_EXTRA = "\0extra"


def _unguarded(value: Any) -> Any:
    """Undo :func:`_guarded`: a quote before a formula character is ours, not the data's."""
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1] in _FORMULA:
        return value[1:]
    return value


#: A spreadsheet reads a cell that starts with one of these as a formula (OWASP "CSV injection").
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _guarded(value: object) -> object:
    """A text cell a spreadsheet would run as a formula gets a leading ``'`` (shown as text);
    :func:`parse` takes it off again, so an export imports back unchanged."""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value
