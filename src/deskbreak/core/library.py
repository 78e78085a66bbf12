"""Load and check the movement library: a bad entry is reported and left out, never fatal.

The shipped file is ``deskbreak/data/movements.toml``; ``variant_of`` entries copy their
base entry and are offered only in its place (see :meth:`Library.base_movements`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from deskbreak.core.movements import Breath, Dose, Figure, Movement, Phase, Posture, Region
from deskbreak.core.poses import PoseError, build_pose

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PROPS = ("chair", "desk", "wall", "wall-ahead", "mat")
# What a movement may need besides the user; "fixed-chair" is a chair that neither rolls
# nor reclines. The user's [movement] settings say which of these they have.
NEEDS = ("desk", "wall", "fixed-chair", "clear-floor", "mat")
DOSE_KINDS = ("reps", "breaths", "hold")
MARKS = ("belly", "glutes", "arch", "blades")
EFFORT = {
    Phase.SOFTEN: "gentle — a mild stretch at most, about 1–2 of 10, never pain",
    Phase.ORGANIZE: "tension, not pain — about 3–5 of 10",
    Phase.STRENGTHEN: "tension, not pain — about 5–7 of 10",
}
MAX_HOLD_SECONDS = 2.0
E = TypeVar("E", Phase, Posture, Region)


@dataclass(frozen=True)
class LibraryProblem:
    """One entry left out, and why, worded for the person who edits the file."""

    movement_id: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"movement {self.movement_id!r}, {self.field}: {self.message}"


class EntryError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


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
            movements[ident] = _movement(merged)
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


def _movement(raw: Mapping[str, Any]) -> Movement:
    known = {
        "id",
        "name",
        "phase",
        "regions",
        "posture",
        "dose",
        "breath",
        "cues",
        "purpose",
        "cautions",
        "easier",
        "harder",
        "effort",
        "figure",
        "variant_of",
        "needs",
        "support",
    }
    for key in raw:
        if key not in known:
            raise EntryError(key, "is not a field deskbreak knows")
    phase = _enum(Phase, raw.get("phase"), "phase")
    regions = raw.get("regions")
    if not isinstance(regions, list) or not regions:
        raise EntryError("regions", "must be a non-empty list")
    cues = _texts(raw.get("cues"), "cues")
    if not 2 <= len(cues) <= 3:
        raise EntryError("cues", f"must have 2 or 3 cues, not {len(cues)}")
    return Movement(
        id=raw["id"],
        name=_text(raw.get("name"), "name"),
        phase=phase,
        regions=tuple(_enum(Region, r, "regions") for r in regions),
        posture=_enum(Posture, raw.get("posture"), "posture"),
        dose=_dose(raw.get("dose")),
        breath=_breath(raw.get("breath"), phase),
        cues=cues,
        purpose=_text(raw.get("purpose"), "purpose"),
        cautions=_texts(raw.get("cautions", []), "cautions"),
        easier=_optional_id(raw.get("easier"), "easier"),
        harder=_optional_id(raw.get("harder"), "harder"),
        figure=_figure(raw.get("figure")),
        effort=_text(raw["effort"], "effort") if "effort" in raw else EFFORT[phase],
        needs=_needs(raw.get("needs", [])),
        support=_text(raw["support"], "support") if "support" in raw else "",
    )


def _needs(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or any(n not in NEEDS for n in value):
        raise EntryError("needs", f"must be a list from {', '.join(NEEDS)}")
    return tuple(value)


def _text(value: Any, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise EntryError(field, "must be some text")
    return value.strip()


def _texts(value: Any, field: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise EntryError(field, "must be a list of texts")
    return tuple(_text(v, field) for v in value)


def _optional_id(value: Any, field: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise EntryError(field, "must be a movement id")
    return value


def _enum(kind: type[E], value: Any, field: str) -> E:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise EntryError(field, f"{value!r} is not one of {allowed}") from None


def _number(value: Any, field: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise EntryError(field, f"must be a number from {low:g} to {high:g}")
    return float(value)


def _dose(raw: Any) -> Dose:
    if not isinstance(raw, Mapping) or raw.get("kind") not in DOSE_KINDS:
        raise EntryError("dose", 'must be a table with kind = "reps", "breaths" or "hold"')
    count = raw.get("count")
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 30:
        raise EntryError("dose.count", "must be a whole number from 1 to 30")
    per_side = raw.get("per_side", False)
    if not isinstance(per_side, bool):
        raise EntryError("dose.per_side", "must be true or false")
    return Dose(raw["kind"], count, per_side)


def _breath(raw: Any, phase: Phase) -> Breath:
    """Soften follows the user's pace; the others carry seconds; strengthen never pauses."""
    if not isinstance(raw, Mapping):
        raise EntryError("breath", "must be a table with inhale and exhale")
    inhale, exhale = raw.get("inhale_seconds"), raw.get("exhale_seconds")
    if phase is Phase.SOFTEN:
        if inhale is not None or exhale is not None:
            raise EntryError(
                "breath", "soften movements follow the user's pace; leave the seconds out"
            )
    else:
        inhale = _number(inhale, "breath.inhale_seconds", 2, 5)
        high = 3 if phase is Phase.STRENGTHEN else 6
        exhale = _number(exhale, "breath.exhale_seconds", 2, high)
        if exhale < inhale:
            raise EntryError("breath.exhale_seconds", "must be at least as long as the in-breath")
    hold = _number(raw.get("hold_seconds", 0), "breath.hold_seconds", 0, MAX_HOLD_SECONDS)
    if hold and phase is Phase.STRENGTHEN:
        raise EntryError("breath.hold_seconds", "strengthening never holds the breath")
    return Breath(
        _text(raw.get("inhale"), "breath.inhale"),
        _text(raw.get("exhale"), "breath.exhale"),
        inhale,
        exhale,
        hold,
    )


def _figure(raw: Any) -> Figure | None:
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise EntryError("figure", "must be a table with start and end poses")
    props = raw.get("props", [])
    if not isinstance(props, list) or any(p not in PROPS for p in props):
        raise EntryError("figure.props", f"must be a list from {', '.join(PROPS)}")
    marks = raw.get("marks", [])
    if not isinstance(marks, list) or any(m not in MARKS for m in marks):
        raise EntryError("figure.marks", f"must be a list from {', '.join(MARKS)}")
    view = raw.get("view", "side")
    if view not in ("side", "front"):
        raise EntryError("figure.view", 'must be "side" or "front"')
    poses = []
    for key in ("start", "end"):
        spec = raw.get(key)
        if not isinstance(spec, Mapping):
            raise EntryError(f"figure.{key}", "must be a pose table")
        try:
            poses.append(build_pose(spec))
        except PoseError as error:
            raise EntryError(f"figure.{key}", str(error)) from None
    return Figure(poses[0], poses[1], tuple(props), view, tuple(marks))
