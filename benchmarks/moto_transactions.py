#!/usr/bin/env python3
"""Cost of one DynamoDB transaction on moto as tables grow, with and without the local
stack's item-level snapshots (`emotecare_dev.local.isolation`). Prints ms per transaction.

    python benchmarks/moto_transactions.py [--sizes 100 1000 4000]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def measure(sizes: list[int], patched: bool) -> list[float]:
    import boto3
    from moto import mock_aws

    if patched:
        sys.path.insert(0, str(ROOT))
        from emotecare_dev.local.isolation import serialise_dynamodb_writes

        serialise_dynamodb_writes()
    results = []
    with mock_aws():
        client = boto3.client("dynamodb", region_name="eu-west-2")
        tables = ("bookings", "sessions", "claims")
        for name in tables:
            client.create_table(TableName=name, BillingMode="PAY_PER_REQUEST",
                                KeySchema=[{"AttributeName": "k", "KeyType": "HASH"}],
                                AttributeDefinitions=[{"AttributeName": "k",
                                                       "AttributeType": "S"}])
        count = 0
        for size in sizes:
            while count < size:
                for name in tables:
                    client.put_item(TableName=name, Item={"k": {"S": f"{name}-{count}"},
                                                          "v": {"S": "x" * 200}})
                count += 1
            began = time.perf_counter()
            for attempt in range(5):
                client.transact_write_items(TransactItems=[{"Put": {
                    "TableName": name, "Item": {"k": {"S": f"tx-{size}-{attempt}"}},
                    "ConditionExpression": "attribute_not_exists(k)"}} for name in tables])
            results.append((time.perf_counter() - began) / 5 * 1000)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 4000])
    parser.add_argument("--patched", choices=["yes", "no"])
    args = parser.parse_args()
    if args.patched:  # one configuration per process: the patch cannot be undone
        print(" ".join(f"{ms:.1f}" for ms in measure(args.sizes, args.patched == "yes")))
        return 0
    for patched in ("no", "yes"):
        out = subprocess.run([sys.executable, __file__, "--patched", patched, "--sizes",
                              *map(str, args.sizes)], capture_output=True, text=True,
                             check=True).stdout.split()
        label = "item snapshots (local stack)" if patched == "yes" else "moto as shipped"
        print(f"{label:<30} " + "  ".join(f"{size} items/table: {ms} ms"
                                          for size, ms in zip(args.sizes, out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
