"""What deskbreak says about safety, in its own words: red flags, the pain rule, the notes.

Plain strings so the break window, the About dialog, the first-run note and the CLI all
show the same text.
"""

from __future__ import annotations

import re

# Two tiers, everywhere the app speaks of warning signs: urgent (stop, get urgent care or
# call the emergency number) and soon (see a clinician). Never file an urgent sign under "soon".
URGENT_TITLE = "Stop and get urgent care, or call your emergency number, for"
URGENT = (
    "chest pain, or fainting",
    "numbness around the groin, buttocks or inner thighs",
    "new trouble with your bladder or bowels",
    "sudden weakness in a leg",
    "sudden, severe pain between the shoulder blades",
)
SOON_TITLE = "See a clinician soon for"
SOON = ("pain that spreads, gets worse, or lasts",)
SOON_TEXT = "See a clinician soon for pain that spreads, gets worse, or lasts."
EMERGENCY_NUMBERS = "Emergency numbers: 112 in Europe, 911 in North America, 999 in the UK."

# Asked before the first break (and shown from About): reasons to check with a clinician
# before starting any exercise programme, worded as "get checked", not as a diagnosis.
SCREENING_TITLE = "Check with a clinician before you start if you"
SCREENING = (
    "are pregnant",
    "had surgery recently, or have a hernia",
    "have osteoporosis (thin bones)",
    "have a heart, lung or blood-pressure condition",
    "get dizzy when you stand up",
    "have balance problems or have had a fall",
    "have a hip or knee replacement",
)

# The pain rule in one line, for the break window beside each movement's effort.
PAIN_RULE_SHORT = (
    "Up to 3/10 discomfort that settles is fine; sharp, shooting or spreading pain: stop."
)
_RANGE = re.compile(r"(\d+)–(\d+) of 10")

EMERGENCY_TITLE = "Get emergency care now if you notice"
EMERGENCY = (
    "chest pain, or fainting",
    "sudden, severe pain between the shoulder blades",
    "new trouble starting to pass urine or holding it in, leaking, or not feeling when your bladder is full",
    "losing control of your bowels",
    "numbness around the groin, buttocks or inner thighs — or wiping feels different",
    "legs that are suddenly weak or getting weaker, a foot that drags, or trouble walking",
    "new problems with sexual function",
)

DOCTOR_TITLE = "See a doctor soon if your back pain comes with"
DOCTOR_SOON = (
    "a fever of 38 °C (100.4 °F) or more lasting over two days",
    "pain that gets worse when you rest, or that is there all night",
    "pain running down a leg, especially below the knee",
    "weakness, tingling or numbness in a leg",
    "pain in the belly or a throbbing feeling there",
    "a fall or a knock — especially if you are older, have thin bones or take steroids",
    "a past cancer, or weight loss you can't explain",
    "a recent urine infection or a change in how your bladder works",
    "a weakened immune system, or injecting drugs",
    "swelling or redness on your back",
    "back pain that is new and you are over 50 or under 20",
    "a visible change in the shape of your spine",
)
DOCTOR_SOON_SHORT = (
    "See a doctor soon for pain running down a leg, pain that is worse at rest or at night, "
    "a fever, or pain after a fall."
)
SLOW_RECOVERY = (
    "If back pain isn't easing after about four weeks of looking after yourself, or keeps "
    "getting worse, see a doctor or physiotherapist. Most back pain settles within four to six weeks."
)

PAIN_RULE_TITLE = "The pain rule"
PAIN_RULE = (
    "During a movement, keep any discomfort at 2–3 out of 10 or less.",
    "It should be back to how you felt before within about half an hour.",
    "The next day should not be worse.",
)
STOP_NOW = (
    "Stop at once for sharp, shooting or electric pain, numbness or tingling spreading into "
    "an arm or leg, dizziness, or chest pain."
)

FIRST_RUN_NOTE = (
    "deskbreak offers general guidance on moving more at your desk. It is not medical "
    "advice and does not replace a doctor or physiotherapist. Move within comfort, and "
    "stop if something hurts."
)

DISCLAIMER = (
    "deskbreak is for general education only. It is not medical advice, diagnosis or treatment, "
    "and it promises no particular result.",
    "If you have ongoing pain, a recent injury or operation, are pregnant, have thin bones "
    "(osteoporosis), or have a heart, lung or blood-pressure condition, ask a doctor or "
    "physiotherapist before you start.",
    "Stop any movement that hurts, and follow the pain rule.",
    "Use a desk that won't slide or tip. Unless you say your chair is fixed, deskbreak "
    "assumes it rolls and reclines and never asks you to lean on it or stand up from it.",
    "In an emergency, call your local emergency number (112 in Europe, 911 in North America, "
    "999 in the UK).",
)


def red_flags_text() -> str:
    """Both tiers of red flags as one block of text, for dialogs and the terminal."""
    lines = [EMERGENCY_TITLE + ":"]
    lines += [f"  • {item}" for item in EMERGENCY]
    lines += ["", DOCTOR_TITLE + ":"]
    lines += [f"  • {item}" for item in DOCTOR_SOON]
    lines += ["", SLOW_RECOVERY]
    return "\n".join(lines)


def screening_text() -> str:
    """The short screening and both tiers, for the first-run page and About."""
    lines = [SCREENING_TITLE + ":"]
    lines += [f"  • {item}" for item in SCREENING]
    lines += ["", URGENT_TITLE + ":"]
    lines += [f"  • {item}" for item in URGENT]
    lines += ["", SOON_TEXT, EMERGENCY_NUMBERS]
    return "\n".join(lines)


def effort_text(effort: str) -> str:
    """A movement's effort on the 0–10 scale with the pain rule beside it, in one short line
    for the break window: "Effort 5–7/10. Up to 3/10 discomfort that settles is fine; …"."""
    found = _RANGE.search(effort)
    level = f"{found.group(1)}–{found.group(2)}/10" if found else effort
    return f"Effort {level}. {PAIN_RULE_SHORT}"


def pain_rule_text() -> str:
    return "\n".join([PAIN_RULE_TITLE + ":", *(f"  • {line}" for line in PAIN_RULE), STOP_NOW])
