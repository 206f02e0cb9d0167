"""Every catalog query on the fixture: expected rows, bound parameters, hostile values stay literals."""
from __future__ import annotations

import pytest
import rdflib
from rdflib import Literal, URIRef
from undated_events import add_undated_events

from ontology.vocab import RES
from queries.catalog import CatalogError, get_query, list_queries, resolve_entity, run_query
from queries.store import doc_graph

HOSTILE = '"} ; DROP ALL ; {"'
NAMES = {q.name for q in list_queries()}


def col(result, var: str) -> list[str]:
    i = result.vars.index(var)
    return [str(row[i]) if row[i] is not None else "" for row in result.rows]


def test_catalog_lists_every_required_query() -> None:
    assert {"accused-of", "denials", "claims", "condemnations", "threats", "attack-dossier",
                     "actor-profile", "attacks-by-target", "timeline", "accusation-network", "officials-of",
                     "evidence"} <= NAMES
    for q in list_queries():
        assert q.title and q.title != q.name and q.description, q.name
        for p in q.parameters:
            assert p.description, f"{q.name}.{p.name}"
    assert [p.name for p in get_query("timeline").parameters] == ["from", "to", "limit", "offset"]
    assert get_query("timeline").parameters[0].optional


@pytest.mark.parametrize("name", sorted(NAMES - {"undated"}))
def test_every_query_returns_rows(mem_store, catalog_params, name: str) -> None:
    assert len(run_query(mem_store, name, catalog_params.get(name, {}))) > 0


def test_undated_lists_exactly_the_events_without_a_date(mem_store) -> None:
    """Every event of the fixture is dated; undated attacks and their claims are then the whole listing."""
    assert len(run_query(mem_store, "undated", {})) == 0
    events = add_undated_events(mem_store, 2)
    res = run_query(mem_store, "undated", {})
    attacks, claims = events[0::2], events[1::2]
    assert col(res, "event") == attacks + claims  # attacks first, then statements
    assert col(res, "actorLabel") == ["", "", "كتائب حزب الله", "كتائب حزب الله"]


def test_accused_of(mem_store) -> None:
    res = run_query(mem_store, "accused-of", {})
    rows = sorted(zip(col(res, "accusedLabel"), col(res, "speakerLabel"), col(res, "attack"), strict=True))
    assert rows == [
        ("إيران", "الولايات المتحدة", str(RES["event/a2"])),
        ("إيران", "مايك بومبيو", str(RES["event/a1"])),
        ("كتائب حزب الله", "مايك بومبيو", str(RES["event/a1"])),
    ]
    pompeo_kh = res.as_dicts()[2]
    assert pompeo_kh["accusedLabelEn"] == Literal("Kataib Hezbollah", lang="en")
    assert str(pompeo_kh["date"]) == "2020-01-05" and str(pompeo_kh["doc"]) == "d1"
    assert "بومبيو" in str(pompeo_kh["evidence"])


def test_denials_claims_condemnations_threats(mem_store) -> None:
    denial = run_query(mem_store, "denials", {}).as_dicts()
    assert [(str(r["deniedLabel"]), str(r["attack"])) for r in denial] == [("كتائب حزب الله", str(RES["event/a1"]))]
    claim = run_query(mem_store, "claims", {}).as_dicts()
    assert str(claim[0]["claimantLabel"]) == "عصبة الثائرين" and claim[0]["claimantLabelEn"] is None
    assert str(claim[0]["targetLabel"]) == "السفارة الأميركية في بغداد"
    cond = run_query(mem_store, "condemnations", {}).as_dicts()
    assert [str(r["speakerLabelEn"]) for r in cond] == ["Iraqi Government"]
    threat = run_query(mem_store, "threats", {}).as_dicts()
    assert [(str(r["speakerLabelEn"]), str(r["threatenedLabelEn"])) for r in threat] == [
        ("Kataib Hezbollah", "United States")]


def test_attack_dossier_shows_the_contradiction(mem_store) -> None:
    res = run_query(mem_store, "attack-dossier", {"attack": "res:event/a1"})
    kinds = sorted(zip(col(res, "kind"), col(res, "speakerLabelEn"), col(res, "partyLabelEn"), strict=True))
    assert kinds == [
        ("accusation", "Mike Pompeo", "Iran"),
        ("accusation", "Mike Pompeo", "Kataib Hezbollah"),
        ("claim", "", ""),
        ("condemnation", "Iraqi Government", ""),
        ("denial", "Kataib Hezbollah", "Kataib Hezbollah"),
    ]
    full = run_query(mem_store, "attack-dossier", {"attack": str(RES["event/a1"])})
    assert full.rows == res.rows


@pytest.mark.parametrize("actor", ["كتائب حزب الله", "Kataib Hezbollah", "kataib hezbollah",
                                   "res:entity/kataib-hezbollah", str(RES["entity/kataib-hezbollah"])])
