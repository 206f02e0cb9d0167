"""Any SPARQL 1.1 endpoint: SPARQLWrapper for queries, the Graph Store Protocol for loads.

A document graph is replaced with one GSP `PUT` (one HTTP request, one server transaction), so a failed or
interrupted load leaves the old graph, never half of the new one; retrying a PUT is harmless. Network faults
and 5xx answers are retried a bounded number of times with backoff; 4xx answers are not: they will not change.

Endpoint layout is guessed from the URL and can be overridden by environment variables:
`…/query` → Oxigraph (`/update`, `/store`); `…/sparql` → Virtuoso (`/sparql-graph-crud[-auth]`); a bare
`http://host:port` → Oxigraph. `CONFLICTKG_SPARQL_GSP`, `CONFLICTKG_SPARQL_UPDATE`, `CONFLICTKG_SPARQL_USER`,
`CONFLICTKG_SPARQL_PASSWORD` (digest or basic auth), `CONFLICTKG_SPARQL_TIMEOUT` (seconds) and
`CONFLICTKG_SPARQL_RETRIES` (attempts, default 3) override.
Queries must see the union of the named graphs as the default graph (Oxigraph `--union-default-graph`,
Virtuoso by default, Fuseki `unionDefaultGraph`).
"""
from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from typing import TypeVar

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node
from SPARQLWrapper import DIGEST, JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from queries.store import ONTOLOGY_GRAPH, PREFIXES, QueryResult, StoreError, ontology_graph, union_of
from queries.stores.terms import BindingValue, bind_values, to_ox, triples_to_quads

T = TypeVar("T")
GRAPH_BASE = PREFIXES["res"] + "graph/"
#: Every quad of the project's graphs (an endpoint such as Virtuoso also holds its own system graphs).
_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), STR(?base))) }"
_QUADS = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), STR(?base))) }"


_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
#: What a SPARQL endpoint answers a SELECT/ASK with when asked for JSON; anything else (text/html from a web
#: server or a login page) means the URL is not the endpoint.
_RESULT_TYPES = {"application/sparql-results+json", "application/json"}


