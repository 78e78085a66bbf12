"""Export and import of the log as JSON (everything) or CSV (one row per movement).

Both carry each break's UUID, so importing the same file twice adds nothing. Reading
is strict and says which line or entry is wrong: a restore must not half-understand.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import fields
from datetime import date, datetime
from typing import Any

from deskbreak.core.records import (
    Comfort,
    DaySitting,
    MovementRecord,
    Outcome,
    SessionRecord,
    Trigger,
)

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
    """One row per movement; a break with no movements gets one row with them blank."""
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
            writer.writerow([*head, "", "", "", "", ""])
        for m in s.movements:
            writer.writerow(
                [*head, m.movement_id, m.variant, int(m.completed), m.seconds, int(m.pain_stop)]
            )
    return out.getvalue()


def parse(text: str) -> tuple[list[SessionRecord], list[DaySitting]]:
    """Read an export of either kind; raises :class:`BadExport` saying what is wrong."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped:
        raise BadExport("the file is empty")
    if stripped.startswith("{"):
        return _parse_json(stripped)
    return _parse_csv(stripped), []


def _comfort(raw: Any) -> Comfort | None:
    if raw in (None, ""):
        return None
    if isinstance(raw, int) and not isinstance(raw, bool):
        return Comfort(raw)
    return Comfort[str(raw).upper()]


def _bool(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if str(raw) in ("1", "true", "True"):
        return True
    if str(raw) in ("0", "false", "False"):
        return False
    raise ValueError(f"{raw!r} is not true or false")


def _session(raw: dict[str, Any], movements: tuple[MovementRecord, ...]) -> SessionRecord:
    started = datetime.fromisoformat(str(raw["started"]))
    ended = datetime.fromisoformat(str(raw["ended"]))
    sid = str(raw["id"]).strip()
    if not sid:
        raise ValueError("a break without an id")
    felt = raw.get("felt_in") or ()
    return SessionRecord(
        id=sid,
        started=started,
        ended=ended,
        routine_id=str(raw["routine"]),
        trigger=Trigger(raw["trigger"]),
        outcome=Outcome(raw["outcome"]),
        movements=movements,
        comfort=_comfort(raw.get("comfort")),
        felt_in=tuple(felt.split(";") if isinstance(felt, str) else map(str, felt)),
    )


def _movement(raw: dict[str, Any]) -> MovementRecord:
    return MovementRecord(
        movement_id=str(raw["movement_id"]),
        variant=str(raw["variant"]),
        completed=_bool(raw["completed"]),
        seconds=float(raw["seconds"]),
        pain_stop=_bool(raw.get("pain_stop", False)),
    )


def _parse_json(text: str) -> tuple[list[SessionRecord], list[DaySitting]]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise BadExport(f"not valid JSON: {error}") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BadExport(f'not a deskbreak export (expected "format": "{FORMAT}")')
    if not isinstance(document.get("version"), int) or document["version"] > VERSION:
        raise BadExport(f"made by a newer deskbreak (export version {document.get('version')!r})")
    sessions, days = [], []
    for n, raw in enumerate(document.get("sessions", []), start=1):
        try:
            movements = tuple(_movement(m) for m in raw.get("movements", []))
            sessions.append(_session(raw, movements))
        except (KeyError, ValueError, TypeError, AttributeError) as error:
            raise BadExport(f"break {n} can't be read: {_why(error)}") from None
    for n, raw in enumerate(document.get("days", []), start=1):
        try:
            values = {k: raw[k] for k in DAY_FIELDS if k in raw}
            values["day"] = date.fromisoformat(str(raw["day"]))
            days.append(DaySitting(**values))
        except (KeyError, ValueError, TypeError) as error:
            raise BadExport(f"day {n} can't be read: {_why(error)}") from None
    return sessions, days


def _parse_csv(text: str) -> list[SessionRecord]:
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != CSV_FIELDS:
        raise BadExport("not a deskbreak export: the first line must be " + ",".join(CSV_FIELDS))
    heads: dict[str, dict[str, Any]] = {}
    movements: dict[str, list[MovementRecord]] = {}
    for row in reader:
        try:
            sid = row["session_id"]
            heads.setdefault(sid, {**row, "id": sid})
            movements.setdefault(sid, [])
            if row["movement_id"]:
                movements[sid].append(_movement(row))
        except (KeyError, ValueError, TypeError) as error:
            raise BadExport(f"line {reader.line_num} can't be read: {_why(error)}") from None
    out = []
    for sid, head in heads.items():
        try:
            out.append(_session(head, tuple(movements[sid])))
        except (KeyError, ValueError, TypeError) as error:
            raise BadExport(f"break {sid!r} can't be read: {_why(error)}") from None
    return out


def _why(error: BaseException) -> str:
    return f"missing {error}" if isinstance(error, KeyError) else str(error)
