"""About deskbreak: what it is, the safety note with its warning signs, and where its files live."""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable, Sequence
from tkinter import ttk

from deskbreak import __version__
from deskbreak.core import safety
from deskbreak.shell.paths import AppPaths
from deskbreak.ui import dialog_style, screen, theme
from deskbreak.ui.scroll import ScrollPage
from deskbreak.ui.windows import bring_to_front

TITLE = "deskbreak — About"
WHAT_IT_DOES = (
    "deskbreak measures how long you really sit, from your keyboard and mouse, and offers a "
    "short, breath-paced movement break for the hips and mid-back when a spell runs long."
)


class AboutDialog(tk.Toplevel):
    """A small read-only window; Close or Esc closes it."""

    def __init__(
        self,
        master: tk.Misc,
        paths: AppPaths,
        *,
        version: str = __version__,
        safety_note: str | None = None,
        red_flags: Sequence[str] | None = None,
        on_closed: Callable[[], None] | None = None,
        dark: bool | None = None,
    ) -> None:
        super().__init__(master, class_=theme.WM_CLASS)
        self.withdraw()
        self.title(TITLE)
        self.resizable(False, False)
        self._on_closed = on_closed
        pal = theme.palette(dark)
        fnt = theme.fonts(self)
        dialog_style.apply(self, pal, fnt)
        self.configure(background=pal.background)
        note = safety_note or f"{safety.FIRST_RUN_NOTE} {safety.STOP_NOW}"
        flags = tuple(red_flags) if red_flags is not None else safety.URGENT
        px = dialog_style.px
        wrap = px(self, 460)

        self.page = ScrollPage(self, pal.background)
        self.page.pack(fill="both", expand=True, padx=(px(self, 22), px(self, 8)))
        body = ttk.Frame(self.page.inner, padding=(0, px(self, 22), px(self, 14), 0))
        body.pack(fill="both", expand=True)
        head = ttk.Frame(body)
        head.pack(fill="x")
        ttk.Label(head, text="deskbreak", style="Title.TLabel").pack(side="left")
        self.version_label = ttk.Label(head, text=f"version {version}", style="Muted.TLabel")
        self.version_label.pack(side="left", padx=(px(self, 10), 0), pady=(px(self, 5), 0))
        ttk.Label(body, text=WHAT_IT_DOES, wraplength=wrap, justify="left").pack(
            anchor="w", pady=(px(self, 8), 0)
        )

        self._heading(body, "Safety")
        ttk.Label(body, text=note, wraplength=wrap, justify="left").pack(anchor="w")
        screening = safety.SCREENING_TITLE + ": " + "; ".join(safety.SCREENING) + "."
        self.screening = ttk.Label(
            body, text=screening, wraplength=wrap, justify="left", font=fnt.small
        )
        self.screening.pack(anchor="w", pady=(px(self, 8), 0))
        ttk.Label(
            body, text=safety.URGENT_TITLE + ":", wraplength=wrap, foreground=pal.warning
        ).pack(anchor="w", pady=(px(self, 8), px(self, 2)))
        self.flag_labels = []
        for flag in flags:
            row = ttk.Frame(body)
            row.pack(anchor="w", fill="x", pady=px(self, 1))
            ttk.Label(row, text="•", foreground=pal.warning).pack(side="left", anchor="n")
            label = ttk.Label(row, text=flag, wraplength=wrap - px(self, 18), justify="left")
            label.pack(side="left", padx=(px(self, 8), 0))
            self.flag_labels.append(label)
        for text in (safety.SOON_TEXT, safety.DISCLAIMER[-1]):
            ttk.Label(body, text=text, wraplength=wrap, justify="left", font=fnt.small).pack(
                anchor="w", pady=(px(self, 8), 0)
            )

        self._heading(body, "Your files")
        files = ttk.Frame(body)
        files.pack(anchor="w", fill="x")
        for index, (name, path) in enumerate(paths.as_rows()):
            ttk.Label(files, text=name, style="Muted.TLabel").grid(
                row=index, column=0, sticky="w", padx=(0, px(self, 14)), pady=px(self, 1)
            )
            ttk.Label(files, text=str(path), font=fnt.small).grid(row=index, column=1, sticky="w")

        buttons = ttk.Frame(self, padding=(px(self, 22), px(self, 12), px(self, 22), px(self, 18)))
        buttons.pack(fill="x")
        self.close_button = ttk.Button(
            buttons, text="Close", style="Accent.TButton", command=self.close
        )
        self.close_button.pack(side="right")
        self.protocol("WM_DELETE_WINDOW", self.close)
        self.bind("<Escape>", lambda _e: self.close())
        self.bind("<Return>", lambda _e: self.close())
        self.page.fit()
        self.update_idletasks()
        self.geometry(
            str(
                screen.centred(
                    self.winfo_reqwidth(), self.winfo_reqheight(), screen.client_area(self)
                )
            )
        )
        self.deiconify()
        self.close_button.focus_set()

    def _heading(self, parent: ttk.Frame, text: str) -> None:
        ttk.Label(parent, text=text, style="Heading.TLabel").pack(
            anchor="w", pady=(dialog_style.px(self, 16), dialog_style.px(self, 4))
        )

    def show(self) -> None:
        bring_to_front(self)

    def close(self) -> None:
        self.destroy()
        if self._on_closed:
            self._on_closed()
