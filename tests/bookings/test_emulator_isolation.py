"""The local stack's DynamoDB (moto) keeps transactions atomic and isolated under threads."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import boto3
import pytest
from moto import mock_aws

from emotecare_dev.local.isolation import serialise_dynamodb_writes


@pytest.fixture
def dynamodb():
    serialise_dynamodb_writes()
    with mock_aws():
        client = boto3.client("dynamodb", region_name="eu-west-2")
        client.create_table(TableName="t", BillingMode="PAY_PER_REQUEST",
                            KeySchema=[{"AttributeName": "k", "KeyType": "HASH"}],
                            AttributeDefinitions=[{"AttributeName": "k", "AttributeType": "S"}])
        yield client


def _item(client, key):
    return client.get_item(TableName="t", Key={"k": {"S": key}}).get("Item")


def test_cancelled_transaction_undoes_its_own_puts_and_updates(dynamodb):
    dynamodb.put_item(TableName="t", Item={"k": {"S": "taken"}})
    dynamodb.put_item(TableName="t", Item={"k": {"S": "counter"}, "v": {"S": "old"}})
    with pytest.raises(dynamodb.exceptions.TransactionCanceledException):
        dynamodb.transact_write_items(TransactItems=[
            {"Put": {"TableName": "t", "Item": {"k": {"S": "new"}}}},
            {"Update": {"TableName": "t", "Key": {"k": {"S": "counter"}},
                        "UpdateExpression": "SET v = :v",
                        "ExpressionAttributeValues": {":v": {"S": "changed"}}}},
            {"Put": {"TableName": "t", "Item": {"k": {"S": "taken"}},
                     "ConditionExpression": "attribute_not_exists(k)"}}])
    assert _item(dynamodb, "new") is None
    assert _item(dynamodb, "counter")["v"]["S"] == "old"


def test_racing_transactions_have_one_winner_and_lose_no_other_writes(dynamodb):
    def claim(n):
        try:
            dynamodb.transact_write_items(TransactItems=[
                {"Put": {"TableName": "t", "Item": {"k": {"S": f"booking-{n}"}}}},
                {"Put": {"TableName": "t", "Item": {"k": {"S": "slot"}, "by": {"S": str(n)}},
                         "ConditionExpression": "attribute_not_exists(k)"}}])
            return n
        except dynamodb.exceptions.TransactionCanceledException:
            dynamodb.put_item(TableName="t", Item={"k": {"S": f"loser-{n}"}})
            return None

    with ThreadPoolExecutor(16) as pool:
        winners = [n for n in pool.map(claim, range(40)) if n is not None]
    assert len(winners) == 1
    assert _item(dynamodb, "slot")["by"]["S"] == str(winners[0])
    assert _item(dynamodb, f"booking-{winners[0]}") is not None
    losers = [n for n in range(40) if n != winners[0]]
    assert all(_item(dynamodb, f"booking-{n}") is None for n in losers)
    assert all(_item(dynamodb, f"loser-{n}") is not None for n in losers)
