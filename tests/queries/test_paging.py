"""Paging of listings: pages are slices of the full result, limits are checked ints, `#@bind` places VALUES."""
from __future__ import annotations

import re

import pytest
from rdflib import Literal
from undated_events import add_undated_events

from ontology.vocab import CKG, TIMELINE_CLASSES
from queries.catalog import DEFAULT_LIMIT, CatalogError, get_query, list_queries, paged, run_query
from queries.stores.terms import BIND_MARKER, bind_values

PAGED = sorted(q.name for q in list_queries() if any(p.name == "limit" for p in q.parameters))


def test_listings_are_paged() -> None:
    assert {"accused-of", "denials", "claims", "condemnations", "threats", "accusation-network",
            "attacks-by-target", "timeline", "actor-profile"} <= set(PAGED)
    for name in PAGED:
        assert [p.type for p in get_query(name).parameters if p.name in ("limit", "offset")] == ["integer"] * 2


@pytest.mark.parametrize("name", PAGED)
def test_pages_slice_the_full_result(mem_store, catalog_params, name: str) -> None:
    if name == "undated":  # every event of the fixture is dated
        add_undated_events(mem_store)
    params = catalog_params.get(name, {})
    full = run_query(mem_store, name, {**params, "limit": "0"})
    assert not full.truncated and len(full.rows) > 0
    pages = []
    for offset in range(0, len(full.rows) + 2, 2):
        page = run_query(mem_store, name, {**params, "limit": "2", "offset": str(offset)})
        assert page.vars == full.vars
        assert page.truncated == (offset + 2 < len(full.rows))
        pages.extend(page.rows)
    assert pages == full.rows
    assert run_query(mem_store, name, params).rows == full.rows[:get_query(name).page_size]


def test_page_sizes() -> None:
    timeline = get_query("timeline")
    assert timeline.page_size == 100 and timeline.by_day == "date" and timeline.by_key == "timelineKey"
    assert get_query("accused-of").page_size == DEFAULT_LIMIT and get_query("accused-of").by_day is None


def test_timeline_ranks_are_the_timeline_key_ranks() -> None:
    """The ?rank table of timeline.rq and the rank inside ckg:timelineKey must agree, or key pages skip rows."""
    table = re.search(r"VALUES \(\?type \?rank\) \{(.*?)\}", get_query("timeline").sparql, re.S)
    assert table is not None
    pairs = re.findall(r"\(ckg:(\w+) (\d+)\)", table.group(1))
    assert [(CKG[name], int(rank)) for name, rank in pairs] == [(c, i) for i, c in enumerate(TIMELINE_CLASSES)]


#: ckg:timelineKey triples removed from the fixture: none (the builder's output), all (a store built before the
#: key existed), or one event's (a day with more dated than keyed events).
KEYS_DROPPED = {"keyed": None, "unkeyed": "?e ckg:timelineKey ?k",
                "one-missing": "?e ckg:timelineKey ?k FILTER(?e = <https://w3id.org/conflictkg/resource/event/s3>)"}


@pytest.mark.parametrize("keys", list(KEYS_DROPPED))
def test_timeline_pages_by_key_or_day_match_the_filtered_query(mem_store, keys: str) -> None:
    """With both dates the page is found from the (day, kind) keys, or from the days where keys are missing
    (an index look-up each); either way the rows equal the plain date-filtered query's."""
    from queries.catalog import _days, to_term

    if KEYS_DROPPED[keys]:
        mem_store._s.update(f"PREFIX ckg: <{CKG}> DELETE {{ GRAPH ?g {{ ?e ckg:timelineKey ?k }} }} "
                         f"WHERE {{ GRAPH ?g {{ {KEYS_DROPPED[keys]} }} }}")
    q = get_query("timeline")
    params = {"from": "2020-01-01", "to": "2020-03-31"}
    bindings = {p.name: to_term(mem_store, p, params[p.name]) for p in q.parameters if p.name in params}
    assert len(_days(bindings)) == 91
    plain = mem_store.query(q.sparql, bindings).rows
    assert plain and run_query(mem_store, "timeline", {**params, "limit": "0"}).rows == plain
    texts: list[str] = []
    query = mem_store.query
    mem_store.query = lambda sparql, b=None: texts.append(sparql) or query(sparql, b)  # type: ignore[method-assign]
    for limit in (1, 2, 3):
        for offset in range(len(plain) + 1):
            page = run_query(mem_store, "timeline", {**params, "limit": str(limit), "offset": str(offset)})
            assert page.rows == plain[offset:offset + limit]
            assert page.truncated == (offset + limit < len(plain))
    by_key = [t for t in texts if re.search(r"(?m)^ +\?event ckg:timelineKey \?timelineKey", t)]
    assert (len(by_key) == 3 * (len(plain) + 1)) == (keys == "keyed")
    assert _days({"from": bindings["to"], "to": bindings["from"]}) is None


def test_limit_and_offset_must_be_whole_numbers(mem_store) -> None:
    for bad in ("-1", "ten", "1; DROP ALL", "2.5"):
        with pytest.raises(CatalogError, match="whole number"):
            run_query(mem_store, "accused-of", {"limit": bad})
        with pytest.raises(CatalogError, match="whole number"):
            run_query(mem_store, "accused-of", {"offset": bad})


def test_paged_text_holds_only_ints() -> None:
    text = paged(get_query("accused-of").sparql, 10, 20)
    assert "LIMIT 31" in text and text.rstrip().endswith("LIMIT 11 OFFSET 20")
    assert paged(get_query("accused-of").sparql, 0, 5) == get_query("accused-of").sparql


def test_bind_marker_places_values_inside_the_sub_select() -> None:
    text = bind_values(get_query("timeline").sparql, {"from": Literal("x")})
    values_at, subselect_at = text.index('VALUES ?from { "x" }'), text.index("SELECT ?event ?date")
    assert values_at > subselect_at and BIND_MARKER.search(text) is None
    plain = bind_values("SELECT * WHERE { ?s ?p ?o }", {"s": Literal("y")})
    assert plain.index("VALUES ?s") < plain.index("?s ?p ?o")
