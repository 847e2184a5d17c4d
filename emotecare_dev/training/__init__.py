"""Training-side code (Keras 3): data loading, the network, training, evaluation, export.

Backend-agnostic Keras, so the same code trains with TensorFlow on the CPU here and with JAX
on a GPU machine (`KERAS_BACKEND=jax`). Export to TFLite needs TensorFlow.
"""
