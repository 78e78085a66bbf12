from __future__ import annotations

from deskbreak.core import safety


def test_both_tiers_and_the_pain_rule_are_there() -> None:
    text = safety.red_flags_text()
    assert "emergency" in text and "doctor" in text
    assert any("groin" in item for item in safety.EMERGENCY)
    assert any("below the knee" in item for item in safety.DOCTOR_SOON)
    assert "2–3 out of 10" in safety.pain_rule_text() and "chest pain" in safety.pain_rule_text()
    assert "not medical advice" in safety.FIRST_RUN_NOTE


def test_urgent_signs_are_never_filed_under_see_a_clinician() -> None:
    urgent = " ".join(safety.URGENT)
    for sign in ("chest pain", "fainting", "groin", "bladder", "bowel", "weakness in a leg"):
        assert sign in urgent
    assert "shoulder blades" in urgent
    assert "emergency number" in safety.URGENT_TITLE
    assert "spreads" in safety.SOON_TEXT and "lasts" in safety.SOON_TEXT
    assert not any(word in safety.SOON_TEXT for word in ("groin", "bladder", "weak"))


def test_the_screening_asks_about_what_the_issue_lists() -> None:
    text = " ".join(safety.SCREENING)
    for topic in (
        "pregnant",
        "surgery",
        "osteoporosis",
        "heart",
        "lung",
        "blood-pressure",
        "dizzy",
        "balance",
        "fall",
        "replacement",
        "hernia",
    ):
        assert topic in text
    full = safety.screening_text()
    assert safety.URGENT_TITLE in full and safety.SOON_TEXT in full


def test_the_effort_line_carries_the_pain_rule() -> None:
    line = safety.effort_text("tension, not pain — about 5–7 of 10")
    assert line.startswith("Effort 5–7/10.") and "3/10" in line and "stop" in line
    assert safety.effort_text("gentle").startswith("Effort gentle.")
