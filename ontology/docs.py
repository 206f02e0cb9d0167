"""HTML documentation of the ontology, rendered from the packaged Turtle: `python -m ontology.docs --out DIR`.

pyLODE was tried first: 3.4.1 fails at import (it reads a pyproject.toml its wheel lacks) and 3.3.4, which
runs offline, glues the English and Arabic labels into one heading, skips named individuals and the SKOS
crosswalks, and orders some lists differently on each run. This module writes one self-contained page (no
scripts, no network) with the same sections as pyLODE, both label languages side by side, the individuals,
the alignments and the crosswalk table, in a stable order so a regenerated page only differs when the Turtle
does.
"""
from __future__ import annotations

import argparse
import html
import sys
from collections.abc import Iterable
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from ontology.loader import alignments_graph, ontology_graph
from ontology.vocab import CKG, ONTOLOGY_IRI

MAPPINGS = ((SKOS.closeMatch, "close"), (SKOS.broadMatch, "broad"), (SKOS.narrowMatch, "narrow"),
            (SKOS.relatedMatch, "related"), (SKOS.exactMatch, "exact"))
CHARACTERISTICS = ((OWL.TransitiveProperty, "transitive"), (OWL.FunctionalProperty, "functional"),
                   (OWL.SymmetricProperty, "symmetric"), (OWL.InverseFunctionalProperty, "inverse functional"))
PROPERTY_KINDS = ((OWL.ObjectProperty, "Object properties", "objectproperties"),
                  (OWL.DatatypeProperty, "Datatype properties", "datatypeproperties"),
                  (OWL.AnnotationProperty, "Annotation properties", "annotationproperties"))
