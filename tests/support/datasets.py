"""The team's shared data sets, found as the development tools find them."""
from emotecare_dev.datasets import shared_dataset  # noqa: F401
