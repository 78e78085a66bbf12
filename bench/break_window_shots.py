"""Screenshots of the break window in every state, for a person to look at.

Run under a display, or without one to get a private Xvfb
(``python bench/break_window_shots.py [OUT [ROUTINE]]``, OUT defaults to test-artifacts/break-window);
DESKBREAK_SCALE=2 and DESKBREAK_THEME=dark give the HiDPI and dark variants.
Uses a fake clock, so each picture shows an exact moment of the breath.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from deskbreak.core.clock import FakeClock
from deskbreak.core.library import load_library
from deskbreak.core.routines import shipped_routines
from deskbreak.core.settings import BreathingSettings
from deskbreak.core.timeline import Segment
from deskbreak.shell import paths
from deskbreak.ui import theme
from deskbreak.ui.break_window import BreakWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repo, for tests.e2e
from tests.e2e import xsession  # noqa: E402


def main(out: Path, routine_id: str = "hips-midback") -> None:
    from datetime import UTC, datetime

    out.mkdir(parents=True, exist_ok=True)
    tag = f"{os.environ.get('DESKBREAK_THEME', 'light')}-x{os.environ.get('DESKBREAK_SCALE', '1')}"
    library = load_library()
    routine = shipped_routines(library)[routine_id]
    clock = FakeClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    root = theme.make_root()
    state = Path(tempfile.mkdtemp())
    window = BreakWindow(
        root,
        routine,
        BreathingSettings(4, 1, 6),
        clock,
        lambda _r: None,
        root.quit,
        paths=paths.resolve(data_dir=state, config_dir=state),
        movements=library.movements,
        week_summary=lambda: (3, 5),
        animate=False,
    )

    def snap(name: str) -> None:
        window.update_idletasks()
        window.refresh() if window.view == "guide" else None
        window.update()
        path = out / f"{tag}-{name}.png"
        subprocess.run(["import", "-window", window.wm_frame(), str(path)], check=True)
        print(path)

    def until(segment: Segment, fraction: float = 0.5, step: int | None = None) -> None:
        """Advance the fake clock to ``fraction`` of the next ``segment``."""
        for _ in range(100_000):
            frame = window.session.tick()
            here = frame.segment is segment and (step is None or frame.step_index == step)
            if here and frame.segment_fraction >= fraction:
                return
            clock.advance(0.05)

    window.update()
    snap("0-first-run")
    window.begin()
    snap("1-get-ready")
    until(Segment.INHALE)
    snap("2-inhale")
    window.guide_page.toggle_safety()
    snap("2b-why-and-cautions")
    window.guide_page.toggle_safety()
    until(Segment.HOLD)
    snap("3-hold")
    until(Segment.EXHALE)
    snap("4-exhale")
    phases = [s.movement.phase for s in routine.steps]
    change = next(i for i, p in enumerate(phases) if p != phases[0])
    while window.session.index < change:
        window.next()
    until(Segment.EXHALE, 0.7, change)
    snap("5-phase-change")
    sided = [i for i, s in enumerate(routine.steps) if s.effective_dose.per_side]
    if sided:
        while window.session.index < sided[-1]:
            window.next()
        until(Segment.SWITCH_SIDES, 0.3)
        snap("6-switch-sides")
    window.toggle_pause()
    snap("7-paused")
    window.toggle_pause()
    easier = next(i for i, s in enumerate(routine.steps) if s.movement.easier)
    while window.session.index != easier:
        window.previous() if window.session.index > easier else window.next()
    window.pain_stop()
    snap("8-pain-note")
    window.pain_note.toggle_details()
    snap("8b-pain-note-all-signs")
    window.pain_note.toggle_details()
    window.pain_note.rest_over()
    snap("8c-pain-note-after-rest")
    window.stop()
    snap("9-comfort")
    window.answer(2)
    window.comfort.places["hips"].set(True)
    snap("10-comfort-where")
    window.finish_rating()
    snap("11-summary")
    window.close()
    root.destroy()


def own_display() -> subprocess.Popen[bytes] | None:
    """Without a DISPLAY (as under `make bench`), start a private Xvfb for the pictures."""
    if os.environ.get("DISPLAY"):
        return None
    server, os.environ["DISPLAY"] = xsession.start_xvfb()
    return server


if __name__ == "__main__":
    xvfb = own_display()
    try:
        main(
            Path(sys.argv[1] if len(sys.argv) > 1 else "test-artifacts/break-window"),
            *sys.argv[2:],
        )
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait(5)