def _check_url(url: str) -> None:
    """A one-line StoreError for a URL urllib would choke on later with a traceback (bad port, no host)."""
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise StoreError(f"bad endpoint URL {url!r}: {exc}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"bad endpoint URL {url!r}: expected http(s)://host[:port]/path")
    if port == 0:
        raise StoreError(f"bad endpoint URL {url!r}: port 0")


def _endpoints(url: str, has_user: bool) -> tuple[str, str]:
    """(query URL, Graph Store Protocol URL) for an endpoint URL, following the servers' usual layouts."""
    base = url.rstrip("/")
    if base.endswith("/query"):
        root = base[: -len("/query")]
        return base, root + "/store"
    if base.endswith("/sparql"):
        root = base[: -len("/sparql")]
        return base, root + ("/sparql-graph-crud-auth" if has_user else "/sparql-graph-crud")
    return base + "/query", base + "/store"


def _term(b: Mapping[str, str]) -> Node:
    """rdflib term from one SPARQL JSON results binding."""
    if b["type"] == "uri":
        return URIRef(b["value"])
    if b["type"] == "bnode":
        return BNode(b["value"])
    if "xml:lang" in b:
        return Literal(b["value"], lang=b["xml:lang"])
    dt = b.get("datatype")
    if dt and dt != "http://www.w3.org/2001/XMLSchema#string":
        return Literal(b["value"], datatype=URIRef(dt))
    return Literal(b["value"])


class RemoteStore:
    """A SPARQL 1.1 endpoint behind the project's Store interface."""

    def __init__(
        self, url: str, *, read_only: bool = False, retries: int = 3, timeout: float | None = None,
        backoff: float = 0.5,
    ) -> None:
        _check_url(url)
        self.user = os.environ.get("CONFLICTKG_SPARQL_USER")
        self.password = os.environ.get("CONFLICTKG_SPARQL_PASSWORD", "")
        self.query_url, gsp = _endpoints(url, bool(self.user))
        self.gsp_url = os.environ.get("CONFLICTKG_SPARQL_GSP", gsp)
        self.read_only = read_only
        self.retries = max(1, int(os.environ.get("CONFLICTKG_SPARQL_RETRIES", retries)))
        self.timeout = timeout or float(os.environ.get("CONFLICTKG_SPARQL_TIMEOUT", "30"))
        self.backoff = backoff
        handlers: list[urllib.request.BaseHandler] = []
        if self.user:
            mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            mgr.add_password(None, self.gsp_url, self.user, self.password)
            handlers += [urllib.request.HTTPDigestAuthHandler(mgr), urllib.request.HTTPBasicAuthHandler(mgr)]
        self._opener = urllib.request.build_opener(*handlers)

    # -- plumbing -----------------------------------------------------------------------------------------

    def _retry(self, what: str, url: str, call: Callable[[], T]) -> T:
        """Run `call`, retrying network faults and 5xx; a clear StoreError when it still fails."""
        last = ""
        for attempt in range(self.retries):
            try:
                return call()
            except urllib.error.HTTPError as exc:
                body = exc.read()[:300].decode(errors="replace").strip()
                if exc.code in (401, 403, 405):
                    raise StoreError(
                        f"{url} refused to {what} (HTTP {exc.code} {exc.reason}); the endpoint may be "
                        "read-only or need CONFLICTKG_SPARQL_USER/PASSWORD"
                    ) from None
                if exc.code < 500:
                    raise StoreError(f"{url} rejected {what} (HTTP {exc.code}): {body}") from None
                last = f"HTTP {exc.code} {body}"
            except SPARQLWrapperException as exc:
                msg = str(exc).strip()
                if "Internal" not in type(exc).__name__ and "503" not in msg:
                    raise StoreError(f"{url} rejected {what}: {msg[:400]}") from None
                last = msg[:300]
            except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
                last = str(getattr(exc, "reason", exc)) or type(exc).__name__
            if attempt + 1 < self.retries:
                time.sleep(self.backoff * 2**attempt)
        raise StoreError(
            f"SPARQL endpoint {url} did not {what} after {self.retries} attempts "
            f"(timeout {self.timeout:g} s each): {last}. Is the server running and reachable?"
        )

    def _http(self, method: str, graph: URIRef, body: bytes | None = None) -> int:
        if self.read_only:
            raise StoreError(f"store {self.query_url} is open read-only")
        url = f"{self.gsp_url}?{urllib.parse.urlencode({'graph': str(graph)})}"
        headers = {"Content-Type": "text/turtle; charset=utf-8"} if body is not None else {}

        def call() -> int:
            req = urllib.request.Request(url, data=body, method=method, headers=headers)
            try:
                with self._opener.open(req, timeout=self.timeout) as resp:
                    return resp.status
            except urllib.error.HTTPError as exc:
                if method == "DELETE" and exc.code == 404:
                    return 404
                raise

        return self._retry(f"{method} graph {graph}", self.gsp_url, call)

    def _select(self, sparql: str) -> dict:
        def call() -> dict:
            wrapper = SPARQLWrapper(self.query_url)
            wrapper.setMethod(POST)
            wrapper.setReturnFormat(JSON)
            wrapper.setTimeout(int(self.timeout) or 1)
            if self.user:
                wrapper.setHTTPAuth(DIGEST)
                wrapper.setCredentials(self.user, self.password)
            wrapper.setQuery(sparql)
            response = wrapper.query().response
            ctype = response.info().get_content_type()
            raw = response.read()
            if ctype not in _RESULT_TYPES:
                raise StoreError(f"{self.query_url} answered {ctype}, not SPARQL results "
                                 f"({raw[:80].decode(errors='replace').strip()!r}); is it a SPARQL endpoint?")
            try:
                return json.loads(raw)
            except ValueError:
                raise StoreError(f"{self.query_url} answered malformed SPARQL JSON results") from None

        return self._retry("answer the query", self.query_url, call)

    # -- Store interface -----------------------------------------------------------------------------------

    def replace_graph(self, graph: URIRef, triples: rdflib.Graph) -> None:
        quads = triples_to_quads(triples, graph)
        if not quads:
            self.remove_graph(graph)
            return
        body = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES)
        self._http("PUT", graph, body)
        stored = self.count(graph)
        if stored != len(quads):  # a 200 is not proof: a proxy or a non-SPARQL server may answer anything
            raise StoreError(f"{self.gsp_url} accepted graph {graph} but it now holds {stored} of "
                             f"{len(quads)} triples; the write did not take")

    def count(self, graph: URIRef) -> int:
        """Triples in one named graph, as the endpoint reports them."""
        rows = self.query(_COUNT, {"g": graph}).rows
        try:
            return int(rows[0][0]) if rows and rows[0][0] is not None else 0
        except (TypeError, ValueError):
            raise StoreError(f"{self.query_url} answered a count that is not a number: {rows[0][0]!r}") from None

    def remove_graph(self, graph: URIRef) -> None:
        self._http("DELETE", graph)

    def graphs(self) -> list[URIRef]:
        rows = self.query(_GRAPHS, {"base": Literal(GRAPH_BASE)}).rows
        return sorted(URIRef(str(row[0])) for row in rows)

    def query(self, sparql: str, bindings: Mapping[str, BindingValue] | None = None) -> QueryResult:
        data = self._select(bind_values(sparql, bindings))
        if "boolean" in data:
            return QueryResult(vars=[], boolean=bool(data["boolean"]))
        names = data["head"]["vars"]
        rows = [
            tuple(_term(b[n]) if n in b else None for n in names) for b in data["results"]["bindings"]
        ]
        return QueryResult(vars=names, rows=rows)

    def _all_quads(self) -> list[tuple[Node | None, ...]]:
        return self.query(_QUADS, {"base": Literal(GRAPH_BASE)}).rows

    def _quads(self, *, with_ontology: bool) -> list[ox.Quad]:
        out, has_ontology = [], False
        for g, s, p, o in self._all_quads():
            if g == ONTOLOGY_GRAPH:
                has_ontology = True
                if not with_ontology:
                    continue
            out.append(ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g)))
        if with_ontology and not has_ontology:
            out.extend(triples_to_quads(ontology_graph(), ONTOLOGY_GRAPH))
        return out

    def union_graph(self) -> rdflib.Graph:
        return union_of((s, p, o) for _, s, p, o in self._all_quads())

    def dump(self, fmt: str, *, with_ontology: bool = False) -> bytes:
        from queries.export import serialize_quads

        return serialize_quads(self._quads(with_ontology=with_ontology), fmt)

    def close(self) -> None:
        """Nothing to release: every request opens and closes its own connection."""
