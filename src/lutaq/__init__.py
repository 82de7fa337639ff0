"""lutaq: cited answers to questions about Lutathera, from a FAQ file."""

__version__ = "1.0.0"
PROGRAM = "lutaq"
"""The command's name, as messages and usage hints spell it."""
