"""The code scanner IAM is generated from, on sample code with each pattern it must (not) count."""
from __future__ import annotations

import textwrap

import pytest

import infra.code_access as code_access
from infra.cfn.iam import settings_resources
from infra.code_access import Resource, function_access

_SAMPLE = {
    "functions/sample.py": '''
        from chalice import Blueprint
        from pynamodb.transactions import TransactWrite
        from emotecare import aws
        from emotecare.db.models import Booking, SlotClaim, User
        from functions import helper

        bp = Blueprint(__name__)

        def handler(event, context):
            s3 = aws.client("s3", settings)
            s3.get_object(Bucket=settings.frames_bucket, Key="k")
            s3.generate_presigned_url("put_object", Params={"Bucket": settings.frames_bucket})
            user = User.get("u")
            user.update(actions=[User.name.set("x")])
            options = {}
            options.update(a=1)
            for booking in Booking.by_patient.query("p"):
                pass
            with TransactWrite(connection=None) as transaction:
                transaction.condition_check(SlotClaim, "k", condition=None)
                transaction.save(Booking("b"))
            helper.send(aws.client("sqs", settings), settings.reports_queue_url)

        @bp.schedule("rate(1 day)")
        def another_lambda(event):
            aws.client("ses").send_email(Source=settings.sender_email)
            User.scan()
    ''',
    "functions/helper.py": '''
        def send(sqs, url):
            sqs.send_message_batch(QueueUrl=url, Entries=[])
    ''',
}


@pytest.fixture
def sample_tree(tmp_path, monkeypatch):
    for path, text in _SAMPLE.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(textwrap.dedent(text))
    (tmp_path / "functions" / "__init__.py").write_text("")
    monkeypatch.setattr(code_access, "ROOT", tmp_path)
    code_access._parse.cache_clear()
    yield
    code_access._parse.cache_clear()


def test_scanner_finds_exactly_the_calls_of_one_handler_and_what_it_imports(sample_tree):
    access = function_access([("functions.sample", "handler")], settings_resources(), [])
    assert access == {
        Resource("bucket", "frames"): {"s3:GetObject", "s3:PutObject"},
        Resource("table", "users"): {"dynamodb:GetItem", "dynamodb:UpdateItem"},
        Resource("table", "bookings"): {"dynamodb:Query", "dynamodb:PutItem"},
        Resource("table", "slot-claims"): {"dynamodb:ConditionCheckItem"},
        Resource("queue", "reports"): {"sqs:SendMessage"},
    }


def test_scanner_gives_another_handlers_calls_to_that_handler_only(sample_tree):
    access = function_access([("functions.sample", "another_lambda")], settings_resources(), [])
    assert access == {Resource("email_identity"): {"ses:SendEmail"},
                      Resource("table", "users"): {"dynamodb:Scan"}}
