"""The shared state-machine shape: moves by its table, refuses the rest without changing."""

from __future__ import annotations

from enum import StrEnum

import pytest

from deskbreak.core.machine import IllegalTransition, Machine


class Light(StrEnum):
    OFF = "off"
    ON = "on"


class Press(StrEnum):
    SWITCH_ON = "switch on"
    SWITCH_OFF = "switch off"


TABLE = {(Light.OFF, Press.SWITCH_ON): Light.ON, (Light.ON, Press.SWITCH_OFF): Light.OFF}


def test_a_move_in_the_table_changes_the_state() -> None:
    machine = Machine(TABLE, Light.OFF)
    assert machine.can(Press.SWITCH_ON) and not machine.can(Press.SWITCH_OFF)
    assert machine.move(Press.SWITCH_ON) is Light.ON
    assert machine.state is Light.ON


def test_a_move_not_in_the_table_names_state_and_action_and_changes_nothing() -> None:
    machine = Machine(TABLE, Light.ON)
    with pytest.raises(IllegalTransition, match="cannot switch on in state on") as raised:
        machine.move(Press.SWITCH_ON)
    assert (raised.value.state, raised.value.action) == (Light.ON, Press.SWITCH_ON)
    assert machine.state is Light.ON


def test_a_refusal_may_say_why() -> None:
    error = IllegalTransition(Light.ON, Press.SWITCH_ON, "already on")
    assert str(error) == "cannot switch on in state on: already on"
