"""The distribution's version, kept at the bottom so every layer may name it."""

__version__ = "0.1.0"
