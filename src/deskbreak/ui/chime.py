"""A soft two-note chime, generated once with the standard library and played without waiting.

Tk's bell is harsh (or silent) on most desktops, and a sound library would be a heavy
dependency for one short tone: the tone is written as a small WAV file and handed to the
platform's own player. Where none is found, the bell is the fallback.
"""

from __future__ import annotations

import logging
import math
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import tkinter as tk
import wave
from pathlib import Path

from deskbreak.shell import paths
from deskbreak.shell.paths import ensure_private_dir

log = logging.getLogger(__name__)

RATE = 22050
NOTES = ((660.0, 0.16), (880.0, 0.30))  # (Hz, seconds): an upward fifth, calm not alarming
VOLUME = 0.18


def chime_wav(folder: Path | None = None) -> Path:
    """The chime's WAV file, written on first use (atomically, so a half file never plays).

    It lives in deskbreak's private runtime dir, not the shared temp dir, where another user
    could plant the file (or a link) under its predictable name.
    """
    folder = folder or ensure_private_dir(paths.resolve().runtime_dir)
    path = folder / "chime.wav"
    if path.exists():
        return path
    fd, temp = tempfile.mkstemp(prefix=".chime.", suffix=".tmp", dir=folder)  # 0600
    with os.fdopen(fd, "wb") as handle, wave.open(handle, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(_samples())
    os.replace(temp, path)
    return path


def _samples() -> bytes:
    frames = bytearray()
    for freq, seconds in NOTES:
        count = int(RATE * seconds)
        for i in range(count):
            # Soft attack, long exponential fade: a struck-glass sound rather than a beep.
            envelope = min(1.0, i / (RATE * 0.01)) * math.exp(-4.0 * i / count)
            value = VOLUME * envelope * math.sin(2 * math.pi * freq * i / RATE)
            frames += struct.pack("<h", int(value * 32767))
    return bytes(frames)


def play(widget: tk.Misc) -> None:
    """Play the chime in the background; never raises, never blocks the Tk loop."""
    try:
        path = chime_wav()
        if sys.platform == "win32":
            import winsound

            winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)
            return
        for player, *args in (("paplay",), ("pw-play",), ("aplay", "-q"), ("afplay",)):
            exe = shutil.which(player)
            if exe:
                subprocess.Popen(
                    [exe, *args, str(path)],
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
                return
    except (OSError, RuntimeError) as error:
        log.debug("chime: %s; using the bell", error)
    widget.bell()
