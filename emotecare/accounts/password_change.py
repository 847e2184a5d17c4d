"""Change the signed-in user's password in Account, proving the current one."""
from __future__ import annotations

from emotecare.accounts import throttle
from emotecare.accounts.identity import IdentityProvider
from emotecare.accounts.passwords import check_password
from emotecare.accounts.profiles import load_user
from emotecare.accounts.tokens import Principal
from emotecare.errors import ValidationError
from emotecare.fields import Fields


def change_password(principal: Principal, body: dict, identity: IdentityProvider,
                    client: str = "", browser: str = "") -> dict:
    """`{current_password, new_password}` → Cognito ChangePassword. Other signed-in devices
    keep their sessions until their tokens lapse (Cognito does not revoke them on a change).

    A wrong current password counts against the same limits as a wrong sign-in: otherwise a
    stolen token would make this route a way to guess the password without limit."""
    f = Fields(body, ("current_password", "new_password"))
    current = f.secret("current_password", max_len=128)
    proposed = check_password(f.secret("new_password", max_len=128), field="new_password")
    if proposed == current:
        raise ValidationError("new_password: must differ from your current password",
                              field="new_password")
    email = load_user(principal.user_id).email
    # Counted like an unknown client's sign-in; the token already proves who this is, so
    # strangers' guesses (the account-wide allowance) never stop it.
    with throttle.sign_in_attempt(email, client, browser, None, counted=(ValidationError,)):
        identity.change_password(email, current, proposed)
    return {"changed": True}
