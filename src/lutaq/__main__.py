"""`python -m lutaq`."""

from lutaq.cli import main

main()
