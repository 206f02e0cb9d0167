"""`make docs`: the generated HTML documents every contract term, both label languages and the crosswalks."""
from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.namespace import RDFS, SKOS

from ontology.docs import write_docs
from ontology.loader import alignments_graph, ontology_graph
from ontology.vocab import CKG
from tests.ontology.test_contract import CONTRACT_CLASSES, CONTRACT_PROPERTIES, STATUSES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> str:
    return write_docs(tmp_path_factory.mktemp("docs")).read_text(encoding="utf-8")


def _entry(page: str, name: str) -> str:
    """The HTML of the entry whose anchor is `name`."""
    match = re.search(rf'<div class="entity" id="{name}">(.*?)(?=<div class="entity"|</section>)', page, re.S)
    assert match, f"no entry for ckg:{name}"
    return match.group(1)


@pytest.mark.parametrize("name", sorted(CONTRACT_CLASSES))
def test_every_contract_class_has_an_entry_with_both_labels(page: str, name: str) -> None:
    entry = _entry(page, name)
    assert str(CKG[name]) in entry
    for label in ontology_graph().objects(CKG[name], RDFS.label):
        assert isinstance(label, Literal)
        assert f'lang="{label.language}"' in entry and html.escape(str(label)) in entry
    parent = CONTRACT_CLASSES[name]
    if parent:
        assert f'href="#{parent}"' in entry.split("Subclass of", 1)[1].split("</tr>", 1)[0]


@pytest.mark.parametrize("name", CONTRACT_PROPERTIES + STATUSES)
def test_every_contract_property_and_individual_has_an_entry(page: str, name: str) -> None:
    assert str(CKG[name]) in _entry(page, name)


def test_properties_show_domain_range_and_chains(page: str) -> None:
    accuses = _entry(page, "accuses")
    assert "Domain" in accuses and "Range" in accuses and 'href="#Actor"' in accuses
    assert "ckg:madeStatement ∘ ckg:asAccusation ∘ ckg:accused" in accuses
    assert "transitive" in _entry(page, "locatedIn")


def test_every_crosswalk_mapping_is_in_the_table(page: str) -> None:
    align = alignments_graph()
    crosswalks = page.split('<section id="crosswalks">', 1)[1]
    for prop in (SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch):
        for _, target in align.subject_objects(prop):
            label = align.value(target, SKOS.prefLabel)
            notation = align.value(target, SKOS.notation)
            assert html.escape(" ".join(str(x) for x in (notation, label) if x is not None)) in crosswalks


def test_output_is_stable_and_self_contained(page: str, tmp_path: Path) -> None:
    assert write_docs(tmp_path).read_text(encoding="utf-8") == page
    assert "<script" not in page and 'rel="stylesheet"' not in page


def test_the_module_runs_as_make_docs_does(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "ontology.docs", "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, cwd=ROOT, check=False)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "index.html").stat().st_size < 1_000_000
