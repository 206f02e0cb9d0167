"""A denial of a report or rumour (ckg:denies) is no denial of involvement in the analyst views either: the
attack dossier calls it a "report denial", as contested leaves it out."""
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
