"""Text for a terminal: control characters escaped, so imported or hand-written text cannot
move the cursor, retitle the window or hide what follows (``\\x1b]0;…``, ``\\x1b[2J``).

Every command's stdout and stderr go through :class:`EscapingWriter` (set up in ``cli.main``);
newlines and tabs pass, every other C0/C1 control and DEL is shown as ``\\xNN``.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def escape_controls(text: str) -> str:
    """``text`` with every control character but newline and tab shown as ``\\xNN``."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class EscapingWriter:
    """A text stream that escapes control characters on the way to ``raw``.

    ``raw`` stays reachable for output that is data, not messages (an export piped to a file).
    """

    def __init__(self, raw: TextIO) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        self.raw.write(escape_controls(text))
        return len(text)

    def writelines(self, lines: list[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)
