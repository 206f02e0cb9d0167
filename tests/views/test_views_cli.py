"""`conflictkg render` and `conflictkg stats` through typer, from a file and from a store."""
from __future__ import annotations

import json
from pathlib import Path

import typer
from conftest import FIXTURE
from typer.testing import CliRunner

from queries.store import load_file, open_store
from queries.viewcli import register

runner = CliRunner()


def _flat(text: str) -> str:
    """Rich wraps lines at the terminal width; compare without it."""
    return " ".join(text.split())


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def test_render_from_file_writes_page_and_reports(tmp_path: Path) -> None:
    out = tmp_path / "g.html"
    result = runner.invoke(_app(), ["render", "--graph", str(FIXTURE), "-o", str(out), "--view", "accusations"])
    assert result.exit_code == 0, result.output
    assert out.exists() and "6 nodes, 6 edges" in _flat(result.output)


def test_render_from_store(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "store"))
    load_file(store, FIXTURE)
    store.close()
    out = tmp_path / "s.html"
    result = runner.invoke(_app(), ["render", "--store", str(tmp_path / "store"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "19 nodes, 27 edges" in _flat(result.output)


def test_unknown_focus_exits_2_with_candidates(tmp_path: Path) -> None:
    result = runner.invoke(_app(), ["render", "--graph", str(FIXTURE), "-o", str(tmp_path / "x.html"),
                                    "--view", "ego", "--focus", "nobody at all"])
    assert result.exit_code == 2 and "candidates" in _flat(result.output)
    assert not (tmp_path / "x.html").exists()


def test_stats_json_and_table() -> None:
    result = runner.invoke(_app(), ["stats", "--graph", str(FIXTURE), "--json", "-n", "3"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["most_accused"][0]["label_en"] == "Iran" and len(data["most_accused"]) == 3
    table = runner.invoke(_app(), ["stats", "--graph", str(FIXTURE)])
    assert table.exit_code == 0 and "Most accused" in table.output and "إيران" in table.output


def test_help_has_an_example() -> None:
    for command in ("render", "stats"):
        result = runner.invoke(_app(), [command, "--help"])
        assert result.exit_code == 0 and "Example: conflictkg " + command in _flat(result.output)
