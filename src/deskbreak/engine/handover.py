"""What a second ``deskbreak`` may ask the running one: only routines that exist.

The check runs on the instance socket's client thread, so it touches none of the app's
objects: it reads the routine files (the shipped ones and the user's ``routines.toml``),
and only when a second launch actually asks for a routine.
"""

from __future__ import annotations

from deskbreak.core.commands import Command, TakeBreak
from deskbreak.shell.paths import AppPaths


def refusal(command: Command, paths: AppPaths) -> str | None:
    """Why ``command`` is refused (an unknown routine), or None to take it."""
    wanted = command.routine_id if isinstance(command, TakeBreak) else None
    if wanted is None:
        return None
    from deskbreak.shell import user_routines  # read only when a routine is asked for

    if wanted not in user_routines.routine_ids(paths):
        return f"there is no routine called {wanted!r}"
    return None
