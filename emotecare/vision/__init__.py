"""Inference-side vision code: pre-processing, face detection, LiteRT classification.

Nothing here imports TensorFlow: this package ships in the inference Lambda image, which
carries only LiteRT, OpenCV and numpy.
"""
