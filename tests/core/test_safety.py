from __future__ import annotations

from deskbreak.core import safety


def test_both_tiers_and_the_pain_rule_are_there() -> None:
    text = safety.red_flags_text()
    assert "emergency" in text and "doctor" in text
    assert any("groin" in item for item in safety.EMERGENCY)
    assert any("below the knee" in item for item in safety.DOCTOR_SOON)
    assert "2–3 out of 10" in safety.pain_rule_text() and "chest pain" in safety.pain_rule_text()
    assert "not medical advice" in safety.FIRST_RUN_NOTE