def test_actor_profile_accepts_iri_or_label(mem_store, actor: str) -> None:
    res = run_query(mem_store, "actor-profile", {"actor": actor})
    assert sorted(zip(col(res, "role"), col(res, "otherLabelEn"), strict=True)) == [
        ("accused by", "Mike Pompeo"), ("denied for", "Kataib Hezbollah"), ("denies", "Kataib Hezbollah"),
        ("threatens", "United States")]


def test_actor_profile_of_a_target(mem_store) -> None:
    res = run_query(mem_store, "actor-profile", {"actor": "قاعدة عين الأسد"})
    assert col(res, "role") == ["target of"] and col(res, "attack") == [str(RES["event/a2"])]


def test_attacks_by_target_timeline_network_officials_evidence(mem_store) -> None:
    res = run_query(mem_store, "attacks-by-target", {"target": "السفارة الأميركية في بغداد"})
    assert col(res, "attack") == [str(RES["event/a1"])] and col(res, "projectiles") == ["3"]
    assert len(run_query(mem_store, "attacks-by-target", {})) == 3  # a1 target + a1 location + a2 target
    jan = run_query(mem_store, "timeline", {"from": "2020-01-01", "to": "2020-01-31"})
    assert col(jan, "date") == ["2020-01-04", "2020-01-05", "2020-01-05", "2020-01-05"]
    assert len(run_query(mem_store, "timeline", {"from": "2020-02-11"})) == 4
    assert len(run_query(mem_store, "timeline", {})) == 9
    net = run_query(mem_store, "accusation-network", {}).as_dicts()
    assert {(str(r["accuserLabelEn"]), str(r["accusedLabelEn"]), int(r["accusations"])) for r in net} == {
        ("Mike Pompeo", "Kataib Hezbollah", 1), ("Mike Pompeo", "Iran", 1), ("United States", "Iran", 1)}
    off = run_query(mem_store, "officials-of", {"state": "Iran"}).as_dicts()
    assert [(str(r["personLabel"]), str(r["role"])) for r in off] == [("محمد جواد ظريف", "وزير الخارجية")]
    us = run_query(mem_store, "officials-of", {"state": "واشنطن"}).as_dicts()  # skos:altLabel
    assert [(str(r["personLabelEn"]), int(r["statements"])) for r in us] == [("Mike Pompeo", 2)]
    ev = run_query(mem_store, "evidence", {"node": "res:event/a2"}).as_dicts()
    assert [(int(r["start"]), int(r["end"]), str(r["doc"]), str(r["source"])) for r in ev] == [
        (185, 281, "d2", "رويترز")]


def test_evidence_offsets_point_into_the_document(mem_store) -> None:
    text = mem_store.query(
        "SELECT ?t WHERE { ?d <https://w3id.org/conflictkg/ontology#documentText> ?t }",
        {"d": URIRef(RES["doc/d1"])}).rows[0][0]
    for r in run_query(mem_store, "evidence", {"node": "res:event/s1"}).as_dicts():
        assert str(text)[int(r["start"]):int(r["end"])] == str(r["evidence"])


def test_parameter_errors_are_clear(mem_store) -> None:
    with pytest.raises(CatalogError, match="needs --param actor"):
        run_query(mem_store, "actor-profile", {})
    with pytest.raises(CatalogError, match="unknown: bogus"):
        run_query(mem_store, "denials", {"bogus": "x"})
    with pytest.raises(CatalogError, match="YYYY-MM-DD"):
        run_query(mem_store, "timeline", {"from": "last tuesday"})
    with pytest.raises(CatalogError, match="no query"):
        get_query("nope")


def _intact(store) -> None:
    assert [str(g).rsplit("/", 1)[-1] for g in store.graphs()] == ["d1", "d2", "ontology"]
    assert len(run_query(store, "accused-of", {})) == 3


@pytest.mark.parametrize("store_kind", ["mem_store", "disk_store"])
def test_hostile_parameter_is_a_harmless_literal(request, store_kind: str) -> None:
    store = request.getfixturevalue(store_kind)
    with pytest.raises(CatalogError, match="no entity is called"):
        run_query(store, "actor-profile", {"actor": HOSTILE})
    assert len(run_query(store, "timeline", {})) == 9
    with pytest.raises(CatalogError):
        run_query(store, "timeline", {"from": HOSTILE})
    _intact(store)
    # The same text as a real label: it is found, as the literal it is.
    g = rdflib.Graph()
    villain = URIRef(RES["entity/villain"])
    g.add((villain, rdflib.RDFS.label, Literal(HOSTILE, lang="ar")))
    store.replace_graph(doc_graph("hostile"), g)
    assert resolve_entity(store, HOSTILE) == [villain]
    res = store.query("SELECT ?l WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l }", {"e": villain})
    assert [str(r[0]) for r in res.rows] == [HOSTILE]
    assert len(run_query(store, "accused-of", {})) == 3


def test_iri_parameters_with_hostile_characters_are_refused(mem_store) -> None:
    from queries.stores.terms import BindingError

    with pytest.raises(BindingError):
        mem_store.query("SELECT * WHERE { ?s ?p ?o }", {"s": URIRef("http://x/> } ; DROP ALL ; <http://y")})
    _intact(mem_store)
