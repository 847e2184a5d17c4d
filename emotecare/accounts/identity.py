"""Amazon Cognito behind one small class: the only code that talks to the user pool.

Cognito's error codes become domain errors here, so callers never see botocore. Admin
operations address users by e-mail (an alias of the pool's username).
"""
from __future__ import annotations

from dataclasses import dataclass

from botocore.exceptions import ClientError

from emotecare.errors import AuthenticationError, ConflictError, ForbiddenError, ValidationError
from emotecare.log import get_logger

logger = get_logger("accounts")


@dataclass(frozen=True)
class Tokens:
    id_token: str
    expires_in: int
    refresh_token: str | None = None


def _code(exc: ClientError) -> str:
    return exc.response.get("Error", {}).get("Code", "")


def _message(exc: ClientError) -> str:
    return exc.response.get("Error", {}).get("Message", "") or _code(exc)


class IdentityProvider:
    """Sign-up, sign-in, tokens and groups of one Cognito user pool and app client."""

    def __init__(self, cognito_client, user_pool_id: str, client_id: str):
        self._cognito = cognito_client
        self._pool = user_pool_id
        self._client = client_id

    def sign_up(self, email: str, password: str, name: str) -> str:
        """Create an unconfirmed user; return its `sub` (our user id)."""
        try:
            response = self._cognito.sign_up(
                ClientId=self._client, Username=email, Password=password,
                UserAttributes=[{"Name": "email", "Value": email}, {"Name": "name", "Value": name}])
        except ClientError as exc:
            if _code(exc) == "UsernameExistsException":
                raise ConflictError("an account with this email already exists") from exc
            if _code(exc) in ("InvalidPasswordException", "InvalidParameterException"):
                raise ValidationError(f"password: {_message(exc)}", field="password") from exc
            raise
        return response["UserSub"]

    def confirm(self, email: str) -> None:
        """Mark the user confirmed with a verified e-mail (we checked the code ourselves)."""
        self._cognito.admin_confirm_sign_up(UserPoolId=self._pool, Username=email)
        self._cognito.admin_update_user_attributes(
            UserPoolId=self._pool, Username=email,
            UserAttributes=[{"Name": "email_verified", "Value": "true"}])

    def add_to_group(self, email: str, group: str) -> None:
        self._cognito.admin_add_user_to_group(UserPoolId=self._pool, Username=email,
                                              GroupName=group)

    def status(self, email: str) -> str | None:
        """The user's Cognito status (CONFIRMED, UNCONFIRMED, …), None when there is none."""
        try:
            return self._cognito.admin_get_user(UserPoolId=self._pool,
                                                Username=email)["UserStatus"]
        except ClientError as exc:
            if _code(exc) == "UserNotFoundException":
                return None
            raise

    def subject(self, email: str) -> str | None:
        """The user's `sub` (our user id), None when there is no such user."""
        try:
            attributes = self._cognito.admin_get_user(UserPoolId=self._pool,
                                                      Username=email)["UserAttributes"]
        except ClientError as exc:
            if _code(exc) == "UserNotFoundException":
                return None
            raise
        return next((a["Value"] for a in attributes if a["Name"] == "sub"), None)

    def enabled(self, email: str) -> bool | None:
        """Whether the user may sign in (an operator can disable them); None when there is none."""
        try:
            return bool(self._cognito.admin_get_user(UserPoolId=self._pool,
                                                     Username=email).get("Enabled", True))
        except ClientError as exc:
            if _code(exc) == "UserNotFoundException":
                return None
            raise

    def sign_in(self, email: str, password: str) -> Tokens:
        try:
            result = self._cognito.initiate_auth(
                ClientId=self._client, AuthFlow="USER_PASSWORD_AUTH",
                AuthParameters={"USERNAME": email, "PASSWORD": password})
        except ClientError as exc:
            if _code(exc) == "UserNotConfirmedException":
                raise ForbiddenError("confirm your email first (see the code we sent)") from exc
            if _code(exc) in ("NotAuthorizedException", "UserNotFoundException"):
                raise AuthenticationError("wrong email or password") from exc
            raise
        if "AuthenticationResult" not in result:
            # e.g. NEW_PASSWORD_REQUIRED for admin-created users: not a flow we offer.
            raise AuthenticationError(f"sign-in needs {result.get('ChallengeName')}: "
                                      "reset your password")
        auth = result["AuthenticationResult"]
        return Tokens(auth["IdToken"], int(auth["ExpiresIn"]), auth.get("RefreshToken"))

    def refresh(self, refresh_token: str) -> Tokens:
        try:
            result = self._cognito.initiate_auth(
                ClientId=self._client, AuthFlow="REFRESH_TOKEN_AUTH",
                AuthParameters={"REFRESH_TOKEN": refresh_token})
        except ClientError as exc:
            # moto answers an unknown token with a 500; Cognito with NotAuthorized.
            logger.info("refresh refused", extra={"code": _code(exc)})
            raise AuthenticationError("refresh token invalid or revoked: sign in again") from exc
        auth = result["AuthenticationResult"]
        return Tokens(auth["IdToken"], int(auth["ExpiresIn"]))

    def sign_out_everywhere(self, email: str) -> None:
        """Revoke every refresh token of the user (ID tokens lapse at their expiry)."""
        self._cognito.admin_user_global_sign_out(UserPoolId=self._pool, Username=email)

    def set_password(self, email: str, password: str) -> None:
        try:
            self._cognito.admin_set_user_password(UserPoolId=self._pool, Username=email,
                                                  Password=password, Permanent=True)
        except ClientError as exc:
            if _code(exc) in ("InvalidPasswordException", "InvalidParameterException"):
                raise ValidationError(f"password: {_message(exc)}", field="password") from exc
            raise

    def delete_user(self, email: str) -> None:
        try:
            self._cognito.admin_delete_user(UserPoolId=self._pool, Username=email)
        except ClientError as exc:
            if _code(exc) != "UserNotFoundException":
                raise

    def change_password(self, email: str, current: str, proposed: str) -> None:
        """Cognito's ChangePassword, which proves the current password with an access token.

        The API holds only the caller's ID token, so the current password is checked by
        signing in with it (USER_PASSWORD_AUTH, the flow the sign-in page uses); a wrong one
        is a 400 on `current_password`, not a 401 that would end the browser's session.
        """
        try:
            result = self._cognito.initiate_auth(
                ClientId=self._client, AuthFlow="USER_PASSWORD_AUTH",
                AuthParameters={"USERNAME": email, "PASSWORD": current})
        except ClientError as exc:
            if _code(exc) in ("NotAuthorizedException", "UserNotFoundException"):
                raise ValidationError("current_password: that is not your current password",
                                      field="current_password") from exc
            raise
        access_token = result.get("AuthenticationResult", {}).get("AccessToken")
        if not access_token:
            raise ValidationError("current_password: this account must reset its password first",
                                  field="current_password")
        try:
            self._cognito.change_password(AccessToken=access_token, PreviousPassword=current,
                                          ProposedPassword=proposed)
        except ClientError as exc:
            if _code(exc) in ("InvalidPasswordException", "InvalidParameterException"):
                raise ValidationError(f"new_password: {_message(exc)}", field="new_password") from exc
            if _code(exc) == "LimitExceededException":
                raise ValidationError("current_password: too many attempts, try again later",
                                      field="current_password") from exc
            raise
