"""What the person is doing when no key or mouse moves: the evidence, and the rules over it.

No input alone does not mean the person got up: they may be on a call, watching a video or
reading with a presentation app holding the screensaver off. Those facts come from the
desktop (``deskbreak.idle.context_*``) as one :class:`Context`; the rules here turn them into
"still sitting" or "no evidence". A locked screen or a suspend is stronger evidence still
(away at once): the tracker sees those itself, and no evidence here overrides them.

When a gap long enough to end a spell had no evidence either way, :class:`GapMemory` holds
the one question to ask at the next prompt ("Were you up just now?") and the answers given,
one per :class:`GapKind`, so the same kind of gap is never asked about twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from deskbreak.core.clock import seconds_between
from deskbreak.core.settings import ContextSettings
from deskbreak.core.sitting import EndReason, SpellEnded

#: After a call ends, a held prompt waits this long more: time to hang up, take a note.
CALL_GRACE_SECONDS = 120.0


@dataclass(frozen=True)
class Context:
    """Desktop facts at one moment; each False when unknown (no evidence is not evidence)."""

    in_call: bool = False  # a microphone capture stream or a camera is open
    media_playing: bool = False  # an MPRIS player says Playing
    inhibited: bool = False  # an application holds the screensaver / idle inhibitor

    def describe(self) -> str:
        """A short phrase for logs and the tooltip, e.g. "in a call, media playing"."""
        facts = [
            ("in a call", self.in_call),
            ("media playing", self.media_playing),
            ("idle inhibited", self.inhibited),
        ]
        return ", ".join(name for name, present in facts if present) or "no evidence"


def still_sitting(context: Context, rules: ContextSettings) -> bool:
    """Idle time during a call, playback or an inhibitor is sitting, not a break."""
    if rules.calls and context.in_call:
        return True
    return rules.media_counts_as_sitting and (context.media_playing or context.inhibited)


def holds_prompt(context: Context, rules: ContextSettings) -> bool:
    """A call holds the prompt back (never drops it) until it ends plus a grace period."""
    return rules.calls and context.in_call


class GapKind(StrEnum):
    """Gaps are remembered by length: a 10-minute read and a 2-hour meeting differ."""

    SHORT = "short"  # under 15 min: reading, a phone call away from the screen
    MEDIUM = "medium"  # 15 to 45 min
    LONG = "long"  # 45 min or more

    @classmethod
    def of(cls, seconds: float) -> GapKind:
        if seconds < 15 * 60:
            return cls.SHORT
        return cls.MEDIUM if seconds < 45 * 60 else cls.LONG


@dataclass(frozen=True)
class GapQuestion:
    """ "Were you up just now?" about one gap with no evidence; asked once, at the next prompt."""

    kind: GapKind
    started: datetime  # when input stopped
    seconds: float  # how long the gap lasted
    spell_before: float  # the spell it ended: restored if the person says they stayed

    @property
    def text(self) -> str:
        minutes = max(1, round(self.seconds / 60))
        return f"Were you up just now? ({minutes} min without keyboard or mouse at {self.started:%H:%M})"


@dataclass
class GapMemory:
    """Answers per kind of gap (True: "I was up"), the gap still open, the question waiting.

    The caller tells it each spell that ends (:meth:`spell_ended`) and, once input is back,
    the moment (:meth:`input_back`); it answers whether that gap should count as sitting.
    """

    answers: dict[GapKind, bool] = field(default_factory=dict)
    pending: GapQuestion | None = None  # to be asked at the next prompt
    asked: GapQuestion | None = None  # shown with a prompt, answer not in yet
    _open: SpellEnded | None = None  # a natural end without lock or suspend, input not back

    def spell_ended(self, ended: SpellEnded) -> None:
        """Any spell end makes an older question moot; a guessed natural end opens a gap."""
        self.pending = None
        unclear = ended.reason is EndReason.NATURAL and not ended.away_proven
        self._open = ended if unclear else None

    def input_back(self, now: datetime, spell_seconds: float, ask: bool) -> GapQuestion | None:
        """Input is back ``spell_seconds`` ago. Returns the gap when it should count as sitting
        (a remembered "I was here"); else keeps the question for the next prompt if ``ask``."""
        ended, self._open = self._open, None
        if ended is None:
            return None
        seconds = max(seconds_between(ended.ended, now) - spell_seconds, 0.0)
        question = GapQuestion(GapKind.of(seconds), ended.ended, seconds, ended.seconds)
        remembered = self.answers.get(question.kind)
        if remembered is None and ask:
            self.pending = question
        return question if remembered is False else None

    @property
    def gap_open(self) -> bool:
        return self._open is not None

    def take_question(self) -> GapQuestion | None:
        """The question to put on the prompt being shown now; it is asked once, never again."""
        question, self.pending = self.pending, None
        if question is not None:
            self.asked = question
        return question

    def answer(self, was_up: bool) -> GapQuestion | None:
        """Remember the answer for this kind of gap; returns the question it answered."""
        question, self.asked = self.asked, None
        if question is not None:
            self.answers[question.kind] = was_up
        return question
