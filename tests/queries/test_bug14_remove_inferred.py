"""Issue 14, case 7: `remove DOC` after `--reason` must take that document's derived relations with it.

Used to: `conflictkg remove d1` dropped d1's graph but left "Pompeo accuses Kataib Hezbollah" (derived from
d1's accusation alone) in res:graph/inferred, so `query` kept answering it.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import URIRef

from ontology.reason import derive
from ontology.vocab import CKG, RES
from queries.store import INFERRED_GRAPH, load_file, open_store
from tests.cli import run

FIXTURE = Path(__file__).parent / "data" / "fixture.trig"
POMPEO, US = URIRef(RES["entity/pompeo"]), URIRef(RES["entity/united-states"])


def _inferred(location: Path) -> set[tuple[str, str, str]]:
    store = open_store(str(location), read_only=True)
    try:
        rows = store.query("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": INFERRED_GRAPH}).rows
    finally:
        store.close()
    return {(str(s), str(p), str(o)) for s, p, o in rows}


def test_remove_takes_the_documents_derived_relations_with_it(tmp_path: Path) -> None:
    loc = tmp_path / "store"
    store = open_store(str(loc))
    load_file(store, FIXTURE)
    store.replace_graph(INFERRED_GRAPH, derive(store.union_graph()))  # what `reason --store` writes
    store.close()
    before = _inferred(loc)
    assert (str(POMPEO), str(CKG.accuses), str(RES["entity/kataib-hezbollah"])) in before
    from_d2 = {t for t in before if t[0] == str(US)}
    assert from_d2, "the fixture's second document derives relations too"

    proc = run("remove", "d1", "--store", loc)
    assert proc.returncode == 0, proc.stderr
    after = _inferred(loc)
    assert not {t for t in after if t[0] == str(POMPEO)}, "relations derived from d1 alone are still there"
    assert from_d2 <= after, "relations derived from d2 must stay"
    assert after < before
