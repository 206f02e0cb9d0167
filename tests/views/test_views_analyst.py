"""What the analyst sees in the explorer, on the shipped corpus, in real headless Chromium: the undated lane of
the timeline, the dossier's facts, search that finds the entity first, a language switch that redraws the side
panel, readable zoom and an ego view that fits."""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import typer
from browser_cdp import Browser, Page
from conftest import SCREENSHOTS
from rdflib import Graph
from typer.testing import CliRunner

from graph_builder.document import AttackKind
from queries.dossier import FACTS
from queries.render import render_html

pytestmark = pytest.mark.browser
ATTACKS = "ckg.data.nodes.filter(n => ckg.data.categories.find(c => c.key === n.c).group === 'attack')"


@pytest.fixture(scope="module")
def corpus_file(seed_graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "graph.ttl"
    seed_graph.serialize(path, format="turtle")
    return path


def _render_cli(args: list[str]) -> None:
    from queries.viewcli import register

    app = typer.Typer()
    register(app)
    res = CliRunner().invoke(app, ["render", *args])
    assert res.exit_code == 0, res.output


def _open(browser: Browser, path: Path) -> Page:
    page = browser.new_page()
    page.open(path.resolve().as_uri())
    return page


def _attack_count(path: Path) -> int:
    """The attacks the built graph holds, whatever the extractor finds today (no number fixed in the test)."""
    kinds = ", ".join(f"ckg:{k.value}" for k in AttackKind)
    rows = Graph().parse(path).query(f"""PREFIX ckg: <https://w3id.org/conflictkg/ontology#>
        SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?a a ?k ; ckg:reportedIn ?d . FILTER(?k IN ({kinds})) }}""")
    return int(next(iter(rows))[0])


def _visible(page: Page) -> set[int]:
    return set(page.eval("ckg.nodeView.getIds()"))


@pytest.mark.slow
def test_timeline_on_the_corpus_has_an_undated_lane_with_every_attack(browser: Browser, corpus_file: Path,
                                                                      tmp_path: Path) -> None:
    out = tmp_path / "timeline.html"
    _render_cli(["--graph", str(corpus_file), "--view", "timeline", "--lang", "en", "-o", str(out)])
    page = _open(browser, out)
    attacks = page.eval(f"{ATTACKS}.map(n => n.id)")
    assert len(attacks) == _attack_count(corpus_file) > 0  # every attack of the corpus, none of them dated
    timeline = page.eval("ckg.data.meta.timeline")
    lane = next(x for x in timeline["lanes"] if x["key"] == "undated")
    assert sorted(timeline["undated"]) == sorted(attacks)
    assert set(attacks) <= _visible(page)
    positions = page.eval(f"ckg.network.getPositions({attacks})")
    assert all(abs(p["y"] - lane["y"]) <= 30 for p in positions.values())
    xs = sorted(p["x"] for p in positions.values())
    assert min(b - a for a, b in itertools.pairwise(xs)) >= 150  # room for each label
    page.screenshot(SCREENSHOTS / "explorer-timeline-undated.png")
    page.eval("""(() => { const box = document.getElementById('show-undated'); box.checked = false;
        box.dispatchEvent(new Event('change', {bubbles: true})); })()""")
    assert not set(attacks) & _visible(page)  # the date filter hides undated attacks as a choice of its own


@pytest.mark.slow
def test_dossier_page_shows_the_attack_facts_in_both_languages(browser: Browser, seed_graph: Graph,
                                                               tmp_path: Path) -> None:
    out = tmp_path / "dossier.html"
    render_html(seed_graph, out, view="dossier", lang="en")
    page = _open(browser, out)
    panel = page.eval("document.getElementById('panel').innerText")
    terms = page.eval("[...document.querySelectorAll('#panel dl.facts dt')].map(d => d.textContent)")
    assert terms[:len(FACTS)] == [fact for fact, _ in FACTS]
    assert "Evidence" in panel and "9199999" not in panel and "CarriedOut" not in panel
    page.screenshot(SCREENSHOTS / "explorer-dossier-facts-en.png")
    page.eval("ckg.setLang('ar')")
    terms = page.eval("[...document.querySelectorAll('#panel dl.facts dt')].map(d => d.textContent)")
    assert terms[:len(FACTS)] == [ar for _, ar in FACTS]
    panel = page.eval("document.getElementById('panel').innerText")
    assert "الأدلة" in panel and "Evidence" not in panel and "projectileCount" not in panel
    assert "· ·" not in panel


@pytest.mark.slow
def test_whole_graph_search_zoom_and_isolated_places(browser: Browser, seed_graph: Graph, tmp_path: Path) -> None:
    out = tmp_path / "all.html"
    render_html(seed_graph, out)
    page = _open(browser, out)
    assert page.eval("ckg.network.getScale()") >= 0.6  # labels readable at first sight
    assert page.eval("ckg.search('ايران')[0].en") == "Iran"  # the entity itself, not an attack mentioning it
    page.eval("""(() => { const s = document.getElementById('search'); s.value = 'ايران';
        s.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'})); })()""")
    assert page.eval("ckg.data.nodes[ckg.network.getSelectedNodes()[0]].en") == "Iran"
    assert "Iran" in page.eval("document.getElementById('panel').innerText")
    hidden = page.eval("ckg.data.nodes.length") - len(_visible(page))
    assert hidden > 0  # isolated places
    page.eval("""(() => { const box = document.getElementById('show-isolated'); box.checked = true;
        box.dispatchEvent(new Event('change', {bubbles: true})); })()""")
    assert len(_visible(page)) == page.eval("ckg.data.nodes.length")


@pytest.mark.slow
def test_ego_view_fits_every_neighbour_in_the_canvas(browser: Browser, seed_graph: Graph, tmp_path: Path) -> None:
    out = tmp_path / "ego.html"
    render_html(seed_graph, out, view="ego", focus="إيران", depth=1)
    page = _open(browser, out)
    inside = page.eval("""(() => { const n = ckg.network;
        const r = document.getElementById('network').getBoundingClientRect();
        return ckg.nodeView.getIds().every(id => { const p = n.canvasToDOM(n.getPosition(id));
          return p.x >= 0 && p.y >= 0 && p.x <= r.width && p.y <= r.height; }); })()""")
    assert inside
    assert page.eval("ckg.data.nodes[ckg.network.getSelectedNodes()[0]].en") == "Iran"
