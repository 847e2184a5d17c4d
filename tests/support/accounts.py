"""Make signed-in users on a running local stack, without going through sign-up."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone

import requests

from tests.support.stack import StackProcess

PASSWORD = "Test-Passw0rd-1"


@dataclass
class TestUser:
    user_id: str
    email: str
    role: str
    id_token: str
    api_url: str
    session: requests.Session = field(default_factory=requests.Session)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.id_token}"}

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        return self.session.request(method, f"{self.api_url}{path}", headers=self.headers,
                                    timeout=kwargs.pop("timeout", 30), **kwargs)

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, json=None, **kwargs) -> requests.Response:
        return self.request("POST", path, json=json, **kwargs)

    def put(self, path: str, json=None, **kwargs) -> requests.Response:
        return self.request("PUT", path, json=json, **kwargs)

    def delete(self, path: str, **kwargs) -> requests.Response:
        return self.request("DELETE", path, **kwargs)


def make_user(stack: StackProcess, role: str, *, time_zone: str = "Europe/London",
              name: str | None = None, email: str | None = None) -> TestUser:
    """Create a confirmed Cognito user in `role`'s group with a users-table row; sign in."""
    env = stack.env
    cognito = stack.client("cognito-idp")
    email = email or f"{role}-{uuid.uuid4().hex[:10]}@test.emotecare.example"
    name = name or f"Test {role.title()}"
    created = cognito.admin_create_user(
        UserPoolId=env["EMOTECARE_USER_POOL_ID"], Username=email, MessageAction="SUPPRESS",
        UserAttributes=[{"Name": "email", "Value": email},
                        {"Name": "email_verified", "Value": "true"}])
    cognito.admin_set_user_password(UserPoolId=env["EMOTECARE_USER_POOL_ID"], Username=email,
                                    Password=PASSWORD, Permanent=True)
    cognito.admin_add_user_to_group(UserPoolId=env["EMOTECARE_USER_POOL_ID"], Username=email,
                                    GroupName=role)
    user_id = next(a["Value"] for a in created["User"]["Attributes"] if a["Name"] == "sub")
    stack.client("dynamodb").put_item(
        TableName=f"{env['EMOTECARE_TABLE_PREFIX']}-users",
        Item={"user_id": {"S": user_id}, "email": {"S": email}, "role": {"S": role},
              "name": {"S": name}, "time_zone": {"S": time_zone}, "country": {"S": "GB"},
              "created_at": {"S": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")},
              "profile": {"S": "{}"}})
    tokens = cognito.initiate_auth(
        ClientId=env["EMOTECARE_USER_POOL_CLIENT_ID"], AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": email, "PASSWORD": PASSWORD})["AuthenticationResult"]
    return TestUser(user_id, email, role, tokens["IdToken"], stack.api_url)
