"""The real break window under Xvfb, driven by keys and buttons on a fake clock."""

from __future__ import annotations

import json
import tkinter as tk

import pytest

from deskbreak.core import safety
from deskbreak.core.clock import FakeClock
from deskbreak.core.records import Comfort, Outcome, SessionRecord, Trigger
from deskbreak.core.session_frame import State
from deskbreak.core.settings import BreathingSettings
from deskbreak.core.timeline import GET_READY_SECONDS, Segment
from deskbreak.shell import paths
from deskbreak.ui import theme
from deskbreak.ui.break_window import BreakWindow
from deskbreak.ui.pain_note import URGENT_FLAGS
from tests.core.session_fixtures import (
    CAT_COW,
    CAT_COW_SMALL,
    GLUTE_SQUEEZE,
    MOVEMENTS,
    ROUTINE,
    fake_clock,
)

pytestmark = pytest.mark.gui
BREATHING = BreathingSettings(4, 1, 6)


class Harness:
    def __init__(self, root: tk.Tk, *, first_run_done: bool = True, **kw: object) -> None:
        self.clock: FakeClock = fake_clock()
        self.records: list[SessionRecord] = []
        self.closed = 0
        self.paths = paths.resolve()
        if first_run_done:
            self.paths.first_run_marker.parent.mkdir(parents=True, exist_ok=True)
            self.paths.first_run_marker.touch()
        self.window = BreakWindow(
            root,
            ROUTINE,
            BREATHING,
            self.clock,
            self.records.append,
            self._on_close,
            paths=self.paths,
            movements=MOVEMENTS,
            week_summary=lambda: (3, 5),
            **{"animate": False, **kw},  # type: ignore[arg-type]
        )
        self.window.update()

    def _on_close(self) -> None:
        self.closed += 1

    def key(self, keysym: str) -> None:
        self.window.focus_force()
        self.window.event_generate(f"<KeyPress-{keysym}>", when="tail")
        self.window.update()

    def at(self, seconds: float) -> None:
        """Move the clock ``seconds`` on and redraw, as the frame clock would."""
        self.clock.advance(seconds)
        self.window.refresh()
        self.window.update()


@pytest.fixture
def h(root: tk.Tk) -> Harness:
    return Harness(root)


def test_opens_titled_running_on_the_first_movement(h: Harness) -> None:
    w = h.window
    assert w.title() == "deskbreak — Test routine"
    assert w.view == "guide" and w.session.state is State.RUNNING
    assert w.guide_page.name.cget("text") == f"Next: {CAT_COW.name}"
    assert w.phase_labels[CAT_COW.phase].cget("bg") == w.colors.phase_colors[0]
    h.at(GET_READY_SECONDS + 1)
    assert w.guide_page.name.cget("text") == CAT_COW.name
    assert w.guide_page.counter.cget("text") == "rep 1 of 2"
    assert w.guide_page.cues.items == CAT_COW.cues
    assert w.guide_page.figure.find_withtag("figure"), "the line figure is drawn"


def test_breath_guide_grows_on_the_inhale_and_shrinks_on_the_exhale(h: Harness) -> None:
    guide = h.window.guide
    h.at(GET_READY_SECONDS + 0.1)
    small = guide.radius()
    assert guide.words == "breathe in · 4"
    h.at(2)
    middle = guide.radius()
    h.at(1.8)
    full = guide.radius()
    assert small < middle < full
    h.at(0.2 + 0.5)  # the hold keeps it full
    assert guide.words == "hold" and guide.radius() == pytest.approx(full, abs=1.5)
    h.at(0.5 + 3)
    assert guide.words == "breathe out · 3"
    assert small < guide.radius() < full
    h.at(2.9)
    assert guide.radius() == pytest.approx(small, abs=1.5)


def test_space_pauses_and_resumes(h: Harness) -> None:
    h.at(5)
    h.key("space")
    assert h.window.session.state is State.PAUSED
    assert h.window.guide.words == "paused"
    assert h.window.guide_page.pause_button.cget("text") == "Resume"
    left = h.window.session.frame().routine_left
    h.at(100)
    assert h.window.session.frame().routine_left == left
    h.key("space")
    assert h.window.session.state is State.RUNNING


