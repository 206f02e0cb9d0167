"""The query/export/remove commands, run through typer as a user would."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import rdflib
import typer
from typer.testing import CliRunner

from queries.cli import register
from queries.store import load_file, open_store

FIXTURE = Path(__file__).parent / "data" / "fixture.trig"
app = typer.Typer()
register(app)
runner = CliRunner()


def test_list_and_help() -> None:
    res = runner.invoke(app, ["query", "--list"])
    assert res.exit_code == 0 and "accused-of" in res.output and "actor-profile" in res.output
    for cmd in ("query", "export", "serve", "remove"):
        out = runner.invoke(app, [cmd, "--help"])
        assert out.exit_code == 0 and "Example:" in out.output


def test_query_formats_on_a_file() -> None:
    res = runner.invoke(app, ["query", "denials", "--graph", str(FIXTURE)], env={"COLUMNS": "300"})
    assert res.exit_code == 0 and "كتائب حزب الله" in res.output and "1 row(s)" in res.output
    res = runner.invoke(app, ["query", "actor-profile", "-p", "actor=Kataib Hezbollah", "--graph", str(FIXTURE),
                              "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert {r["role"] for r in rows} == {"accused by", "denied for", "denies", "threatens"}
    res = runner.invoke(app, ["query", "accused-of", "--graph", str(FIXTURE), "-f", "json"])
    body = json.loads(res.stdout)
    assert len(body["results"]["bindings"]) == 3
    assert body["results"]["bindings"][0]["accusedLabel"] == {"type": "literal", "value": "إيران", "xml:lang": "ar"}
    res = runner.invoke(app, ["query", "threats", "--graph", str(FIXTURE), "-f", "tsv"])
    assert res.stdout.startswith("?speakerLabel\t") and '"كتائب حزب الله"@ar' in res.stdout


def test_query_errors_exit_2_with_a_message(tmp_path: Path) -> None:
    res = runner.invoke(app, ["query", "actor-profile", "-p", "actor=nobody", "--graph", str(FIXTURE)])
    assert res.exit_code == 2 and "no entity is called" in res.output
    res = runner.invoke(app, ["query", "denials", "--store", str(tmp_path / "none")])
    assert res.exit_code == 2 and "no store" in res.output


def test_sparql_file_export_and_remove_on_a_store(tmp_path: Path) -> None:
    loc = tmp_path / "store"
    store = open_store(str(loc))
    load_file(store, FIXTURE)
    store.close()
    q = tmp_path / "q.rq"
    q.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/conflictkg/ontology#Accusation> }")
    res = runner.invoke(app, ["query", "--sparql", str(q), "--store", str(loc), "-f", "csv"])
    assert res.exit_code == 0 and res.stdout.splitlines()[1] == "3"
    out = tmp_path / "g.trig"
    res = runner.invoke(app, ["export", "--format", "trig", "-o", str(out), "--store", str(loc)])
    assert res.exit_code == 0
    assert len(rdflib.Dataset().parse(out, format="trig")) > 0
    res = runner.invoke(app, ["remove", "d1", "--store", str(loc)])
    assert res.exit_code == 0 and "removed d1" in res.output
    res = runner.invoke(app, ["query", "accused-of", "--store", str(loc), "-f", "csv"])
    assert len(list(csv.DictReader(io.StringIO(res.stdout)))) == 1


def test_columns_pick_and_order_and_tables_name_attacks() -> None:
    cols = "accusedLabelEn,attack,speakerLabelEn"
    res = runner.invoke(app, ["query", "accused-of", "--graph", str(FIXTURE), "-c", cols, "-f", "csv"])
    rows = list(csv.reader(io.StringIO(res.stdout)))
    assert rows[0] == cols.split(",") and all(len(r) == 3 for r in rows)
    res = runner.invoke(app, ["query", "accused-of", "--graph", str(FIXTURE), "-c", cols], env={"COLUMNS": "300"})
    assert res.exit_code == 0 and "Rocket attack on US Embassy in Baghdad, 2020-01-04" in res.output
    res = runner.invoke(app, ["query", "accused-of", "--graph", str(FIXTURE), "-c", "nope"])
    assert res.exit_code == 2 and "no column nope" in res.output and "accusedLabel" in res.output


def test_a_truncated_page_says_how_to_get_the_rest() -> None:
    res = runner.invoke(app, ["query", "accused-of", "--graph", str(FIXTURE), "-f", "csv", "-p", "limit=2"],
                        env={"COLUMNS": "300"})
    assert res.exit_code == 0
    assert len(list(csv.DictReader(io.StringIO(res.stdout)))) == 2  # the hint stays off stdout
    assert "More rows exist" in res.stderr and "-p offset=2" in res.stderr and "limit=0" in res.stderr
    res = runner.invoke(app, ["query", "accused-of", "--graph", str(FIXTURE), "-p", "limit=1", "-p", "offset=1"],
                        env={"COLUMNS": "300"})
    assert res.exit_code == 0 and "-p offset=2" in res.stderr
    res = runner.invoke(app, ["query", "accused-of", "--graph", str(FIXTURE), "-f", "csv"])
    assert "More rows" not in res.output
