"""Contested attacks: the catalog query and the explorer view pick the same attacks, and say why."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO
from rdflib import Graph

from queries.catalog import run_query
from queries.render import render_html
from queries.render_model import build_model
from queries.render_views import contested_attacks
from queries.store import load_file, open_store

QUERIES_FIXTURE = REPO / "tests" / "queries" / "data" / "fixture.trig"


@pytest.mark.parametrize("source", ["corpus", "fixture"])
def test_query_and_view_find_the_same_contested_attacks(source: str, seed_graph: Graph) -> None:
    store = open_store(None)
    if source == "fixture":
        load_file(store, QUERIES_FIXTURE)
    else:
        from queries.store import doc_graph

        store.replace_graph(doc_graph("corpus"), seed_graph)
    try:
        result = run_query(store, "contested", {"limit": "0"})
        by_query = {str(r[result.vars.index("attack")]) for r in result.rows}
        by_view = contested_attacks(build_model(store.union_graph()))
        assert by_query and by_query == by_view
        kinds = {str(r[result.vars.index("kind")]) for r in result.rows}
        assert {"accusation", "denial"} <= kinds  # the statements side by side, not just the attack
        assert all(str(r[result.vars.index("dispute")]) for r in result.rows)
    finally:
        store.close()


def test_fixture_attack_is_contested_for_all_three_reasons() -> None:
    store = open_store(None)
    load_file(store, QUERIES_FIXTURE)
    try:
        rows = run_query(store, "contested", {}).as_dicts()
    finally:
        store.close()
    assert {str(r["dispute"]) for r in rows} == {
        "claimed by one, another accused; accused party denies; several parties accused"}
    assert {str(r["kind"]) for r in rows} == {"claim", "accusation", "denial"}


def test_contested_view_draws_the_attack_and_every_party(seed_graph: Graph, tmp_path: Path) -> None:
    report = render_html(seed_graph, tmp_path / "contested.html", view="contested")
    model = build_model(seed_graph)
    attacks = contested_attacks(model)
    assert report.nodes > len(attacks) and report.edges
    assert any("disputed attribution" in n for n in report.notes)


REPORT_DENIAL = REPO / "tests" / "queries" / "data" / "report_denial.trig"
RES = "https://w3id.org/conflictkg/resource/"


def test_a_denial_of_a_report_is_no_denial_row_and_disputes_nothing() -> None:
    """The embassy denying rumours of its evacuation, or Iran denying reports that it moved missiles, says what
    report was denied (ckg:denies), not that anyone was uninvolved: not a denial row, and no dispute."""
    store = open_store(None)
    load_file(store, REPORT_DENIAL)
    try:
        rows = run_query(store, "contested", {"limit": "0"}).as_dicts()
        model = build_model(store.union_graph())
    finally:
        store.close()
    rows_of = {(str(r["kind"]), str(r["statement"]).removeprefix(RES + "event/")) for r in rows}
    assert rows_of == {("accusation", "r1-acc"), ("accusation", "r1-acc2"), ("denial", "r1-involvement")}
    assert {str(r["attack"]) for r in rows} == {RES + "event/a1"}
    assert contested_attacks(model) == {RES + "event/a1"}
    denies = {(src, dst) for src, rel, dst in model.edges if rel == "denies"}
    assert denies == {(RES + "entity/kataib-hezbollah", RES + "event/a1")}


ACCUSED_DENIES = REPO / "tests" / "queries" / "data" / "accused_denies.trig"


def test_the_accused_denies_when_it_or_its_official_denies_its_own_part() -> None:
    """"An accused party denies" in the query and in the explorer alike: Iran denying naming no one (b5), and
    Zarif, who speaks for Iran, denying naming no one (b2) or naming Iran (b3); not Iran denying that Kataib
    Hezbollah did it (b1, the query used to count the speaker) nor Iraq denying for Kataib Hezbollah (b4, both
    used to count the party named)."""
    store = open_store(None)
    load_file(store, ACCUSED_DENIES)
    try:
        rows = run_query(store, "contested", {"limit": "0"}).as_dicts()
        model = build_model(store.union_graph())
    finally:
        store.close()
    contested = {RES + f"event/{b}" for b in ("b2", "b3", "b5")}
    assert {str(r["attack"]) for r in rows} == contested == contested_attacks(model)
    assert {str(r["dispute"]) for r in rows} == {"accused party denies"}
    assert {(str(r["kind"]), str(r["statement"]).removeprefix(RES + "event/")) for r in rows} == {
        ("accusation", "d1-acc2"), ("denial", "d1-den2"), ("accusation", "d1-acc3"), ("denial", "d1-den3"),
        ("accusation", "d1-acc5"), ("denial", "d1-den5")}


OFFICIAL_CHAIN = REPO / "tests" / "queries" / "data" / "official_chain.trig"


def test_an_official_speaks_for_his_ministry_its_government_and_the_state() -> None:
    """The body a speaker speaks for follows ckg:officialOf, then up to two partOf/officialOf steps, in the query
    and the explorer alike: Zarif (foreign ministry, partOf the government, officialOf Iran) denying Iran's part
    (c1) or, with no one named, the government's (c2); not Iraq's foreign minister denying for Iran (c3)."""
    store = open_store(None)
    load_file(store, OFFICIAL_CHAIN)
    try:
        rows = run_query(store, "contested", {"limit": "0"}).as_dicts()
        model = build_model(store.union_graph())
    finally:
        store.close()
    contested = {RES + "event/c1", RES + "event/c2"}
    assert {str(r["attack"]) for r in rows} == contested == contested_attacks(model)
    assert {str(r["dispute"]) for r in rows} == {"accused party denies"}
    assert RES + "entity/iran" in model.deniers[RES + "event/c1"]


def test_zarifs_denial_makes_the_corpus_embassy_attack_one_the_accused_party_denies(seed_graph: Graph) -> None:
    """On the corpus build, Zarif's denial of Iran's part in the embassy attack Iran is accused of counts: the
    graph holds his chain up to Iran (foreign ministry, Iranian government)."""
    from queries.store import doc_graph

    zarif = RES + "entity/mohammad_javad_zarif"
    store = open_store(None)
    store.replace_graph(doc_graph("corpus"), seed_graph)
    try:
        rows = run_query(store, "contested", {"limit": "0"}).as_dicts()
        model = build_model(store.union_graph())
    finally:
        store.close()
    attacks = {str(r["attack"]) for r in rows if r["kind"].toPython() == "denial" and str(r["speaker"]) == zarif}
    assert len(attacks) == 1
    attack = attacks.pop()
    assert {"accused party denies" in str(r["dispute"]) for r in rows if str(r["attack"]) == attack} == {True}
    assert RES + "entity/iran" in model.deniers[attack] and attack in contested_attacks(model)
