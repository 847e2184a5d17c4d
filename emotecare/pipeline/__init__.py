"""The frame pipeline: upload grants, the batch format, inference and the live feed.

Modules the API imports (grants, feed, keys, batch_format, valence) never import OpenCV or
LiteRT; only `analyzer` and `inference` do, and they ship in the inference image alone.
"""
