"""The construction suite: short Arabic news items, one file per capability, each with the facts it must give."""
