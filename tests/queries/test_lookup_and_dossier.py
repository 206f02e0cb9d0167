"""Names as analysts type them: Arabic spellings and English aliases find the entity, a misspelling gets
suggestions (exit 2); attacks by hash or displayed name; the dossier opens with the attack's own facts."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from queries.attacks import attack_names
from queries.catalog import CatalogError, resolve_entity, run_query
from queries.dossier import FACTS, dossier
from queries.lookup import fold
from queries.store import open_store

runner = CliRunner()
IRAN = "https://w3id.org/conflictkg/resource/entity/iran"


@pytest.fixture(scope="module")
def corpus_store(seed_build, tmp_path_factory: pytest.TempPathFactory) -> str:
    location = tmp_path_factory.mktemp("corpus") / "store"
    store = open_store(str(location))
    for graph in seed_build.dataset.graphs():
        if len(graph):
            store.replace_graph(graph.identifier, graph)
    store.close()
    return str(location)


def _app() -> typer.Typer:
    from queries.cli import register

    app = typer.Typer()
    register(app)
    return app


def _csv(args: list[str]) -> list[dict[str, str]]:
    res = runner.invoke(_app(), [*args, "--format", "CSV"])  # the format in any case
    assert res.exit_code == 0, res.output
    return list(csv.DictReader(io.StringIO(res.stdout)))


@pytest.mark.parametrize("spelling", ["إيران", "ايران", "إیران", "Iran", "Tehran", "tehran",
                                      "Islamic Republic of Iran"])
def test_actor_profile_finds_iran_by_any_spelling(spelling: str, corpus_store: str) -> None:
    rows = _csv(["query", "actor-profile", "-p", f"actor={spelling}", "--store", corpus_store])
    assert rows and {r["role"] for r in rows} >= {"accused by", "denied for"}


def test_folding_covers_hamza_alef_taa_marbuta_article_and_persian_letters() -> None:
    assert fold("الحشد الشعبي") == fold("حشد الشعبي") == fold("الحشد الشعبى")
    assert fold("كتائب حزب الله") == fold("کتائب حزب الله")
    assert fold("المقاومة الإسلامية") == fold("مقاومه اسلاميه")
    assert fold("Kata'ib Hizballah") == fold("kataib hizballah")


def test_english_aliases_come_from_the_reference_entities(corpus_store: str) -> None:
    """An alias names exactly its reference entity, and the profile is that entity's (not just any rows)."""
    entity = "https://w3id.org/conflictkg/resource/entity/"
    store = open_store(corpus_store, read_only=True)
    try:
        for alias, key in (("Washington", "usa"), ("USA", "usa"), ("Kataib Hizballah", "kataib_hezbollah")):
            assert [str(i) for i in resolve_entity(store, alias)] == [entity + key], alias
            by_alias = run_query(store, "actor-profile", {"actor": alias}).rows
            assert by_alias and by_alias == run_query(store, "actor-profile", {"actor": entity + key}).rows, alias
    finally:
        store.close()


def test_a_misspelling_exits_2_with_suggestions(corpus_store: str) -> None:
    res = runner.invoke(_app(), ["query", "actor-profile", "-p", "actor=ايرن", "--store", corpus_store])
    assert res.exit_code == 2
    assert "did you mean" in res.output and "إيران" in res.output


def test_attack_by_hash_prefix_full_hash_iri_and_displayed_name(corpus_store: str) -> None:
    store = open_store(corpus_store, read_only=True)
    try:
        names = attack_names(store)
        attack, name = next((a, n) for a, n in sorted(names.items())
                            if run_query(store, "attack-dossier", {"attack": str(a)}).rows)
        expected = run_query(store, "attack-dossier", {"attack": str(attack)}).rows
        tail = str(attack).rsplit("/", 1)[-1]
        for spelling in (tail, tail[:6], name, name.lower()):
            assert run_query(store, "attack-dossier", {"attack": spelling}).rows == expected, spelling
        with pytest.raises(CatalogError, match="did you mean"):
            run_query(store, "attack-dossier", {"attack": name.split(" #")[0] + " on the moon"})
    finally:
        store.close()


def test_cli_dossier_by_displayed_name_shows_the_attack_above_its_statements(corpus_store: str) -> None:
    store = open_store(corpus_store, read_only=True)
    try:
        attack = run_query(store, "accused-of", {}).rows[0]
        names = attack_names(store)
        iri = next(t for t in attack if t in names)
        name = names[iri]
    finally:
        store.close()
    res = runner.invoke(_app(), ["query", "attack-dossier", "-p", f"attack={name}", "--store", corpus_store],
                        env={"COLUMNS": "160"})
    assert res.exit_code == 0, res.output
    out = res.stdout
    facts = [fact for fact, _ in FACTS]
    for fact in facts:
        assert f"│ {fact} " in out, fact
    assert out.index("sources") < out.index("attack-dossier") < out.index("accusation")
    assert "US Embassy in Baghdad" in out.split("attack-dossier")[0]


def test_dossier_api_has_every_fact_and_the_statements(corpus_store: str) -> None:
    store = open_store(corpus_store, read_only=True)
    try:
        name = next(n for a, n in sorted(attack_names(store).items())
                    if run_query(store, "attack-dossier", {"attack": str(a)}).rows)
        d = dossier(store, name)
    finally:
        store.close()
    assert [f for f, _ in d.facts] == [f for f, _ in FACTS]
    facts = dict(d.facts)
    assert facts["kind"] != "—" and facts["sources"] != "—" and facts["date"] == "—"
    assert d.name == name and d.statements.rows


def test_iran_resolves_to_the_reference_iri(corpus_store: str) -> None:
    from queries.catalog import resolve_entity

    store = open_store(corpus_store, read_only=True)
    try:
        assert [str(i) for i in resolve_entity(store, "Tehran")] == [IRAN]
        assert [str(i) for i in resolve_entity(store, "ايران")] == [IRAN]
    finally:
        store.close()


def test_a_name_on_an_empty_store_is_a_clean_error(tmp_path: Path) -> None:
    """A name lookup on an empty store is a clean CatalogError, not a crash."""
    store = open_store(str(tmp_path / "empty"))
    try:
        with pytest.raises(CatalogError, match="no entity is called"):
            run_query(store, "actor-profile", {"actor": "Iran"})
    finally:
        store.close()
