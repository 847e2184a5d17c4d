"""The code scanner IAM is generated from, on sample code with each pattern it must (not) count."""
from __future__ import annotations

import textwrap

import pytest

import infra.code_modules as code_modules
from emotecare.db import table_suffix
from emotecare.db.registry import all_models
from infra.cfn.iam import settings_resources
from infra.code_access import Resource, function_access

_SAMPLE = {
    "functions/sample.py": '''
        from chalice import Blueprint
        from pynamodb.transactions import TransactWrite
        from emotecare import aws
        from emotecare.db import models
        from emotecare.db.models import Booking, SlotClaim, User
        from functions import helper

        bp = Blueprint(__name__)

        def handler(event, context):
            s3 = aws.client("s3", settings)
            s3.get_object(Bucket=settings.frames_bucket, Key="k")
            s3.get_paginator("list_objects_v2").paginate(Bucket=settings.frames_bucket)
            s3.generate_presigned_url("put_object", Params={"Bucket": settings.frames_bucket})
            user = User.get("u")
            user.update(actions=[User.name.set("x")])
            options = {}
            options.update(a=1)
            models.Report.query("p")
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
    "functions/tasks.py": '''
        from emotecare import aws

        def enqueue(settings):
            _send(aws.client("sqs", settings), settings.reports_queue_url)

        def _send(sqs, url):
            sqs.send_message(QueueUrl=url, MessageBody="{}")

        def mail(settings):
            aws.client("ses", settings).send_email(Source=settings.sender_email)
    ''',
    "functions/fanout.py": '''
        from functions.tasks import enqueue

        def handler(event, context):
            enqueue(None)
    ''',
    "functions/purge.py": '''
        from functions import finder

        def handler(event, context):
            for item in finder.find_all(event["patient_id"]):
                item.delete()
    ''',
    "functions/finder.py": '''
        from emotecare.db.registry import all_models

        def find_all(patient_id):
            for model in all_models():
                yield from model.query(patient_id)
    ''',
}


@pytest.fixture
def sample_tree(tmp_path, monkeypatch):
    for path, text in _SAMPLE.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(textwrap.dedent(text))
    (tmp_path / "functions" / "__init__.py").write_text("")
    monkeypatch.setattr(code_modules, "ROOT", tmp_path)
    code_modules.parse.cache_clear()
    yield
    code_modules.parse.cache_clear()


def test_scanner_finds_exactly_the_calls_of_one_handler_and_what_it_imports(sample_tree):
    access = function_access([("functions.sample", "handler")], settings_resources(), [])
    assert access == {
        Resource("bucket", "frames"): {"s3:GetObject", "s3:PutObject", "s3:ListBucket"},
        Resource("table", "users"): {"dynamodb:GetItem", "dynamodb:UpdateItem"},
        Resource("table", "bookings"): {"dynamodb:Query", "dynamodb:PutItem"},
        Resource("table", "slot-claims"): {"dynamodb:ConditionCheckItem"},
        Resource("table", "reports"): {"dynamodb:Query"},
        Resource("queue", "reports"): {"sqs:SendMessage"},
    }


def test_scanner_gives_another_handlers_calls_to_that_handler_only(sample_tree):
    access = function_access([("functions.sample", "another_lambda")], settings_resources(), [])
    assert access == {Resource("email_identity"): {"ses:SendEmail"},
                      Resource("table", "users"): {"dynamodb:Scan"}}


def test_code_over_every_model_may_touch_every_table(sample_tree):
    access = function_access([("functions.purge", "handler")], settings_resources(), [])
    assert access == {Resource("table", table_suffix(m)): {"dynamodb:Query", "dynamodb:DeleteItem"}
                      for m in all_models()}


def test_importing_one_function_brings_only_what_that_function_calls(sample_tree):
    access = function_access([("functions.fanout", "handler")], settings_resources(), [])
    assert access == {Resource("queue", "reports"): {"sqs:SendMessage"}}