@pytest.mark.parametrize(("forward", "back"), [("Right", "Left"), ("n", "p")])
def test_keys_move_between_movements(h: Harness, forward: str, back: str) -> None:
    h.key(forward)
    assert h.window.session.steps[h.window.session.index].movement is GLUTE_SQUEEZE
    assert h.window.guide_page.name.cget("text") == f"Next: {GLUTE_SQUEEZE.name}"
    assert h.window.phase_labels[GLUTE_SQUEEZE.phase].cget("bg") == h.window.colors.phase_colors[1]
    h.key(back)
    assert h.window.session.index == 0


def test_buttons_do_what_they_say(h: Harness) -> None:
    w = h.window
    w.guide_page.next_button.invoke()
    assert w.session.index == 1
    w.guide_page.back_button.invoke()
    assert w.session.index == 0
    w.guide_page.pause_button.invoke()
    assert w.session.state is State.PAUSED
    w.guide_page.pause_button.invoke()
    assert w.session.state is State.RUNNING
    w.guide_page.stop_button.invoke()
    assert w.view == "comfort"


def test_escape_ends_and_the_comfort_check_records_its_answer(h: Harness) -> None:
    h.at(GET_READY_SECONDS + 8)
    h.key("Escape")
    assert h.window.view == "comfort"
    h.key("2")
    h.window.comfort.places["low back"].set(True)
    h.key("Return")
    assert h.window.view == "summary"
    [record] = h.records
    assert record.comfort is Comfort.SOME_DISCOMFORT and record.felt_in == ("low back",)
    assert record.outcome is Outcome.STOPPED
    assert record.movements[0].seconds == 8
    assert "3 of 5 days this week" in h.window.summary.text()
    h.key("Return")
    assert h.closed == 1 and len(h.records) == 1


def test_comfort_buttons_are_one_tap(h: Harness) -> None:
    h.window.stop()
    h.window.comfort.choices[Comfort.FELT_GOOD].invoke()
    h.window.comfort.done.invoke()
    assert h.records[0].comfort is Comfort.FELT_GOOD


def test_sharp_pain_shows_the_safety_note_and_records_it(h: Harness) -> None:
    h.at(GET_READY_SECONDS + 5)
    h.key("s")
    w = h.window
    assert w.view == "pain" and w.session.state is State.PAIN_STOPPED
    assert w.pain_note.winfo_ismapped()
    assert w.pain_note.flags.items == URGENT_FLAGS
    assert URGENT_FLAGS == safety.URGENT
    assert safety.SOON_TEXT in w.pain_note.doctor.cget("text")
    w.pain_note.more.invoke()  # the full list, both tiers
    w.update()
    assert w.pain_note.details_box.winfo_ismapped() and not w.pain_note.flags.winfo_ismapped()
    assert safety.DOCTOR_SOON[0] in w.pain_note.details.get("1.0", "end")
    assert not w.guide.animating
    # rest and breathe comes first; the easier version is offered only after it
    assert w.pain_note.rest.winfo_manager() and not w.pain_note.easier_offered
    h.key("e")
    assert w.view == "pain"
    h.key("r")
    assert "Breathe slowly" in w.pain_note.rest.cget("text")
    w.pain_note.rest_over()
    assert w.pain_note.easier_offered and not w.pain_note.rest.winfo_manager()
    assert CAT_COW_SMALL.name in w.pain_note.easier.cget("text")
    h.key("e")  # the easier variant, from the start of this movement
    assert w.view == "guide"
    step = w.session.steps[w.session.index]
    assert step.movement is CAT_COW_SMALL and "easier version" in w.guide_page.counter.cget("text")
    w.close()
    [record] = h.records
    assert record.outcome is Outcome.PAIN_STOP
    assert record.movements[0].pain_stop and record.movements[0].movement_id == CAT_COW.id


def test_pain_button_then_next_movement(h: Harness) -> None:
    h.window.guide_page.pain_button.invoke()
    assert h.window.view == "pain"
    h.window.pain_note.next.invoke()
    assert h.window.view == "guide" and h.window.session.index == 1


def test_no_easier_button_without_an_easier_variant(h: Harness) -> None:
    h.key("Right")
    h.key("s")
    assert not h.window.pain_note.easier.winfo_ismapped()
    h.key("e")
    assert h.window.view == "pain"  # nothing to switch to
    h.key("Escape")
    assert h.window.view == "comfort"


def test_closing_mid_way_records_partial_work(h: Harness) -> None:
    h.at(GET_READY_SECONDS + 6.5)
    h.window.close()
    [record] = h.records
    assert h.closed == 1
    assert record.outcome is Outcome.STOPPED and record.trigger is Trigger.COMMAND
    assert record.movements[0].movement_id == CAT_COW.id
    assert record.movements[0].seconds == 6.5 and not record.movements[0].completed


