"""Load and check the movement library: a bad entry is reported and left out, never fatal.

The shipped file is ``deskbreak/data/movements.toml``; ``variant_of`` entries copy their
base entry and are offered only in its place (see :meth:`Library.base_movements`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from deskbreak.core.movement_entry import ID_PATTERN, EntryError, movement_from_entry
from deskbreak.core.movements import Movement


@dataclass(frozen=True)
class LibraryProblem:
    """One entry left out, and why, worded for the person who edits the file."""

    movement_id: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"movement {self.movement_id!r}, {self.field}: {self.message}"


@dataclass(frozen=True)
class Library:
    """All valid movements by id; ``variant_ids`` are easier/harder versions only."""

    movements: Mapping[str, Movement]
    variant_ids: frozenset[str]
    problems: tuple[LibraryProblem, ...] = ()

    def __contains__(self, movement_id: object) -> bool:
        return movement_id in self.movements

    def get(self, movement_id: str) -> Movement | None:
        return self.movements.get(movement_id)

    def __getitem__(self, movement_id: str) -> Movement:
        return self.movements[movement_id]

    def base_movements(self) -> list[Movement]:
        """Movements a routine may pick on their own, in file order."""
        return [m for m in self.movements.values() if m.id not in self.variant_ids]

    def easier(self, movement: Movement) -> Movement | None:
        return self.movements.get(movement.easier) if movement.easier else None

    def harder(self, movement: Movement) -> Movement | None:
        return self.movements.get(movement.harder) if movement.harder else None

    def family(self, movement_id: str) -> frozenset[str]:
        """The movement and every entry linked to it as an easier/harder variant (one hop)."""
        movement = self.movements.get(movement_id)
        if movement is None:
            return frozenset({movement_id})
        linked = {movement_id, movement.easier, movement.harder}
        linked |= {m.id for m in self.movements.values() if movement_id in (m.easier, m.harder)}
        return frozenset(i for i in linked if i)


def default_path() -> Path:
    return Path(str(resources.files("deskbreak").joinpath("data", "movements.toml")))


def load_library(path: Path | None = None) -> Library:
    """Read the library; a file that can't be read gives an empty library with one problem."""
    source = path or default_path()
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Library({}, frozenset(), (LibraryProblem("*", str(source), str(error)),))
    entries = data.get("movement", [])
    if not isinstance(entries, list):
        return Library(
            {}, frozenset(), (LibraryProblem("*", "movement", "must be [[movement]] tables"),)
        )
    return library_from_entries(entries)


def library_from_entries(entries: Iterable[Any]) -> Library:
    """Validate raw entries (as TOML gives them); the valid ones make the library."""
    problems: list[LibraryProblem] = []
    raw_by_id: dict[str, Mapping[str, Any]] = {}
    for index, raw in enumerate(entries):
        ident = raw.get("id") if isinstance(raw, Mapping) else None
        if not isinstance(ident, str) or not ID_PATTERN.match(ident):
            problems.append(
                LibraryProblem(
                    str(ident or f"#{index + 1}"), "id", 'must be kebab-case, like "hip-hinge"'
                )
            )
            continue
        if ident in raw_by_id:
            problems.append(
                LibraryProblem(ident, "id", "is used twice; the second entry is left out")
            )
            continue
        raw_by_id[ident] = raw
    movements: dict[str, Movement] = {}
    variants: set[str] = set()
    for ident, raw in raw_by_id.items():
        merged = dict(raw)
        base_id = raw.get("variant_of")
        if base_id is not None:
            base = raw_by_id.get(base_id) if isinstance(base_id, str) else None
            if base is None or "variant_of" in base:
                problems.append(
                    LibraryProblem(ident, "variant_of", f"{base_id!r} is not a base movement")
                )
                continue
            merged = {k: v for k, v in base.items() if k not in ("easier", "harder")} | dict(raw)
            variants.add(ident)
        try:
            movements[ident] = movement_from_entry(merged)
        except EntryError as error:
            problems.append(LibraryProblem(ident, error.field, str(error)))
    movements, link_problems = _link_variants(movements, raw_by_id)
    problems += link_problems
    return Library(movements, frozenset(variants & movements.keys()), tuple(problems))


def _link_variants(
    movements: dict[str, Movement], raw_by_id: Mapping[str, Mapping[str, Any]]
) -> tuple[dict[str, Movement], list[LibraryProblem]]:
    """Drop links to missing entries (reported); a variant links back to its base by default."""
    problems: list[LibraryProblem] = []
    out = dict(movements)
    for ident, movement in movements.items():
        links = {}
        for field_name in ("easier", "harder"):
            target = getattr(movement, field_name)
            if target is not None and (target not in movements or target == ident):
                problems.append(
                    LibraryProblem(
                        ident, field_name, f"{target!r} is not in the library; link removed"
                    )
                )
                target = None
            links[field_name] = target
        out[ident] = replace(movement, easier=links["easier"], harder=links["harder"])
    for ident, raw in raw_by_id.items():
        base_id = raw.get("variant_of")
        if ident not in out or not isinstance(base_id, str) or base_id not in out:
            continue
        base, variant = out[base_id], out[ident]
        if base.easier == ident and variant.harder is None:
            out[ident] = replace(variant, harder=base_id)
        elif base.harder == ident and variant.easier is None:
            out[ident] = replace(variant, easier=base_id)
    return out, problems
