"""Every fact names the rule that made it (ckg:rule on its evidence), and `conflictkg explain` shows them."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from rdflib import Graph

from ontology.vocab import CKG

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"


def _explain(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "graph_builder", "explain", *args], capture_output=True,
                          text=True, env={"COLUMNS": "200", "PATH": "/usr/bin:/bin"}, cwd=ROOT)


def test_every_evidence_in_the_corpus_graph_names_its_rule(seed_graph: Graph) -> None:
    evidence = set(seed_graph.subjects(CKG.evidenceText, None))
    assert evidence
    assert [e for e in evidence if (e, CKG.rule, None) not in seed_graph] == []
    rules = {str(r) for r in seed_graph.objects(None, CKG.rule)}
    assert "builder/untraced" not in rules
    assert all("/" in r and " " not in r for r in rules)
    assert any(r.startswith("roles/target.") for r in rules)
    assert any(r.startswith("statements/") for r in rules)


def test_two_facts_of_one_sentence_keep_their_own_rules(seed_graph: Graph) -> None:
    """Evidence nodes are per fact: no evidence node serves two events."""
    users: dict = {}
    for fact, ev in seed_graph.subject_objects(CKG.evidence):
        users.setdefault(ev, set()).add(fact)
    assert all(len(facts) == 1 for facts in users.values())


def test_explain_a_corpus_file_lists_rules_and_matched_words() -> None:
    path = sorted(CORPUS.glob("*.txt"))[0]
    done = _explain(str(path))
    assert done.returncode == 0, done.stderr
    assert "attacks/trigger." in done.stdout
    assert "statements/" in done.stdout
    assert "entities/gazetteer" in done.stdout
    assert "«" in done.stdout  # the words a rule matched


def test_explain_one_record_of_a_jsonl_file(tmp_path: Path) -> None:
    data = tmp_path / "two.jsonl"
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (
        {"id": "one", "text": "استهدفت ثلاثة صواريخ قاعدة عين الأسد الجوية غرب العراق."},
        {"id": "two", "text": "أدانت وزارة الخارجية العراقية الهجوم على السفارة الأميركية في بغداد."})),
        encoding="utf-8")
    done = _explain(f"{data}#two")
    assert done.returncode == 0, done.stderr
    assert "document two" in done.stdout and "document one" not in done.stdout
    assert "Condemnation" in done.stdout
    by_option = _explain(str(data), "--id", "one")
    assert "document one" in by_option.stdout and "RocketAttack" in by_option.stdout


def test_explain_says_what_is_wrong_with_a_bad_target(tmp_path: Path) -> None:
    missing = _explain(str(tmp_path / "nothere.txt"))
    assert missing.returncode == 2 and "no such file" in missing.stderr
    data = tmp_path / "one.jsonl"
    data.write_text(json.dumps({"id": "one", "text": "نص قصير."}), encoding="utf-8")
    unknown = _explain(f"{data}#zzz")
    assert unknown.returncode == 2 and "no document with id zzz" in unknown.stderr
    assert "Traceback" not in missing.stderr + unknown.stderr
