"""The last line of defence of the `conflictkg` command: an error is one line and exit status 2, never a traceback.

Commands report the failures they expect themselves (a missing store, an unknown label). Anything that still
escapes (a parser's exception on a broken file, a socket error from an endpoint, a permission problem) is
turned here into "error: <what> (<exception type>); <what to do>", so an analyst never has to read a Python
traceback. `CONFLICTKG_DEBUG=1` lets the traceback through for developers.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable

HINTS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("FileNotFoundError", "IsADirectoryError", "NotADirectoryError"), "check the path"),
    (("PermissionError",), "check the file permissions or choose another path"),
    (("BadSyntax", "SyntaxError", "ParserError", "JSONDecodeError", "SAXParseException"),
     "the file is not valid RDF in the format its extension says; fix it or rebuild it with `conflictkg build`"),
    (("URLError", "HTTPError", "ConnectionError", "TimeoutError", "RemoteDisconnected", "SPARQLWrapperException",
      "EndPointNotFound", "QueryBadFormed"),
     "check the URL and that the endpoint is running (`conflictkg serve --store build/store`)"),
)


def one_line(exc: BaseException) -> str:
    """The error as one line: message, exception type, and a hint for the usual causes."""
    name = type(exc).__name__
    text = " ".join(str(exc).split())[:400] or name
    hint = next((h for names, h in HINTS if name in names or any(b.__name__ in names for b in type(exc).__mro__)),
                "rerun with CONFLICTKG_DEBUG=1 to see the traceback and report it")
    return f"error: {text} ({name}); {hint}"


def run_cli(app: Callable[..., object]) -> None:
    """Run the typer app; an exception that escapes a command becomes one line on stderr and exit status 2."""
    try:
        app()
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:
        if os.environ.get("CONFLICTKG_DEBUG"):
            raise
        print(one_line(exc), file=sys.stderr)
        sys.exit(2)
