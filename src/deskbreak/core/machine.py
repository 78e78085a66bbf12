"""One shape for deskbreak's state machines: a table of (state, action) → next state.

The break policy and the break session both are small state machines whose table is the
whole truth about what may happen when. Giving them one shape means one way to read them,
one way to test them (every row of the table), and one error, :class:`IllegalTransition`,
that names the state and the action a caller got wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Generic, TypeVar

S = TypeVar("S", bound=StrEnum)
A = TypeVar("A", bound=StrEnum)


class IllegalTransition(RuntimeError):
    """An action the current state does not allow (a bug in the caller, or a stale command)."""

    def __init__(self, state: StrEnum, action: StrEnum, detail: str = "") -> None:
        message = f"cannot {action.value} in state {state.value}"
        super().__init__(f"{message}: {detail}" if detail else message)
        self.state, self.action = state, action


class Machine(Generic[S, A]):
    """The current state and the table it moves by; nothing else."""

    def __init__(self, table: Mapping[tuple[S, A], S], state: S) -> None:
        self.table = table
        self.state = state

    def can(self, action: A) -> bool:
        return (self.state, action) in self.table

    def check(self, action: A) -> None:
        """Raise :class:`IllegalTransition` unless ``action`` is allowed now."""
        if (self.state, action) not in self.table:
            raise IllegalTransition(self.state, action)

    def move(self, action: A) -> S:
        """Take ``action``: the new state, or :class:`IllegalTransition` and no change."""
        self.check(action)
        self.state = self.table[(self.state, action)]
        return self.state
