"""The frame pipeline: upload grants, the batch format, inference and the live feed.

Modules the API imports (grants, feed, keys, batch_format, valence) never import OpenCV or
LiteRT; only `analyzer` and `inference` do, and only the inference function imports those.
The whole package ships in both the API zip and the inference image (`emotecare/` ships
whole); `tests/foundation/test_packaging.py` keeps OpenCV and LiteRT out of the API's imports.
"""
