"""Event-driven functions: the inference Lambda (container image) and scheduled jobs."""
