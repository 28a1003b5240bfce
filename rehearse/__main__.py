"""Run rehearse as a module: python -m rehearse."""

from rehearse.cli import main

main()