def test_closing_after_answering_keeps_the_answer(h: Harness) -> None:
    h.window.stop()
    h.key("1")
    h.window.close()
    assert h.records[0].comfort is Comfort.FELT_GOOD


def test_running_to_the_end_asks_for_comfort(h: Harness) -> None:
    h.at(h.window.session.frame().routine_seconds + 1)
    assert h.window.view == "comfort"
    h.key("1")
    h.key("Return")
    assert h.records[0].outcome is Outcome.COMPLETED
    assert "3/3 movements" in h.window.summary.text()


def test_window_remembers_its_size_and_place(root: tk.Tk) -> None:
    first = Harness(root)
    first.window.geometry("480x600+40+30")
    first.window.update()
    first.window.close()
    saved = json.loads(first.paths.window_state_file.read_text())
    assert saved["break"].startswith("480x600")
    second = Harness(root)
    assert second.window.winfo_width() == 480 and second.window.winfo_height() == 600


def test_broken_state_file_falls_back_to_the_default_size(root: tk.Tk) -> None:
    app = paths.resolve()
    app.window_state_file.parent.mkdir(parents=True, exist_ok=True)
    app.window_state_file.write_text("{not json")
    h = Harness(root)
    assert h.window.winfo_width() >= h.window.px(360)


def test_first_run_note_shows_once(root: tk.Tk) -> None:
    h = Harness(root, first_run_done=False)
    assert h.window.view == "first_run" and h.window.session.state is State.READY
    assert "not medical advice" in h.window.first_run.winfo_children()[1].cget("text")
    h.key("Return")
    assert h.window.session.state is State.RUNNING
    h.window.close()
    again = Harness(root, first_run_done=False)  # the marker is now there
    assert again.window.view == "guide"


def test_frame_clock_runs_only_while_running_and_visible(root: tk.Tk) -> None:
    h = Harness(root, animate=True)
    guide = h.window.guide
    assert guide.animating
    h.key("space")
    assert not guide.animating
    h.key("space")
    assert guide.animating
    h.window.withdraw()
    h.window.update()
    guide._tick()  # the next frame finds the window hidden and goes to sleep
    assert not guide.animating
    h.window.deiconify()
    h.window.update()
    assert guide.animating


def test_segment_words_during_switch_sides(h: Harness) -> None:
    h.key("Right")
    h.key("Right")  # side leg lift, per side
    spans = h.window.session._plans[2]
    switch = next(s for s in spans if s.kind is Segment.SWITCH_SIDES)
    h.at(switch.start + 0.5)
    assert h.window.guide.words == "switch sides · 3"
    assert "right side" in h.window.guide_page.counter.cget("text")


def test_each_movement_shows_its_effort_pain_rule_and_cautions(h: Harness) -> None:
    page = h.window.guide_page
    h.at(GET_READY_SECONDS + 1)
    effort = page.effort.cget("text")
    assert effort == safety.effort_text(CAT_COW.effort) and "3/10" in effort and "stop" in effort
    assert page.cues.winfo_ismapped() and not page.safety.winfo_ismapped()
    page.safety_link.invoke()
    h.window.update()
    assert page.safety.winfo_ismapped() and not page.cues.winfo_ismapped()
    assert page.safety.items[0] == f"You should feel it: {CAT_COW.purpose}"
    assert all(f"Caution: {c}" in page.safety.items for c in CAT_COW.cautions)
    assert page.guide.winfo_ismapped(), "the breath guide stays in view"
    page.safety_link.invoke()
    h.window.update()
    assert page.cues.winfo_ismapped()


def test_the_first_run_page_screens_and_gives_both_tiers(root: tk.Tk) -> None:
    h = Harness(root, first_run_done=False)
    note = h.window.first_run
    assert h.window.view == "first_run"
    texts = " ".join(str(w.cget("text")) for w in note.winfo_children() if isinstance(w, tk.Label))
    for topic in ("pregnant", "osteoporosis", "replacement", "dizzy", "hernia"):
        assert topic in texts
    assert safety.URGENT_TITLE in texts and "emergency number" in texts
    assert note.urgent.items == safety.URGENT
    assert safety.SOON_TEXT in texts
    assert "see a clinician" not in texts.split(safety.SOON_TEXT)[0].lower()


