"""How many prompts one sitting spell may still bring: the calm rule, counted.

Kept apart from :class:`~deskbreak.core.policy.BreakPolicy` because the cap is a rule of its
own — per spell one prompt, at most ``max_snoozes`` snoozed repeats and one repeat of a prompt
left unanswered, never more — that the state machine only asks about; a new spell starts a
fresh count.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class SpellPrompts:
    shown: int = 0  # prompts shown in this spell
    snoozes: int = 0  # snoozes in a row in this spell
    repeat_used: bool = False  # the one repeat of an unanswered prompt
    exhausted: bool = False  # no prompt left for this spell

    def left(self, max_snoozes: int) -> int:
        """Prompts this spell may still bring: 1 + max_snoozes + 1 at most in all."""
        if self.exhausted:
            return 0
        return max(max_snoozes + 2 - self.shown, 0)

    def show(self) -> bool:
        """Count a prompt shown; True when it repeats one already shown this spell."""
        self.shown += 1
        return self.shown > 1

    def ignored(self, max_snoozes: int) -> bool:
        """A prompt went unanswered: True when it may come back once, else none is left."""
        if not self.repeat_used and self.left(max_snoozes):
            self.repeat_used = True
            return True
        self.exhausted = True
        return False
