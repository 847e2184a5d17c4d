"""The user pool's password policy, checked before anything is spent on a weak password.

The policy is declared once in `emotecare.resources` (which the pool is created from);
Cognito enforces it too, but a reset code must not be used up by a password it refuses.
"""
from __future__ import annotations

from emotecare.errors import ValidationError
from emotecare.resources import PLATFORM


def check_password(password: str, field: str = "password") -> str:
    spec = PLATFORM.user_pool
    problems = []
    if len(password) < spec.password_min_length:
        problems.append(f"at least {spec.password_min_length} characters")
    if not any(c.islower() for c in password):
        problems.append("a lower-case letter")
    if not any(c.isupper() for c in password):
        problems.append("an upper-case letter")
    if not any(c.isdigit() for c in password):
        problems.append("a digit")
    if problems:
        raise ValidationError(f"{field}: needs {', '.join(problems)}", field=field)
    return password
