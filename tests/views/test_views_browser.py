"""The explorer in real headless Chromium: offline, no console errors, every node drawn, no XSS, screenshots.

Pages open from file:// with the network emulated offline; any request to a non-file/data URL fails the test.
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from browser_cdp import Browser, Page
from conftest import SCREENSHOTS, XSS_LABEL, synthetic_graph
from rdflib import Graph

from queries.render import render_html

pytestmark = pytest.mark.browser
LOCAL = ("file:", "data:", "about:", "blob:")


def _open(browser: Browser, path: Path, timeout: float = 60.0) -> tuple[Page, float]:
    page = browser.new_page()
    return page, page.open(path.resolve().as_uri(), ready_timeout=timeout)


def _assert_clean(page: Page) -> None:
    log = page.log()
    assert log.console_errors == []
    assert [u for u in log.requests if not u.startswith(LOCAL)] == []
    assert log.dialogs == []
    assert page.eval("window.__xss") == 0


#: Places with no edge: hidden by default in the whole-graph view.
ISOLATED_PLACES = """ckg.data.nodes.filter(n => ckg.data.categories.find(c => c.key === n.c).group === 'place'
    && !ckg.data.edges.some(e => e.from === n.id || e.to === n.id)).length"""


def _toggle(page: Page, checkbox: str) -> None:
    page.eval(f"""(() => {{ const box = document.getElementById('{checkbox}'); box.checked = !box.checked;
        box.dispatchEvent(new Event('change', {{bubbles: true}})); }})()""")


def _node_screen_point(page: Page, node_id: int) -> tuple[float, float]:
    pos = page.eval(f"""(() => {{ const n = ckg.network; const p = n.canvasToDOM(n.getPosition({node_id}));
        const r = document.getElementById('network').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }})()""")
    return pos[0], pos[1]


def test_whole_graph_offline_drawn_and_screenshotted(browser: Browser, fixture_graph: Graph,
                                                     tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    report = render_html(fixture_graph, out)
    page, _ = _open(browser, out)
    drawn = page.eval("ckg.network.body.nodeIndices.length")
    assert drawn == report.nodes == page.eval("ckg.nodes.length") == 19
    assert page.eval("ckg.network.body.edgeIndices.length") == report.edges
    assert page.eval("document.getElementById('counts').textContent").startswith("19 of 19 nodes")
    shot = page.screenshot(SCREENSHOTS / "explorer-all-ar.png")
    assert shot.stat().st_size > 20_000
    page.eval("ckg.setLang('en')")
    assert page.eval("ckg.nodes.get(ckg.data.nodes.find(n => n.en === 'Iran').id).label") == "Iran"
    page.screenshot(SCREENSHOTS / "explorer-all-en.png")
    _assert_clean(page)


def test_xss_label_never_executes(browser: Browser, fixture_graph: Graph, tmp_path: Path) -> None:
    out = tmp_path / "xss.html"
    render_html(fixture_graph, out)
    page, _ = _open(browser, out)
    bad = page.eval("ckg.data.nodes.find(n => n.ar.includes('onerror')).id")
    assert page.eval(f"ckg.nodes.get({bad}).label") == XSS_LABEL  # shown as text on the canvas
    x, y = _node_screen_point(page, bad)
    for attempt in range(10):  # vis restarts its tooltip timer on every move: move, then keep still
        page.mouse("mouseMoved", x + attempt % 2, y)
        time.sleep(0.5)
        if page.eval("document.querySelector('.vis-tooltip')?.style.visibility === 'visible'"):
            break
    else:
        pytest.fail("the node tooltip never appeared")
    assert XSS_LABEL in page.eval("document.querySelector('.vis-tooltip').textContent")
    page.mouse("mousePressed", x, y)
    page.mouse("mouseReleased", x, y)
    panel = page.eval("document.getElementById('panel').textContent")
    assert XSS_LABEL in panel and "<script>window.__xss=1</script>" in panel
    for edge in page.eval("ckg.data.edges.map(e => e.id)"):
        page.eval(f"ckg.showEdge({edge})")
    page.eval("document.querySelector('#panel a[data-edge]') && 1")
    page.eval("ckg.search('img'); ckg.setLang('en'); ckg.setLang('ar')")
    assert page.eval("document.querySelectorAll('#panel img, #panel script, #panel svg, #controls img').length") == 0
    page.screenshot(SCREENSHOTS / "explorer-panel-xss.png")
    _assert_clean(page)


def test_filters_search_and_views(browser: Browser, fixture_graph: Graph, tmp_path: Path) -> None:
    out = tmp_path / "f.html"
    render_html(fixture_graph, out, view="all")
    page, _ = _open(browser, out)
    page.eval("""(() => { for (const box of document.querySelectorAll('#relation-filter input'))
        if (box.dataset.rel !== 'accuses') box.click(); })()""")
    assert page.eval("ckg.network.body.nodeIndices.length") == 6  # the accusation network
    page.eval("document.querySelector('#relation-filter input[data-rel=accuses]').click()")
    page.eval("""(() => { const f = document.getElementById('date-from'); f.value = '2021-01-01';
        f.dispatchEvent(new Event('change', {bubbles: true})); })()""")
    dates = page.eval("ckg.nodeView.get().map(n => ckg.data.nodes[n.id].date).filter(Boolean)")
    assert dates and all(d >= "2021-01-01" for d in dates)
    assert [h["en"] for h in page.eval("ckg.search('ايران')")] == ["Iran"]  # alef-insensitive
    _assert_clean(page)
    for view, kwargs in {"timeline": {}, "dossier": {"attack": "a1"},
                         "ego": {"focus": "Iran", "depth": 1}}.items():
        report = render_html(fixture_graph, tmp_path / f"{view}.html", view=view, **kwargs)
        page, _ = _open(browser, tmp_path / f"{view}.html")
        assert page.eval("ckg.network.body.nodeIndices.length") == report.nodes
        page.screenshot(SCREENSHOTS / f"explorer-{view}.png")
        _assert_clean(page)


@pytest.mark.slow
def test_five_thousand_nodes_render_or_are_cut(browser: Browser, tmp_path: Path) -> None:
    """Timings go to build/screenshots/large-graph-timing.json for the record; only correctness is asserted."""
    graph = synthetic_graph(5000)
    timings = {}
    for label, max_nodes in (("default max_nodes=1500", 1500), ("full max_nodes=5000", 5000)):
        out = tmp_path / f"big-{max_nodes}.html"
        started = time.monotonic()
        report = render_html(graph, out, max_nodes=max_nodes)
        render_s = time.monotonic() - started
        page, load_s = _open(browser, out, timeout=240)
        isolated = page.eval(ISOLATED_PLACES)
        assert isolated > 0 and page.eval("ckg.network.body.nodeIndices.length") == report.nodes - isolated
        _toggle(page, "show-isolated")  # places without relations are hidden by default; the toggle shows them
        assert page.eval("ckg.network.body.nodeIndices.length") == report.nodes
        if report.truncated:
            assert "most connected of 5,000" in page.eval("document.getElementById('notice').textContent")
        timings[label] = {"nodes": report.nodes, "edges": report.edges, "truncated": report.truncated,
                          "python_render_s": round(render_s, 2), "browser_ready_s": round(load_s, 2),
                          "html_mb": round(report.bytes / 1e6, 1)}
        page.screenshot(SCREENSHOTS / f"explorer-{max_nodes}.png")
        _assert_clean(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "large-graph-timing.json").write_text(json.dumps(timings, indent=2))
    print(json.dumps(timings, indent=2))
