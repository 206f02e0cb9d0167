"""A denial of a report or rumour (ckg:denies) is no denial of involvement in the analyst views either: the
attack dossier calls it a "report denial" and the actor profile "denies report", as contested leaves it out."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from queries.catalog import run_query
from queries.store import Store, load_file, open_store

REPORT_DENIAL = Path(__file__).parent / "data" / "report_denial.trig"
RES = "https://w3id.org/conflictkg/resource/"


@pytest.fixture
def store() -> Iterator[Store]:
    st = open_store(None)
    load_file(st, REPORT_DENIAL)
    yield st
    st.close()


def _tail(term: object) -> str:
    return "" if term is None else str(term).rsplit("/", 1)[-1]


def test_the_dossier_calls_a_denial_of_a_report_a_report_denial(store: Store) -> None:
    """The embassy denying rumours of its evacuation denies no one's part in the attack: beside Kataib
    Hezbollah's denial of its involvement it reads "report denial", whatever the denial names as accused."""
    a1 = {(str(r["kind"]), _tail(r["statement"])) for r in run_query(store, "attack-dossier",
                                                                      {"attack": "res:event/a1"}).as_dicts()}
    assert a1 == {("accusation", "r1-acc"), ("accusation", "r1-acc2"), ("denial", "r1-involvement"),
                  ("report denial", "r1-report")}
    a2 = {(str(r["kind"]), _tail(r["statement"]), _tail(r["party"]))
          for r in run_query(store, "attack-dossier", {"attack": "res:event/a2"}).as_dicts()}
    assert a2 == {("accusation", "r1-acc3", "iran"), ("report denial", "r1-report2", ""),
                  ("report denial", "r1-report3", "iran")}


def _roles(store: Store, actor: str) -> set[tuple[str, str, str]]:
    rows = run_query(store, "actor-profile", {"actor": actor}).as_dicts()
    return {(str(r["role"]), _tail(r["statement"]), _tail(r["attack"])) for r in rows}


def test_the_actor_profile_says_denies_report_and_denies_for_no_one(store: Store) -> None:
    """Iran denying reports that it moved missiles "denies report"; the United States denying reports of a truce
    with Iran (a report denial naming Iran) "denies report" too, and Iran is not "denied for" by it."""
    assert _roles(store, "Iran") == {("accused by", "r1-acc2", "a1"), ("accused by", "r1-acc3", "a2"),
                                     ("denies report", "r1-report2", "a2")}
    assert _roles(store, "United States") == {("accuses", "r1-acc3", "a2"), ("denies report", "r1-report3", "a2")}
    assert _roles(store, "US Embassy in Baghdad") == {("denies report", "r1-report", "a1"), ("target of", "", "a1")}
    assert _roles(store, "Kataib Hezbollah") == {("accused by", "r1-acc", "a1"), ("denies", "r1-involvement", "a1"),
                                                 ("denied for", "r1-involvement", "a1")}
