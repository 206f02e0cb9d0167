"""The ontology, alone and with entities and alignments, is in the OWL 2 DL profile (OWL API's checker).

The OWL API ships inside owlready2's HermiT.jar; a ten-line Java program runs its OWL2DLProfile.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import owlready2
import pytest
from rdflib import Graph

from ontology.loader import alignments_graph, ontology_graph, tbox_graph

HERMIT_JAR = Path(owlready2.__file__).parent / "hermit" / "HermiT.jar"
CHECKER = """
import java.io.File;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.profiles.*;
public class ProfileCheck {
  public static void main(String[] args) throws Exception {
    OWLOntology o = OWLManager.createOWLOntologyManager().loadOntologyFromOntologyDocument(new File(args[0]));
    for (OWLProfileViolation v : new OWL2DLProfile().checkOntology(o).getViolations()) System.out.println(v);
  }
}
"""


@pytest.fixture(scope="module")
def checker(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("javac") is None:
        pytest.skip("needs a JDK (javac)")
    folder = tmp_path_factory.mktemp("profile")
    (folder / "ProfileCheck.java").write_text(CHECKER, encoding="utf-8")
    subprocess.run(["javac", "-cp", str(HERMIT_JAR), "ProfileCheck.java"], cwd=folder, check=True)
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("which", ["ontology", "ontology+entities+alignments"])
def test_in_owl2_dl_profile(checker: Path, tmp_path: Path, which: str) -> None:
    graph: Graph = ontology_graph() if which == "ontology" else tbox_graph() + alignments_graph()
    source = tmp_path / "input.nt"
    graph.serialize(destination=str(source), format="nt", encoding="utf-8")
    result = subprocess.run(
        ["java", "-cp", f"{HERMIT_JAR}:{checker}", "ProfileCheck", str(source)],
        capture_output=True, text=True, check=True,
    )
    assert result.stdout.strip() == "", result.stdout[:3000]
