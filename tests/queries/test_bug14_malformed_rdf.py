"""Issue 14: malformed RDF given to any command is a one-line error naming the file, exit 2, no traceback."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli import one_line_error, run

COMMANDS = {
    "query": ["query", "accused-of", "--graph"],
    "export": ["export", "--format", "nt", "--graph"],
    "reason": ["reason", "--graph"],
    "validate": ["validate"],
    "consistency": ["consistency"],
    "render": ["render", "-o", "out.html", "--graph"],
    "stats": ["stats", "--graph"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_malformed_rdf_is_one_line_exit_2(command: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix ckg: <https://w3id.org/conflictkg/ontology#> .\n<urn:a> ckg:p "unclosed .\n',
                   encoding="utf-8")
    proc = run(*COMMANDS[command], bad, cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert str(bad) in one_line_error(proc)
