"""One source of truth: every command reads --store, else --graph, else build/store when it exists, else
build/graph.ttl, and says which on stderr; after `remove`, the page, the stats and the tables agree."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import rdflib
import typer
from typer.testing import CliRunner

from queries.store import doc_graph, load_file, open_store

FIXTURE = Path(__file__).parent / "data" / "fixture.trig"
runner = CliRunner()
COMMANDS = (["query", "claims", "-f", "csv"], ["render", "-o", "page.html"], ["stats", "--json"],
            ["export", "-f", "nt"], ["query", "attack-dossier", "-p", "attack=res:event/a1", "-f", "csv"])


def _app() -> typer.Typer:
    from queries.cli import register
    from queries.viewcli import register as register_views

    app = typer.Typer()
    register(app)
    register_views(app)
    return app


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """build/store and build/graph.ttl from the fixture, as `conflictkg build -o … --store …` leaves them."""
    monkeypatch.chdir(tmp_path)
    store = open_store("build/store")
    load_file(store, FIXTURE)
    store.close()
    ds = rdflib.Dataset()
    ds.parse(FIXTURE, format="trig")
    flat = rdflib.Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        flat.add((s, p, o))
    flat.serialize("build/graph.ttl", format="turtle")
    return tmp_path


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0] + (" " + c[1] if c[0] == "query" else ""))
def test_every_command_reads_the_store_by_default_and_says_so(command: list[str], workdir: Path) -> None:
    res = runner.invoke(_app(), command)
    assert res.exit_code == 0, res.output
    assert "reading store build/store" in res.stderr


@pytest.mark.parametrize("command", COMMANDS[:3], ids=lambda c: c[0])
def test_without_a_store_the_graph_file_is_read_and_named(command: list[str], workdir: Path) -> None:
    import shutil

    shutil.rmtree("build/store")
    res = runner.invoke(_app(), command)
    assert res.exit_code == 0, res.output
    assert "reading graph file build/graph.ttl" in res.stderr


def test_after_remove_page_stats_and_tables_agree(workdir: Path) -> None:
    before = runner.invoke(_app(), ["query", "accused-of", "-f", "csv"]).stdout
    assert "event/s1" in before  # an accusation of document d1
    assert runner.invoke(_app(), ["remove", "d1"]).exit_code == 0
    tables = runner.invoke(_app(), ["query", "accused-of", "-f", "csv"]).stdout
    pairs = runner.invoke(_app(), ["query", "accusation-network", "-f", "csv"]).stdout.splitlines()[1:]
    stats = json.loads(runner.invoke(_app(), ["stats", "--json"]).stdout)
    assert runner.invoke(_app(), ["render", "-o", "page.html"]).exit_code == 0
    page = Path("page.html").read_text(encoding="utf-8")
    exported = runner.invoke(_app(), ["export", "-f", "nq"]).stdout
    for text in (tables, page, exported):
        assert "event/s1" not in text and str(doc_graph("d1")) not in text
    assert stats["accusations"] == len(pairs)  # the stats count the store's pairs, not the stale file's


def test_render_dossier_takes_the_displayed_name_or_hash(workdir: Path) -> None:
    from queries.attacks import attack_names

    store = open_store("build/store", read_only=True)
    try:
        attack, name = next((a, n) for a, n in attack_names(store).items() if str(a).endswith("/a1"))
    finally:
        store.close()
    for spelling in (name, "a1"):
        res = runner.invoke(_app(), ["render", "--view", "dossier", "--attack", spelling, "-o", "d.html"])
        assert res.exit_code == 0, res.output
        assert str(attack) in Path("d.html").read_text(encoding="utf-8")
