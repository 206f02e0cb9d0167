"""The crosswalk table is in the graph: in the exported ontology graph and loadable beside the ontology."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import SKOS

from ontology.loader import alignments_graph, ontology_graph
from ontology.vocab import CKG
from queries.export import export
from queries.store import open_store
from tests.ontology.conftest import SAMPLE_TTL

CAMEO_112 = URIRef("https://w3id.org/conflictkg/crosswalk/cameo/112")
ONTOLOGY_GRAPH = "https://w3id.org/conflictkg/resource/graph/ontology"


def _store_with_sample():
    store = open_store(None)
    store.replace_graph(URIRef("https://w3id.org/conflictkg/resource/graph/doc/d1"),
                        Graph().parse(data=SAMPLE_TTL, format="turtle"))
    return store


def test_ontology_and_alignments_load_as_one_graph() -> None:
    merged = ontology_graph() + alignments_graph()
    assert (CKG.Accusation, SKOS.closeMatch, CAMEO_112) in merged
    assert merged.value(CAMEO_112, SKOS.notation) is not None


def test_export_with_ontology_carries_the_crosswalks(tmp_path: Path) -> None:
    store = _store_with_sample()
    try:
        data = export(store, "trig", with_ontology=True)
        plain = export(store, "ttl")
    finally:
        store.close()
    ds = Dataset().parse(data=data, format="trig")
    onto = ds.graph(URIRef(ONTOLOGY_GRAPH))
    assert (CKG.Accusation, SKOS.closeMatch, CAMEO_112) in onto
    assert (CKG.Accusation, SKOS.closeMatch, CAMEO_112) not in Graph().parse(data=plain, format="turtle")
    if shutil.which("rapper"):
        out = tmp_path / "export.trig"
        out.write_bytes(data)
        proc = subprocess.run(["rapper", "-i", "trig", "-c", str(out)], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("code", ["015", "016", "111", "112", "138", "183", "190", "194", "195"])
def test_exported_ontology_names_the_cameo_codes_of_the_issue(code: str) -> None:
    store = _store_with_sample()
    try:
        g = Graph().parse(data=export(store, "ttl", with_ontology=True), format="turtle")
    finally:
        store.close()
    assert any(str(n) == code for n in g.objects(None, SKOS.notation))
