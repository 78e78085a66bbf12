"""One movement entry of the library file, checked field by field and turned into a Movement.

Kept apart from :mod:`deskbreak.core.library` (which handles the file, duplicate ids and the
links between variants) because these are the content rules of a single entry: which fields
exist, which values each may take, and why (a strengthening movement never holds the breath).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
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


class EntryError(ValueError):
    """One field of an entry is wrong; ``field`` names it for the problem report."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def movement_from_entry(raw: Mapping[str, Any]) -> Movement:
    """One movement from its TOML table; raises :class:`EntryError` naming the bad field."""
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
