"""The emotion network: a small VGG-style CNN with batch norm and a global-average head."""
from __future__ import annotations

import keras
from keras import layers

from emotecare.vision.preprocess import FACE_SIZE, LABELS

# Sizes (see docs/model.md): the widest candidate that stays over 1,000 faces/s single-threaded
# in LiteRT here (1,334 measured for the shipped model) and under 5 MB as float32 (4.74 MB).
WIDTHS = (32, 32, 64, 128, 256)
BLOCKS = (1, 2, 2, 2, 2)
DROPOUT = 0.4
# The network looks at the central CROP x CROP pixels of the 48x48 face. Training shifts the
# face by up to (48 - CROP) / 2 pixels first, so together this is the random-crop
# augmentation FER papers use, and inference costs (CROP / 48)^2 of a full-size pass.
CROP = 40

# Ensemble members differ in seed and architecture (docs/model.md "Ensemble"): averaged networks
# gain most when their errors differ. "vgg5" is the network above; "vgg4" drops the 2x2 stage
# and is narrower, so its last features still see a 5x5 map.
ARCHITECTURES = {
    "vgg5": {},
    "vgg4": {"widths": (24, 40, 80, 160), "blocks": (1, 2, 2, 2)},
}


def _conv_bn_relu(x, filters: int, separable: bool):
    conv = layers.SeparableConv2D if separable else layers.Conv2D
    x = conv(filters, 3, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    return layers.ReLU()(x)


def make_model(widths: tuple[int, ...] = WIDTHS, blocks: tuple[int, ...] = BLOCKS,
               crop: int = CROP, separable: bool = False, dropout: float = DROPOUT,
               num_classes: int = len(LABELS)) -> keras.Model:
    """Build the classifier: (N, 48, 48, 1) floats in [0, 1] -> (N, 7) softmax probabilities.

    Stage 0 works at full resolution (the central `crop` pixels); each later stage halves the resolution (max
    pooling) and runs `blocks[i]` 3x3 convolutions of `widths[i]` channels. The first stage
    is always a plain convolution (a separable one on a single channel is pointless).
    """
    inputs = keras.Input((FACE_SIZE, FACE_SIZE, 1), name="face")
    x = layers.CenterCrop(crop, crop)(inputs) if crop < FACE_SIZE else inputs
    for stage, (filters, count) in enumerate(zip(widths, blocks)):
        if stage > 0:
            x = layers.MaxPooling2D(2)(x)
        for _ in range(count):
            x = _conv_bn_relu(x, filters, separable and stage > 0)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dropout(dropout)(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="probabilities")(x)
    return keras.Model(inputs, outputs, name="emotion_cnn")
