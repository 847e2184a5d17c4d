"""The inference Lambda: frame batches from S3 (via SQS) → CNN → emotion records."""
