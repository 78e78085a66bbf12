"""The user's own routines: same format and rules as the shipped ones, errors with file,
line and key, and a broken file never stops anything."""

from __future__ import annotations

from deskbreak.core.choose import choose_routine
from deskbreak.core.library import load_library
from deskbreak.core.routines import load_plans
from deskbreak.core.settings import MovementSettings, Settings
from deskbreak.core.user_routines import merge_plans, parse_user_routines

LIB = load_library()
GOOD = """\
[[routine]]
id = "my-morning"
name = "My morning"
minutes = 2
summary = "Mine."
steps = [
  { id = "belly-breathing", count = 2 },
  { id = "seated-cat-cow", count = 3 },
  { id = "core-set", count = 3 },
  { id = "desk-squat", count = 6 },
]
"""


def test_a_good_routine_is_added_and_chosen_like_a_shipped_one() -> None:
    plans, problems = parse_user_routines(GOOD, LIB, Settings())
    assert problems == [] and [p.id for p in plans] == ["my-morning"]
    merged = merge_plans(load_plans(), plans)
    routine = choose_routine("my-morning", LIB, Settings(), plans=merged)
    assert routine.name == "My morning" and len(routine.steps) == 4


def test_a_routine_with_a_shipped_id_replaces_it() -> None:
    mine = GOOD.replace('"my-morning"', '"quick-reset"').replace('"My morning"', '"Quicker"')
    plans, _ = parse_user_routines(mine, LIB, Settings())
    merged = merge_plans(load_plans(), plans)
    assert [p.id for p in merged].count("quick-reset") == 1
    assert next(p for p in merged if p.id == "quick-reset").name == "Quicker"


def test_an_unknown_movement_is_named_with_its_line_and_key() -> None:
    bad = GOOD.replace('"core-set"', '"core-sett"')
    plans, [problem] = parse_user_routines(bad, LIB, Settings(), "/home/me/routines.toml")
    assert plans == []
    assert (problem.line, problem.key) == (9, "routine 'my-morning'.steps[3].id")
    assert str(problem).startswith("/home/me/routines.toml, line 9, routine 'my-morning'")
    assert "core-sett" in problem.message


def test_the_phase_order_is_checked() -> None:
    bad = GOOD.replace(
        '{ id = "core-set", count = 3 },\n  { id = "desk-squat", count = 6 }',
        '{ id = "desk-squat", count = 6 },\n  { id = "core-set", count = 3 }',
    )
    _, [problem] = parse_user_routines(bad, LIB, Settings())
    assert problem.key.endswith(".steps") and "soften → organize → strengthen" in problem.message


def test_the_length_is_checked() -> None:
    _, [problem] = parse_user_routines(GOOD.replace("minutes = 2", "minutes = 5"), LIB, Settings())
    assert (problem.key, problem.line) == ("routine 'my-morning'.minutes", 4)


def test_the_builder_must_fit_it_to_the_postures_and_avoid_list() -> None:
    seated = Settings(
        movement=MovementSettings(
            postures=("seated",), avoid=("seated-lean-back", "seated-leg-lift")
        )
    )
    _, problems = parse_user_routines(GOOD, LIB, seated)
    assert problems and "cannot be fitted" in problems[0].message


def test_a_broken_file_gives_one_problem_with_its_line_and_no_routine() -> None:
    plans, [problem] = parse_user_routines(GOOD + "\n[[routine]\n", LIB, Settings())
    assert plans == [] and problem.line == 13 and problem.key == "(file)"


def test_one_bad_routine_leaves_the_others() -> None:
    second = GOOD.replace('"my-morning"', '"other"').replace('"seated-cat-cow"', '"nope"')
    plans, problems = parse_user_routines(GOOD + "\n" + second, LIB, Settings())
    assert [p.id for p in plans] == ["my-morning"]
    assert len(problems) == 1 and problems[0].line == 20
