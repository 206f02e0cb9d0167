"""The query catalog: SPARQL files in `queries/catalog/*.rq`, described by their own comment header.

Header lines: `# title: …`, `# description: …` (may repeat), `# param: NAME TYPE DESCRIPTION`. TYPE is
one of `entity` (an IRI, a `res:`/`ckg:` CURIE, or a label resolved to IRIs by a bound query, then by the
forgiving look-up of `queries.lookup`), `attack` (an IRI, a hash or a displayed name), `iri`, `date`,
`string`, `integer`; a trailing `?` makes the parameter optional. Values become RDF terms and are bound
with VALUES, so user text is never pasted into SPARQL.

Listings declare the paging parameters `limit` and `offset` (integers). SPARQL has no variable LIMIT, so these
two are parsed as non-negative ints and only the int is written into the query: `LIMIT limit+1 OFFSET offset`
at the end (the extra row tells whether more exist), and `LIMIT offset+limit+1` at a `#@page` comment line
inside a sub-select that sorts the rows' keys before labels and evidence are fetched, so a page costs the
sort plus `limit` rows of look-ups instead of look-ups for every row of the graph. `limit=0` returns all rows.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from ontology.vocab import timeline_keys
from queries.attacks import resolve_attack
from queries.lookup import NameNotFound, find
from queries.store import PREFIXES, QueryResult, Store

CATALOG_DIR = Path(__file__).parent / "catalog"
#: Rows per page when a listing's `limit` is not given.
DEFAULT_LIMIT = 1000
PAGING = ("limit", "offset")
PAGE_MARKER = re.compile(r"(?m)^[ \t]*#@page[ \t]*$")
PARAM_TYPES = ("entity", "attack", "iri", "date", "string", "integer")
_CURIE = re.compile(r"^([A-Za-z][\w-]*):(.*)$")

#: Exact label lookup: ?l is bound to the text as @ar, @en and plain literal, so it hits the index.
RESOLVE_LABEL = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?e WHERE { { ?e rdfs:label ?l } UNION { ?e skos:altLabel ?l } } ORDER BY ?e
"""
#: Fallback for case or language-tag differences: compares lower-cased lexical forms (a scan, so second).
RESOLVE_LABEL_LOOSE = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?e WHERE {
  { ?e rdfs:label ?l } UNION { ?e skos:altLabel ?l }
  FILTER(LCASE(STR(?l)) = LCASE(STR(?text)))
} ORDER BY ?e
"""


#: Events per day within a range (the days bound as VALUES): each day is one look-up in the date index.
DAY_COUNTS = """
PREFIX ckg: <https://w3id.org/conflictkg/ontology#>
SELECT ?day (COUNT(DISTINCT ?event) AS ?n) WHERE { ?event ckg:date ?day } GROUP BY ?day ORDER BY ?day
"""
#: Events per ckg:timelineKey (integers) and per day (xsd:dates), all bound in one VALUES ?k: index look-ups.
KEY_COUNTS = """
PREFIX ckg: <https://w3id.org/conflictkg/ontology#>
SELECT ?k (COUNT(DISTINCT ?event) AS ?n) WHERE { { ?event ckg:timelineKey ?k } UNION { ?event ckg:date ?k } }
GROUP BY ?k
"""
#: `#@by-key` starts the lines a query runs only with its key variable bound (they start from the key index).
KEY_LINE = re.compile(r"(?m)^#@by-key(?=[ \t])")
#: Longest from–to range expanded into single days; longer ones filter the dates instead.
MAX_DAYS = 400


class CatalogError(ValueError):
    """Unknown query, missing or malformed parameter, or a label that names nothing."""


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    description: str
    optional: bool = False


@dataclass(frozen=True)
class CatalogQuery:
    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    sparql: str
    #: `# by-day: VAR`: the rows are sorted by the xsd:date ?VAR first (found by `?event ckg:date ?VAR`), so a
    #: page with both `from` and `to` given needs only the first days of the range (see `run_query`).
    by_day: str | None = None
    #: `# page-size: N`: rows per page when `limit` is not given (default DEFAULT_LIMIT).
    page_size: int = DEFAULT_LIMIT
    #: `# by-key: VAR`: within a day the rows are sorted by class rank first, so a page can be found from the
    #: ckg:timelineKey index (day and rank in one integer) bound to ?VAR in the `#@by-key` lines; see `run_query`.
    by_key: str | None = None


def parse_header(name: str, text: str) -> CatalogQuery:
    """Read title, description and parameters from the leading `# key: value` comment lines."""
    title, desc, params, page_size = name, [], [], DEFAULT_LIMIT
    by: dict[str, str | None] = {"by-day": None, "by-key": None}
    for line in text.splitlines():
        m = re.match(r"^#\s*(title|description|param|by-day|by-key|page-size):\s*(.*)$", line)
        if not m:
            if line.strip() and not line.startswith("#"):
                break
            continue
        key, value = m.groups()
        if key == "title":
            title = value.strip()
        elif key == "description":
            desc.append(value.strip())
        elif key == "page-size":
            if not value.strip().isdigit():
                raise CatalogError(f"{name}.rq: page-size needs a whole number, got {value!r}")
            page_size = int(value)
        elif key in by:
            by[key] = value.strip()
            if not re.fullmatch(r"[A-Za-z_]\w*", value.strip()):
                raise CatalogError(f"{name}.rq: {key} needs a variable name, got {value.strip()!r}")
        else:
            pname, ptype, *rest = [*value.split(maxsplit=2), ""]
            optional = ptype.endswith("?")
            ptype = ptype.rstrip("?")
            if ptype not in PARAM_TYPES:
                raise CatalogError(f"{name}.rq: parameter {pname} has unknown type {ptype!r}")
            params.append(Parameter(pname, ptype, rest[0].strip(), optional))
    return CatalogQuery(name, title, " ".join(desc), tuple(params), text, by["by-day"], page_size, by["by-key"])


@cache
def _catalog() -> dict[str, CatalogQuery]:
    folder = CATALOG_DIR
    found = {}
    for res in folder.iterdir():
        if res.name.endswith(".rq"):
            name = res.name[: -len(".rq")]
            found[name] = parse_header(name, res.read_text(encoding="utf-8"))
    return dict(sorted(found.items()))


def list_queries() -> list[CatalogQuery]:
    """Every catalog query, sorted by name."""
    return list(_catalog().values())


def get_query(name: str) -> CatalogQuery:
    """The catalog query called `name` (the .rq file stem)."""
    try:
        return _catalog()[name]
    except KeyError:
        raise CatalogError(f"no query {name!r}; known: {', '.join(_catalog())}") from None


def expand_iri(value: str) -> URIRef | None:
    """An IRI from `http(s)://…` or a known CURIE (`res:entity/iran`, `ckg:Denial`); None if neither."""
    value = value.strip()
    if value.startswith(("http://", "https://", "urn:")):
        return URIRef(value)
    m = _CURIE.match(value)
    if m and m.group(1) in PREFIXES:
        return URIRef(PREFIXES[m.group(1)] + m.group(2))
    return None


def resolve_entity(store: Store, text: str) -> list[URIRef]:
    """IRIs of resources labelled `text` (exact, else case-insensitive, else spelling-folded or an alias of a
    reference entity); an IRI stands for itself. No match: a CatalogError with the closest labels."""
    iri = expand_iri(text)
    if iri is not None:
        return [iri]
    text = text.strip()
    exact = [Literal(text, lang="ar"), Literal(text, lang="en"), Literal(text)]
    rows = store.query(RESOLVE_LABEL, {"l": exact}).rows
    if not rows:
        rows = store.query(RESOLVE_LABEL_LOOSE, {"text": Literal(text)}).rows
    if not rows:
        try:
            return find(store, text)
        except NameNotFound as exc:
            raise CatalogError(str(exc)) from None
    return [URIRef(str(r[0])) for r in rows]


def to_term(store: Store, param: Parameter, value: str) -> Node | list[Node]:
    """Turn one user-supplied string into the RDF term(s) the parameter's type calls for."""
    if param.type == "entity":
        return list(resolve_entity(store, value))
    if param.type == "attack":
        try:
            return list(resolve_attack(store, value))
        except NameNotFound as exc:
            raise CatalogError(f"{param.name}: {exc}") from None
    if param.type == "iri":
        iri = expand_iri(value)
        if iri is None:
            raise CatalogError(f"{param.name}: expected an IRI or res:/ckg: CURIE, got {value!r}")
        return iri
    if param.type == "date":
        try:
            return Literal(dt.date.fromisoformat(value.strip()).isoformat(), datatype=XSD.date)
        except ValueError:
            raise CatalogError(f"{param.name}: expected a date YYYY-MM-DD, got {value!r}") from None
    if param.type == "integer":
        try:
            return Literal(str(int(value)), datatype=XSD.integer)
        except ValueError:
            raise CatalogError(f"{param.name}: expected an integer, got {value!r}") from None
    return Literal(value)


