"""`python -m graph_builder` runs the `conflictkg` command."""
from graph_builder.cli import main

main()
