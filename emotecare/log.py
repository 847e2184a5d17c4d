"""Structured JSON logs (Powertools Logger) shared by the API, the Lambdas and the local stack."""
from __future__ import annotations

import functools

from aws_lambda_powertools import Logger


@functools.lru_cache(maxsize=None)
def get_logger(service: str = "emotecare") -> Logger:
    """A Powertools logger for `service`; level comes from POWERTOOLS_LOG_LEVEL / LOG_LEVEL."""
    return Logger(service=service)
