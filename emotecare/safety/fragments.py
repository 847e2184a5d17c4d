"""The five crisis categories, and which one a reply leads with when a message shows several."""
from __future__ import annotations

SUICIDAL_IDEATION = "suicidal_ideation"
SELF_HARM = "self_harm"
HARM_TO_OTHERS = "harm_to_others"
ABUSE = "abuse"
MEDICAL_EMERGENCY = "medical_emergency"
# When one message matches several, the reply leads with the most urgent.
CATEGORY_PRIORITY = (MEDICAL_EMERGENCY, SUICIDAL_IDEATION, SELF_HARM, HARM_TO_OTHERS, ABUSE)
