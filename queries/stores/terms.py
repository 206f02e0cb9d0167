"""RDF term plumbing shared by every backend: rdflib <-> pyoxigraph, SPARQL term syntax, VALUES binding.

Parameters reach SPARQL only as RDF terms. Engines differ in how they pre-bind variables (Oxigraph's
substitutions must be projected, SPARQL endpoints have none), so every backend gets the same thing: a
`VALUES` block placed at the start of the query's outer WHERE group. The block is produced by a strict term
serialiser (checked IRIs, fully escaped literals, checked language tags), never by formatting raw text.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from ontology.oxterms import from_ox as from_ox  # re-exported for the store backends
from ontology.oxterms import to_ox as to_ox

#: A binding value: one term, or several (a label that names more than one entity).
BindingValue = Node | Sequence[Node]

_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LANG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
_VARNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_IRIREF = re.compile(r'<[^\x00-\x20<>"{}|^`\\]*>')


class BindingError(ValueError):
    """A parameter could not be turned into a safe SPARQL term."""


def sparql_iri(iri: str) -> str:
    """`<iri>` after checking it holds no character that could end the IRI early."""
    if not iri or _IRI_FORBIDDEN.search(iri) or ":" not in iri:
        raise BindingError(f"not a valid absolute IRI: {iri!r}")
    return f"<{iri}>"


def sparql_literal(lit: Literal) -> str:
    """A SPARQL literal with every quote, backslash and control character escaped."""
    body = "".join(_ESCAPES.get(ch, ch) for ch in str(lit))
    if lit.language:
        if not _LANG.match(lit.language):
            raise BindingError(f"bad language tag: {lit.language!r}")
        return f'"{body}"@{lit.language}'
    if lit.datatype:
        return f'"{body}"^^{sparql_iri(str(lit.datatype))}'
    return f'"{body}"'


def sparql_term(term: Node) -> str:
    """SPARQL syntax for an IRI or literal (blank nodes cannot be bound from outside a query)."""
    if isinstance(term, URIRef):
        return sparql_iri(str(term))
    if isinstance(term, Literal):
        return sparql_literal(term)
    raise BindingError(f"cannot bind {type(term).__name__} {term!r}")


def values_block(bindings: Mapping[str, BindingValue]) -> str:
    """`VALUES ?a { ... } VALUES ?b { ... }`: one block per variable, so several values mean alternatives."""
    parts = []
    for name, value in bindings.items():
        if not _VARNAME.match(name):
            raise BindingError(f"bad variable name: {name!r}")
        terms = [value] if isinstance(value, Node) else list(value)
        if not terms:
            raise BindingError(f"no value for ?{name}")
        parts.append(f"VALUES ?{name} {{ {' '.join(sparql_term(t) for t in terms)} }}")
    return " ".join(parts)


def _outer_group_start(sparql: str) -> int:
    """Index just after the `{` that opens the outer WHERE group, skipping strings, IRIs and comments."""
    i, n, depth, first_brace, where_seen = 0, len(sparql), 0, -1, False
    while i < n:
        ch = sparql[i]
        if ch == "#":
            i = sparql.find("\n", i)
            i = n if i < 0 else i
        elif ch in "\"'":
            quote = sparql[i : i + 3] if sparql[i : i + 3] in ('"""', "'''") else ch
            j = i + len(quote)
            while j < n and not sparql.startswith(quote, j):
                j += 2 if sparql[j] == "\\" else 1
            i = j + len(quote) - 1
        elif ch == "<" and (m := _IRIREF.match(sparql, i)):
            i = m.end() - 1
        elif ch == "{":
            if depth == 0 and (where_seen or first_brace < 0):
                if where_seen:
                    return i + 1
                first_brace = i + 1
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0 and sparql[i : i + 5].upper() == "WHERE" and not sparql[i - 1 : i].isalnum():
            where_seen = True
        i += 1
    if first_brace < 0 or re.search(r"\bCONSTRUCT\b", sparql, re.IGNORECASE):
        raise BindingError("query has no WHERE group to bind parameters into")
    return first_brace


#: A comment line `#@bind` marks where the VALUES block goes when it must not open the outer WHERE group, e.g.
#: inside a sub-select that filters on the parameters before it sorts and pages (a sub-select cannot see
#: variables bound outside it). Being a comment, the marker leaves the query valid SPARQL for every tool.
BIND_MARKER = re.compile(r"(?m)^[ \t]*#@bind[ \t]*$")


def bind_values(sparql: str, bindings: Mapping[str, BindingValue] | None) -> str:
    """The query with `bindings` as a VALUES block at its `#@bind` line, else at the start of its outer WHERE."""
    if not bindings:
        return sparql
    block = values_block(bindings)
    if (marker := BIND_MARKER.search(sparql)) is not None:
        return f"{sparql[:marker.start()]}  {block}{sparql[marker.end():]}"
    at = _outer_group_start(sparql)
    return f"{sparql[:at]}\n  {block}\n{sparql[at:]}"


# -- rdflib <-> pyoxigraph ------------------------------------------------------------------------------


def triples_to_quads(triples: Iterable[tuple[Node, Node, Node]], graph: URIRef) -> list[ox.Quad]:
    """pyoxigraph quads for rdflib triples placed in `graph`."""
    g = ox.NamedNode(str(graph))
    return [ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in triples]
