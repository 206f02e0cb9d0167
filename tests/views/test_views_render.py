"""Renderer output without a browser: derived edges, escaping, self-containment, views, size limit."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import XSS_LABEL, synthetic_graph
from rdflib import RDF, Graph

from ontology.loader import ontology_path
from ontology.vocab import CKG, RES
from queries.render import render_html
from queries.render_model import RELATIONS, build_model
from queries.render_views import ViewError

E = "https://w3id.org/conflictkg/resource/entity/"
A = "https://w3id.org/conflictkg/resource/event/"


def _payload(page: str) -> dict:
    raw = re.search(r'<script type="application/json" id="ckg-data">(.*?)</script>', page, re.S)
    assert raw, "payload script missing"
    return json.loads(raw.group(1))


def test_statements_collapse_into_derived_edges(fixture_graph: Graph) -> None:
    edges = set(build_model(fixture_graph).edges)
    assert (E + "pompeo", "accuses", E + "iran") in edges
    assert (E + "iran", "accusedOf", A + "a1") in edges
    assert (E + "usbat_al_thaireen", "claims", A + "a2") in edges
    assert (E + "kataib_hezbollah", "denies", A + "a1") in edges
    assert (E + "iran", "denies", A + "a2") in edges  # the accused of a Denial, not its speaker
    assert (E + "iraq_mofa", "condemns", A + "a1") in edges
    assert (E + "kataib_hezbollah", "threatens", E + "usa") in edges
    assert (A + "a1", "target", E + "us_embassy_baghdad") in edges
    assert (E + "kataib_hezbollah", "perpetrator", A + "a4") in edges


def test_materialised_relations_merge_with_statement_edges(fixture_graph: Graph) -> None:
    g = Graph() + fixture_graph
    g.add((RES["entity/pompeo"], CKG.accuses, RES["entity/iran"]))
    g.add((RES["entity/iraq"], CKG.accuses, RES["entity/iran"]))
    model = build_model(g)
    assert model.edges[(E + "pompeo", "accuses", E + "iran")].statements == [A + "s1"]
    assert (E + "iraq", "accuses", E + "iran") in model.edges


def test_embassy_that_speaks_is_drawn_as_embassy(fixture_graph: Graph) -> None:
    assert build_model(fixture_graph).nodes[E + "us_embassy_baghdad"].category == "embassy"


def test_page_is_self_contained_and_escaped(fixture_graph: Graph, tmp_path: Path) -> None:
    out = tmp_path / "g.html"
    report = render_html(fixture_graph, out)
    page = out.read_text(encoding="utf-8")
    assert "default-src 'none'" in page and "img-src data:" in page
    markup = re.sub(r"<(script|style)\b[^>]*>.*?</\1>", "", page, flags=re.S | re.I)
    assert not re.search(r"\b(?:src|href|action|srcset)\s*=", markup, re.I)
    assert all(u.startswith(("data:", "'data:", '"data:')) for u in re.findall(r"url\(\s*([^)]*)", page))
    assert not re.search(r"jsdelivr|cdnjs|unpkg|bootstrap", page, re.I)
    assert XSS_LABEL not in page and "<script>window.__xss" not in page
    data = _payload(page)
    labels = {n["ar"] for n in data["nodes"]}
    assert "&lt;img src=x onerror=alert(1)&gt;" in labels
    assert any("&lt;script&gt;" in ev["text"] for ev in data["evidence"])
    assert report.nodes == len(data["nodes"]) == 19 and report.edges == len(data["edges"])
    assert not report.truncated


def test_write_is_atomic_and_leaves_no_temp_files(fixture_graph: Graph, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "g.html"
    render_html(fixture_graph, out)
    render_html(fixture_graph, out, view="accusations")
    assert [p.name for p in out.parent.iterdir()] == ["g.html"]


@pytest.mark.parametrize(("kwargs", "expected"), [
    ({"view": "ego", "focus": "إيران", "depth": 1},
     {"iran", "pompeo", "usa", "mousavi", "a1", "a2", "a3"}),
    ({"view": "ego", "focus": "Kataib Hezbollah", "depth": 0}, {"kataib_hezbollah"}),
    ({"view": "dossier", "attack": A + "a1"},
     {"a1", "iran", "kataib_hezbollah", "iraq_mofa", "us_embassy_baghdad", "green_zone", "pompeo"}),
    ({"view": "accusations"},
     {"pompeo", "iran", "kataib_hezbollah", "usa", "iraq", "h6f1c0ffee0000001"}),
])
def test_views_select_the_expected_nodes(fixture_graph: Graph, tmp_path: Path, kwargs: dict,
                                         expected: set[str]) -> None:
    out = tmp_path / "v.html"
    render_html(fixture_graph, out, **kwargs)
    shown = {n["iri"].rsplit("/", 1)[-1] for n in _payload(out.read_text(encoding="utf-8"))["nodes"]}
    assert shown == expected


def test_dossier_keeps_only_accusations_about_that_attack(fixture_graph: Graph, tmp_path: Path) -> None:
    out = tmp_path / "d.html"
    render_html(fixture_graph, out, view="dossier", attack="a1")
    data = _payload(out.read_text(encoding="utf-8"))
    rels = {e["rel"] for e in data["edges"]}
    assert {"accuses", "accusedOf", "denies", "condemns", "target", "location"} <= rels
    assert "threatens" not in rels


def test_timeline_pins_attacks_in_date_order(fixture_graph: Graph, tmp_path: Path) -> None:
    out = tmp_path / "t.html"
    render_html(fixture_graph, out, view="timeline")
    data = _payload(out.read_text(encoding="utf-8"))
    attacks = sorted((n["date"], n["x"]) for n in data["nodes"] if n["fixed"])
    assert [d for d, _ in attacks] == ["2019-12-31", "2020-01-20", "2021-03-03", "2021-05-10"]
    assert [x for _, x in attacks] == sorted(x for _, x in attacks)
    assert data["meta"]["timeline"]["ticks"]


def test_unknown_focus_is_a_clear_error(fixture_graph: Graph, tmp_path: Path) -> None:
    with pytest.raises(ViewError, match="candidates"):
        render_html(fixture_graph, tmp_path / "x.html", view="ego", focus="nobody at all")


def test_big_graph_is_cut_to_max_nodes_and_says_so(tmp_path: Path) -> None:
    out = tmp_path / "big.html"
    report = render_html(synthetic_graph(600), out, max_nodes=200)
    data = _payload(out.read_text(encoding="utf-8"))
    assert report.truncated and report.nodes == len(data["nodes"]) == 200 and report.total_nodes == 600
    assert any("200 most connected of 600" in note for note in data["meta"]["notes"])


def test_unmentioned_reference_entities_are_hidden(fixture_graph: Graph, tmp_path: Path) -> None:
    g = Graph() + fixture_graph
    g.add((RES["entity/france"], RDF.type, CKG.State))
    report = render_html(g, tmp_path / "r.html")
    assert report.nodes == 19 and any("never mentioned" in note for note in report.notes)


def test_collapsed_edges_agree_with_the_ontology_rules(fixture_graph: Graph) -> None:
    """The renderer's own derivation must match the ontology's SPARQL rules for every derived relation."""
    edges = build_model(fixture_graph).edges
    for rel in RELATIONS:
        if rel.prop not in {CKG.accuses, CKG.accusedOf, CKG.claimsResponsibilityFor, CKG.deniesInvolvementIn,
                            CKG.condemns, CKG.threatens}:
            continue
        rule = ontology_path(rel.prop.split("#")[1] + ".rq").read_text(encoding="utf-8")
        expected = {(str(s), str(o)) for s, _, o in fixture_graph.query(rule)}
        assert {(k[0], k[2]) for k in edges if k[1] == rel.key} == expected, rel.key