def test_the_summary_says_only_what_will_really_happen(root: tk.Tk) -> None:
    said = ["Seated cat-cow: Stopped for pain on 02 Mar; “Small” instead until 16 Mar."]
    h = Harness(root, next_time=lambda _record: said)
    h.key("s")
    h.key("Escape")
    h.window.answer(Comfort.SHARP_PAIN)
    h.window.finish_rating()
    text = h.window.summary.text()
    assert said[0] in text and "easier versions next time" not in text
    assert "urgent care" in text


@pytest.mark.parametrize("scale", [1.0, 2.0])
@pytest.mark.parametrize(
    "area",
    [(1366, 738), (1280, 770), (1366, 694)],
    ids=["1366x768", "1280x800", "1366x768-under-a-title-bar"],
)
def test_the_window_fits_and_the_pain_stop_shows_in_every_state(
    root: tk.Tk, scaled_screen, scale: float, area: tuple[int, int]
) -> None:

    work = scaled_screen(root, scale, area)
    # A saved place from a bigger screen and another scale, in the top-left corner.
    state_file = paths.resolve().window_state_file
    state_file.parent.mkdir(parents=True, exist_ok=True)
    state_file.write_text(json.dumps({"break": "718x918+0+0"}))
    h = Harness(root)
    window = h.window
    for step in ("get ready", "running", "paused"):
        if step == "running":
            h.at(GET_READY_SECONDS + 1)
        elif step == "paused":
            h.key("space")
        window.update()
        bottom = window.winfo_rooty() + window.winfo_height()
        assert (window.winfo_rootx(), window.winfo_rooty()) != (0, 0)
        assert window.winfo_width() <= work.width and bottom <= work.bottom, step
        pain = window.guide_page.pain_button
        assert pain.winfo_ismapped(), step
        pain_bottom = pain.winfo_rooty() + pain.winfo_height()
        assert pain.winfo_height() >= pain.winfo_reqheight() - 2, f"{step}: pain stop squeezed"
        assert pain_bottom <= bottom, f"{step}: the pain stop is below the window's edge"
        guide = window.guide_page.guide
        assert guide.winfo_height() >= window.px(70), f"{step}: the breath guide is squeezed"
    # After a pain stop the safety words scroll if need be; the buttons stay on screen.
    h.key("s")
    window.update()
    assert window.view == "pain"
    for button in (window.pain_note.next, window.pain_note.end):
        assert button.winfo_ismapped()
        assert button.winfo_rooty() + button.winfo_height() <= bottom
    note = window.pain_note.scroll
    assert note.scrolls == (note.inner.winfo_reqheight() > note.canvas.winfo_height() + 1)


def test_where_did_you_feel_it_is_asked_only_after_discomfort_or_pain(h: Harness) -> None:
    h.window.stop()
    comfort = h.window.comfort
    h.key("1")  # felt good
    h.window.update()
    assert comfort.done.winfo_ismapped() and not comfort.asks_where
    h.key("h")  # a chip's key does nothing while the question is not shown
    h.key("2")  # some discomfort: now it asks, and the chips have keys
    h.window.update()
    assert comfort.asks_where and comfort.chips["hips"].winfo_ismapped()
    h.key("h")
    h.key("g")
    h.key("Return")
    assert h.records[0].felt_in == ("hips", "legs")


def test_keys_and_focus_on_every_control_and_the_pain_stop_stays_red(h: Harness) -> None:
    from deskbreak.ui.comfort_check import PLACE_KEYS

    w = h.window
    pain = w.guide_page.pain_button
    assert pain.cget("activebackground") == w.colors.warning_active
    assert theme.contrast(w.colors.on_accent, pain.cget("activebackground")) >= 4.5
    page = w.guide_page
    buttons = [page.back_button, page.pause_button, page.next_button, page.stop_button, pain]
    buttons += [w.pain_note.more, w.pain_note.easier, w.pain_note.next, w.pain_note.end]
    buttons += [*w.comfort.choices.values(), *w.comfort.chips.values(), w.comfort.done]
    buttons += [w.summary.close, w.first_run.begin]
    for button in buttons:
        assert int(button.cget("highlightthickness")) >= 2, button.cget("text")
        assert button.cget("highlightcolor") == w.colors.text
    # Every "where" chip has its key underlined.
    for place, key in PLACE_KEYS.items():
        chip = w.comfort.chips[place]
        assert place[int(chip.cget("underline"))] == key
    # The warning signs open with W on the pain page.
    h.at(GET_READY_SECONDS + 3)
    h.key("s")
    h.key("w")
    w.update()
    assert w.pain_note.details_box.winfo_ismapped()
