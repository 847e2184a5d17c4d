"""Compiled risk patterns by category, for `rules.py`.

The phrases live in `patterns_suicide.py`, `patterns_self_harm.py` and
`patterns_others.py` (harm to others, abuse, medical emergency); this module only compiles
them, once, on the first message checked (not at import, so cold starts stay quick).
"""
from __future__ import annotations

import re
from functools import lru_cache

from emotecare.safety.fragments import (ABUSE, CATEGORY_PRIORITY, HARM_TO_OTHERS, MEDICAL_EMERGENCY, SELF_HARM,
                                        SUICIDAL_IDEATION)
from emotecare.safety.patterns_others import (ABUSE_PATTERNS, HARM_TO_OTHERS_PATTERNS,
                                              MEDICAL_EMERGENCY_PATTERNS)
from emotecare.safety.patterns_self_harm import SELF_HARM_PATTERNS
from emotecare.safety.patterns_suicide import AMBIGUOUS_SUICIDAL_PATTERNS, SUICIDAL_IDEATION_PATTERNS

__all__ = ["ABUSE", "CATEGORY_PRIORITY", "HARM_TO_OTHERS", "MEDICAL_EMERGENCY", "SELF_HARM", "SUICIDAL_IDEATION",
           "load_ambiguous_patterns", "load_patterns"]

_RAW = {
    SUICIDAL_IDEATION: SUICIDAL_IDEATION_PATTERNS,
    SELF_HARM: SELF_HARM_PATTERNS,
    HARM_TO_OTHERS: HARM_TO_OTHERS_PATTERNS,
    ABUSE: ABUSE_PATTERNS,
    MEDICAL_EMERGENCY: MEDICAL_EMERGENCY_PATTERNS,
}


@lru_cache(maxsize=1)
def load_patterns() -> dict[str, list[re.Pattern]]:
    """Return the compiled patterns by category (compiled on first use: ~0.3 s, kept warm)."""
    return {category: [re.compile(p) for p in patterns] for category, patterns in _RAW.items()}


@lru_cache(maxsize=1)
def load_ambiguous_patterns() -> dict[str, list[re.Pattern]]:
    """Return the compiled everyday-despair patterns, suppressed in mundane contexts."""
    return {SUICIDAL_IDEATION: [re.compile(p) for p in AMBIGUOUS_SUICIDAL_PATTERNS]}
