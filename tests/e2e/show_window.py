"""Opens one deskbreak window on its own, for the desktop tests: ``python -m tests.e2e.show_window
prompt``. Prints ``ready`` once it is shown, and what the user answered (``start``, ``snooze``,
``skip``, ``ignored``), then exits."""

from __future__ import annotations

import sys

from deskbreak.ui import theme


def main(kind: str, seconds: float) -> None:
    root = theme.make_root()

    def done(what: str) -> None:
        print(what, flush=True)
        root.after(200, root.destroy)

    if kind == "prompt":
        from deskbreak.ui.prompt_window import PromptWindow

        PromptWindow(
            root,
            sitting_minutes=52,
            routine_name="quick reset",
            routine_minutes=3,
            can_snooze=True,
            snooze_minutes=10,
            on_start=lambda: done("start"),
            on_snooze=lambda: done("snooze"),
            on_skip=lambda: done("skip"),
            on_ignored=lambda: done("ignored"),
        )
    else:
        raise SystemExit(f"unknown window {kind!r}")
    root.update()
    print("ready", flush=True)
    root.after(int(seconds * 1000), lambda: done("timeout"))
    root.mainloop()


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 30)