def _count(param: Parameter, value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if n < 0:
        raise CatalogError(f"{param.name}: expected a whole number ≥ 0, got {value!r}")
    return n


def paged(sparql: str, limit: int, offset: int = 0) -> str:
    """The query restricted to rows offset+1 … offset+limit, plus one row to detect more; limit 0 means all."""
    if limit <= 0:
        return sparql
    sparql = PAGE_MARKER.sub(f"    LIMIT {offset + limit + 1}", sparql)
    return f"{sparql.rstrip()}\nLIMIT {limit + 1}" + (f" OFFSET {offset}" if offset else "") + "\n"


def run_query(store: Store, name: str, params: Mapping[str, str]) -> QueryResult:
    """Run catalog query `name` with `params` (strings from the user) bound as RDF terms.

    Listings return at most `limit` rows (default the query's page size, DEFAULT_LIMIT unless its header says
    `# page-size: N`); `truncated` says whether more exist.
    """
    query = get_query(name)
    known = {p.name for p in query.parameters}
    unknown = set(params) - known
    if unknown:
        raise CatalogError(f"{name} takes {', '.join(sorted(known)) or 'no parameters'}; "
                           f"unknown: {', '.join(sorted(unknown))}")
    bindings: dict[str, Node | list[Node]] = {}
    page = {"limit": query.page_size if "limit" in known else 0, "offset": 0}
    for p in query.parameters:
        if p.name in PAGING and p.type == "integer":
            if p.name in params:
                page[p.name] = _count(p, params[p.name])
        elif p.name in params:
            bindings[p.name] = to_term(store, p, params[p.name])
        elif not p.optional:
            raise CatalogError(f"{name} needs --param {p.name}=… ({p.type}: {p.description})")
    limit, offset = page["limit"], page["offset"]
    days = _days(bindings) if query.by_day and limit else None
    result = _run_by_key(store, query, bindings, days, limit, offset) if days and query.by_key else None
    if result is None and days:
        result = _run_by_day(store, query, bindings, days, limit, offset)
    if result is None:
        result = store.query(paged(query.sparql, limit, offset), bindings)
    if limit and len(result.rows) > limit:
        del result.rows[limit:]
        result.truncated = True
    return result


def _days(bindings: Mapping[str, Node | list[Node]]) -> list[Literal] | None:
    """Every day from `from` to `to` as xsd:date literals; None unless both are single dates ≤ MAX_DAYS apart."""
    start, end = bindings.get("from"), bindings.get("to")
    if not (isinstance(start, Literal) and isinstance(end, Literal)):
        return None
    first, last = start.toPython(), end.toPython()
    if not (isinstance(first, dt.date) and isinstance(last, dt.date)) or not 0 <= (last - first).days < MAX_DAYS:
        return None
    return [Literal((first + dt.timedelta(i)).isoformat(), datatype=XSD.date)
            for i in range((last - first).days + 1)]


def _run_by_key(store: Store, query: CatalogQuery, bindings: Mapping[str, Node | list[Node]],
                days: list[Literal], limit: int, offset: int) -> QueryResult | None:
    """A page of a query sorted by date and class rank, computed from only the ckg:timelineKey values it needs.

    One day holds ~1,200 events at 1M triples, and typing each costs an index seek; the key (day and rank in one
    integer, written by the builder) finds one day's events of one class with a single look-up. Events are
    counted per key and per day over 1, 2, 4, … days at a time until offset+limit+1 are counted; the query then
    starts from the shortest run of keys holding them (its `#@by-key` lines enabled). Rows with a later key sort
    after all of these, so if the run yields the page plus the extra row, or the range is exhausted, the page is
    exact. None (page by day instead) when a day has more dated events than keyed ones, as in a store built
    before the key existed, or when the run yields fewer rows than counted.
    """
    need, total, chosen, start, size = offset + limit + 1, 0, [], 0, 1
    while total < need and start < len(days):
        chunk, start, size = days[start:start + size], start + size, size * 2
        keys = {day: timeline_keys(day.toPython()) for day in chunk}
        rows = store.query(KEY_COUNTS, {"k": [*chunk, *(Literal(k) for ks in keys.values() for k in ks)]}).rows
        counts = {k.toPython(): int(n.toPython()) for k, n in rows if isinstance(k, Literal) and isinstance(n, Literal)}
        for day, day_keys in keys.items():
            if sum(counts.get(k, 0) for k in day_keys) < counts.get(day.toPython(), 0):
                return None
            for k in day_keys:
                if total < need and counts.get(k):
                    chosen.append(Literal(k))
                    total += counts[k]
    if not chosen:
        return None
    text = KEY_LINE.sub(" " * len("#@by-key"), paged(query.sparql, limit, offset))
    result = store.query(text, {**bindings, query.by_key: chosen})
    return result if len(result.rows) > limit or total < need else None


def _run_by_day(store: Store, query: CatalogQuery, bindings: Mapping[str, Node | list[Node]],
                days: list[Literal], limit: int, offset: int) -> QueryResult:
    """A page of a query sorted by date first, computed over only the first days of the range.

    The events per day are counted (one index look-up per day); the query then runs with its date variable
    bound to the shortest run of days holding offset+limit+1 events. Rows of later days sort after every row
    of those days, so if that run yields the whole page (plus the extra row) the page is exact; otherwise
    (events without a listed type, say) the query runs again over every day of the range. Filtering by
    `from`/`to` stays in the query, so the result is the same rows as without the day binding.
    """
    counts = store.query(DAY_COUNTS, {"day": days}).rows
    need, total, chosen = offset + limit + 1, 0, []
    for day, n in counts:
        chosen.append(day)
        total += int(n.toPython()) if isinstance(n, Literal) else 0
        if total >= need:
            break
    text = paged(query.sparql, limit, offset)
    result = store.query(text, {**bindings, query.by_day: chosen or days})
    if len(result.rows) > limit or len(chosen) == len(counts):
        return result
    return store.query(text, {**bindings, query.by_day: days})
