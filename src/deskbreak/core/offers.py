"""Which movement a routine may offer, at which variant and dose, for this user today.

One place applies the postures allowed, the ``[movement] avoid`` list and the adaptations
from the log, so a newly built routine and an adapted shipped one follow the same rules:

- a movement that needs what the user lacks (a fixed chair, a wall, clear floor) is never
  offered: see :func:`equipment_at_hand`;
- an avoided movement is never offered, nor any ``variant_of`` version of it;
- a movement stopped for pain is offered only at its easier variant, and neither it nor its
  harder variant appears anywhere (not even as another movement's harder variant);
- a variant from another phase is never used in place of a movement, so the routine keeps
  soften → organize → strengthen;
- progression (extra reps, the harder variant) applies only where the adaptation allows.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import replace

from deskbreak.core.adaptation import Adaptation, base_id
from deskbreak.core.library import Library
from deskbreak.core.movements import Dose, Movement, Phase, Posture, Step
from deskbreak.core.settings import MovementSettings

MAX_COUNT = 30  # the library's own ceiling for a dose
# Offered only where a routine names them: a walk or a closing breath is never a swap for
# an arch lift, nor picked by the builder to fill a phase.
NAMED_ONLY = frozenset({"walk", "closing-breath"})


def equipment_at_hand(movement: MovementSettings) -> frozenset[str]:
    """What the user has, in the library's ``needs`` words: a desk always (deskbreak is
    for desk workers); a fixed chair, a wall, clear floor and a mat only if they say so."""
    have = {"desk"}
    if movement.chair == "fixed":
        have.add("fixed-chair")
    if movement.wall_nearby:
        have.add("wall")
    if movement.clear_floor:
        have.add("clear-floor")
    if "floor" in movement.postures:
        have.add("mat")
    return frozenset(have)


class Offers:
    """The user's rules, asked one movement at a time."""

    def __init__(
        self,
        library: Library,
        postures: Iterable[str],
        avoid: Iterable[str],
        adaptations: Mapping[str, Adaptation] | None,
        ritual: bool,
        have: Collection[str] | None = None,
    ) -> None:
        """``have`` is the equipment at hand (``None``: everything, for tools and tests)."""
        self.library = library
        self.have = None if have is None else frozenset(have)
        self.postures = {Posture(p) for p in postures}
        self.avoid = frozenset(avoid)
        self.adaptations = dict(adaptations or {})
        self.ritual = ritual
        self.paused = frozenset(i for i, a in self.adaptations.items() if a.pain_stop)
        blocked: set[str] = set(self.paused)
        for movement_id in self.paused:
            movement = library.get(movement_id)
            if movement is not None and movement.harder:
                blocked.add(movement.harder)
            out = self.adaptations[movement_id].variant == "out"
            if movement is not None and movement.easier and out:
                blocked.add(movement.easier)  # out of rotation: no version of it at all
        self.blocked = frozenset(blocked)

    def avoided(self, movement: Movement) -> bool:
        """Avoiding a movement also avoids its own easier and harder versions."""
        if movement.id in self.avoid:
            return True
        return movement.id in self.library.variant_ids and (
            base_id(self.library, movement.id) in self.avoid
        )

    def allowed(self, movement: Movement) -> bool:
        """Allowed as it stands: a posture the user allows, not avoided, not paused for pain."""
        return (
            movement.posture in self.postures
            and (self.have is None or set(movement.needs) <= self.have)
            and not self.avoided(movement)
            and movement.id not in self.blocked
        )

    def applies(self, adaptation: Adaptation) -> bool:
        return self.ritual or not adaptation.ritual_only

    def step_for(
        self, movement: Movement, dose: Dose | None = None, used: Collection[str] = ()
    ) -> Step | None:
        """``movement`` at the variant and dose its adaptation asks for, or ``None``.

        ``dose`` is the routine's own dose for it (default: the movement's); ``used`` are
        ids already in the routine, which are never offered twice.
        """
        if self.avoided(movement):
            return None
        adaptation = self.adaptations.get(movement.id)
        if adaptation is not None and adaptation.pain_stop:
            easier = self._variant(movement, adaptation.use, used)
            return Step(easier, "easier") if easier is not None else None
        if adaptation is not None and adaptation.variant == "harder" and self.applies(adaptation):
            harder = self._variant(movement, adaptation.use, used)
            if harder is not None:
                return Step(harder, "harder")
        if not self.allowed(movement) or movement.id in used:
            return None
        extra = adaptation.extra if adaptation is not None and self.applies(adaptation) else 0
        if dose is None and not extra:
            return Step(movement)
        dose = dose or movement.dose
        return Step(movement, "base", replace(dose, count=min(MAX_COUNT, dose.count + extra)))

    def _variant(
        self, movement: Movement, variant_id: str | None, used: Collection[str]
    ) -> Movement | None:
        variant = self.library.get(variant_id) if variant_id else None
        if (
            variant is None
            or variant.phase is not movement.phase
            or not self.allowed(variant)
            or variant.id in used
        ):
            return None
        return variant

    def demoted(self, movement: Movement) -> bool:
        adaptation = self.adaptations.get(base_id(self.library, movement.id))
        return adaptation is not None and adaptation.demoted

    def substitute(self, movement: Movement, used: Collection[str]) -> Step | None:
        """An equivalent for a movement that can't be offered: same phase, not in ``used``.

        Its own easier then harder version first; then other movements of the phase that
        share the most regions, preferring ones unrelated to anything already in the routine;
        then, once those have run out, any allowed version of another movement of the phase
        (same order, easier before harder), so a step is dropped only when nothing of its
        phase is left. A movement paused for pain, or its harder version, is never a
        substitute; its easier version may be, as it may be offered anywhere.
        """
        library = self.library
        for variant_id, label in ((movement.easier, "easier"), (movement.harder, "harder")):
            if movement.id in self.paused and label == "harder":
                continue
            variant = self._variant(movement, variant_id, used)
            if variant is not None and not self._paused_family(variant):
                return Step(variant, label)
        regions = set(movement.regions)
        related = frozenset().union(*(library.family(i) for i in used)) if used else frozenset()

        def rank(m: Movement) -> tuple[bool, int, bool, bool]:
            harder = self._label(m) == "harder"
            return (m.id in related, -len(regions & set(m.regions)), harder, self.demoted(m))

        others = [
            m
            for m in library.base_movements()
            if m.phase is movement.phase
            and m.id != movement.id
            and m.id not in self.paused
            and m.id not in NAMED_ONLY
        ]
        for other in sorted(others, key=rank):
            found = self.step_for(other, used=used)
            if found is not None:
                return found
        # Every base movement of the phase is used, paused or not allowed: the variants of
        # other movements are still whole movements of the phase the user may do.
        variants = [
            m
            for m in library.movements.values()
            if m.id in library.variant_ids
            and m.phase is movement.phase
            and m.id != movement.id
            and m.id not in used
            and self.allowed(m)
        ]
        if not variants:
            return None
        best = min(variants, key=rank)
        return Step(best, self._label(best))

    def _label(self, movement: Movement) -> str:
        """Which entry of its base a movement is: "base", "easier" or "harder"."""
        base = self.library.get(base_id(self.library, movement.id))
        if base is None or base.id == movement.id:
            return "base"
        return "easier" if base.easier == movement.id else "harder"

    def _paused_family(self, movement: Movement) -> bool:
        return base_id(self.library, movement.id) in self.paused

    def nothing_left(self, phase: Phase) -> str:
        """Why no movement of ``phase`` can be offered, in words for the user."""
        postures = " and ".join(sorted(p.value for p in self.postures))
        causes = [f"needs a posture you don't allow (you allow {postures})"]
        if self.have is not None:
            causes.append("needs a fixed chair, a wall or clear floor you don't have")
        if self.avoid:
            causes.append("is on your avoid list")
        if self.paused:
            causes.append("is paused after a pain stop")
        because = ", ".join(causes[:-1]) + (" or " if len(causes) > 1 else "") + causes[-1]
        return (
            f"no {phase.value} movement is left: every one {because}. "
            "Allow another posture or shorten the avoid list."
        )
