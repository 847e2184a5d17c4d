"""Compiled risk patterns by category, for `classifier.py`.

The phrases live in `patterns_self.py` (suicidal ideation, self-harm) and
`patterns_others.py` (harm to others, abuse, medical emergency); this module only compiles
them once, at first import of the safety package.
"""
from __future__ import annotations

import re

from emotecare.safety.fragments import (ABUSE, CATEGORY_PRIORITY, HARM_TO_OTHERS, MEDICAL_EMERGENCY, SELF_HARM,
                                        SUICIDAL_IDEATION)
from emotecare.safety.patterns_others import (ABUSE_PATTERNS, HARM_TO_OTHERS_PATTERNS,
                                              MEDICAL_EMERGENCY_PATTERNS)
from emotecare.safety.patterns_self import (AMBIGUOUS_SUICIDAL_PATTERNS, SELF_HARM_PATTERNS,
                                            SUICIDAL_IDEATION_PATTERNS)

__all__ = ["ABUSE", "AMBIGUOUS_PATTERNS", "CATEGORY_PRIORITY", "HARM_TO_OTHERS", "MEDICAL_EMERGENCY", "PATTERNS",
           "SELF_HARM", "SUICIDAL_IDEATION"]

_RAW = {
    SUICIDAL_IDEATION: SUICIDAL_IDEATION_PATTERNS,
    SELF_HARM: SELF_HARM_PATTERNS,
    HARM_TO_OTHERS: HARM_TO_OTHERS_PATTERNS,
    ABUSE: ABUSE_PATTERNS,
    MEDICAL_EMERGENCY: MEDICAL_EMERGENCY_PATTERNS,
}
PATTERNS = {category: [re.compile(p) for p in patterns] for category, patterns in _RAW.items()}
AMBIGUOUS_PATTERNS = {SUICIDAL_IDEATION: [re.compile(p) for p in AMBIGUOUS_SUICIDAL_PATTERNS]}