CSS = """body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
h2{border-bottom:2px solid #345;padding-bottom:.2rem;margin-top:2.5rem}
.entity{border:1px solid #ccd;border-radius:6px;padding:.4rem 1rem;margin:1rem 0}
.entity h3{margin:.4rem 0}.iri{font-family:monospace;font-size:.85em;color:#555}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccd;padding:.25rem .5rem;vertical-align:top;
text-align:left}th{background:#eef}.props th{width:11rem;background:#f6f6fb}[lang=ar]{font-size:1.1em}
.tag{font-size:.75em;background:#345;color:#fff;border-radius:3px;padding:0 .3em;margin-left:.4em}
nav ul{columns:3}code{font-size:.9em}"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


class _Page:
    """The ontology and alignment graphs with the helpers that turn their terms into HTML."""

    def __init__(self, onto: Graph, align: Graph) -> None:
        self.onto, self.align = onto, align
        self.both = onto + align
        for prefix, ns in list(onto.namespaces()) + list(align.namespaces()):
            self.both.bind(prefix, ns, override=False)
        self.ns = str(CKG)

    def local(self, term: URIRef) -> str | None:
        """The fragment of a ckg: term (an anchor on this page), else None."""
        return str(term)[len(self.ns):] if str(term).startswith(self.ns) else None

    def qname(self, term: URIRef) -> str:
        try:
            return self.both.namespace_manager.normalizeUri(term).strip("<>")
        except ValueError:  # pragma: no cover - a term rdflib cannot split
            return str(term)

    def link(self, term: Node) -> str:
        """A ckg: term links to its entry; an external one shows its prefixed name and links out."""
        if isinstance(term, BNode):
            return self.expression(term)
        if isinstance(term, Literal):
            return _e(term)
        anchor = self.local(term)
        if anchor is not None:
            return f'<a href="#{_e(anchor)}"><code>ckg:{_e(anchor)}</code></a>'
        return f'<a href="{_e(term)}"><code>{_e(self.qname(term))}</code></a>'

    def expression(self, node: BNode) -> str:
        """Manchester-style text for the class and property expressions the ontology uses."""
        g = self.both
        for key, word in ((OWL.unionOf, " or "), (OWL.intersectionOf, " and ")):
            members = g.value(node, key)
            if members is not None:
                return "(" + word.join(self.link(m) for m in Collection(g, members)) + ")"
        prop = g.value(node, OWL.onProperty)
        if prop is not None:
            if g.value(node, OWL.hasSelf) is not None:
                return f"{self.link(prop)} <i>Self</i>"
            for key, word in ((OWL.someValuesFrom, "some"), (OWL.allValuesFrom, "only"), (OWL.hasValue, "value")):
                filler = g.value(node, key)
                if filler is not None:
                    return f"{self.link(prop)} <i>{word}</i> {self.link(filler)}"
        one_of = g.value(node, OWL.oneOf)
        if one_of is not None:
            return "{" + ", ".join(self.link(m) for m in Collection(g, one_of)) + "}"
        inverse = g.value(node, OWL.inverseOf)
        if inverse is not None:
            return f"<i>inverse</i> ({self.link(inverse)})"
        return "<i>anonymous expression</i>"

    def labels(self, term: Node, prop: URIRef = RDFS.label) -> str:
        """English and Arabic labels side by side, each marked with its language and direction."""
        out = []
        for label in sorted(self.both.objects(term, prop), key=lambda lit: (lit.language != "en", str(lit))):
            lang = label.language or ""
            direction = ' dir="rtl"' if lang == "ar" else ""
            out.append(f'<span lang="{_e(lang)}"{direction}>{_e(label)}</span>')
        return " · ".join(out)

    def rows(self, term: URIRef, rows: Iterable[tuple[str, Iterable[Node]]]) -> str:
        cells = []
        for name, values in rows:
            links = sorted({self.link(v) for v in values})
            if links:
                cells.append(f"<tr><th>{_e(name)}</th><td>{', '.join(links)}</td></tr>")
        return '<table class="props">' + "".join(cells) + "</table>" if cells else ""

    def entry(self, term: URIRef, tag: str, rows: Iterable[tuple[str, Iterable[Node]]]) -> str:
        anchor = self.local(term) or ""
        comment = "".join(f"<p>{_e(c)}</p>" for c in sorted(self.both.objects(term, RDFS.comment)))
        return (f'<div class="entity" id="{_e(anchor)}"><h3>{self.labels(term)}<span class="tag">{tag}</span></h3>'
                f'<div class="iri">{_e(term)}</div>{comment}{self.rows(term, rows)}</div>')

    def terms(self, kind: URIRef) -> list[URIRef]:
        return sorted(t for t in self.onto.subjects(RDF.type, kind) if isinstance(t, URIRef) and self.local(t))

    def disjoint(self, cls: URIRef) -> set[Node]:
        g = self.onto
        found = set(g.objects(cls, OWL.disjointWith)) | set(g.subjects(OWL.disjointWith, cls))
        for axiom in g.subjects(RDF.type, OWL.AllDisjointClasses):
            members = list(Collection(g, g.value(axiom, OWL.members)))
            if cls in members:
                found.update(m for m in members if m != cls)
        return found


def _class_section(page: _Page) -> str:
    g, a = page.onto, page.align
    out = []
    for cls in page.terms(OWL.Class):
        out.append(page.entry(cls, "class", [
            ("Subclass of", [o for o in g.objects(cls, RDFS.subClassOf)]),
            ("Equivalent to", g.objects(cls, OWL.equivalentClass)),
            ("Superclass of", g.subjects(RDFS.subClassOf, cls)),
            ("Disjoint with", page.disjoint(cls)),
            ("In domain of", [p for p in g.subjects(RDFS.domain, cls)]),
            ("In range of", [p for p in g.subjects(RDFS.range, cls)]),
            ("Aligned to (subclass of)", a.objects(cls, RDFS.subClassOf)),
            ("In scheme", a.objects(cls, SKOS.inScheme)),
            *((f"skos:{word}Match", a.objects(cls, prop)) for prop, word in MAPPINGS),
        ]))
    return "".join(out)


def _property_section(page: _Page, kind: URIRef) -> str:
    g, a = page.onto, page.align
    out = []
    for prop in page.terms(kind):
        traits = [Literal(word) for trait, word in CHARACTERISTICS if (prop, RDF.type, trait) in g]
        chains = [Literal(" ∘ ".join(page.qname(p) for p in Collection(g, c)))
                  for c in g.objects(prop, OWL.propertyChainAxiom)]
        out.append(page.entry(prop, kind.fragment.replace("Property", " property").lower(), [
            ("Domain", g.objects(prop, RDFS.domain)),
            ("Range", g.objects(prop, RDFS.range)),
            ("Subproperty of", g.objects(prop, RDFS.subPropertyOf)),
            ("Inverse of", list(g.objects(prop, OWL.inverseOf)) + list(g.subjects(OWL.inverseOf, prop))),
            ("Characteristics", traits),
            ("Property chain (⊑)", chains),
            ("Aligned to (subproperty of)", a.objects(prop, RDFS.subPropertyOf)),
            ("See also", a.objects(prop, RDFS.seeAlso)),
        ]))
    return "".join(out)


def _individual_section(page: _Page) -> str:
    individuals = sorted({t for t in page.onto.subjects(RDF.type, OWL.NamedIndividual) if page.local(t)})
    return "".join(page.entry(ind, "individual", [
        ("Type", [t for t in page.onto.objects(ind, RDF.type) if t != OWL.NamedIndividual]),
        ("In scheme", page.align.objects(ind, SKOS.inScheme)),
        *((f"skos:{word}Match", page.align.objects(ind, prop)) for prop, word in MAPPINGS),
    ]) for ind in individuals)


def _alignment_table(page: _Page) -> str:
    a = page.align
    rows = sorted((page.qname(s), page.link(s), page.qname(p), page.link(o)) for s, p, o in a
                  if isinstance(s, URIRef) and page.local(s)
                  and p in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.equivalentClass, OWL.equivalentProperty,
                            RDFS.seeAlso))
    body = "".join(f"<tr><td>{s}</td><td><code>{_e(p)}</code></td><td>{o}</td></tr>" for _, s, p, o in rows)
    return f"<table><tr><th>ConflictKG</th><th>relation</th><th>target</th></tr>{body}</table>"


def _concept(page: _Page, concept: Node) -> str:
    a = page.align
    notation, label = a.value(concept, SKOS.notation), a.value(concept, SKOS.prefLabel)
    text = " ".join(_e(x) for x in (notation, label) if x is not None) or _e(page.qname(concept))
    return f'<span title="{_e(concept)}">{text}</span>'


def _crosswalk_tables(page: _Page) -> str:
    """One table per ConflictKG scheme: a row per member, a column per external scheme (CAMEO, PLOVER, ACLED)."""
    a = page.align
    externals = sorted({a.value(o, SKOS.inScheme) for _, p, o in a if p in dict(MAPPINGS)} - {None},
                       key=lambda s: ("cameo" not in s, "plover" not in s, str(s)))
    out = []
    for scheme in sorted(set(a.subjects(RDF.type, SKOS.ConceptScheme)) - set(externals)):
        members = sorted(a.subjects(SKOS.inScheme, scheme), key=lambda t: (t not in set(
            a.objects(scheme, SKOS.hasTopConcept)), page.qname(t)))
        head = "".join(f"<th>{_e(a.value(s, SKOS.prefLabel) or page.qname(s))}</th>" for s in externals)
        body = []
        for term in members:
            cells = []
            for ext in externals:
                found = [f"{word} {_concept(page, o)}" for prop, word in MAPPINGS
                         for o in sorted(a.objects(term, prop)) if a.value(o, SKOS.inScheme) == ext]
                cells.append("<td>" + ("; ".join(found) or "—") + "</td>")
            note = "".join(f"<br><small>{_e(n)}</small>" for n in a.objects(term, SKOS.scopeNote))
            body.append(f"<tr><td>{page.link(term)}{note}</td>{''.join(cells)}</tr>")
        out.append(f'<h3 id="scheme-{_e(str(scheme).rsplit("/", 1)[-1])}">{page.labels(scheme, SKOS.prefLabel)} '
                   f'<span class="iri">{_e(scheme)}</span></h3>'
                   f"<table><tr><th>ConflictKG</th>{head}</tr>{''.join(body)}</table>")
    return "".join(out)


def render_html(onto: Graph | None = None, align: Graph | None = None) -> str:
    """The documentation page for the ontology and its alignments (packaged files unless given)."""
    page = _Page(onto if onto is not None else ontology_graph(), align if align is not None else alignments_graph())
    g, head = page.onto, URIRef(ONTOLOGY_IRI)
    title = g.value(head, DCTERMS.title) or "ConflictKG ontology"
    meta = page.rows(head, [("IRI", [head]), ("Version IRI", g.objects(head, OWL.versionIRI)),
                            ("Version", g.objects(head, OWL.versionInfo))])
    about = "".join(f"<p>{_e(x)}</p>" for x in sorted(g.objects(head, DCTERMS.description))
                    + sorted(g.objects(head, RDFS.comment)))
    sections = [("classes", "Classes", _class_section(page))]
    sections += [(anchor, name, _property_section(page, kind)) for kind, name, anchor in PROPERTY_KINDS]
    sections += [("individuals", "Named individuals", _individual_section(page)),
                 ("alignments", "Alignments to SEM, PROV-O, schema.org, ORG, FOAF, NIF, Web Annotation",
                  _alignment_table(page)),
                 ("crosswalks", "Crosswalks to CAMEO, PLOVER and ACLED", _crosswalk_tables(page))]
    namespaces = "".join(f"<tr><td><code>{_e(p)}</code></td><td><code>{_e(n)}</code></td></tr>"
                         for p, n in sorted(page.both.namespaces()) if p)
    sections.append(("namespaces", "Namespaces", f"<table>{namespaces}</table>"))
    nav = "".join(f'<li><a href="#{a}">{_e(n)}</a></li>' for a, n, _ in sections)
    body = "".join(f'<section id="{a}"><h2>{_e(n)}</h2>{s}</section>' for a, n, s in sections)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>'
            f"<style>{CSS}</style></head><body><h1>{page.labels(head)}</h1>{meta}{about}"
            f"<p>Crosswalk notes: <code>docs/crosswalks.md</code>. Generated by <code>ontology.docs</code> from "
            f"<code>ontology/data/conflictkg.ttl</code> and <code>alignments.ttl</code>.</p>"
            f"<nav><ul>{nav}</ul></nav>{body}</body></html>\n")


def write_docs(out_dir: Path) -> Path:
    """Write `index.html` into `out_dir` (created if missing) and return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "index.html"
    target.write_text(render_html(), encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ontology.docs", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/ontology"), help="output folder")
    target = write_docs(parser.parse_args(argv).out)
    print(f"wrote {target} ({target.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
